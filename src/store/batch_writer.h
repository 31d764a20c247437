// BatchWriter: stores the rows of import batches inside a transaction its caller owns, counting
// inserted, replaced and unchanged keys and writing a revision for each replaced key.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/database.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {

struct MonthlyYearGroup;  // batch_writer_monthly.cc

// The rows of every kind in `batches`.
size_t count_rows(const std::vector<SourcedBatch>& batches);

// Not thread-safe; `db` must outlive the writer and have a write transaction open while apply()
// runs apply_all_but_monthly() or apply_monthly() (a failed one leaves partial writes that only
// the caller's rollback undoes).
class BatchWriter {
 public:
  // `import_id` names the import_batch row the revisions belong to; `changed_at` is their
  // ISO 8601 UTC time.
  BatchWriter(sqlite3* db, int64_t import_id, std::string changed_at);

  // Looks up each row's key: absent keys are inserted, keys with equal values are left alone,
  // keys with other values are overwritten and get a revision naming `batch.source`. The rows of
  // every kind but the monthly records; the monthly records. Errors: kIoError (also for a row
  // the schema's constraints refuse), kInvalidData (a monthly row no year block can hold),
  // kCorruption.
  Status apply_all_but_monthly(const SourcedBatch& batch);
  Status apply_monthly(const SourcedBatch& batch);

  // The counts so far, with import_id set.
  const ApplySummary& summary() const { return summary_; }

  // Calls `progress` (may be empty) every few thousand rows with the rows stored so far and
  // `total`.
  void set_progress(ApplyProgress progress, size_t total);

 private:
  template <typename Table, typename Row>
  Status apply_rows(const std::vector<Row>& rows, const std::string& source);
  // The monthly rows, stored as year blocks (batch_writer_monthly.cc). `key_order`: the rows'
  // key order when the batch carries it (SourcedBatch::monthly_order).
  Status store_monthly_rows(const std::vector<MonthlyRecord>& rows, const std::string& source,
                            std::span<const uint32_t> key_order);
  // Inserts the groups' new blocks in one statement; on a stored key, merges each group instead.
  // Sets `conflicted` when a key was stored.
  Status insert_new_year_blocks(std::span<const MonthlyYearGroup> groups, const std::string& source,
                                bool& conflicted);
  // Stores one group: its block when the key is new, else month by month into the stored block
  // (inserted, unchanged, or replaced with a revision).
  Status merge_year_block(const MonthlyYearGroup& group, const std::string& source);
  // Deletes the stored product_output rows of batch.product_output_replaced's months that
  // batch.rows.product_output does not list, each with a revision (new value null), counted as
  // replaced.
  Status remove_unlisted_product_output(const SourcedBatch& batch);
  // Stores one row: inserted, unchanged, or replaced with a revision.
  template <typename Table, typename Row>
  Status apply_row(const Row& row, const std::string& source);
  Status record_revision(const char* kind, const std::string& key, const std::string& uscc,
                         const std::string& old_value, const std::string& new_value,
                         const std::string& source);

  void count_row();

  StatementCache cache_;
  ApplyProgress progress_;
  size_t total_ = 0;
  size_t done_ = 0;
  std::string changed_at_;
  ApplySummary summary_;
};

}  // namespace zhizao::detail
