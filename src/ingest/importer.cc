#include "ingest/importer.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "ingest/cross_checks.h"
#include "ingest/file_parser.h"
#include "ingest/sheet_parser.h"
#include "store/stored_ids.h"

namespace zhizao {
namespace {

using detail::FileKind;
using detail::Finding;
using detail::ParsedFile;

// Sorts findings by line, then by the position of their column in the file (file-level
// markers such as "(row)" first), keeping the order of checks otherwise.
void sort_findings(const ParsedFile& file, std::vector<Finding>& findings) {
  const std::vector<std::string>& written = file.header.written;
  auto position = [&](const Finding& f) {
    auto it = std::find(written.begin(), written.end(), f.column);
    return it == written.end() ? -1L : static_cast<long>(it - written.begin());
  };
  std::stable_sort(findings.begin(), findings.end(), [&](const Finding& a, const Finding& b) {
    if (a.line != b.line) return a.line < b.line;
    return position(a) < position(b);
  });
}

// Puts every file's findings, sorted, into the outcome in the order the files came.
void collect_findings(std::vector<ParsedFile>& files, ImportOutcome& outcome) {
  for (ParsedFile& file : files) {
    sort_findings(file, file.findings.errors);
    sort_findings(file, file.findings.warnings);
    auto format = [&](const Finding& f) {
      return file.sheet ? detail::format_sheet_finding(*file.sheet, file.header, f)
                        : detail::format_finding(file.name, f);
    };
    for (const Finding& f : file.findings.errors) outcome.errors.push_back(format(f));
    for (const Finding& f : file.findings.warnings) outcome.warnings.push_back(format(f));
    outcome.files.push_back(
        {file.name, file.kind ? std::string(detail::kind_name(*file.kind)) : "", file.records});
  }
}

// One batch per file, kinds in dependency order, files of a kind in the order given.
std::vector<SourcedBatch> batches_in_dependency_order(std::vector<ParsedFile>& files) {
  std::vector<SourcedBatch> batches;
  for (FileKind kind : detail::kKindsInDependencyOrder) {
    for (ParsedFile& file : files) {
      if (file.kind != kind) continue;
      batches.push_back({file.name, std::move(file.rows), std::move(file.monthly_order)});
    }
  }
  return batches;
}

Result<std::string> read_whole_file(const std::string& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error)) {
    return fail(Status::not_found(fmt::format("no such file: {}", path)));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(Status::io_error(fmt::format("cannot read {}", path)));
  if (!std::filesystem::is_regular_file(path, error)) {  // a pipe, say: read it as a stream
    std::ostringstream streamed;
    streamed << in.rdbuf();
    if (in.bad()) return fail(Status::io_error(fmt::format("cannot read {}", path)));
    return std::move(streamed).str();
  }
  // One read into a string of the file's size: a stream into a growing buffer copied the 1.7 GB
  // of a national file several times over.
  std::uintmax_t size = std::filesystem::file_size(path, error);
  if (error) return fail(Status::io_error(fmt::format("cannot read {}", path)));
  std::string bytes(static_cast<size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.bad() || static_cast<std::uintmax_t>(in.gcount()) != size) {
    return fail(Status::io_error(fmt::format("cannot read {}", path)));
  }
  return bytes;
}

}  // namespace

Result<ImportOutcome> import_files(Database& db, const std::vector<std::string>& paths,
                                   const ImportOptions& options) {
  std::vector<SourceFile> sources;
  for (const std::string& path : paths) {
    Result<std::string> bytes = read_whole_file(path);
    if (!bytes) return fail(bytes.error());
    sources.push_back({path, *std::move(bytes)});
  }
  return import_sources(db, sources, options);
}

Result<ImportOutcome> import_sources(Database& db, const std::vector<SourceFile>& sources,
                                     const ImportOptions& options) {
  auto report_progress = [&](std::string_view stage, size_t done, size_t total) {
    if (options.progress) options.progress(stage, done, total);
  };
  std::vector<ParsedFile> files;
  files.reserve(sources.size());
  for (const SourceFile& source : sources) {
    report_progress("reading", static_cast<size_t>(&source - sources.data()), sources.size());
    if (!detail::is_workbook(source)) {
      files.push_back(detail::parse_file(source, options));
      continue;
    }
    for (ParsedFile& sheet : detail::parse_workbook(source, options)) {
      files.push_back(std::move(sheet));
    }
  }
  report_progress("checking", sources.size(), sources.size());
  // Only the ids rows may refer to, not the stored records (tens of millions of monthly rows).
  Result<StoredIds> stored = load_stored_ids(db);
  if (!stored) return fail(stored.error());
  detail::check_duplicate_keys(files);
  detail::check_references(files, *stored);
  ImportOutcome outcome;
  collect_findings(files, outcome);
  if (outcome.refused()) return outcome;
  report_progress("storing", sources.size(), sources.size());
  std::vector<SourcedBatch> batches = batches_in_dependency_order(files);
  Result<ApplySummary> summary = db.apply(
      batches, [&](size_t done, size_t total) { report_progress("storing", done, total); },
      options.apply_observer);
  if (!summary) return fail(summary.error());
  outcome.summary = *summary;
  if (options.on_stored) options.on_stored(batches, *summary);
  return outcome;
}

}  // namespace zhizao
