#include "ingest/daily_electricity_rows.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <numeric>
#include <tuple>

#include "base/text.h"
#include "domain/uscc.h"
#include "ingest/uscc_fast_path.h"

namespace zhizao::detail {
namespace {

namespace col = daily_electricity_col;

constexpr std::array kColumns = {
    ColumnSpec{"uscc", Requirement::kRequired, "统一社会信用代码|信用代码"},
    ColumnSpec{"date", Requirement::kRequired, "日期|用电日期"},
    ColumnSpec{"kwh", Requirement::kRequired, "日用电量|用电量"},
};

// "YYYY-MM-DD" read without the general parser's allocations (2 million rows for a city's three
// years); anything else, and a day the month lacks, goes to parse_civil_date, which words errors.
std::optional<CivilDate> plain_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int value[8];
  int n = 0;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    value[n++] = text[i] - '0';
  }
  CivilDate date{value[0] * 1000 + value[1] * 100 + value[2] * 10 + value[3],
                 value[4] * 10 + value[5], value[6] * 10 + value[7]};
  if (date.year < 1900 || date.year > 2999 || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return std::nullopt;
  }
  return date;
}

std::optional<CivilDate> required_date(RowReader& row, int column) {
  std::string_view text = row.text(column, Presence::kRequired);
  if (text.empty()) return std::nullopt;
  if (std::optional<CivilDate> plain = plain_date(text)) return plain;
  Result<CivilDate> parsed = parse_civil_date(text);
  if (!parsed) {
    row.error(column, parsed.error().message());
    return std::nullopt;
  }
  if (parsed->year < 1900 || parsed->year > 2999) {
    row.error(column,
              fmt::format("not a date of the years 1900–2999: \"{}\"", shorten_for_message(text)));
    return std::nullopt;
  }
  return *parsed;
}

std::string uscc(RowReader& row, const ImportOptions& options) {
  std::string_view text = row.text(col::kUscc, Presence::kRequired);
  if (text.empty()) return {};
  if (is_canonical_valid_uscc(text)) return std::string(text);
  Result<std::string> code = check_uscc(text, options.uscc_exceptions);
  if (!code) {
    row.error(col::kUscc, code.error().message());
    return {};
  }
  return *std::move(code);
}

auto key_of(const DailyElectricity& reading) { return std::tie(reading.uscc, reading.date); }

// A reading of one of the files.
struct RowRef {
  uint32_t file;
  uint32_t row;
};

}  // namespace

std::span<const ColumnSpec> daily_electricity_columns() { return kColumns; }

ColumnRole daily_electricity_column_role(int column) {
  if (column == col::kDate) return ColumnRole::kDate;
  if (column == col::kKwh) return ColumnRole::kNumber;
  return ColumnRole::kText;
}

void parse_daily_electricity(RowReader& row, const ImportOptions& options, ParsedFile& file) {
  DailyElectricity reading;
  reading.uscc = uscc(row, options);
  std::optional<CivilDate> date = required_date(row, col::kDate);
  bool key_read = row.ok();  // the key fields come first
  reading.kwh = row.number(col::kKwh, NumberRange::kNonNegative, Presence::kRequired).value_or(0);
  if (!key_read) return;
  reading.date = *date;
  file.rows.electricity_daily.push_back(std::move(reading));
  file.lines.push_back(row.line());
}

void check_daily_electricity_keys(std::vector<ParsedFile>& files) {
  std::vector<RowRef> refs;
  size_t of_kind = 0;
  for (size_t f = 0; f < files.size(); ++f) {
    if (files[f].kind != FileKind::kElectricityDaily) continue;
    ++of_kind;
    const std::vector<DailyElectricity>& rows = files[f].rows.electricity_daily;
    for (size_t r = 0; r < rows.size(); ++r) {
      refs.push_back({static_cast<uint32_t>(f), static_cast<uint32_t>(r)});
    }
  }
  auto reading = [&](const RowRef& ref) -> const DailyElectricity& {
    return files[ref.file].rows.electricity_daily[ref.row];
  };
  auto before = [&](const RowRef& a, const RowRef& b) {
    return key_of(reading(a)) < key_of(reading(b));
  };
  // A file written by a program comes sorted: then no two keys are equal, at linear cost.
  if (of_kind == 1) {
    bool strictly = true;
    for (size_t i = 1; i < refs.size() && strictly; ++i) strictly = before(refs[i - 1], refs[i]);
    if (strictly) return;
  }
  // Stable: of equal keys the earliest (file, line) stays first.
  std::stable_sort(refs.begin(), refs.end(), before);
  for (size_t i = 1; i < refs.size(); ++i) {
    size_t first = i - 1;
    if (key_of(reading(refs[first])) != key_of(reading(refs[i]))) continue;
    while (first > 0 && key_of(reading(refs[first - 1])) == key_of(reading(refs[i]))) --first;
    const ParsedFile& earlier = files[refs[first].file];
    long earlier_line = earlier.lines[refs[first].row];
    ParsedFile& file = files[refs[i].file];
    std::string where = refs[first].file == refs[i].file
                            ? fmt::format("first on line {}", earlier_line)
                            : fmt::format("first in {}:{}", earlier.name, earlier_line);
    const DailyElectricity& r = reading(refs[i]);
    file.findings.errors.push_back(
        {file.lines[refs[i].row], std::string(file.header.column_header(file.kind.value(), 0)),
         fmt::format("duplicate key \"{}|{}\" ({})", shorten_for_message(r.uscc),
                     r.date.to_string(), where)});
  }
}

void check_daily_electricity_references(std::vector<ParsedFile>& files,
                                        const std::unordered_set<std::string_view>& enterprises) {
  for (ParsedFile& file : files) {
    if (file.kind != FileKind::kElectricityDaily) continue;
    // A file holds an enterprise's days together: look each code up once per run.
    const std::string* known = nullptr;
    const std::vector<DailyElectricity>& rows = file.rows.electricity_daily;
    for (size_t i = 0; i < rows.size(); ++i) {
      const std::string& code = rows[i].uscc;
      if (known != nullptr && *known == code) continue;
      if (!enterprises.contains(code)) {
        file.findings.errors.push_back(
            {file.lines[i],
             std::string(file.header.column_header(FileKind::kElectricityDaily, col::kUscc)),
             fmt::format("unknown enterprise: \"{}\"", shorten_for_message(code))});
        continue;
      }
      known = &code;
    }
  }
}

SheetRow daily_electricity_sheet_row(const DailyElectricity& reading) {
  return {reading.uscc, CellValue(reading.date), reading.kwh};
}

SheetRow daily_electricity_sample_row(std::string_view sample_uscc) {
  return {std::string(sample_uscc), CellValue(CivilDate{2021, 4, 1}), 12500.0};
}

}  // namespace zhizao::detail
