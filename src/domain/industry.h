// GB/T 4754-2017 (国民经济行业分类) for industry: the 41 divisions 06–46 and their classes.
// Tables are compiled in (industry_table.cc); see docs/methodology.md for the source.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "base/language.h"
#include "base/result.h"

namespace zhizao {

// The three sections (三大门类) of industry.
enum class Section { kMining, kManufacturing, kUtilities };

struct Division {
  std::string_view code;     // "06" .. "46"
  std::string_view name_zh;  // official name, e.g. "农副食品加工业"
  std::string_view name_en;
  Section section;
};

// Returns the 41 industrial divisions in code order. Thread-safe (static data).
std::span<const Division> industrial_divisions();

// Returns the division with `code` ("13"), or nullptr if it is not one of the 41.
const Division* find_division(std::string_view code);

// Maps an industry code as found in enterprises.csv — a 2-digit division or a 4-digit class of
// GB/T 4754-2017 — to its 2-digit industrial division.
// Errors: kInvalidData naming the code when it is malformed, not in the standard, or not in
// divisions 06–46 (e.g. `not an industrial division of GB/T 4754-2017: "51"`).
Result<std::string> division_of_industry_code(std::string_view code);

// True for divisions 13–43 (制造业, 31 divisions).
bool is_manufacturing(std::string_view division);

// Returns the section of a valid industrial division code. Precondition: find_division(code).
Section section_of(std::string_view division);

// Returns the section's name, e.g. "制造业" / "Manufacturing".
std::string_view section_name(Section section, Language language);

// Returns the division's name in `language`, or the code itself when unknown.
std::string_view division_name(std::string_view code, Language language);

}  // namespace zhizao
