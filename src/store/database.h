// Database: the SQLite file that is zhizao's system of record (WAL, versioned schema). Holds
// enterprises, monthly records, deflators, value-added ratios, parks, chains, projects, their
// progress, region groups, the v2 inputs (products and their output, targets, campaigns,
// assignments, visits, service cases), and every revision of submitted data.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/dataset.h"

struct sqlite3;

namespace zhizao {

enum class OpenMode { kCreateIfMissing, kMustExist };

// One enterprise's month (a submission's key, issue 15).
struct EnterpriseMonth {
  std::string uscc;
  YearMonth period;

  bool operator==(const EnterpriseMonth&) const = default;
};

// The rows of one input file, validated, with the name they came from (kept in revisions).
struct SourcedBatch {
  std::string source;  // file name as given on the command line
  Dataset rows;
  // The positions of rows.monthly in key order (store/key_order.h) when whoever made the batch
  // computed them (the importer does, for its duplicate check), so that the writer and the
  // snapshot update need not sort 30 million rows again; empty otherwise.
  std::vector<uint32_t> monthly_order{};
  // Enterprise months whose stored product_output rows this batch replaces as a whole (a published
  // submission's products part): a stored row of one of them whose product is not among
  // rows.product_output is deleted, with a revision whose new value is null. Empty for imports,
  // which only insert and replace keys.
  std::vector<EnterpriseMonth> product_output_replaced{};
};

// Which journal an apply wrote through (store/bulk_journal.h says when and why).
enum class ApplyJournal { kWal, kRollback };

struct ApplySummary {
  long import_id = 0;
  long inserted = 0;   // keys that did not exist
  long replaced = 0;   // keys that existed with other values (a revision each)
  long unchanged = 0;  // keys that existed with the same values
  // Database::data_version() just before the apply took the write lock's snapshot and just after
  // its commit: a copy of the data at `data_version_before` plus the applied rows is the data at
  // `data_version_after` (what the columnar snapshot's update relies on).
  std::int64_t data_version_before = 0;
  std::int64_t data_version_after = 0;
  // The rollback journal for a large apply when no other connection had the file open
  // (store/bulk_journal.h), the WAL otherwise.
  ApplyJournal journal = ApplyJournal::kWal;
};

// Reports how far Database::apply is: rows stored so far, rows in all batches.
using ApplyProgress = std::function<void(size_t done, size_t total)>;

// Watches an apply from inside its transaction, so that work derived from the applied rows (the
// columnar snapshot) can run beside the longest part of the apply, the monthly records. The
// apply calls tables_written() once, then exactly one of committed() or abandoned(), all on its
// own thread; the observer must have stopped reading the batches when either returns.
class ApplyObserver {
 public:
  virtual ~ApplyObserver() = default;
  // Every row of `batches` but the monthly records is written: reads through the database's
  // connection, made now on this thread, see the tables as the commit will leave them (the data
  // version not yet moved). `batches` stays alive and unchanged until committed() or abandoned()
  // returns.
  virtual void tables_written(const std::vector<SourcedBatch>& batches) = 0;
  // The apply committed; `summary` is what apply() returns.
  virtual void committed(const ApplySummary& summary) = 0;
  // The apply failed after tables_written() and was rolled back.
  virtual void abandoned() = 0;
  // Every row of `batches` is written, the data version not yet moved: the observer's own writes
  // through the database's connection, on this thread, join the apply's transaction (a
  // SqliteTransaction begun now is a savepoint of it). An error rolls the whole apply back and
  // apply() returns it. The default writes nothing.
  virtual Status before_commit() { return Status::ok(); }
};

// One replacement of a stored key: old and new values as JSON objects with the data contract's
// English column names (missing optional values are null). Inserts of new keys write none.
struct Revision {
  long id = 0;
  long import_id = 0;
  std::string kind;        // "enterprise", "monthly", "deflator", "va_ratio", "park", "chain",
                           // "project", "project_progress", "region_group", and (v2) "product",
                           // "product_output", "target", "campaign", "assignment", "visit",
                           // "case"
  std::string key;         // e.g. "91410300...|2021-04"
  std::string uscc;        // for rows of one enterprise (enterprise, monthly, product_output,
                           // assignment, visit, case), else empty
  std::string old_value;   // JSON text of the value replaced
  std::string new_value;   // JSON text
  std::string changed_at;  // ISO 8601 UTC
  std::string source;      // file the new value came from
};

struct RevisionFilter {
  std::optional<std::string> uscc;
  std::optional<std::string> kind;
};

// Owns one SQLite connection. Not thread-safe: use one Database per thread.
class Database {
 public:
  // Opens (and with kCreateIfMissing creates) the database at `path`, migrating its schema to
  // the current version. Errors: kNotFound when it must exist and does not; kCorruption when the
  // file is not a zhizao database or is newer than this binary; kIoError otherwise.
  static Result<std::unique_ptr<Database>> open(const std::string& path, OpenMode mode);
  ~Database();
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  // Returns every stored record, each kind sorted by its key. Errors: kIoError, kCorruption.
  Result<Dataset> load() const;

  // Stores the batches in one transaction, all or nothing: new keys are inserted, existing keys
  // replaced; every replaced key that changed gets a Revision naming its batch's source. A crash
  // or kill at any point leaves the database as it was before the call or after it.
  // Precondition: the batches are validated (ingest does that). Errors: kIoError; kInvalidData
  // for a monthly row no year block can hold (a month outside 1..12, a value not finite);
  // kCorruption for a stored year block that does not decode. Revisions are numbered in the
  // order written: every kind but the monthly records first (batch by batch), then those.
  Result<ApplySummary> apply(const std::vector<SourcedBatch>& batches);
  // The same, calling `progress` (may be empty) on this thread now and then with the rows
  // stored so far and the rows of all batches, for a progress bar.
  Result<ApplySummary> apply(const std::vector<SourcedBatch>& batches,
                             const ApplyProgress& progress);
  // The same, with `observer` (may be null; not owned) told of the apply's progress as
  // ApplyObserver says. The rows of every kind but the monthly records are written first, for
  // every batch, then the monthly records.
  Result<ApplySummary> apply(const std::vector<SourcedBatch>& batches,
                             const ApplyProgress& progress, ApplyObserver* observer);

  // Returns the data version: a number that every apply() moves forward in the same transaction
  // as its data (never back, also across a recreated or restored file), so a cache of the data
  // may compare it to the one it was built from. Errors: kIoError, kCorruption.
  Result<std::int64_t> data_version() const;

  // Returns the revisions matching `filter`, oldest first. Errors: kIoError.
  Result<std::vector<Revision>> revisions(const RevisionFilter& filter) const;

  // The schema version this binary writes (PRAGMA user_version).
  static int schema_version();

  // The connection, for the other classes of the store module (accounts, submissions) that keep
  // their own tables in the same file. Owned by this Database; same thread rules.
  sqlite3* native_handle() const { return handle_; }

 private:
  explicit Database(sqlite3* handle);
  sqlite3* handle_;
};

}  // namespace zhizao
