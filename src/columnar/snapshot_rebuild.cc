// rebuild_snapshot: SQLite → the snapshot file, in one read transaction, through a temporary file.
#include <sqlite3.h>

#include <limits>
#include <string_view>

#include "columnar/snapshot.h"
#include "columnar/snapshot_writer.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SnapshotHeader;
using detail::SqliteStatement;
using detail::StepResult;

// Sets first_month and months of `header` to the span of the stored months.
Status read_month_span(sqlite3* handle, SnapshotHeader& header) {
  Result<SqliteStatement> span = SqliteStatement::prepare(
      handle, "SELECT min(year * 12 + month - 1), max(year * 12 + month - 1) FROM monthly");
  if (!span) return span.error();
  Result<StepResult> stepped = span->step();
  if (!stepped) return stepped.error();
  if (*stepped != StepResult::kRow || span->column_is_null(0)) return Status::ok();
  header.first_month = span->column_int(0);
  header.months = span->column_int(1) - header.first_month + 1;
  return Status::ok();
}

// Writes the monthly records into the mapped columns at `base`: the presence byte of each
// record, and its values (NaN for a missing optional; cells without a record stay zero, unread).
Status write_monthly(sqlite3* handle, const std::vector<Enterprise>& enterprises,
                     const SnapshotHeader& header, unsigned char* base) {
  sqlite3_stmt* raw = nullptr;
  // Raw SQLite here: 30 million rows, and the uscc is compared in place instead of copied.
  int rc = sqlite3_prepare_v2(handle,
                              "SELECT uscc, year, month, output, value_added, electricity, "
                              "output_prev, value_added_prev, electricity_prev, in_scope "
                              "FROM monthly ORDER BY uscc, year, month",
                              -1, &raw, nullptr);
  if (rc != SQLITE_OK) return detail::sqlite_status(handle, rc, "reading the monthly records");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> statement(raw, sqlite3_finalize);
  auto* presence = reinterpret_cast<RecordPresence*>(base + header.presence_offset);
  std::array<double*, kMonthlyColumnCount> values{};
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
    values[c] = reinterpret_cast<double*>(base + header.value_offsets[c]);
  }
  const double missing = std::numeric_limits<double>::quiet_NaN();
  std::size_t at = 0;
  while ((rc = sqlite3_step(raw)) == SQLITE_ROW) {
    std::string_view uscc(reinterpret_cast<const char*>(sqlite3_column_text(raw, 0)),
                          static_cast<std::size_t>(sqlite3_column_bytes(raw, 0)));
    while (at < enterprises.size() && std::string_view(enterprises[at].uscc) < uscc) ++at;
    if (at == enterprises.size()) break;  // no later row belongs to a known enterprise
    if (std::string_view(enterprises[at].uscc) != uscc) continue;  // rows of unknown enterprises
    int month = sqlite3_column_int(raw, 1) * 12 + sqlite3_column_int(raw, 2) - 1;
    std::size_t cell =
        static_cast<std::size_t>(month - header.first_month) * header.enterprises + at;
    presence[cell] =
        sqlite3_column_int(raw, 9) != 0 ? RecordPresence::kInScope : RecordPresence::kOutOfScope;
    for (int c = 0; c < static_cast<int>(kMonthlyColumnCount); ++c) {
      values[static_cast<std::size_t>(c)][cell] = sqlite3_column_type(raw, 3 + c) == SQLITE_NULL
                                                      ? missing
                                                      : sqlite3_column_double(raw, 3 + c);
    }
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    return detail::sqlite_status(handle, rc, "reading the monthly records");
  }
  return Status::ok();
}

}  // namespace

Status rebuild_snapshot(Database& db, const std::string& path) {
  sqlite3* handle = db.native_handle();
  // One read transaction: the data and its version from the same state, whatever another
  // process commits meanwhile (WAL readers see a fixed snapshot).
  detail::SqliteTransaction transaction(handle);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(detail::TransactionKind::kDeferred));
  Result<std::int64_t> version = db.data_version();
  if (!version) return version.error();
  Dataset tables;  // all but the monthly records, which write_monthly streams into the file
  ZHIZAO_RETURN_IF_ERROR(detail::load_all_but_monthly(handle, tables));
  SnapshotHeader header;
  header.data_version = *version;
  header.schema_version = Database::schema_version();
  header.enterprises = tables.enterprises.size();
  ZHIZAO_RETURN_IF_ERROR(read_month_span(handle, header));
  Status written = detail::write_snapshot_file(
      path, header, tables, [&](const SnapshotHeader& laid_out, unsigned char* base) {
        return write_monthly(handle, tables.enterprises, laid_out, base);
      });
  if (!written.is_ok()) return written;
  return transaction.commit();
}

}  // namespace zhizao
