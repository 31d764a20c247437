// The schema of a zhizao database and the ordered migrations that build it. A database carries
// PRAGMA application_id = kApplicationId and PRAGMA user_version = the number of migrations
// applied (https://sqlite.org/pragma.html#pragma_user_version).
#pragma once

#include <cstdint>
#include <span>

#include "base/status.h"

struct sqlite3;

namespace zhizao::detail {

// "zhiz" in ASCII: marks a SQLite file as a zhizao database (https://sqlite.org/fileformat.html).
inline constexpr int32_t kApplicationId = 0x7A68697A;

// One step of the schema. Migration i (0-based) takes user_version i to i + 1: it runs `sql`,
// then `step` when not null (a data conversion SQL cannot express), in the same transaction.
struct Migration {
  const char* description;
  const char* sql;
  Status (*step)(sqlite3* db) = nullptr;
};

// The migrations in the order they apply. Never edit or reorder a released one: append.
std::span<const Migration> migrations();

// Refuses a file that is not a zhizao database (nor an empty SQLite file) or whose schema is newer
// than migrations(). Reads only, so a foreign file is left untouched.
// Errors: kCorruption for those two cases and for a file that is not SQLite; kIoError otherwise.
Status check_identity(sqlite3* db);

// Applies the migrations `db` lacks, each in its own IMMEDIATE transaction that also stamps
// application_id and user_version, so a crash leaves a whole number of migrations applied.
// Errors: kIoError, kCorruption.
Status migrate(sqlite3* db);

}  // namespace zhizao::detail
