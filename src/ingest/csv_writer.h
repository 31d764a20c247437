// CsvWriter: builds RFC 4180 text with LF line ends, quoting only the fields that need
// it, with text cells guarded against formula injection (ingest/formula_guard.h), and the
// number format of exported files.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace zhizao::detail {

// Appends records to a string. Not thread-safe.
class CsvWriter {
 public:
  // Appends one text field: neutralise_formula(value) (a leading apostrophe when a spreadsheet
  // would take the value for a formula, OWASP "CSV Injection"), quoted when it holds a comma,
  // quote, CR or LF or starts or ends with a space (kept visible to a reader, although the
  // importer trims fields).
  void field(std::string_view value);
  // Appends a number in plain_decimal form, never guarded: -5 stays a number for a spreadsheet
  // and for the importer. An empty optional is an empty field.
  void number(double value);
  void number(const std::optional<double>& value);
  // Ends the current record.
  void end_record();

  const std::string& text() const { return text_; }

 private:
  enum class Guard { kFormula, kNone };
  void append(std::string_view value, Guard guard);

  std::string text_;
  bool line_start_ = true;
};

// Returns `value` in the shortest form that reads back to the same double, as plain decimal
// digits (fmt's "{}" form, with any exponent written out), e.g. 0.1 → "0.1", 1e21 → "1" and 21
// zeros.
std::string plain_decimal(double value);

}  // namespace zhizao::detail
