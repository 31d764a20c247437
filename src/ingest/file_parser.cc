#include "ingest/file_parser.h"

#include <fmt/format.h>

#include <algorithm>
#include <optional>
#include <thread>

#include "base/text.h"
#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
#include "ingest/record_split.h"
#include "ingest/released_pages.h"
#include "ingest/row_parsers.h"
#include "ingest/row_reader.h"

namespace zhizao::detail {
namespace {

bool all_empty(const std::vector<std::string_view>& fields) {
  return std::all_of(fields.begin(), fields.end(),
                     [](std::string_view field) { return trim(field).empty(); });
}

// Checks that a record has no non-empty field beyond the header's columns.
bool check_width(const CsvRecord& record, size_t header_size, Findings& findings) {
  for (size_t i = header_size; i < record.fields.size(); ++i) {
    if (!trim(record.fields[i]).empty()) {
      findings.errors.push_back(
          {record.line, "(row)",
           fmt::format("{} fields, but the header has {}", record.fields.size(), header_size)});
      return false;
    }
  }
  return true;
}

// The column name for a CSV syntax error in field `index` of a data record.
std::string column_of_field(const ParsedFile& file, size_t index) {
  // A blank header cell names nothing: "FILE:LINE: : reason" would lose the column.
  if (index < file.header.written.size() && !file.header.written[index].empty()) {
    return file.header.written[index];
  }
  return "(row)";
}

CsvLimits csv_limits(const ImportOptions& options) {
  return {options.limits.max_record_bytes, options.limits.max_field_bytes};
}

// How often (in records) the importing thread reports progress while reading.
constexpr long kProgressEvery = 1 << 16;

// The monthly rows of the second half of a large file and their lines, handed over in parts of
// kRecordsPerPart as the second reader goes. Appending one part at a time to the first half's
// rows and freeing it held the later half's records once instead of twice at the join: a
// national file's 14 million later records are 1.9 GB (issue 17).
struct LaterParts {
  std::vector<std::vector<MonthlyRecord>> monthly;
  std::vector<std::vector<long>> lines;
};
constexpr size_t kRecordsPerPart = size_t{1} << 15;  // 4.5 MB of records

// Hands the monthly rows read so far to `parts` when they fill a part (and each has its line).
void hand_over_part(ParsedFile& file, LaterParts& parts) {
  std::vector<MonthlyRecord>& rows = file.rows.monthly;
  if (rows.size() < kRecordsPerPart || file.lines.size() != rows.size()) return;
  parts.monthly.push_back(std::move(rows));
  parts.lines.push_back(std::move(file.lines));
  rows = {};
  rows.reserve(kRecordsPerPart);
  file.lines = {};
  file.lines.reserve(kRecordsPerPart);
}

// Whether the records of a file come after a header without errors (see parse_records).
enum class HeaderState { kValid, kBroken };

// Why parse_records returned.
enum class Stop { kReachedEnd, kSyntaxError };

// Parses records until the reader's position is at or past `stop` (or the text ends). Progress
// goes to `progress` (may be empty) as bytes of `total` read, scaled by `parts` when this is the
// first of `parts` halves. The text behind the reader goes back to the system through `consumed`;
// the monthly rows go to `later_parts` as they fill parts, when it is not null.
Stop parse_records(CsvReader& reader, size_t stop, HeaderState header_state,
                   const ImportOptions& options, ParsedFile& file, ConsumedText& consumed,
                   LaterParts* later_parts, const ImportProgress& progress = {}, size_t total = 0,
                   size_t parts = 1) {
  CsvRecord record;
  while (reader.position() < stop) {
    if (later_parts != nullptr) hand_over_part(file, *later_parts);
    // The previous record is parsed: no view of the text before the reader is in use.
    consumed.advance_to(reader.position());
    Result<bool> more = reader.next(record);
    if (!more) {
      file.findings.errors.push_back(
          {record.line, column_of_field(file, record.fields.size()), more.error().message()});
      return Stop::kSyntaxError;
    }
    if (!*more) return Stop::kReachedEnd;
    if (all_empty(record.fields)) continue;
    ++file.records;
    if (progress && file.records % kProgressEvery == 0) {
      progress("reading", std::min(total, reader.position() * parts), total);
    }
    // A header with errors would make every row wrong; its errors are reported alone.
    if (header_state == HeaderState::kBroken) continue;
    if (!check_width(record, file.header.written.size(), file.findings)) continue;
    RowReader row(*file.kind, file.header, record, file.findings);
    parse_row(row, options, file);
  }
  return Stop::kReachedEnd;
}

// Reserves room for as many more records as `part` can hold (most_kept_records) in the vector of
// the file's kind and in its line numbers: a national monthly file grows to 28 million records,
// and each doubling of the vector moved every record and held both copies at once.
void reserve_records(ParsedFile& file, std::string_view part) {
  size_t more = most_kept_records(part);
  if (file.kind == FileKind::kMonthly) file.rows.monthly.reserve(file.rows.monthly.size() + more);
  if (file.kind == FileKind::kEnterprises) {
    file.rows.enterprises.reserve(file.rows.enterprises.size() + more);
  }
  file.lines.reserve(file.lines.size() + more);
}

// Parses the records after the header, the two halves of a large text on two threads. The
// result is that of one reader going through the whole text: the second half's results are
// kept only when the first half's reader ends exactly where the second began (no quoted field
// spans the split) without a syntax error, else the first reader goes on alone.
// With ConsumedBytes::kReleased the pages of `text` are given back as the readers pass them: the
// first half's behind its reader, the second half's once the first reader is known to have
// stopped at the split (or stopped for good), since otherwise it reads the second half itself.
void parse_body(std::string_view text, CsvReader& reader, const ImportOptions& options,
                ParsedFile& file, ConsumedBytes consumed_bytes) {
  HeaderState header_state =
      file.findings.errors.empty() ? HeaderState::kValid : HeaderState::kBroken;
  std::optional<size_t> split = std::thread::hardware_concurrency() > 1
                                    ? find_split_point(text, reader.position())
                                    : std::nullopt;
  // The first reader's vectors get room for the whole text: the second half's rows are appended
  // to them without moving the first half's.
  reserve_records(file, text.substr(reader.position()));
  ConsumedText consumed(text, reader.position(), consumed_bytes);
  if (!split) {
    parse_records(reader, text.size(), header_state, options, file, consumed, nullptr,
                  options.progress, text.size());
    return;
  }
  ParsedFile later;
  LaterParts later_parts;
  later.kind = file.kind;
  later.header = file.header;
  // Counted before the first reader starts giving its part of the text back.
  const long split_line = line_at(text, *split);
  std::thread second([&] {
    reserve_records(later, text.substr(*split));
    CsvReader later_reader(text.substr(*split), split_line, csv_limits(options));
    ConsumedText kept;  // the first reader may still need this part
    parse_records(later_reader, text.size(), header_state, options, later, kept, &later_parts);
  });
  Stop stopped = parse_records(reader, *split, header_state, options, file, consumed, nullptr,
                               options.progress, text.size(), 2);
  second.join();
  if (stopped == Stop::kSyntaxError) return;  // one reader would have stopped here too
  if (reader.position() == *split) {
    consumed.release_up_to(text.size());  // the second reader is done with its part too
    for (size_t i = 0; i < later_parts.monthly.size(); ++i) {
      append_monthly_part(file, std::move(later_parts.monthly[i]), std::move(later_parts.lines[i]));
    }
    append_parsed(file, std::move(later));
    return;
  }
  parse_records(reader, text.size(), header_state, options, file, consumed, nullptr,
                options.progress, text.size());
}

}  // namespace

ParsedFile parse_file(const SourceFile& source, const ImportOptions& options,
                      ConsumedBytes consumed) {
  ParsedFile file;
  file.name = source.name;
  file.kind = kind_from_file_name(source.name);
  auto text = decode_to_utf8(source.bytes, options.encoding);
  if (!text) {
    file.findings.errors.push_back(std::move(text.error()));
    return file;
  }
  // A converted text is a copy: the bytes it came from are not read again.
  if (consumed == ConsumedBytes::kReleased && text->is_converted) {
    release_pages(source.bytes.data(), source.bytes.data() + source.bytes.size());
  }
  CsvReader reader(text->text(), csv_limits(options));
  if (!parse_header(reader, file)) return file;
  parse_body(text->text(), reader, options, file, consumed);
  return file;
}

bool parse_header(CsvReader& reader, ParsedFile& file) {
  CsvRecord header;
  Result<bool> has_header = reader.next(header);
  if (!has_header) {
    file.findings.errors.push_back({header.line, "(header)", has_header.error().message()});
    return false;
  }
  if (!*has_header) {
    file.findings.errors.push_back({1, "(header)",
                                    file.kind
                                        ? "empty file: no header row"
                                        : "cannot tell the file kind from its name or header"});
    return false;
  }
  // A name that names a kind wins over the header; a header tells the kind only when it fits
  // exactly one (column_schema.h), else the file is refused, never guessed.
  if (!file.kind) {
    HeaderKinds kinds = kinds_from_header(header.fields);
    file.kind = kinds.kind;
    if (!file.kind) {
      file.findings.errors.push_back({1, "(header)", unknown_kind_reason(kinds)});
      return false;
    }
  }
  file.header = map_header(*file.kind, header.fields, file.findings);
  return true;
}

CsvLimits csv_limits_of(const ImportOptions& options) { return csv_limits(options); }

size_t most_kept_records(std::string_view text) {
  constexpr size_t kMinKeptRecordBytes = 24;
  return std::min(count_byte(text, '\n') + 1, text.size() / kMinKeptRecordBytes + 1);
}

bool parse_records_before(CsvReader& reader, size_t stop, HeaderValidity header,
                          const ImportOptions& options, ParsedFile& file) {
  ConsumedText kept;
  HeaderState state = header == HeaderValidity::kValid ? HeaderState::kValid : HeaderState::kBroken;
  return parse_records(reader, stop, state, options, file, kept, nullptr) == Stop::kReachedEnd;
}

}  // namespace zhizao::detail
