// GB/T 4754-2017 look-ups over the compiled tables of industry_table.cc.
#include "domain/industry.h"

#include <fmt/format.h>
#include <algorithm>

#include "base/text.h"
#include "domain/industry_table.h"

namespace zhizao {
namespace {

bool all_digits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// GB/T 4754-2017 numbers its 97 divisions 01–97 without gaps; 06–46 are industry.
bool is_division_of_standard(std::string_view code) { return code >= "01" && code <= "97"; }

bool is_industrial_class(std::string_view code) {
  const auto classes = detail::industrial_class_codes();
  return std::binary_search(classes.begin(), classes.end(), code);
}

}  // namespace

std::span<const Division> industrial_divisions() { return detail::industrial_division_table(); }

const Division* find_division(std::string_view code) {
  const auto divisions = industrial_divisions();
  const auto it = std::lower_bound(
      divisions.begin(), divisions.end(), code,
      [](const Division& division, std::string_view key) { return division.code < key; });
  return it != divisions.end() && it->code == code ? &*it : nullptr;
}

Result<std::string> division_of_industry_code(std::string_view code) {
  const std::string_view text = trim(code);
  if ((text.size() != 2 && text.size() != 4) || !all_digits(text)) {
    return fail(Status::invalid_data(fmt::format(
        "malformed industry code \"{}\": expected a 2-digit division or a 4-digit class of "
        "GB/T 4754-2017",
        code)));
  }
  const std::string_view division = text.substr(0, 2);
  if (find_division(division) == nullptr) {
    if (!is_division_of_standard(division)) {
      return fail(Status::invalid_data(fmt::format(
          "unknown industry code \"{}\": no division {} in GB/T 4754-2017", code, division)));
    }
    return fail(Status::invalid_data(fmt::format(
        "not an industrial division of GB/T 4754-2017: \"{}\" (industry is divisions 06–46)",
        code)));
  }
  if (text.size() == 4 && !is_industrial_class(text)) {
    return fail(Status::invalid_data(
        fmt::format("unknown industry code \"{}\": not a class of division {} in GB/T 4754-2017",
                    code, division)));
  }
  return std::string(division);
}

bool is_manufacturing(std::string_view division) {
  const Division* found = find_division(division);
  return found != nullptr && found->section == Section::kManufacturing;
}

Section section_of(std::string_view division) {
  const Division* found = find_division(division);
  // Precondition violated: answer something harmless rather than crash on a bug elsewhere.
  return found != nullptr ? found->section : Section::kManufacturing;
}

std::string_view section_name(Section section, Language language) {
  const bool zh = language == Language::kZh;
  switch (section) {
    case Section::kMining:
      return zh ? "采矿业" : "Mining";
    case Section::kManufacturing:
      return zh ? "制造业" : "Manufacturing";
    case Section::kUtilities:
      return zh ? "电力、热力、燃气及水生产和供应业"
                : "Electricity, heat, gas and water production and supply";
  }
  return {};
}

std::string_view division_name(std::string_view code, Language language) {
  const Division* found = find_division(code);
  if (found == nullptr) return code;
  return language == Language::kZh ? found->name_zh : found->name_en;
}

}  // namespace zhizao
