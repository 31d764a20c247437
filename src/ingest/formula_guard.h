// The formula guard of CSV files: text cells that a spreadsheet would evaluate are written with
// a leading apostrophe, and the import reads them back to the original value, so that
// `zhizao export` → `zhizao import` stays a byte-identical round trip (docs/security.md).
//
// Why: OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection) — a
// spreadsheet takes a cell that begins with = + - @ tab CR or LF for a formula (=HYPERLINK(...)
// to leak data, +cmd|' /C calc'!A0 for DDE in Excel; LibreOffice 7.4 evaluates '=' cells when
// it opens a CSV, checked by tests/ingest/office_csv_roundtrip.sh); OWASP's remedy is to prepend
// a single quote. RFC 4180 quoting does not help: a quoted "=1+1" is still evaluated.
//
// The escape, exactly. A value is *formula-like* when, after any number (0 or more) of leading
// apostrophes (U+0027), it begins with a trigger:
//   = + - @ (U+003D U+002B U+002D U+0040), tab (U+0009), CR (U+000D), LF (U+000A) — OWASP's
//   list — and the full-width ＝ ＋ － ＠ (U+FF1D U+FF0B U+FF0D U+FF20), which a Chinese input
//   method types; LibreOffice 7.4 does not evaluate them (checked), WPS could not be checked, so
//   they are guarded as a precaution.
// - neutralise_formula(v) = "'" + v when v is formula-like, else v.
// - restore_formula_text(s) = s without its first byte when s begins with an apostrophe and is
//   formula-like, else s.
// So `=1+1` is written `'=1+1`, `-2+3` `'-2+3`, `'=1+1` (an apostrophe of the data) `''=1+1`,
// while `'abc` and `a=b` are not formula-like and are written as they are.
// restore(neutralise(v)) == v for every v, and no neutralised value begins with a trigger. A
// hand-written file is read as before except cells of the form '…'=… (apostrophes then a trigger),
// whose first apostrophe is the spreadsheet's own "text" mark (Excel and LibreOffice treat a typed
// leading apostrophe that way).
//
// Only text columns are guarded: numbers (CsvWriter::number, e.g. -5) are written as they are,
// and the import's number, period and date fields do not restore. Workbooks (.xlsx) hold text
// cells as text, so neither the workbook export nor the workbook import uses the guard.
#pragma once

#include <string>
#include <string_view>

namespace zhizao::detail {

// True when `value` is formula-like (see above). Pure, thread-safe.
bool is_formula_like(std::string_view value);

// Returns `value`, with an apostrophe before it when it is formula-like. Pure, thread-safe.
std::string neutralise_formula(std::string_view value);

// Returns the original of a cell written by neutralise_formula: a view of `cell` without its
// first byte when `cell` begins with an apostrophe and is formula-like, else `cell` itself.
// Apply it to the trimmed text of a CSV text field. Pure, thread-safe.
std::string_view restore_formula_text(std::string_view cell);

}  // namespace zhizao::detail
