#include "ingest/importer.h"

#include <fmt/format.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "ingest/cross_checks.h"
#include "ingest/file_parser.h"
#include "ingest/monthly_audit.h"
#include "ingest/sheet_parser.h"
#include "store/stored_ids.h"

namespace zhizao {
namespace {

using detail::FileKind;
using detail::Finding;
using detail::ParsedFile;

// Sorts findings by line, then by the position of their column in the file (file-level
// markers such as "(row)" first), keeping the order of checks otherwise.
void sort_findings(const ParsedFile& file, detail::FindingList& findings) {
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
    // What a file found beyond the bound on its listed findings is counted in one line.
    std::string_view label = file.sheet ? std::string_view(file.sheet->label) : file.name;
    if (size_t more = file.findings.errors.unlisted(); more > 0) {
      outcome.errors.push_back(
          fmt::format("{}: {} more errors not listed (a file lists its first {})", label, more,
                      detail::kMaxListedFindings));
    }
    if (size_t more = file.findings.warnings.unlisted(); more > 0) {
      outcome.warnings.push_back(
          fmt::format("{}: {} more warnings not listed (a file lists its first {})", label, more,
                      detail::kMaxListedFindings));
    }
    outcome.errors_found += file.findings.errors.size() + file.findings.errors.unlisted();
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

// Moves every electricity_daily reading out of `batches` into `sink` (DailyReadingsSink).
Status stage_daily_readings(std::vector<SourcedBatch>& batches, DailyReadingsSink& sink) {
  std::vector<DailyElectricity> readings;
  for (SourcedBatch& batch : batches) {
    std::vector<DailyElectricity>& rows = batch.rows.electricity_daily;
    readings.insert(readings.end(), std::make_move_iterator(rows.begin()),
                    std::make_move_iterator(rows.end()));
    rows.clear();
  }
  return sink.stage(readings);
}

// What a path that is not a regular file is, for the message that refuses it.
std::string_view kind_of_special_file(mode_t mode) {
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

// Closes a file descriptor when it goes out of scope.
struct OpenFile {
  explicit OpenFile(int descriptor) : fd(descriptor) {}
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  ~OpenFile() {
    if (fd >= 0) ::close(fd);
  }
  int fd;
};

// Reads a regular file of at most `max_bytes` whole. A FIFO or a device (/dev/zero) has no size
// to check in advance and may never end, so only regular files are read. The checks are made on
// the opened file (fstat), not on the path, so that the file cannot be swapped in between; the
// open does not wait for a FIFO's writer (O_NONBLOCK).
Result<std::string> read_whole_file(const std::string& path, uint64_t max_bytes) {
  OpenFile file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  int fd = file.fd;
  if (fd < 0) {
    if (errno == ENOENT) return fail(Status::not_found(fmt::format("no such file: {}", path)));
    return fail(Status::io_error(fmt::format("cannot read {}: {}", path, std::strerror(errno))));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0) {
    return fail(Status::io_error(fmt::format("cannot read {}: {}", path, std::strerror(errno))));
  }
  if (!S_ISREG(info.st_mode)) {
    return fail(Status::invalid_data(
        fmt::format("{}: {}, not a regular file; import reads regular files only", path,
                    kind_of_special_file(info.st_mode))));
  }
  auto size = static_cast<uint64_t>(info.st_size);
  if (size > max_bytes) {
    return fail(Status::invalid_data(fmt::format(
        "{}: {} bytes, more than the {} an import reads (raise it with --max-file-size)", path,
        size, max_bytes)));
  }
  // One read into a string of the file's size: a stream into a growing buffer copied the 1.7 GB
  // of a national file several times over. A file that grows meanwhile is read to its old size.
  std::string bytes(static_cast<size_t>(size), '\0');
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::read(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return fail(Status::io_error(fmt::format("cannot read {}: {}", path, std::strerror(errno))));
    }
    if (n == 0) break;  // the file shrank meanwhile
    done += static_cast<size_t>(n);
  }
  bytes.resize(done);
  return bytes;
}

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
  for (size_t i = 0; i < paths.size(); ++i) {
    if (options.progress) options.progress("reading", i, paths.size());
    Result<std::string> bytes = read_whole_file(paths[i], options.limits.max_file_bytes);
    if (!bytes) return fail(bytes.error());
    SourceFile source{paths[i], *std::move(bytes)};
    parse_source(source, options, detail::ConsumedBytes::kReleased, files);
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
  collect_findings(files, outcome);
  if (outcome.refused()) return outcome;
  report_progress("storing", count, count);
  std::vector<SourcedBatch> batches = batches_in_dependency_order(files);
  // What is left of the parsed files (line numbers, headers, findings) is not needed to store.
  std::vector<ParsedFile>().swap(files);
  if (options.daily_readings_sink != nullptr) {
    Status staged = stage_daily_readings(batches, *options.daily_readings_sink);
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
