#include "ingest/csv_writer.h"

#include <fmt/format.h>

#include <cstdlib>

#include "ingest/formula_guard.h"

namespace zhizao::detail {

void CsvWriter::field(std::string_view value) { append(value, Guard::kFormula); }

void CsvWriter::append(std::string_view value, Guard guard) {
  if (!line_start_) text_.push_back(',');
  line_start_ = false;
  bool quote = value.find_first_of(",\"\r\n") != std::string_view::npos ||
               (!value.empty() && (value.front() == ' ' || value.back() == ' '));
  if (quote) text_.push_back('"');
  if (guard == Guard::kFormula && is_formula_like(value)) text_.push_back('\'');
  if (!quote) {
    text_.append(value);
    return;
  }
  for (char c : value) {
    if (c == '"') text_.push_back('"');
    text_.push_back(c);
  }
  text_.push_back('"');
}

void CsvWriter::number(double value) { append(plain_decimal(value), Guard::kNone); }

void CsvWriter::number(const std::optional<double>& value) {
  if (value) {
    number(*value);
  } else {
    append("", Guard::kNone);
  }
}

void CsvWriter::end_record() {
  text_.push_back('\n');
  line_start_ = true;
}

std::string plain_decimal(double value) {
  std::string shortest = fmt::format("{}", value);
  size_t e = shortest.find('e');
  if (e == std::string::npos) return shortest;
  // Expand "-d.ddde±XX" into plain digits: the contract's numbers have no exponent.
  std::string mantissa = shortest.substr(0, e);
  int exponent = std::atoi(shortest.c_str() + e + 1);
  std::string sign;
  if (!mantissa.empty() && mantissa[0] == '-') {
    sign = "-";
    mantissa.erase(0, 1);
  }
  size_t point = mantissa.find('.');
  std::string digits = mantissa;
  int integer_digits = static_cast<int>(point == std::string::npos ? mantissa.size() : point);
  if (point != std::string::npos) digits.erase(point, 1);
  int new_point = integer_digits + exponent;
  std::string out;
  if (new_point <= 0) {
    out = "0." + std::string(static_cast<size_t>(-new_point), '0') + digits;
  } else if (static_cast<size_t>(new_point) >= digits.size()) {
    out = digits + std::string(static_cast<size_t>(new_point) - digits.size(), '0');
  } else {
    out = digits.substr(0, static_cast<size_t>(new_point)) + "." +
          digits.substr(static_cast<size_t>(new_point));
  }
  return sign + out;
}

}  // namespace zhizao::detail
