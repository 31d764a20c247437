// Parsers for the field formats of the data contract: plain decimal numbers, 0/1 flags, years
// and lists of ids. Periods and dates use parse_year_month / parse_civil_date of src/base.
// Errors are kInvalidData whose message is the reason shown after "FILE:LINE: COLUMN: ".
#pragma once

#include <string_view>
#include <vector>

#include "base/result.h"

namespace zhizao::detail {

// Parses a plain decimal: an optional sign, digits (optionally grouped by thousands with commas,
// "1,234.5"), an optional fraction. Nothing else: no exponent, no spaces inside, no "1.".
// Errors: `not a number: "12,3a"`.
Result<double> parse_number(std::string_view text);

// The ranges the contract allows for a number.
enum class NumberRange {
  kAny,
  kNonNegative,  // ≥ 0: money, output, electricity
  kPositive,     // > 0: ppi
  kRatio,        // 0 < r ≤ 1: value-added ratio
};

// Parses a number and checks it lies in `range`. Errors: those of parse_number, then
// `must not be negative: "-1"`, `must be greater than 0: "0"`,
// `must be greater than 0 and at most 1: "1.2"`.
Result<double> parse_number_in(std::string_view text, NumberRange range);

// Parses a 0/1 flag; 是 (yes) and 否 (no) are accepted too. Errors: `not 0 or 1: "x"`.
Result<bool> parse_flag(std::string_view text);

// Parses a year "2021" (also "2021年"), 1900–2999. Errors: `not a year: "21"`.
Result<int> parse_year(std::string_view text);

// Splits a list of ids or codes at ';' (also the full-width '；'), trimming each part and
// dropping empty parts. The views point into `text`.
std::vector<std::string_view> split_id_list(std::string_view text);

}  // namespace zhizao::detail
