// rebuild_snapshot: SQLite → the snapshot file, in one read transaction, through a temporary file.
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <bit>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include "columnar/snapshot.h"
#include "columnar/snapshot_writer.h"
#include "store/monthly_blocks.h"
#include "store/reference_tables.h"
#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SnapshotHeader;
using detail::SqliteStatement;
using detail::StepResult;

// Sets first_month and months of `header` to the span of the stored months: the first month of
// the earliest year's blocks and the last of the latest year's (`present` says which are stored).
Status read_month_span(sqlite3* handle, SnapshotHeader& header) {
  Result<SqliteStatement> span = SqliteStatement::prepare(
      handle,
      "SELECT year, present FROM monthly_year WHERE year = (SELECT min(year) FROM monthly_year) "
      "OR year = (SELECT max(year) FROM monthly_year)");
  if (!span) return span.error();
  int first = std::numeric_limits<int>::max();
  int last = std::numeric_limits<int>::min();
  for (;;) {
    Result<StepResult> stepped = span->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) break;
    const int year = span->column_int(0);
    const auto present = static_cast<uint32_t>(span->column_int64(1) & 0xFFF);
    if (present == 0) continue;
    first = std::min(first, year * 12 + std::countr_zero(present));
    last = std::max(last, year * 12 + static_cast<int>(std::bit_width(present)) - 1);
  }
  if (first > last) return Status::ok();
  header.first_month = first;
  header.months = last - first + 1;
  return Status::ok();
}

// Writes the monthly records into the mapped columns at `base`: the presence byte of each
// record, and its values (NaN for a missing optional; cells without a record stay zero, unread).
Status write_monthly(sqlite3* handle, const std::vector<Enterprise>& enterprises,
                     const SnapshotHeader& header, unsigned char* base) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      handle, "SELECT uscc, year, present, months FROM monthly_year ORDER BY uscc, year");
  if (!select) return select.error();
  auto* presence = reinterpret_cast<RecordPresence*>(base + header.presence_offset);
  std::array<double*, kMonthlyColumnCount> values{};
  for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
    values[c] = reinterpret_cast<double*>(base + header.value_offsets[c]);
  }
  const double missing = std::numeric_limits<double>::quiet_NaN();
  std::size_t at = 0;
  std::string uscc;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) break;
    uscc = select->column_text(0);
    while (at < enterprises.size() && enterprises[at].uscc < uscc) ++at;
    if (at == enterprises.size()) break;         // no later row belongs to a known enterprise
    if (enterprises[at].uscc != uscc) continue;  // rows of unknown enterprises
    const int year = select->column_int(1);
    Result<detail::YearBlock> block =
        detail::YearBlock::decode(uscc, year, select->column_int64(2), select->column_blob(3));
    if (!block) return block.error();
    for (int m = 1; m <= 12; ++m) {
      if (!block->has(m)) continue;
      // The code is not needed here: an empty one costs no allocation per month.
      const MonthlyRecord record = block->month({}, year, m);
      const std::size_t cell =
          static_cast<std::size_t>(year * 12 + m - 1 - header.first_month) * header.enterprises +
          at;
      presence[cell] = record.in_scope ? RecordPresence::kInScope : RecordPresence::kOutOfScope;
      const std::optional<double> columns[] = {record.output,           record.value_added,
                                               record.electricity,      record.output_prev,
                                               record.value_added_prev, record.electricity_prev};
      static_assert(std::size(columns) == kMonthlyColumnCount);
      for (std::size_t c = 0; c < kMonthlyColumnCount; ++c) {
        values[c][cell] = columns[c].value_or(missing);
      }
    }
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
