#include "columnar/table_codec.h"

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

Dataset every_table() {
  Dataset d;
  d.enterprises.push_back(
      {"91410300MA44A0001A", "甲公司", "3411", "34", "410305", "p1", {"c2", "c1"}, true});
  d.enterprises.push_back({"91410300MA44B0002B", "乙", "13", "13", "410302", "", {}, false});
  d.deflators.push_back({"34", {2021, 4}, 101.5});
  d.va_ratios.push_back({"13", 2021, 0.25});
  d.parks.push_back({"p1", "园区", "410300", "A"});
  d.chains.push_back({"c1", "链"});
  Project project;
  project.id = "x1";
  project.name = "项目";
  project.region = "410305";
  project.total_investment = 12.5;
  project.year_plan_investment = 3;
  project.planned_start = CivilDate{2021, 3, 1};
  d.projects.push_back(project);
  d.projects.push_back(Project{});
  d.project_progress.push_back({"x1", {2021, 3}, 1.25});
  d.region_groups.push_back({"g", "组", {"410300", "410305"}});
  return d;
}

TEST(TableCodec, RoundTripsEveryTableButMonthly) {
  Dataset tables = every_table();
  Dataset with_monthly = tables;
  with_monthly.monthly.push_back(MonthlyRecord{});
  Result<Dataset> decoded = decode_tables(encode_tables(with_monthly));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
  EXPECT_EQ(*decoded, tables);
}

TEST(TableCodec, EveryTruncationIsCorruption) {
  std::string bytes = encode_tables(every_table());
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    Result<Dataset> decoded = decode_tables(std::string_view(bytes).substr(0, size));
    ASSERT_FALSE(decoded.has_value()) << size;
    EXPECT_EQ(decoded.error().code(), StatusCode::kCorruption);
  }
}

TEST(TableCodec, TrailingBytesAndHugeCountsAreCorruption) {
  std::string bytes = encode_tables(every_table());
  EXPECT_FALSE(decode_tables(bytes + "x").has_value());
  std::string huge = bytes;
  huge[0] = huge[1] = huge[2] = huge[3] = '\xff';  // 4 billion enterprises
  EXPECT_FALSE(decode_tables(huge).has_value());
}

}  // namespace
}  // namespace zhizao::detail
