// Units of money and electricity written in workbooks (a units row, a header's brackets, a
// "单位：万元" line above the table) and their conversion to the contract's 万元 and 万千瓦时.
#pragma once

#include <optional>
#include <string_view>

namespace zhizao::detail {

enum class Quantity { kMoney, kElectricity };

// A unit: value in the unit × numerator / denominator = value in the contract's unit. Kept as a
// fraction so that 元 → 万元 divides by 10^4 exactly as a decimal reader would.
struct Unit {
  Quantity quantity = Quantity::kMoney;
  double numerator = 1;
  double denominator = 1;
  std::string_view name;  // as the table below spells it: "亿元"

  double to_contract(double value) const { return value * numerator / denominator; }
};

// Parses a unit cell: 元, 千元, 万元, 百万元, 亿元; 千瓦时 (also 度, kWh), 万千瓦时 (万度, 万kWh),
// 兆瓦时 (MWh), 亿千瓦时; surrounding brackets and a "单位：" prefix allowed.
// Returns nullopt for anything else (e.g. "%", "个").
std::optional<Unit> parse_unit(std::string_view text);

// Returns the text in the trailing brackets of a header ("工业总产值(亿元)" gives "亿元"), or
// an empty view.
std::string_view header_unit_text(std::string_view header);

// The units named after "单位" in a line above a table ("单位：亿元、万千瓦时"): the money unit
// and the electricity unit found, each absent when not given.
struct UnitDefaults {
  std::optional<Unit> money;
  std::optional<Unit> electricity;
};
UnitDefaults units_in_note(std::string_view text);

}  // namespace zhizao::detail
