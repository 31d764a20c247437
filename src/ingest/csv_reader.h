// CsvReader: RFC 4180 records from decoded text. Quoted fields may hold commas, doubled quotes
// and line breaks; records end with CRLF or LF; blank lines are skipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ingest/input_limits.h"

namespace zhizao::detail {

struct CsvRecord {
  long line = 0;  // 1-based physical line where the record starts
  // Field values without their quotes. They view the reader's text or its scratch buffer and
  // stay valid until the next call of CsvReader::next.
  std::vector<std::string_view> fields;
};

// Bounds on one record and one field (ingest/input_limits.h): the reader looks no further into
// the text than the bound of the record it is reading.
struct CsvLimits {
  size_t max_record_bytes = kDefaultMaxRecordBytes;
  size_t max_field_bytes = kDefaultMaxFieldBytes;
};

// Reads records one at a time from `text`, which must outlive the reader. Not thread-safe.
class CsvReader {
 public:
  explicit CsvReader(std::string_view text, CsvLimits limits = {}) : text_(text), limits_(limits) {}
  // Reads `text`, a later part of a file whose first byte is on line `first_line`, so that the
  // records' lines are those of the whole file.
  CsvReader(std::string_view text, long first_line, CsvLimits limits = {})
      : text_(text), line_(first_line), limits_(limits) {}

  // The offset in the text of the next byte to read: after a record, the start of the next one
  // (or of the blank lines before it).
  size_t position() const { return pos_; }

  // Reads the next record into `record`. Returns true when one was read, false at the end.
  // Errors: kInvalidData "unterminated quoted field", "unexpected character after a closing
  // quote", "a field of more than N bytes" or "a record of more than N bytes"; `record.line` is
  // then the record's line and `record.fields` holds the fields before the broken one (so its
  // index is `record.fields.size()`). Reading stops after an error.
  Result<bool> next(CsvRecord& record);

 private:
  // Where a field's value lies: in `text_` or, when doubled quotes were undone, in `scratch_`.
  struct FieldSpan {
    bool in_scratch;
    size_t offset;
    size_t size;
  };

  bool at_line_end(size_t pos) const;
  // Reads the record at pos_ when it is the common kind: no quote, its line end within its bound
  // and every field within its own (then it returns true, with the fields and lines that the
  // general path gives, found with memchr). Otherwise it returns false with nothing read.
  bool read_plain_record(CsvRecord& record);
  Status read_quoted(std::vector<FieldSpan>& spans);
  Status read_unquoted(std::vector<FieldSpan>& spans);
  // Checks the record so far against its bound, given where its last field ends.
  Status check_record(size_t field_end) const;

  std::string_view text_;
  size_t pos_ = 0;
  long line_ = 1;
  CsvLimits limits_;
  size_t record_start_ = 0;
  // The reader looks at no byte at or after this one while reading the current record: its
  // bound, plus a CRLF.
  size_t window_end_ = 0;
  bool failed_ = false;
  std::string scratch_;
  std::vector<FieldSpan> spans_;
};

}  // namespace zhizao::detail
