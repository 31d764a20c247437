#include "store/sqlite_statement.h"

#include <utility>

namespace zhizao::detail {

Status sqlite_status(sqlite3* db, int rc, std::string_view what) {
  int primary = rc & 0xff;
  std::string message(what);
  message += ": ";
  // The connection's message belongs to its latest call, which is the failed one here.
  message += (db != nullptr && sqlite3_errcode(db) == rc) ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) {
    return Status::corruption(std::move(message));
  }
  return Status::io_error(std::move(message));
}

Status exec_sql(sqlite3* db, const char* sql) {
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) return sqlite_status(db, rc, "executing SQL");
  return Status::ok();
}

Result<SqliteStatement> SqliteStatement::prepare(sqlite3* db, std::string_view sql) {
  sqlite3_stmt* statement = nullptr;
  int rc = sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &statement, nullptr);
  if (rc != SQLITE_OK) {
    sqlite3_finalize(statement);
    return fail(sqlite_status(db, rc, "preparing SQL"));
  }
  return SqliteStatement(db, statement);
}

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : db_(other.db_),
      statement_(std::exchange(other.statement_, nullptr)),
      bind_error_(other.bind_error_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(statement_);
    db_ = other.db_;
    statement_ = std::exchange(other.statement_, nullptr);
    bind_error_ = other.bind_error_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(statement_); }

void SqliteStatement::note_bind(int rc) {
  if (rc != SQLITE_OK && bind_error_ == SQLITE_OK) bind_error_ = rc;
}

void SqliteStatement::bind(int index, std::string_view text) {
  note_bind(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                                SQLITE_UTF8));
}

void SqliteStatement::bind_blob(int index, std::span<const unsigned char> bytes) {
  note_bind(sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT));
}

void SqliteStatement::bind(int index, double value) {
  note_bind(sqlite3_bind_double(statement_, index, value));
}

void SqliteStatement::bind(int index, int64_t value) {
  note_bind(sqlite3_bind_int64(statement_, index, value));
}

void SqliteStatement::bind(int index, const std::optional<double>& value) {
  if (value) {
    bind(index, *value);
  } else {
    bind_null(index);
  }
}

void SqliteStatement::bind(int index, const std::optional<std::string>& text) {
  if (text) {
    bind(index, std::string_view(*text));
  } else {
    bind_null(index);
  }
}

void SqliteStatement::bind_null(int index) { note_bind(sqlite3_bind_null(statement_, index)); }

Result<StepResult> SqliteStatement::step() {
  if (bind_error_ != SQLITE_OK) return fail(sqlite_status(db_, bind_error_, "binding a parameter"));
  int rc = sqlite3_step(statement_);
  if (rc == SQLITE_ROW) return StepResult::kRow;
  if (rc == SQLITE_DONE) return StepResult::kDone;
  return fail(sqlite_status(db_, rc, "running SQL"));
}

Status SqliteStatement::run() {
  Result<StepResult> stepped = step();
  if (!stepped) return stepped.error();
  return Status::ok();
}

void SqliteStatement::reset() {
  sqlite3_reset(statement_);
  sqlite3_clear_bindings(statement_);
  bind_error_ = SQLITE_OK;
}

int SqliteStatement::changes() const { return sqlite3_changes(db_); }

bool SqliteStatement::last_error_is_constraint() const {
  return (sqlite3_errcode(db_) & 0xff) == SQLITE_CONSTRAINT;
}

bool SqliteStatement::column_is_null(int column) const {
  return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::string SqliteStatement::column_text(int column) const {
  const unsigned char* text = sqlite3_column_text(statement_, column);
  if (text == nullptr) return {};
  // Size after the text call: SQLite documents that order for a correct byte count.
  int size = sqlite3_column_bytes(statement_, column);
  return std::string(reinterpret_cast<const char*>(text), static_cast<size_t>(size));
}

std::span<const unsigned char> SqliteStatement::column_blob(int column) const {
  const void* bytes = sqlite3_column_blob(statement_, column);
  // Size after the blob call, as for text.
  int size = sqlite3_column_bytes(statement_, column);
  if (bytes == nullptr) return {};
  return {static_cast<const unsigned char*>(bytes), static_cast<size_t>(size)};
}

double SqliteStatement::column_double(int column) const {
  return sqlite3_column_double(statement_, column);
}

int64_t SqliteStatement::column_int64(int column) const {
  return sqlite3_column_int64(statement_, column);
}

int SqliteStatement::column_int(int column) const { return sqlite3_column_int(statement_, column); }

std::optional<double> SqliteStatement::column_optional_double(int column) const {
  if (column_is_null(column)) return std::nullopt;
  return column_double(column);
}

Result<SqliteStatement*> StatementCache::get(std::string_view sql) {
  auto found = statements_.find(sql);
  if (found == statements_.end()) {
    Result<SqliteStatement> prepared = SqliteStatement::prepare(db_, sql);
    if (!prepared) return fail(prepared.error());
    found = statements_.emplace(std::string(sql), std::move(*prepared)).first;
  }
  found->second.reset();
  return &found->second;
}

namespace {
// One name serves every level: RELEASE and ROLLBACK TO act on the innermost savepoint of a name.
constexpr const char* kSavepoint = "SAVEPOINT zhizao_nested";
constexpr const char* kReleaseSavepoint = "RELEASE zhizao_nested";
constexpr const char* kRollbackSavepoint = "ROLLBACK TO zhizao_nested; RELEASE zhizao_nested";
}  // namespace

SqliteTransaction::~SqliteTransaction() {
  if (!open_) return;
  sqlite3_exec(db_, nested_ ? kRollbackSavepoint : "ROLLBACK", nullptr, nullptr, nullptr);
}

Status SqliteTransaction::begin(TransactionKind kind) {
  // The outer transaction already holds the lock the kind asks for (an apply begins IMMEDIATE).
  nested_ = sqlite3_get_autocommit(db_) == 0;
  const char* sql = nested_                               ? kSavepoint
                    : kind == TransactionKind::kImmediate ? "BEGIN IMMEDIATE"
                                                          : "BEGIN DEFERRED";
  ZHIZAO_RETURN_IF_ERROR(exec_sql(db_, sql));
  open_ = true;
  return Status::ok();
}

Status SqliteTransaction::commit() {
  ZHIZAO_RETURN_IF_ERROR(exec_sql(db_, nested_ ? kReleaseSavepoint : "COMMIT"));
  open_ = false;
  return Status::ok();
}

CacheSizeScope::CacheSizeScope(sqlite3* db, int kib) : db_(db) {
  Result<SqliteStatement> query = SqliteStatement::prepare(db, "PRAGMA cache_size");
  if (query && query->step().value_or(StepResult::kDone) == StepResult::kRow) {
    previous_ = query->column_int64(0);
  }
  std::string set = "PRAGMA cache_size = " + std::to_string(-static_cast<int64_t>(kib));
  (void)exec_sql(db, set.c_str());
}

CacheSizeScope::~CacheSizeScope() {
  if (previous_ == 0) return;
  std::string set = "PRAGMA cache_size = " + std::to_string(previous_);
  (void)exec_sql(db_, set.c_str());
}

}  // namespace zhizao::detail
