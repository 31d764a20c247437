// CsvReader: RFC 4180 records from decoded text. Quoted fields may hold commas, doubled quotes
// and line breaks; records end with CRLF or LF; blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zhizao::detail {

struct CsvRecord {
  long line = 0;  // 1-based physical line where the record starts
  // Field values without their quotes. They view the reader's text or its scratch buffer and
  // stay valid until the next call of CsvReader::next.
  std::vector<std::string_view> fields;
};

// Reads records one at a time from `text`, which must outlive the reader. Not thread-safe.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}
  // Reads `text`, a later part of a file whose first byte is on line `first_line`, so that the
  // records' lines are those of the whole file.
  CsvReader(std::string_view text, long first_line) : text_(text), line_(first_line) {}

  // The offset in the text of the next byte to read: after a record, the start of the next one
  // (or of the blank lines before it).
  size_t position() const { return pos_; }

  // Reads the next record into `record`. Returns true when one was read, false at the end.
  // Errors: kInvalidData "unterminated quoted field" or "unexpected character after a closing
  // quote"; `record.line` is then the record's line and `record.fields` holds the fields before
  // the broken one (so its index is `record.fields.size()`). Reading stops after an error.
  Result<bool> next(CsvRecord& record);

 private:
  // Where a field's value lies: in `text_` or, when doubled quotes were undone, in `scratch_`.
  struct FieldSpan {
    bool in_scratch;
    size_t offset;
    size_t size;
  };

  bool at_line_end(size_t pos) const;
  Status read_quoted(std::vector<FieldSpan>& spans);
  void read_unquoted(std::vector<FieldSpan>& spans);

  std::string_view text_;
  size_t pos_ = 0;
  long line_ = 1;
  bool failed_ = false;
  std::string scratch_;
  std::vector<FieldSpan> spans_;
};

}  // namespace zhizao::detail
