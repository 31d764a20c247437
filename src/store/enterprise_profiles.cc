#include "store/enterprise_profiles.h"

#include <sqlite3.h>

#include "store/sqlite_statement.h"

namespace zhizao {
namespace {

using detail::SqliteStatement;
using detail::StepResult;

EnterpriseProfile profile_of(const SqliteStatement& row) {
  return {row.column_text(0), row.column_text(1), row.column_int64(2) != 0};
}

}  // namespace

Result<std::optional<EnterpriseProfile>> find_enterprise_profile(const Database& db,
                                                                 std::string_view uscc) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db.native_handle(), "SELECT uscc, division, is_key FROM enterprise WHERE uscc = ?1");
  if (!select) return fail(select.error());
  select->bind(1, uscc);
  Result<StepResult> stepped = select->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<EnterpriseProfile>();
  return std::optional<EnterpriseProfile>(profile_of(*select));
}

Result<std::vector<EnterpriseProfile>> load_enterprise_profiles(const Database& db) {
  Result<SqliteStatement> select = SqliteStatement::prepare(
      db.native_handle(), "SELECT uscc, division, is_key FROM enterprise ORDER BY uscc");
  if (!select) return fail(select.error());
  std::vector<EnterpriseProfile> profiles;
  for (;;) {
    Result<StepResult> stepped = select->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return profiles;
    profiles.push_back(profile_of(*select));
  }
}

}  // namespace zhizao
