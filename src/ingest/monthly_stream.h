// MonthlyFileStream: a monthly CSV file parsed part by part (issue 17: an import in bounded
// memory), each part's records exactly as parse_file would parse them in the whole file, with the
// same lines, findings and syntax-error stop. The file is read through a window of at most
// ImportOptions::monthly_chunk_bytes plus one record's bound (ImportOptions::limits), never whole:
// a part ends at the last record that starts within the chunk, and blank lines are passed over.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "ingest/file_parser.h"
#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "ingest/regular_file.h"
#include "ingest/spill_file.h"

namespace zhizao::detail {

// Not thread-safe; `options` must outlive the stream.
class MonthlyFileStream {
 public:
  // Opens the file at `path` (RegularFile's checks) and reads its header. The encoding is
  // decided over the whole file first, as decode_to_utf8 decides it (a GB18030 file is converted
  // to UTF-8 into a SpillFile in options.spill_dir); a file that does not decode has that one
  // finding and no records, like parse_file's. Errors: those of RegularFile::open, kIoError.
  static Result<std::unique_ptr<MonthlyFileStream>> open(const std::string& path,
                                                         const ImportOptions& options);

  // The file as parse_file leaves it before its records: name, kind, header, the findings of
  // the encoding and the header; `records` counts the records of the parts read so far.
  ParsedFile& head() { return head_; }

  // Parses the records that start in the next part of the text into `part` (made empty, with
  // head()'s name, kind and header). Returns false when no record is left (`part` then empty).
  // Errors: kIoError (reading the file).
  Result<bool> next_part(ParsedFile& part);

  // How far the stream is, in bytes of its text, and the text's size (for a progress bar).
  std::uint64_t position() const { return position_; }
  std::uint64_t size() const { return text_size_; }

  // The bytes of text the stream holds now: never more than ImportOptions::monthly_chunk_bytes
  // plus one record's reach (limits.max_record_bytes + 4), whatever the file's lines are.
  std::size_t held_bytes() const { return buffer_.size(); }

 private:
  MonthlyFileStream(const ImportOptions& options, RegularFile file);
  // Decides the encoding and, for GB18030, converts into converted_. Errors: kIoError.
  Status decode();
  // Makes window() hold the text from position_ on, at least `bytes` of it (less at the end).
  Status fill(std::uint64_t bytes);
  // Parses the records of `text` (the window) that start before `stop` into `part`, on two
  // threads when it is large; returns where the reader stopped, read_on_ false after a syntax
  // error.
  std::size_t parse_part(std::string_view text, std::size_t stop, ParsedFile& part);
  Result<std::size_t> read_text(std::uint64_t offset, std::span<char> out) const;
  std::string_view window() const;

  const ImportOptions& options_;
  RegularFile file_;
  std::optional<SpillFile> converted_;  // a GB18030 file's text as UTF-8
  std::uint64_t text_begin_ = 0;        // after a byte order mark
  std::uint64_t text_size_ = 0;         // where the text ends
  std::uint64_t position_ = 0;          // where the next record (or blank line) starts
  long line_ = 1;                       // the line of position_
  std::string buffer_;                  // text from buffer_start_ on
  std::uint64_t buffer_start_ = 0;
  ParsedFile head_;
  // The second reader's records of the part being parsed (parse_part), its room kept across parts.
  ParsedFile later_;
  HeaderValidity header_ = HeaderValidity::kValid;
  bool done_ = false;
  bool read_on_ = true;
};

}  // namespace zhizao::detail
