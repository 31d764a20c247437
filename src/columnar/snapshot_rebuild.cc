// rebuild_snapshot: SQLite → the snapshot file, in one read transaction, through a temporary file.
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string_view>

#include "columnar/snapshot.h"
#include "columnar/table_codec.h"
#include "store/record_tables.h"
#include "store/sqlite_statement.h"
#include "store/table_access.h"

namespace zhizao {
namespace {

using detail::SnapshotHeader;
using detail::SqliteStatement;
using detail::StepResult;

Status errno_status(const std::string& what, const std::string& path) {
  return Status::io_error(what + " " + path + ": " + std::strerror(errno));
}

// Steps `statement` over its rows, calling `row` for each. Errors: see SqliteStatement::step.
template <typename OnRow>
Status each_row(SqliteStatement& statement, OnRow row) {
  for (;;) {
    Result<StepResult> stepped = statement.step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) return Status::ok();
    ZHIZAO_RETURN_IF_ERROR(row(statement));
  }
}

// The enterprises by uscc with their chains, read with two scans rather than a query per
// enterprise (Database::load's way), which at 500,000 enterprises is most of the time.
Status read_enterprises(sqlite3* handle, std::vector<Enterprise>& enterprises) {
  Result<SqliteStatement> rows =
      SqliteStatement::prepare(handle, detail::EnterpriseTable::kSelectAll);
  if (!rows) return rows.error();
  ZHIZAO_RETURN_IF_ERROR(each_row(*rows, [&](const SqliteStatement& statement) {
    Result<Enterprise> enterprise = detail::EnterpriseTable::read(statement);
    if (!enterprise) return enterprise.error();
    enterprises.push_back(std::move(*enterprise));
    return Status::ok();
  }));
  Result<SqliteStatement> chains = SqliteStatement::prepare(
      handle, "SELECT uscc, chain FROM enterprise_chain ORDER BY uscc, position");
  if (!chains) return chains.error();
  std::size_t at = 0;  // both scans go in uscc order (BINARY collation, as std::string compares)
  return each_row(*chains, [&](const SqliteStatement& statement) {
    std::string uscc = statement.column_text(0);
    while (at < enterprises.size() && enterprises[at].uscc < uscc) ++at;
    if (at < enterprises.size() && enterprises[at].uscc == uscc) {
      enterprises[at].chains.push_back(statement.column_text(1));
    }
    return Status::ok();
  });
}

Status read_tables(sqlite3* handle, Dataset& tables) {
  using namespace detail;
  ZHIZAO_RETURN_IF_ERROR(read_enterprises(handle, tables.enterprises));
  StatementCache cache(handle);
  ZHIZAO_RETURN_IF_ERROR(load_rows<DeflatorTable>(cache, tables.deflators));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ValueAddedRatioTable>(cache, tables.va_ratios));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ParkTable>(cache, tables.parks));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ChainTable>(cache, tables.chains));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProjectTable>(cache, tables.projects));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProjectProgressTable>(cache, tables.project_progress));
  return load_rows<RegionGroupTable>(cache, tables.region_groups);
}

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

// A file being written: removed on destruction unless kept.
class TemporaryFile {
 public:
  explicit TemporaryFile(std::string path) : path_(std::move(path)) {}
  ~TemporaryFile() {
    if (fd_ >= 0) ::close(fd_);
    if (!kept_) ::unlink(path_.c_str());
  }
  TemporaryFile(const TemporaryFile&) = delete;
  TemporaryFile& operator=(const TemporaryFile&) = delete;
  Status create(std::uint64_t size) {
    fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) return errno_status("cannot create", path_);
    // Reserve the blocks now: a full disk is then an error here, not a SIGBUS while the mapped
    // file is written.
    int rc = ::posix_fallocate(fd_, 0, static_cast<off_t>(size));
    if (rc != 0) {
      errno = rc;
      return errno_status("cannot reserve space for", path_);
    }
    return Status::ok();
  }
  // Syncs, closes and renames the file to `target`, then syncs the directory.
  Status commit_as(const std::string& target) {
    if (::fsync(fd_) != 0) return errno_status("cannot sync", path_);
    ::close(std::exchange(fd_, -1));
    if (::rename(path_.c_str(), target.c_str()) != 0) return errno_status("cannot rename", path_);
    kept_ = true;
    std::string directory = std::filesystem::path(target).parent_path().string();
    int dir = ::open(directory.empty() ? "." : directory.c_str(), O_RDONLY | O_DIRECTORY);
    if (dir >= 0) {
      ::fsync(dir);
      ::close(dir);
    }
    return Status::ok();
  }
  int fd() const { return fd_; }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
  int fd_ = -1;
  bool kept_ = false;
};

// Fills the mapped file: tables, monthly columns, and the header last.
Status fill(sqlite3* handle, const Dataset& tables, const std::string& encoded,
            const SnapshotHeader& header, const TemporaryFile& file) {
  void* mapped =
      ::mmap(nullptr, header.file_size, PROT_READ | PROT_WRITE, MAP_SHARED, file.fd(), 0);
  if (mapped == MAP_FAILED) return errno_status("cannot map", file.path());
  auto* base = static_cast<unsigned char*>(mapped);
  std::memcpy(base + header.tables_offset, encoded.data(), encoded.size());
  Status written = write_monthly(handle, tables.enterprises, header, base);
  if (written.is_ok()) {
    std::memcpy(base, &header, sizeof header);
    if (::msync(mapped, header.file_size, MS_SYNC) != 0) {
      written = errno_status("cannot write", file.path());
    }
  }
  ::munmap(mapped, header.file_size);
  return written;
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
  Dataset tables;
  ZHIZAO_RETURN_IF_ERROR(read_tables(handle, tables));
  SnapshotHeader header;
  header.data_version = *version;
  header.schema_version = Database::schema_version();
  header.enterprises = tables.enterprises.size();
  ZHIZAO_RETURN_IF_ERROR(read_month_span(handle, header));
  std::string encoded = detail::encode_tables(tables);
  detail::lay_out(header, encoded.size());

  TemporaryFile file(path + ".tmp-" + std::to_string(::getpid()));
  ZHIZAO_RETURN_IF_ERROR(file.create(header.file_size));
  ZHIZAO_RETURN_IF_ERROR(fill(handle, tables, encoded, header, file));
  ZHIZAO_RETURN_IF_ERROR(transaction.commit());
  return file.commit_as(path);
}

}  // namespace zhizao
