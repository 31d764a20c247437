// The default region group and the rules every group follows.
#include "domain/region_group.h"

#include <fmt/format.h>
#include <algorithm>

#include "domain/region.h"

namespace zhizao {

RegionGroup luoyang_metropolitan_area() {
  // 洛阳都市圈 as the bureau works with it: Luoyang with Jiyuan, Jiaozuo, Pingdingshan, Sanmenxia
  // and Gongyi. The same rows are seeded into the database (store/migrations.cc).
  return RegionGroup{
      "luoyang-metro", "洛阳都市圈", {"410300", "419001", "410800", "410400", "411200", "410181"}};
}

bool group_contains(const RegionGroup& group, std::string_view county) {
  return std::any_of(
      group.members.begin(), group.members.end(),
      [county](const std::string& member) { return region_contains(member, county); });
}

Status check_region_group(const RegionGroup& group) {
  if (group.id.empty()) {
    return Status::invalid_data(fmt::format("region group \"{}\" has no id", group.name));
  }
  if (group.name.empty()) {
    return Status::invalid_data(fmt::format("region group \"{}\" has no name", group.id));
  }
  if (group.members.empty()) {
    return Status::invalid_data(fmt::format("region group \"{}\" has no members", group.id));
  }
  for (std::size_t i = 0; i < group.members.size(); ++i) {
    const std::string& member = group.members[i];
    if (find_region(member) == nullptr) {
      return Status::invalid_data(fmt::format(
          "region group \"{}\": member \"{}\" is not a GB/T 2260 code", group.id, member));
    }
    if (std::find(group.members.begin(), group.members.begin() + static_cast<std::ptrdiff_t>(i),
                  member) != group.members.begin() + static_cast<std::ptrdiff_t>(i)) {
      return Status::invalid_data(
          fmt::format("region group \"{}\": member \"{}\" is listed twice", group.id, member));
    }
  }
  return Status::ok();
}

}  // namespace zhizao
