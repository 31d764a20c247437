#include "ingest/row_reader.h"

#include "base/text.h"
#include "ingest/formula_guard.h"

namespace zhizao::detail {
namespace {

// Reads "YYYY-MM", the form of nearly every row, without the general parser's allocations.
// Anything else (or out of range) goes to parse_year_month, which also words the error.
std::optional<YearMonth> plain_year_month(std::string_view text) {
  if (text.size() != 7 || text[4] != '-') return std::nullopt;
  int digits[6];
  int n = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    digits[n++] = text[i] - '0';
  }
  YearMonth ym{digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3],
               digits[4] * 10 + digits[5]};
  if (ym.year < 1900 || ym.year > 2999 || ym.month < 1 || ym.month > 12) return std::nullopt;
  return ym;
}

}  // namespace

std::string_view RowReader::trimmed(int column, Presence presence) {
  int field = header_.field_of_column[static_cast<size_t>(column)];
  std::string_view value;
  if (field >= 0 && static_cast<size_t>(field) < record_.fields.size()) {
    value = trim(record_.fields[static_cast<size_t>(field)]);
  }
  if (value.empty() && presence == Presence::kRequired) error(column, "missing value");
  return value;
}

std::string_view RowReader::text(int column, Presence presence) {
  std::string_view value = trimmed(column, presence);
  // Trimmed first, then restored: the apostrophe protects a leading tab, CR or LF of the value
  // from the trimming (a value "\t=x" is written "'\t=x" and read back whole).
  return source_ == CellSource::kCsv ? restore_formula_text(value) : value;
}

std::optional<double> RowReader::number(int column, NumberRange range, Presence presence) {
  std::string_view value = trimmed(column, presence);
  if (value.empty()) return std::nullopt;
  Result<double> parsed = parse_number_in(value, range);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<YearMonth> RowReader::period(int column) {
  std::string_view value = trimmed(column, Presence::kRequired);
  if (value.empty()) return std::nullopt;
  if (std::optional<YearMonth> plain = plain_year_month(value)) return plain;
  Result<YearMonth> parsed = parse_year_month(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<CivilDate> RowReader::date(int column) {
  std::string_view value = trimmed(column, Presence::kOptional);
  if (value.empty()) return std::nullopt;
  Result<CivilDate> parsed = parse_civil_date(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<int> RowReader::year(int column) {
  std::string_view value = trimmed(column, Presence::kRequired);
  if (value.empty()) return std::nullopt;
  Result<int> parsed = parse_year(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

bool RowReader::flag(int column, bool fallback) {
  std::string_view value = trimmed(column, Presence::kOptional);
  if (value.empty()) return fallback;
  Result<bool> parsed = parse_flag(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return fallback;
  }
  return *parsed;
}

void RowReader::error(int column, std::string reason) {
  ok_ = false;
  findings_.errors.push_back(
      {record_.line, std::string(header_.column_header(kind_, column)), std::move(reason)});
}

void RowReader::warning(int column, std::string reason) {
  findings_.warnings.push_back(
      {record_.line, std::string(header_.column_header(kind_, column)), std::move(reason)});
}

}  // namespace zhizao::detail
