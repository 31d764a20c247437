// Fuzz target: a CSV input file (UTF-8 or GB18030) through the import's real path without a
// database: encoding detection, the RFC 4180 reader, the header mapping and the row parser of
// each file kind (ingest/file_parser.h), then the cross-file checks against an empty store.
// Input: one selector byte (low 4 bits with bit 7 as a fifth: the file kind by its name, its
// index in kKindsInDependencyOrder, except 15 = a name that tells nothing so the header decides,
// and indices past 15 one lower; bits 4-5: encoding detected / forced UTF-8 / forced GB18030;
// bit 6: tight bounds on a record and a field, kTightCsv, that small inputs reach), then the
// file's bytes.
// Invariants: findings are located and explained, their messages cut to a readable length;
// rows and lines agree; no record or field read is longer than its bound; records read by
// CsvReader, written again by CsvWriter (formula guard included), read back the same.
#include <optional>
#include <string>
#include <vector>

#include "base/text.h"
#include "fuzz_support.h"
#include "ingest/cross_checks.h"
#include "ingest/csv_reader.h"
#include "ingest/csv_writer.h"
#include "ingest/encoding.h"
#include "ingest/file_parser.h"
#include "ingest/formula_guard.h"
#include "parsed_file_checks.h"

namespace {

using zhizao::fuzz::check;
using Records = std::vector<std::vector<std::string>>;

// Bounds on a record and a field that a fuzzer's small inputs pass (selector bit 6).
constexpr zhizao::detail::CsvLimits kTightCsv{64, 16};

// Reads records until the end or the first syntax error.
Records read_records(std::string_view text, zhizao::detail::CsvLimits limits = {}) {
  Records records;
  zhizao::detail::CsvReader reader(text, limits);
  zhizao::detail::CsvRecord record;
  while (true) {
    zhizao::Result<bool> more = reader.next(record);
    if (!more) {
      check(!more.error().message().empty(), "a CSV error has a message");
      check(record.line >= 1, "a CSV error has a line");
      break;
    }
    if (!*more) break;
    check(!record.fields.empty(), "a record has a field");
    size_t record_bytes = 0;
    for (std::string_view field : record.fields) {
      check(field.size() <= limits.max_field_bytes, "no field longer than its bound");
      record_bytes += field.size();
    }
    check(record_bytes <= limits.max_record_bytes, "no record longer than its bound");
    records.emplace_back(record.fields.begin(), record.fields.end());
  }
  return records;
}

// A record of one empty field is written as a blank line, which readers skip (RFC 4180 has no
// way to tell it from nothing), so it cannot survive the round trip.
bool is_single_empty(const std::vector<std::string>& fields) {
  return fields.size() == 1 && fields[0].empty();
}

void check_round_trip(std::string_view text) {
  Records records = read_records(text);
  std::erase_if(records, is_single_empty);
  zhizao::detail::CsvWriter writer;
  for (const std::vector<std::string>& fields : records) {
    for (const std::string& field : fields) writer.field(field);
    writer.end_record();
  }
  // CsvWriter::field guards formula-like text (ingest/formula_guard.h): no written field may
  // begin with a trigger, and the import's restore_formula_text gives the original back.
  Records back = read_records(writer.text());
  for (std::vector<std::string>& fields : back) {
    for (std::string& field : fields) {
      check(field.starts_with('\'') || !zhizao::detail::is_formula_like(field),
            "no written field begins with a formula trigger");
      field = std::string(zhizao::detail::restore_formula_text(field));
    }
  }
  check(back == records, "CsvWriter output reads back the same records");
}

std::optional<zhizao::Encoding> encoding_of(uint8_t selector) {
  switch ((selector >> 4) & 3) {
    case 1:
      return zhizao::Encoding::kUtf8;
    case 2:
      return zhizao::Encoding::kGb18030;
    default:
      return std::nullopt;
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace detail = zhizao::detail;
  zhizao::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.byte();
  // 15 stays "by header" as the seeds were written when fewer kinds fitted in 4 bits.
  constexpr size_t kByHeader = 15;
  size_t index = (selector & 0x0F) | ((selector & 0x80) >> 3);
  size_t kind_index = index < kByHeader ? index : index - 1;
  std::string name =
      index != kByHeader && kind_index < detail::kKindsInDependencyOrder.size()
          ? std::string(detail::kind_name(detail::kKindsInDependencyOrder[kind_index])) + ".csv"
          : "upload.csv";
  zhizao::ImportOptions options;
  options.encoding = encoding_of(selector);
  bool tight = (selector & 0x40) != 0;
  if (tight) {
    options.limits.max_record_bytes = kTightCsv.max_record_bytes;
    options.limits.max_field_bytes = kTightCsv.max_field_bytes;
  }
  zhizao::SourceFile source{name, std::string(input.rest())};

  std::vector<detail::ParsedFile> files;
  files.push_back(detail::parse_file(source, options));
  zhizao::fuzz::check_parsed_file(files[0]);
  detail::check_duplicate_keys(files);
  detail::check_references(files, {});  // nothing stored yet
  zhizao::fuzz::check_parsed_file(files[0]);

  auto text = detail::decode_to_utf8(source.bytes, options.encoding);
  if (text) {
    check(zhizao::is_valid_utf8(text->text()), "decoded text is UTF-8");
    check_round_trip(text->text());
    if (tight) read_records(text->text(), kTightCsv);
  } else {
    check(text.error().line >= 1 && !text.error().reason.empty(), "an encoding error is located");
  }
  return 0;
}
