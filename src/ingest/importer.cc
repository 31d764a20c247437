#include "ingest/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

#include "ingest/column_schema.h"
#include "ingest/cross_checks.h"
#include "ingest/csv_reader.h"
#include "ingest/encoding.h"
#include "ingest/file_kind.h"
#include "ingest/file_parser.h"
#include "ingest/import_steps.h"
#include "ingest/monthly_audit.h"
#include "ingest/monthly_stream.h"
#include "ingest/regular_file.h"
#include "ingest/sheet_parser.h"
#include "ingest/streamed_import.h"
#include "store/stored_ids.h"

namespace zhizao {
namespace {

using detail::FileKind;
using detail::Finding;
using detail::ParsedFile;

// Parses one file (each sheet of a workbook) onto `files`.
void parse_source(const SourceFile& source, const ImportOptions& options,
                  detail::ConsumedBytes consumed, std::vector<ParsedFile>& files) {
  if (!detail::is_workbook(source)) {
    files.push_back(detail::parse_file(source, options, consumed));
    return;
  }
  for (ParsedFile& sheet : detail::parse_workbook(source, options)) {
    files.push_back(std::move(sheet));
  }
}

// Whether import_files streams the file at `path` (ImportOptions::monthly_chunk_bytes): a CSV
// file (not a workbook) whose name, else whose header, tells the monthly kind. Only a guess from
// the first line: the stream reads the header again as parse_file would. False when the file
// cannot be read (the whole-file path then reports why).
bool streams_as_monthly(const std::string& path, const ImportOptions& options) {
  if (options.monthly_chunk_bytes == 0) return false;
  Result<detail::RegularFile> file = detail::RegularFile::open(path, options.limits.max_file_bytes);
  if (!file) return false;
  std::string first(
      static_cast<size_t>(std::min<uint64_t>(file->size(), options.limits.max_record_bytes + 2)),
      '\0');
  Result<size_t> read = file->read_at(0, first);
  if (!read) return false;
  first.resize(*read);
  if (detail::is_workbook(SourceFile{path, first})) return false;
  if (std::optional<FileKind> named = detail::kind_from_file_name(path)) {
    return named == FileKind::kMonthly;
  }
  const size_t line_end = first.find('\n');
  std::string_view header_line(first);
  if (line_end != std::string::npos) header_line = header_line.substr(0, line_end + 1);
  auto text = detail::decode_to_utf8(header_line, options.encoding);
  if (!text) return false;
  detail::CsvReader reader(text->text());
  detail::CsvRecord header;
  Result<bool> has_header = reader.next(header);
  if (!has_header || !*has_header) return false;
  return detail::kinds_from_header(header.fields).kind == FileKind::kMonthly;
}

// The checks across files and the database, then the store, for files parsed from `count` sources.
Result<ImportOutcome> check_and_store(Database& db, std::vector<ParsedFile>&& files, size_t count,
                                      const ImportOptions& options);

}  // namespace

Result<ImportOutcome> import_files(Database& db, const std::vector<std::string>& paths,
                                   const ImportOptions& options) {
  // Each file is parsed as soon as it is read and its bytes freed before the next is read: the
  // import holds one file's bytes at a time, and not even those once parsed (issue 17).
  std::vector<ParsedFile> files;
  files.reserve(paths.size());
  // The stream of each streamed file (whose place in `files` holds its name and kind), else null.
  std::vector<std::unique_ptr<detail::MonthlyFileStream>> streams;
  bool any_streamed = false;
  for (size_t i = 0; i < paths.size(); ++i) {
    if (options.progress) options.progress("reading", i, paths.size());
    if (streams_as_monthly(paths[i], options)) {
      auto stream = detail::MonthlyFileStream::open(paths[i], options);
      if (!stream) return fail(stream.error());
      ParsedFile placeholder;
      placeholder.name = paths[i];
      placeholder.kind = (*stream)->head().kind;
      files.push_back(std::move(placeholder));
      streams.resize(files.size());
      streams.back() = *std::move(stream);
      any_streamed = true;
      continue;
    }
    Result<std::string> bytes = detail::read_whole_file(paths[i], options.limits.max_file_bytes);
    if (!bytes) return fail(bytes.error());
    SourceFile source{paths[i], *std::move(bytes)};
    parse_source(source, options, detail::ConsumedBytes::kReleased, files);
    streams.resize(files.size());
  }
  if (any_streamed) {
    // A monthly sheet of a workbook beside streamed files: the duplicate check across them needs
    // both parsed whole, so the streamed files are parsed whole after all.
    bool monthly_sheet = false;
    for (size_t f = 0; f < files.size(); ++f) {
      monthly_sheet |= streams[f] == nullptr && files[f].kind == FileKind::kMonthly;
    }
    if (!monthly_sheet) {
      return detail::check_and_store_streamed(db, std::move(files), std::move(streams), options);
    }
    for (size_t f = 0; f < files.size(); ++f) {
      if (streams[f] == nullptr) continue;
      streams[f].reset();
      Result<std::string> bytes =
          detail::read_whole_file(files[f].name, options.limits.max_file_bytes);
      if (!bytes) return fail(bytes.error());
      SourceFile source{files[f].name, *std::move(bytes)};
      files[f] = detail::parse_file(source, options, detail::ConsumedBytes::kReleased);
    }
  }
  return check_and_store(db, std::move(files), paths.size(), options);
}

Result<ImportOutcome> import_sources(Database& db, const std::vector<SourceFile>& sources,
                                     const ImportOptions& options) {
  std::vector<ParsedFile> files;
  files.reserve(sources.size());
  for (const SourceFile& source : sources) {
    if (options.progress) {
      options.progress("reading", static_cast<size_t>(&source - sources.data()), sources.size());
    }
    parse_source(source, options, detail::ConsumedBytes::kKept, files);
  }
  return check_and_store(db, std::move(files), sources.size(), options);
}

namespace {

Result<ImportOutcome> check_and_store(Database& db, std::vector<ParsedFile>&& files, size_t count,
                                      const ImportOptions& options) {
  auto report_progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  report_progress("checking", count, count);
  // Only the ids rows may refer to, not the stored records (tens of millions of monthly rows).
  Result<StoredIds> stored = load_stored_ids(db);
  if (!stored) return fail(stored.error());
  detail::check_duplicate_keys(files);
  detail::check_references(files, *stored);
  if (options.audit_monthly) detail::audit_monthly_files(files, options.audit_monthly);
  ImportOutcome outcome;
  detail::collect_findings(files, outcome);
  if (outcome.refused()) return outcome;
  report_progress("storing", count, count);
  std::vector<SourcedBatch> batches = detail::batches_in_dependency_order(files);
  // What is left of the parsed files (line numbers, headers, findings) is not needed to store.
  std::vector<ParsedFile>().swap(files);
  if (options.daily_readings_sink != nullptr) {
    Status staged = detail::stage_daily_readings(batches, *options.daily_readings_sink);
    if (!staged.is_ok()) return fail(staged);
  }
  Result<ApplySummary> summary = db.apply(
      batches, [&](size_t done, size_t total) { report_progress("storing", done, total); },
      options.apply_observer);
  if (!summary) return fail(summary.error());
  if (options.daily_readings_sink != nullptr) {
    Status committed = options.daily_readings_sink->commit();
    if (!committed.is_ok()) return fail(committed);
  }
  outcome.summary = *summary;
  if (options.on_stored) options.on_stored(batches, *summary);
  return outcome;
}

}  // namespace

}  // namespace zhizao
