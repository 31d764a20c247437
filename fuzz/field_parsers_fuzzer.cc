// Fuzz target: the field parsers of the data contract on any text. Input: one selector byte
// (which parser) and the text. Covered: periods and dates (base/year_month.h), numbers with
// ranges, flags, years and id lists (ingest/field_parsers.h), units of money and electricity
// (ingest/units.h), the file kind from a name, USCC codes (domain/uscc.h), region codes
// (domain/region.h), industry codes (domain/industry.h), A1 cell references, Excel date
// serials and number formats (xlsx/workbook.h), and plain_decimal (ingest/csv_writer.h).
// Invariants: what parses lies in its range and round-trips through its printed form; errors
// have a message.
#include <algorithm>
#include <cmath>
#include <cstring>
#include <span>
#include <string>

#include "base/year_month.h"
#include "domain/industry.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "fuzz_support.h"
#include "ingest/csv_writer.h"
#include "ingest/field_parsers.h"
#include "ingest/file_kind.h"
#include "ingest/units.h"
#include "xlsx/workbook.h"

namespace {

using zhizao::fuzz::check;

template <typename T>
void check_error(const zhizao::Result<T>& result) {
  if (!result) {
    check(result.error().code() == zhizao::StatusCode::kInvalidData,
          "parse errors are kInvalidData");
    check(!result.error().message().empty(), "a parse error has a message");
  }
}

void fuzz_period(std::string_view text) {
  zhizao::Result<zhizao::YearMonth> period = zhizao::parse_year_month(text);
  check_error(period);
  if (!period) return;
  check(period->month >= 1 && period->month <= 12, "a period's month is 1..12");
  zhizao::Result<zhizao::YearMonth> again = zhizao::parse_year_month(period->to_string());
  check(again && *again == *period, "a period round-trips through YYYY-MM");
  check(zhizao::YearMonth::from_index(period->index()) == *period, "index round-trips");
}

void fuzz_date(std::string_view text) {
  zhizao::Result<zhizao::CivilDate> date = zhizao::parse_civil_date(text);
  check_error(date);
  if (!date) return;
  check(date->month >= 1 && date->month <= 12, "a date's month is 1..12");
  check(date->day >= 1 && date->day <= zhizao::days_in_month(date->year, date->month),
        "a date's day exists");
  zhizao::Result<zhizao::CivilDate> again = zhizao::parse_civil_date(date->to_string());
  check(again && *again == *date, "a date round-trips through YYYY-MM-DD");
  if (date->year >= 1901 && date->year <= 9999) {
    double serial = zhizao::xlsx::serial_from_date(*date);
    zhizao::Result<zhizao::CivilDate> from_serial = zhizao::xlsx::date_from_serial(serial, false);
    check(from_serial && *from_serial == *date, "a date round-trips through its Excel serial");
  }
}

void fuzz_number(std::string_view text, uint8_t selector) {
  using zhizao::detail::NumberRange;
  auto range = static_cast<NumberRange>(selector % 4);
  zhizao::Result<double> number = zhizao::detail::parse_number_in(text, range);
  check_error(number);
  if (!number) return;
  check(std::isfinite(*number), "a parsed number is finite");
  switch (range) {
    case NumberRange::kAny:
      break;
    case NumberRange::kNonNegative:
      check(*number >= 0, "kNonNegative holds");
      break;
    case NumberRange::kPositive:
      check(*number > 0, "kPositive holds");
      break;
    case NumberRange::kRatio:
      check(*number > 0 && *number <= 1, "kRatio holds");
      break;
  }
  zhizao::Result<double> again =
      zhizao::detail::parse_number(zhizao::detail::plain_decimal(*number));
  check(again && *again == *number, "a number round-trips through plain_decimal");
}

// The bytes as a double: plain_decimal must print any finite value so that it reads back.
void fuzz_plain_decimal(std::string_view bytes) {
  double value = 0;
  std::memcpy(&value, bytes.data(), std::min(bytes.size(), sizeof value));
  if (!std::isfinite(value)) return;
  std::string printed = zhizao::detail::plain_decimal(value);
  zhizao::Result<double> again = zhizao::detail::parse_number(printed);
  check(again.has_value(), "plain_decimal prints a contract number");
  check(*again == value || (value == 0 && *again == 0), "plain_decimal reads back the same value");
}

void fuzz_small_fields(std::string_view text) {
  zhizao::Result<bool> flag = zhizao::detail::parse_flag(text);
  check_error(flag);
  zhizao::Result<int> year = zhizao::detail::parse_year(text);
  check_error(year);
  if (year) check(*year >= 1900 && *year <= 2999, "a year is 1900..2999");
  for (std::string_view part : zhizao::detail::split_id_list(text)) {
    check(!part.empty(), "id list parts are not empty");
    check(part.data() >= text.data() && part.data() + part.size() <= text.data() + text.size(),
          "id list parts view the text");
  }
  std::optional<zhizao::detail::FileKind> kind = zhizao::detail::kind_from_file_name(text);
  if (kind) {
    std::string name = std::string(zhizao::detail::kind_name(*kind)) + ".csv";
    check(zhizao::detail::kind_from_file_name(name) == kind, "a kind's own name gives it back");
  }
}

void fuzz_units(std::string_view text) {
  std::optional<zhizao::detail::Unit> unit = zhizao::detail::parse_unit(text);
  if (unit) check(unit->numerator > 0 && unit->denominator > 0, "unit factors are positive");
  std::string_view inner = zhizao::detail::header_unit_text(text);
  check(inner.empty() || (inner.data() >= text.data() &&
                          inner.data() + inner.size() <= text.data() + text.size()),
        "a header's unit views the header");
  zhizao::detail::UnitDefaults defaults = zhizao::detail::units_in_note(text);
  if (defaults.money) {
    check(defaults.money->quantity == zhizao::detail::Quantity::kMoney, "money is money");
  }
  if (defaults.electricity) {
    check(defaults.electricity->quantity == zhizao::detail::Quantity::kElectricity,
          "electricity is electricity");
  }
}

void fuzz_codes(std::string_view text) {
  zhizao::Result<std::string> uscc = zhizao::check_uscc(text, zhizao::default_uscc_exceptions());
  check_error(uscc);
  if (uscc) {
    check(uscc->size() == 18, "a USCC has 18 characters");
    zhizao::Result<std::string> again =
        zhizao::check_uscc(*uscc, zhizao::default_uscc_exceptions());
    check(again && *again == *uscc, "a checked USCC checks again");
  }
  std::optional<char> check_character = zhizao::uscc_check_character(text);
  if (check_character) {
    std::string full = zhizao::complete_uscc(text);
    check(full.size() == 18 && full.back() == *check_character, "complete_uscc appends it");
    check(zhizao::check_uscc(full, zhizao::default_uscc_exceptions()).has_value(),
          "a completed USCC checks");
  }

  zhizao::Result<zhizao::CountyResolution> county = zhizao::resolve_county(text);
  check_error(county);
  if (county) {
    // Not find_region: a city without districts (441900 东莞市, 442000 中山市) is both a city and
    // a county-level unit, and find_region answers the higher level (region.cc).
    std::span<const zhizao::Region> counties = zhizao::county_regions();
    check(std::any_of(counties.begin(), counties.end(),
                      [&](const zhizao::Region& region) { return region.code == county->code; }),
          "a resolved county is a current county-level unit");
    check(zhizao::region_contains(zhizao::city_code_of(county->code), county->code),
          "a county lies in its city");
    check(zhizao::region_contains(zhizao::province_code_of(county->code), county->code),
          "a county lies in its province");
  }
  if (const zhizao::Region* region = zhizao::find_region(text)) {
    check(region->code.size() == 6, "region codes have 6 digits");
  }

  zhizao::Result<std::string> division = zhizao::division_of_industry_code(text);
  check_error(division);
  if (division) {
    check(zhizao::find_division(*division) != nullptr, "a division found is one of the 41");
    (void)zhizao::section_of(*division);
  }
}

void fuzz_cells(std::string_view text, uint8_t selector) {
  int row = 0;
  int column = 0;
  if (zhizao::xlsx::parse_cell_reference(text, row, column)) {
    check(row >= 1 && column >= 1, "a cell reference is 1-based");
    int row2 = 0;
    int column2 = 0;
    check(zhizao::xlsx::parse_cell_reference(zhizao::xlsx::cell_reference(row, column), row2,
                                             column2) &&
              row2 == row && column2 == column,
          "a cell reference round-trips");
  }
  (void)zhizao::xlsx::is_date_format(selector, text);
  double serial = 0;
  std::memcpy(&serial, text.data(), std::min(text.size(), sizeof serial));
  if (std::isfinite(serial)) {
    zhizao::Result<zhizao::CivilDate> date = zhizao::xlsx::date_from_serial(serial, selector & 1);
    check_error(date);
    if (date) {
      check(date->day >= 1 && date->day <= zhizao::days_in_month(date->year, date->month),
            "a serial's date exists");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.byte();
  std::string_view text = input.rest();
  switch (selector % 8) {
    case 0:
      fuzz_period(text);
      break;
    case 1:
      fuzz_date(text);
      break;
    case 2:
      fuzz_number(text, static_cast<uint8_t>(selector / 8));
      break;
    case 3:
      fuzz_plain_decimal(text);
      break;
    case 4:
      fuzz_small_fields(text);
      break;
    case 5:
      fuzz_units(text);
      break;
    case 6:
      fuzz_codes(text);
      break;
    case 7:
      fuzz_cells(text, static_cast<uint8_t>(selector / 8));
      break;
  }
  return 0;
}
