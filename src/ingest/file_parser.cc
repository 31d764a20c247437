#include "ingest/file_parser.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/text.h"
#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
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
  if (index < file.header.written.size()) return file.header.written[index];
  return "(row)";
}

void parse_records(CsvReader& reader, const ImportOptions& options, ParsedFile& file) {
  bool header_ok = file.findings.errors.empty();
  CsvRecord record;
  while (true) {
    Result<bool> more = reader.next(record);
    if (!more) {
      file.findings.errors.push_back(
          {record.line, column_of_field(file, record.fields.size()), more.error().message()});
      return;
    }
    if (!*more) return;
    if (all_empty(record.fields)) continue;
    ++file.records;
    // A header with errors would make every row wrong; its errors are reported alone.
    if (!header_ok) continue;
    if (!check_width(record, file.header.written.size(), file.findings)) continue;
    RowReader row(*file.kind, file.header, record, file.findings);
    parse_row(row, options, file);
  }
}

}  // namespace

ParsedFile parse_file(const SourceFile& source, const ImportOptions& options) {
  ParsedFile file;
  file.name = source.name;
  file.kind = kind_from_file_name(source.name);
  auto text = decode_to_utf8(source.bytes, options.encoding);
  if (!text) {
    file.findings.errors.push_back(std::move(text.error()));
    return file;
  }
  CsvReader reader(text->text());
  CsvRecord header;
  Result<bool> has_header = reader.next(header);
  if (!has_header) {
    file.findings.errors.push_back({header.line, "(header)", has_header.error().message()});
    return file;
  }
  if (!*has_header) {
    file.findings.errors.push_back({1, "(header)",
                                    file.kind
                                        ? "empty file: no header row"
                                        : "cannot tell the file kind from its name or header"});
    return file;
  }
  if (!file.kind) file.kind = kind_from_header(header.fields);
  if (!file.kind) {
    file.findings.errors.push_back(
        {1, "(header)", "cannot tell the file kind from its name or header"});
    return file;
  }
  file.header = map_header(*file.kind, header.fields, file.findings);
  parse_records(reader, options, file);
  return file;
}

}  // namespace zhizao::detail
