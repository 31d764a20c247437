#include "ingest/sheet_values.h"

#include <fmt/format.h>

#include <cmath>

#include "base/text.h"
#include "ingest/csv_writer.h"
#include "ingest/field_parsers.h"
#include "ingest/sheet_grid.h"

namespace zhizao::detail {
namespace {

bool is_integer(double value) { return std::isfinite(value) && std::floor(value) == value; }

bool quantity_role(ColumnRole role) {
  return role == ColumnRole::kMoney || role == ColumnRole::kElectricity ||
         role == ColumnRole::kNumber;
}

FieldText from_serial(double serial, bool date1904, ColumnRole role) {
  Result<CivilDate> date = xlsx::date_from_serial(serial, date1904);
  if (!date) return {plain_decimal(serial), date.error().message()};
  switch (role) {
    case ColumnRole::kPeriod:
      return {date->year_month().to_string(), std::nullopt};
    case ColumnRole::kYear:
      return {std::to_string(date->year), std::nullopt};
    default:
      return {date->to_string(), std::nullopt};
  }
}

FieldText number_text(const xlsx::Cell& cell, ColumnRole role, const std::optional<Unit>& unit,
                      bool date1904) {
  double value = cell.number;
  switch (role) {
    case ColumnRole::kPeriod:
    case ColumnRole::kYear:
      if (cell.date) return from_serial(value, date1904, role);
      break;
    case ColumnRole::kDate:
      // An undecorated whole number in a date column is a serial too (a lost cell format).
      if (cell.date || (is_integer(value) && value >= 1 && value <= 2958465)) {
        return from_serial(value, date1904, role);
      }
      break;
    case ColumnRole::kIndustryCode:
      if (is_integer(value) && value > 0 && value < 10000) {
        std::string digits = std::to_string(static_cast<int>(value));
        if (digits.size() % 2 == 1) digits.insert(digits.begin(), '0');
        return {digits, std::nullopt};
      }
      break;
    case ColumnRole::kMoney:
    case ColumnRole::kElectricity:
      if (unit) value = unit->to_contract(value);
      break;
    default:
      break;
  }
  return {plain_decimal(value), std::nullopt};
}

bool means_missing(std::string_view text) {
  for (std::string_view dash : {"-", "--", "—", "——", "－", "/"}) {
    if (text == dash) return true;
  }
  return false;
}

}  // namespace

FieldText field_text(const xlsx::Cell* cell, ColumnRole role, const std::optional<Unit>& unit,
                     bool date1904) {
  if (cell == nullptr) return {};
  switch (cell->type) {
    case xlsx::CellType::kError:
      return {cell->text,
              fmt::format("the cell holds the error value {}", shorten_for_message(cell->text))};
    case xlsx::CellType::kBoolean:
      return {cell->number != 0 ? "1" : "0", std::nullopt};
    case xlsx::CellType::kNumber:
      return number_text(*cell, role, unit, date1904);
    case xlsx::CellType::kText:
      break;
  }
  std::string_view text = trim(cell->text);
  if (!quantity_role(role)) return {std::string(text), std::nullopt};
  if (means_missing(text)) return {};
  if (!unit || (unit->numerator == 1 && unit->denominator == 1)) {
    return {std::string(text), std::nullopt};
  }
  Result<double> value = parse_number(text);
  if (!value) return {std::string(text), std::nullopt};
  return {plain_decimal(unit->to_contract(*value)), std::nullopt};
}

}  // namespace zhizao::detail
