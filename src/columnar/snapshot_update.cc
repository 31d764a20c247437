// update_snapshot_after_apply: the old snapshot plus the applied rows, instead of a rebuild.
#include <algorithm>
#include <limits>
#include <string_view>

#include "columnar/snapshot.h"
#include "columnar/snapshot_merge.h"
#include "columnar/snapshot_writer.h"
#include "store/key_order.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::copy_old_columns;
using detail::overlay_applied;
using detail::set_month_span;
using detail::SnapshotHeader;
using detail::WritableColumns;

Result<SnapshotUpdate> rebuilt(Database& db, const std::string& path) {
  Status status = rebuild_snapshot(db, path);
  if (!status.is_ok()) return fail(std::move(status));
  return SnapshotUpdate::kRebuilt;
}

}  // namespace

Result<SnapshotUpdate> update_snapshot_after_apply(Database& db, const std::string& path,
                                                   const std::vector<SourcedBatch>& applied,
                                                   const ApplySummary& summary) {
  Result<std::unique_ptr<ColumnarSnapshot>> old = ColumnarSnapshot::open(path);
  if (!old || (*old)->data_version() != summary.data_version_before ||
      (*old)->schema_version() != Database::schema_version()) {
    old = std::unique_ptr<ColumnarSnapshot>();  // unmap before replacing the file
    return rebuilt(db, path);
  }
  sqlite3* handle = db.native_handle();
  // The tables and the version from one state; if another write followed the apply, its rows
  // are not in `applied`, so only a rebuild is right.
  detail::SqliteTransaction transaction(handle);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kDeferred));
  Result<std::int64_t> version = db.data_version();
  if (!version) return fail(version.error());
  if (*version != summary.data_version_after) {
    ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
    old = std::unique_ptr<ColumnarSnapshot>();
    return rebuilt(db, path);
  }
  Dataset tables;  // all but the monthly records
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::load_all_but_monthly(handle, tables));
  const ColumnarSnapshot& before = **old;
  SnapshotHeader header;
  header.data_version = *version;
  header.schema_version = Database::schema_version();
  header.enterprises = tables.enterprises.size();
  set_month_span(before.columns(), applied, header);
  Status written = detail::write_snapshot_file(
      path, header, tables, [&](const SnapshotHeader& laid_out, unsigned char* base) {
        WritableColumns target(laid_out, base);
        copy_old_columns(before.columns(), before.tables().enterprises, tables.enterprises, target);
        overlay_applied(applied, tables.enterprises, target);
        return Status::ok();
      });
  if (!written.is_ok()) return fail(std::move(written));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return SnapshotUpdate::kMerged;
}

}  // namespace zhizao
