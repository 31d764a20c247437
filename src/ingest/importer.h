// Import of the data contract's file kinds (../shared/data-contract.md: the eight v1 files, the v2
// additions, and zhizao's region groups): detect the kind
// and encoding, parse (RFC 4180), validate every row against the standards, the database and
// the other files of the same import, then store all of it or nothing.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/uscc.h"
#include "ingest/input_limits.h"
#include "store/database.h"
#include "store/streamed_months_observer.h"

namespace zhizao {

enum class Encoding { kUtf8, kGb18030 };

// A file's name (as the user gave it, used in messages) and its raw bytes.
struct SourceFile {
  std::string name;
  std::string bytes;
};

// Called as an import moves through its stages ("reading" file by file, "checking", "storing"),
// so that a terminal can show a progress bar. Runs on the importing thread.
using ImportProgress = std::function<void(std::string_view stage, size_t done, size_t total)>;

// ── Audit hook (added for issue 19's physical limits; ingest knows nothing of audit rules) ────
// What an audit of the monthly records (rules/import_audit.h, wired by `zhizao import`) found on
// one record: the importer reports it at the record's line and column, as "FILE:LINE: COLUMN:
// reason"; an error refuses the import like any other, a warning does not.
enum class AuditLevel { kWarning, kError };
struct AuditFinding {
  size_t record = 0;  // index into MonthlyAuditInput::records
  std::string field;  // the contract's column name, e.g. "output"
  std::string reason;
  AuditLevel level = AuditLevel::kError;
};
// One monthly file's records as the audit sees them; valid during the call only.
struct MonthlyAuditInput {
  const std::vector<MonthlyRecord>& records;
  std::span<const uint32_t> key_order;         // positions by (uscc, period), or empty
  const std::vector<Enterprise>& enterprises;  // the enterprises rows of the whole import
};
using MonthlyAudit = std::function<std::vector<AuditFinding>(const MonthlyAuditInput& input)>;

// Where the electricity_daily readings of an import go instead of the database (`zhizao import
// --clickhouse URL`, src/clickhouse). The importer checks every file first (rows, keys,
// references); only then does it call stage() with every reading of the import, then store the
// other files in the database's transaction, then call commit(): a reading is visible to readers
// only after commit(), so a failure at any step leaves none of them visible (docs/operations.md,
// "ClickHouse"). Called on the importing thread.
class DailyReadingsSink {
 public:
  virtual ~DailyReadingsSink() = default;
  // Loads the readings, not yet visible. Errors: the sink's (the import then stores nothing).
  virtual Status stage(const std::vector<DailyElectricity>& readings) = 0;
  // Makes the staged readings visible, after the database's commit. Errors: the sink's.
  virtual Status commit() = 0;
};

struct ImportOptions {
  std::optional<Encoding> encoding;  // forced with --encoding; detected when absent
  UsccExceptions uscc_exceptions = default_uscc_exceptions();
  ImportProgress progress;  // may be empty
  // Called (when set) after a successful commit with the rows just stored and the summary,
  // before they are freed: the columnar snapshot updates itself from them instead of reading
  // the database again (columnar/snapshot.h). Its failure is the caller's to report.
  // Told of the apply from inside its transaction (Database::apply); may be null, not owned.
  ApplyObserver* apply_observer = nullptr;
  // It may move the batches out (nothing reads them afterwards), e.g. to keep them from being
  // freed one record at a time just before the process exits.
  std::function<void(std::vector<SourcedBatch>& stored, const ApplySummary& summary)> on_stored;
  // Bounds on the files read (ingest/input_limits.h); `import --max-file-size` sets the first.
  InputLimits limits;
  // Called (when set) once per monthly file after the row and reference checks, before anything
  // is stored (the audit hook above).
  MonthlyAudit audit_monthly;
  // When set, the electricity_daily readings go here instead of the database (not owned).
  DailyReadingsSink* daily_readings_sink = nullptr;
  // Streaming of the monthly files (issue 17: an import in bounded memory). When not zero,
  // import_files reads each monthly CSV file (its kind told by its name or its header; not a
  // workbook's sheets, nor import_sources' files) part by part, about this many bytes of text a
  // part, instead of whole: each part is checked against what the import keeps across parts (the
  // enterprises' codes, a bit per enterprise and month, the lines of duplicates), its records
  // spilled in sorted runs to a temporary file in `spill_dir` ("" for $TMPDIR or /tmp), and once
  // every file is checked the runs are read back merged in key order, audited and written one
  // part at a time into the import's transaction. Same findings, same stored rows and counts as
  // without; but `on_stored` is not called when a file was streamed (its rows are not held),
  // and the apply observer's batches lack the streamed files' monthly rows
  // (ImportOutcome::streamed_files says how many).
  std::size_t monthly_chunk_bytes = 0;
  std::string spill_dir;
  // Told of the streamed monthly records as they are written (may be null, not owned): only
  // when exactly one monthly file is streamed (store/streamed_months_observer.h).
  StreamedMonthsObserver* streamed_months_observer = nullptr;
};

// The part size `zhizao import` streams monthly files with: about a million monthly rows of a
// national file (58 bytes a row), 170 MB of parsed records (issue 17).
inline constexpr std::size_t kDefaultMonthlyChunkBytes = std::size_t{64} << 20;

struct ImportOutcome {
  // Every error of every file, as "FILE:LINE: COLUMN: reason", in file then line order. When not
  // empty, nothing was stored.
  // A file lists its first 100,000 errors (and warnings, ingest/finding.h) and then one line
  // "FILE: N more errors not listed ...": millions of broken lines cost no more memory than a
  // thousand (docs/security.md, "Bounds on input").
  std::vector<std::string> errors;
  // Warnings (unknown columns, retired region codes mapped), same format; they never refuse.
  std::vector<std::string> warnings;
  // Every error found, listed in `errors` or only counted there.
  size_t errors_found = 0;
  ApplySummary summary;  // what was stored, when errors is empty
  struct FileCount {
    std::string name;
    std::string kind;  // "enterprises", "monthly", ...
    long rows = 0;
  };
  std::vector<FileCount> files;
  // The monthly files read part by part (ImportOptions::monthly_chunk_bytes).
  std::size_t streamed_files = 0;

  bool refused() const { return !errors.empty(); }
};

// Reads the files at `paths` and imports them as import_sources does. Only regular files are
// read (after following symbolic links), each of at most options.limits.max_file_bytes, checked
// before it is read.
// Errors: kNotFound / kIoError when a file cannot be read; kInvalidData naming the file when it
// is not a regular file (a FIFO, a device such as /dev/zero, a directory) or is too large
// (nothing stored).
Result<ImportOutcome> import_files(Database& db, const std::vector<std::string>& paths,
                                   const ImportOptions& options);

// Imports files given in memory, in any order (kinds are applied in dependency order). Data
// errors are returned in ImportOutcome::errors, not as a failed Result; the Result fails only
// when the database cannot be read or written (kIoError).
Result<ImportOutcome> import_sources(Database& db, const std::vector<SourceFile>& files,
                                     const ImportOptions& options);

// Writes the contract's eight v1 files, and each v2 file (products, product_output, targets,
// campaigns, assignments, visits, cases, and electricity_daily.csv from
// `dataset.electricity_daily`, which Database::load() leaves empty: the caller fills it from
// DailyElectricityStore::all_readings()) that has rows, (UTF-8, English headers, numbers in
// shortest round-trip form) for `dataset` into directory `dir`, creating it. Importing them into an
// empty database gives back the same Dataset. Errors: kIoError.
Status export_contract_files(const Dataset& dataset, const std::string& dir);

}  // namespace zhizao
