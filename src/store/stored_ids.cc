#include "store/stored_ids.h"

#include <sqlite3.h>

#include "store/sqlite_statement.h"
#include "store/table_access.h"
#include "store/v2_tables.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::StepResult;

// Appends the single text column of every row of `sql` to `ids`.
Status read_ids(sqlite3* db, const char* sql, std::vector<std::string>& ids) {
  Result<SqliteStatement> query = SqliteStatement::prepare(db, sql);
  if (!query) return query.error();
  for (;;) {
    Result<StepResult> stepped = query->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) return Status::ok();
    ids.push_back(query->column_text(0));
  }
}

}  // namespace

Result<StoredIds> load_stored_ids(const Database& db) {
  sqlite3* handle = db.native_handle();
  detail::SqliteTransaction transaction(handle);
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.begin(detail::TransactionKind::kDeferred));
  StoredIds ids;
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      read_ids(handle, "SELECT uscc FROM enterprise ORDER BY uscc", ids.enterprises));
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      read_ids(handle, "SELECT id FROM project ORDER BY id", ids.projects));
  ZHIZAO_RETURN_IF_ERROR_RESULT(read_ids(handle, "SELECT id FROM park ORDER BY id", ids.parks));
  ZHIZAO_RETURN_IF_ERROR_RESULT(read_ids(handle, "SELECT id FROM chain ORDER BY id", ids.chains));
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      read_ids(handle, "SELECT id FROM region_group ORDER BY id", ids.region_groups));
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      read_ids(handle, "SELECT id FROM campaign ORDER BY id", ids.campaigns));
  detail::StatementCache cache(handle);
  ZHIZAO_RETURN_IF_ERROR_RESULT(detail::load_rows<detail::ProductTable>(cache, ids.products));
  ZHIZAO_RETURN_IF_ERROR_RESULT(transaction.commit());
  return ids;
}

}  // namespace zhizao
