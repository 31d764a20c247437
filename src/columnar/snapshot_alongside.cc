#include "columnar/snapshot_alongside.h"

#include <utility>

#include "columnar/snapshot_merge.h"
#include "store/reference_tables.h"

namespace zhizao {

SnapshotAlongsideApply::SnapshotAlongsideApply(Database& db, std::string path)
    : db_(db), path_(std::move(path)) {}

SnapshotAlongsideApply::~SnapshotAlongsideApply() {
  if (writer_.joinable()) writer_.join();
}

void SnapshotAlongsideApply::tables_written(const std::vector<SourcedBatch>& batches) {
  // A fresh start should the object watch a second apply.
  if (writer_.joinable()) writer_.join();
  old_.reset();
  tables_ = Dataset();
  written_.reset();
  write_status_ = Status::ok();
  outcome_ = Outcome::kNotAttempted;
  failure_ = Status::ok();
  // Merging needs the snapshot of the data before the apply; inside the apply's transaction the
  // data version has not moved yet, so it must equal the snapshot's. Otherwise the caller's
  // update after the commit rebuilds (kNotAttempted).
  Result<std::unique_ptr<ColumnarSnapshot>> old = ColumnarSnapshot::open(path_);
  Result<std::int64_t> version = db_.data_version();
  if (!old || !version || (*old)->data_version() != *version ||
      (*old)->schema_version() != Database::schema_version()) {
    return;
  }
  // The tables as the commit will leave them: this connection sees its own transaction.
  if (!detail::load_all_but_monthly(db_.native_handle(), tables_).is_ok()) return;
  old_ = std::move(*old);
  detail::SnapshotHeader header;
  header.schema_version = Database::schema_version();
  header.enterprises = tables_.enterprises.size();
  detail::set_month_span(old_->columns(), batches, header);
  writer_ = std::jthread([this, &batches, header] {
    Result<std::unique_ptr<detail::UnstampedSnapshot>> written = detail::write_unstamped_snapshot(
        path_, header, tables_, [&](const detail::SnapshotHeader& laid_out, unsigned char* base) {
          detail::WritableColumns target(laid_out, base);
          detail::copy_old_columns(old_->columns(), old_->tables().enterprises, tables_.enterprises,
                                   target);
          detail::overlay_applied(batches, tables_.enterprises, target);
          return Status::ok();
        });
    if (written) {
      written_ = std::move(*written);
    } else {
      write_status_ = written.error();
    }
  });
}

void SnapshotAlongsideApply::committed(const ApplySummary& summary) {
  if (!writer_.joinable()) return;  // not attempted
  writer_.join();
  old_.reset();
  if (!write_status_.is_ok()) return fail_with(write_status_);
  Status placed = written_->stamp_and_commit(summary.data_version_after, path_);
  written_.reset();
  if (!placed.is_ok()) return fail_with(std::move(placed));
  outcome_ = Outcome::kInPlace;
}

void SnapshotAlongsideApply::abandoned() {
  if (writer_.joinable()) writer_.join();
  written_.reset();  // removes the temporary file
  old_.reset();
  outcome_ = Outcome::kNotAttempted;
}

void SnapshotAlongsideApply::fail_with(Status status) {
  outcome_ = Outcome::kFailed;
  failure_ = std::move(status);
}

}  // namespace zhizao
