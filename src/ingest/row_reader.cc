#include "ingest/row_reader.h"

#include "base/text.h"

namespace zhizao::detail {

std::string_view RowReader::text(int column, Presence presence) {
  int field = header_.field_of_column[static_cast<size_t>(column)];
  std::string_view value;
  if (field >= 0 && static_cast<size_t>(field) < record_.fields.size()) {
    value = trim(record_.fields[static_cast<size_t>(field)]);
  }
  if (value.empty() && presence == Presence::kRequired) error(column, "missing value");
  return value;
}

std::optional<double> RowReader::number(int column, NumberRange range, Presence presence) {
  std::string_view value = text(column, presence);
  if (value.empty()) return std::nullopt;
  Result<double> parsed = parse_number_in(value, range);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<YearMonth> RowReader::period(int column) {
  std::string_view value = text(column, Presence::kRequired);
  if (value.empty()) return std::nullopt;
  Result<YearMonth> parsed = parse_year_month(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<CivilDate> RowReader::date(int column) {
  std::string_view value = text(column, Presence::kOptional);
  if (value.empty()) return std::nullopt;
  Result<CivilDate> parsed = parse_civil_date(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

std::optional<int> RowReader::year(int column) {
  std::string_view value = text(column, Presence::kRequired);
  if (value.empty()) return std::nullopt;
  Result<int> parsed = parse_year(value);
  if (!parsed) {
    error(column, parsed.error().message());
    return std::nullopt;
  }
  return *parsed;
}

bool RowReader::flag(int column, bool fallback) {
  std::string_view value = text(column, Presence::kOptional);
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
