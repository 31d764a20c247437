// RowReader: typed access to the fields of one CSV record by column, recording a Finding for
// each field that is missing or malformed.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/year_month.h"
#include "ingest/column_schema.h"
#include "ingest/csv_reader.h"
#include "ingest/field_parsers.h"
#include "ingest/finding.h"

namespace zhizao::detail {

enum class Presence { kOptional, kRequired };
// Short names for the row parsers' field tables.
inline constexpr Presence kMust = Presence::kRequired;
inline constexpr Presence kMay = Presence::kOptional;
inline constexpr NumberRange kNonNeg = NumberRange::kNonNegative;

// Where the record's fields come from. A CSV text cell may carry the formula guard of
// `zhizao export` (ingest/formula_guard.h), which text() removes; a workbook cell is text as it
// is (an apostrophe typed in Excel or WPS is not part of the stored value).
enum class CellSource { kCsv, kWorkbook };

// Reads one record of a file of `kind`. Holds references: the header map, the record and the
// findings must outlive it. Every getter returns the empty/absent value after recording an error.
class RowReader {
 public:
  RowReader(FileKind kind, const HeaderMap& header, const CsvRecord& record, Findings& findings,
            CellSource source = CellSource::kCsv)
      : kind_(kind), header_(header), record_(record), findings_(findings), source_(source) {}

  // The trimmed text of `column`, for CSV with the formula guard undone
  // (restore_formula_text: "'=1+1" reads "=1+1"); empty when the column or the field is absent.
  // With kRequired an empty field is an error "missing value".
  std::string_view text(int column, Presence presence);

  std::optional<double> number(int column, NumberRange range, Presence presence);
  std::optional<YearMonth> period(int column);  // always required
  std::optional<CivilDate> date(int column);    // always optional
  std::optional<int> year(int column);          // always required
  // A 0/1 flag, `fallback` when empty.
  bool flag(int column, bool fallback);

  // Records an error (or warning) about `column` on this record's line.
  void error(int column, std::string reason);
  void warning(int column, std::string reason);

  // True when no error was recorded for this record.
  bool ok() const { return ok_; }
  long line() const { return record_.line; }

 private:
  // The trimmed field as written (no guard undone): numbers, periods, dates, years and flags
  // are never guarded, so "'-5" in a number column stays an error.
  std::string_view trimmed(int column, Presence presence);

  FileKind kind_;
  const HeaderMap& header_;
  const CsvRecord& record_;
  Findings& findings_;
  CellSource source_;
  bool ok_ = true;
};

}  // namespace zhizao::detail
