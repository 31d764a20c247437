#include "store/migrations.h"

#include <sqlite3.h>

#include <array>
#include <string>

#include "store/case_store.h"
#include "store/daily_electricity_store.h"
#include "store/monthly_year_migration.h"
#include "store/quality_verifications.h"
#include "store/safety_tables.h"
#include "store/service_register_store.h"
#include "store/settings_store.h"
#include "store/sqlite_statement.h"

namespace zhizao::detail {
namespace {

// Tables are STRICT so a stored value always has the type its reader expects
// (https://sqlite.org/stricttables.html); keyed tables are WITHOUT ROWID because their primary
// key is how every row is found. Optional text (park, chain, ...) is '' when absent, as in
// records.h; optional numbers and dates are NULL. Dates are 'YYYY-MM-DD'.
constexpr const char* kCreateTables = R"sql(
CREATE TABLE enterprise (
  uscc TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  industry TEXT NOT NULL,
  division TEXT NOT NULL,
  region TEXT NOT NULL,
  park TEXT NOT NULL,
  is_key INTEGER NOT NULL CHECK (is_key IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE enterprise_chain (
  uscc TEXT NOT NULL REFERENCES enterprise (uscc) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  chain TEXT NOT NULL,
  PRIMARY KEY (uscc, position)
) STRICT, WITHOUT ROWID;

CREATE TABLE monthly (
  uscc TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  output REAL NOT NULL,
  value_added REAL,
  electricity REAL,
  output_prev REAL,
  value_added_prev REAL,
  electricity_prev REAL,
  in_scope INTEGER NOT NULL CHECK (in_scope IN (0, 1)),
  PRIMARY KEY (uscc, year, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE deflator (
  division TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  ppi REAL NOT NULL,
  PRIMARY KEY (division, year, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE va_ratio (
  division TEXT NOT NULL,
  year INTEGER NOT NULL,
  ratio REAL NOT NULL CHECK (ratio > 0 AND ratio <= 1),
  PRIMARY KEY (division, year)
) STRICT, WITHOUT ROWID;

CREATE TABLE park (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  category TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE chain (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE project (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  region TEXT NOT NULL,
  total_investment REAL NOT NULL,
  industry TEXT NOT NULL,
  chain TEXT NOT NULL,
  park TEXT NOT NULL,
  year_plan_investment REAL,
  planned_start TEXT CHECK (planned_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  actual_start TEXT CHECK (actual_start GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  planned_completion TEXT
    CHECK (planned_completion GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  actual_completion TEXT
    CHECK (actual_completion GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]')
) STRICT, WITHOUT ROWID;

CREATE TABLE project_progress (
  project_id TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  investment REAL NOT NULL,
  PRIMARY KEY (project_id, year, month)
) STRICT, WITHOUT ROWID;

CREATE TABLE region_group (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE region_group_member (
  group_id TEXT NOT NULL REFERENCES region_group (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  region TEXT NOT NULL,
  PRIMARY KEY (group_id, position)
) STRICT, WITHOUT ROWID;

-- sources: JSON array of file names; counts: JSON object {inserted, replaced, unchanged}.
CREATE TABLE import_batch (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  sources TEXT NOT NULL,
  counts TEXT NOT NULL
) STRICT;

CREATE TABLE revision (
  id INTEGER PRIMARY KEY,
  import_id INTEGER NOT NULL REFERENCES import_batch (id),
  kind TEXT NOT NULL,
  key TEXT NOT NULL,
  uscc TEXT NOT NULL,
  old_value TEXT NOT NULL,
  new_value TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  source TEXT NOT NULL
) STRICT;

CREATE INDEX revision_by_uscc ON revision (uscc, id);
CREATE INDEX revision_by_kind ON revision (kind, id);
)sql";

// 洛阳都市圈: Luoyang, Jiyuan, Jiaozuo, Pingdingshan, Sanmenxia and Gongyi (GB/T 2260 codes).
// Seeded as data so that users may import other groups or replace this one.
constexpr const char* kSeedLuoyangMetro = R"sql(
INSERT INTO region_group (id, name) VALUES ('luoyang-metro', '洛阳都市圈');
INSERT INTO region_group_member (group_id, position, region) VALUES
  ('luoyang-metro', 0, '410300'),
  ('luoyang-metro', 1, '419001'),
  ('luoyang-metro', 2, '410800'),
  ('luoyang-metro', 3, '410400'),
  ('luoyang-metro', 4, '411200'),
  ('luoyang-metro', 5, '410181');
)sql";

// The platform (issue 4): users with Argon2id password hashes (libsodium's crypto_pwhash_str),
// sessions (only a SHA-256 of the token is stored, so a copied database opens no session), the
// audit log of every write, and enterprises' submissions with their review trail. A submission
// counts in the published report only once the city publishes it (it is then applied to
// `monthly` through Database::apply, which keeps the revision).
constexpr const char* kCreatePlatformTables = R"sql(
CREATE TABLE user (
  name TEXT NOT NULL PRIMARY KEY,
  password_hash TEXT NOT NULL,
  role TEXT NOT NULL,  -- 'admin', 'city', 'county:CODE', 'enterprise:USCC'
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT
) STRICT, WITHOUT ROWID;

CREATE TABLE session (
  token_hash TEXT NOT NULL PRIMARY KEY,
  user_name TEXT NOT NULL REFERENCES user (name) ON DELETE CASCADE,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  revoked INTEGER NOT NULL DEFAULT 0 CHECK (revoked IN (0, 1))
) STRICT, WITHOUT ROWID;

CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,  -- '' for the command line
  remote TEXT NOT NULL,     -- client address, 'cli' for the command line
  action TEXT NOT NULL,     -- e.g. 'login', 'submission.create', 'submission.review'
  target TEXT NOT NULL,     -- e.g. 'USCC|2021-04' or a submission id
  detail TEXT NOT NULL      -- JSON
) STRICT;

CREATE TABLE submission (
  id INTEGER PRIMARY KEY,
  uscc TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  record TEXT NOT NULL,        -- JSON of the monthly record (contract column names)
  explanations TEXT NOT NULL,  -- JSON object: soft rule id -> the enterprise's explanation
  state TEXT NOT NULL CHECK (state IN ('submitted', 'county_approved', 'published', 'rejected')),
  submitted_by TEXT NOT NULL,
  submitted_at TEXT NOT NULL
) STRICT;
CREATE INDEX submission_by_key ON submission (uscc, year, month, id);
CREATE INDEX submission_by_state ON submission (state, id);

CREATE TABLE submission_event (
  id INTEGER PRIMARY KEY,
  submission_id INTEGER NOT NULL REFERENCES submission (id),
  at TEXT NOT NULL,
  user_name TEXT NOT NULL,
  from_state TEXT NOT NULL,
  to_state TEXT NOT NULL,
  comment TEXT NOT NULL
) STRICT;
)sql";

// The data version (issue 3): one row that Database::apply moves forward in the same transaction
// as the data, so a cache of the data (the columnar snapshot) knows whether it is current. It
// starts, and moves, to at least the time in microseconds since 1970 (ms × 1000 + a random
// 0..999), not merely + 1: a database recreated at the same path, or restored from an older
// backup and then changed, never comes back to a version an old snapshot carries.
constexpr const char* kCreateDataVersion = R"sql(
CREATE TABLE data_version (
  id INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
  version INTEGER NOT NULL
) STRICT;
INSERT INTO data_version (id, version) VALUES
  (1, CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) * 1000 + abs(random() % 1000));
)sql";

// Monthly records as year blocks (issue 3, month_block.h): one row per enterprise and year
// instead of one per month. monthly_year_migration.cc moves the rows and replaces the table
// `monthly` by a view of the same name and columns.
constexpr const char* kCreateMonthlyYear = R"sql(
CREATE TABLE monthly_year (
  uscc TEXT NOT NULL,
  year INTEGER NOT NULL,
  present INTEGER NOT NULL CHECK (present BETWEEN 1 AND 4095),
  months BLOB NOT NULL,
  PRIMARY KEY (uscc, year)
) STRICT, WITHOUT ROWID;
)sql";

// The v2 input files of the data contract ("v2 additions"): key products and their monthly
// quantities, plan targets, campaigns, and the enterprise service files (assignments, visits,
// cases); projects gain their campaign ('' when none). Daily electricity has its own storage.
constexpr const char* kCreateV2Inputs = R"sql(
ALTER TABLE project ADD COLUMN campaign TEXT NOT NULL DEFAULT '';

CREATE TABLE product (
  code TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  unit TEXT NOT NULL,
  division TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE TABLE product_output (
  uscc TEXT NOT NULL,
  year INTEGER NOT NULL,
  month INTEGER NOT NULL CHECK (month BETWEEN 1 AND 12),
  product TEXT NOT NULL,
  quantity REAL NOT NULL,
  quantity_prev REAL,
  PRIMARY KEY (uscc, year, month, product)
) STRICT, WITHOUT ROWID;

CREATE TABLE target (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  indicator TEXT NOT NULL CHECK (indicator IN
    ('output', 'manufacturing_output', 'enterprises_over', 'manufacturing_enterprises_over')),
  scope TEXT NOT NULL,
  year INTEGER NOT NULL,
  value REAL NOT NULL,
  threshold REAL
) STRICT, WITHOUT ROWID;

CREATE TABLE campaign (
  id TEXT NOT NULL PRIMARY KEY,
  name TEXT NOT NULL,
  date_from TEXT NOT NULL CHECK (date_from GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  date_to TEXT NOT NULL CHECK (date_to GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  planned_starts INTEGER,
  planned_completions INTEGER,
  planned_investment REAL
) STRICT, WITHOUT ROWID;

CREATE TABLE assignment (
  uscc TEXT NOT NULL,
  cadre TEXT NOT NULL,
  department TEXT NOT NULL,
  PRIMARY KEY (uscc, cadre, department)
) STRICT, WITHOUT ROWID;

CREATE TABLE visit (
  uscc TEXT NOT NULL,
  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  cadre TEXT NOT NULL,
  findings TEXT NOT NULL,
  PRIMARY KEY (uscc, date, cadre)
) STRICT, WITHOUT ROWID;

CREATE TABLE service_case (
  id TEXT NOT NULL PRIMARY KEY,
  uscc TEXT NOT NULL,
  raised TEXT NOT NULL CHECK (raised GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  category TEXT NOT NULL,
  department TEXT NOT NULL,
  deadline TEXT NOT NULL CHECK (deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  resolved TEXT CHECK (resolved GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  rating INTEGER CHECK (rating BETWEEN 1 AND 5)
) STRICT, WITHOUT ROWID;
)sql";

// Key products' quantities submitted with the monthly form (issue 15): `products` is the JSON
// array of the form's products part ([{"product", "quantity", "quantity_prev"}]), NULL when the
// submission had none (publishing then leaves product_output alone); `product_flags` the JSON
// array of the products whose growth strayed from the output's (products/product_audit.h) when it
// was submitted, each explained in `explanations`.
constexpr const char* kAddSubmissionProducts = R"sql(
ALTER TABLE submission ADD COLUMN products TEXT;
ALTER TABLE submission ADD COLUMN product_flags TEXT NOT NULL DEFAULT '[]';
)sql";

const std::array kMigrations = {
    Migration{"create tables", kCreateTables},
    Migration{"seed region group luoyang-metro", kSeedLuoyangMetro},
    Migration{"platform: users, sessions, audit log, submissions", kCreatePlatformTables},
    Migration{"data version", kCreateDataVersion},
    Migration{"monthly records as year blocks", kCreateMonthlyYear, move_monthly_to_year_blocks},
    Migration{"v2 inputs: products, targets, campaigns, enterprise service", kCreateV2Inputs},
    Migration{"daily electricity as year blocks", kCreateDailyElectricityYear},
    Migration{"data-quality verifications", kCreateQualityVerification},
    Migration{"enterprise cases kept through the API (issue 14)", kCreateCaseWorkflow},
    Migration{"products submitted with the monthly form (issue 15)", kAddSubmissionProducts},
    Migration{"flood-season safety checks (issue 14)", kCreateSafetyTables},
    Migration{"installation settings: the area (issue 16)", kCreateSettings},
    Migration{"safety revisions and proof files (issue 14)", kCreateSafetyRevisions},
    Migration{"revisions of assignments and visits kept through the API (issue 14)",
              kCreateServiceRevisions},
};

Result<int64_t> query_int(sqlite3* db, const char* sql) {
  Result<SqliteStatement> statement = SqliteStatement::prepare(db, sql);
  if (!statement) return fail(statement.error());
  Result<StepResult> stepped = statement->step();
  if (!stepped) return fail(stepped.error());
  if (*stepped != StepResult::kRow) return fail(Status::internal("no row from a pragma"));
  return statement->column_int64(0);
}

Result<int64_t> user_version(sqlite3* db) { return query_int(db, "PRAGMA user_version"); }

Status apply_migration(sqlite3* db, int version, const Migration& migration) {
  SqliteTransaction transaction(db);
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(TransactionKind::kImmediate));
  // Another process may have migrated between our check and our write lock.
  Result<int64_t> current = user_version(db);
  if (!current) return current.error();
  if (*current >= version) return transaction.commit();
  Status applied = exec_sql(db, migration.sql);
  if (!applied.is_ok()) {
    return Status(applied.code(),
                  std::string("migration \"") + migration.description + "\": " + applied.message());
  }
  // PRAGMA takes no parameters; both values are integers of this binary, not data.
  std::string stamp = "PRAGMA application_id = " + std::to_string(kApplicationId) +
                      "; PRAGMA user_version = " + std::to_string(version);
  if (migration.step != nullptr) {
    Status stepped = migration.step(db);
    if (!stepped.is_ok()) {
      return Status(stepped.code(), std::string("migration \"") + migration.description +
                                        "\": " + stepped.message());
    }
  }
  ZHIZAO_RETURN_IF_ERROR(exec_sql(db, stamp.c_str()));
  return transaction.commit();
}

}  // namespace

std::span<const Migration> migrations() { return kMigrations; }

Status check_identity(sqlite3* db) {
  Result<int64_t> application_id = query_int(db, "PRAGMA application_id");
  if (!application_id) return application_id.error();
  Result<int64_t> version = user_version(db);
  if (!version) return version.error();
  Result<int64_t> objects = query_int(db, "SELECT count(*) FROM sqlite_schema");
  if (!objects) return objects.error();
  bool empty = *application_id == 0 && *version == 0 && *objects == 0;
  if (*application_id != kApplicationId && !empty) {
    return Status::corruption("not a zhizao database (SQLite application_id " +
                              std::to_string(*application_id) + ")");
  }
  auto known = static_cast<int64_t>(kMigrations.size());
  if (*version > known) {
    return Status::corruption("database schema version " + std::to_string(*version) +
                              " is newer than this program's " + std::to_string(known));
  }
  return Status::ok();
}

Status migrate(sqlite3* db) {
  Result<int64_t> current = user_version(db);
  if (!current) return current.error();
  for (size_t i = static_cast<size_t>(*current); i < kMigrations.size(); ++i) {
    ZHIZAO_RETURN_IF_ERROR(apply_migration(db, static_cast<int>(i + 1), kMigrations[i]));
  }
  return Status::ok();
}

}  // namespace zhizao::detail
