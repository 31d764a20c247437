#include "store/record_tables.h"

#include <optional>
#include <string>

#include "store/column_values.h"

namespace zhizao::detail {
namespace {

// Reads the texts of a child list: `sql` selects one text column for key ?1, in stored order.
Result<std::vector<std::string>> read_list(StatementCache& cache, const char* sql,
                                           const std::string& key) {
  Result<SqliteStatement*> statement = cache.get(sql);
  if (!statement) return fail(statement.error());
  (*statement)->bind(1, std::string_view(key));
  std::vector<std::string> items;
  for (;;) {
    Result<StepResult> stepped = (*statement)->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) break;
    items.push_back((*statement)->column_text(0));
  }
  (*statement)->reset();
  return items;
}

// Overwrites a child list: `delete_sql` removes the items of key ?1 (unless none are stored),
// `insert_sql` adds (?1 key, ?2 position, ?3 text); positions keep the order given.
Status write_list(StatementCache& cache, const char* delete_sql, const char* insert_sql,
                  const std::string& key, const std::vector<std::string>& items,
                  StoredChildren stored) {
  if (stored == StoredChildren::kMayExist) {
    Result<SqliteStatement*> remove = cache.get(delete_sql);
    if (!remove) return remove.error();
    (*remove)->bind(1, std::string_view(key));
    ZHIZAO_RETURN_IF_ERROR((*remove)->run());
  }
  Result<SqliteStatement*> insert = cache.get(insert_sql);
  if (!insert) return insert.error();
  for (size_t i = 0; i < items.size(); ++i) {
    (*insert)->reset();
    (*insert)->bind(1, std::string_view(key));
    (*insert)->bind(2, static_cast<int64_t>(i));
    (*insert)->bind(3, std::string_view(items[i]));
    ZHIZAO_RETURN_IF_ERROR((*insert)->run());
  }
  return Status::ok();
}

}  // namespace

// --- enterprise ---------------------------------------------------------------------------------

const char* const EnterpriseTable::kSelectAll =
    "SELECT uscc, name, industry, division, region, park, is_key FROM enterprise ORDER BY uscc";
const char* const EnterpriseTable::kSelectByKey =
    "SELECT uscc, name, industry, division, region, park, is_key FROM enterprise WHERE uscc = ?1";
const char* const EnterpriseTable::kUpsert =
    "INSERT INTO enterprise (uscc, name, industry, division, region, park, is_key) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (uscc) DO UPDATE SET "
    "name = excluded.name, industry = excluded.industry, division = excluded.division, "
    "region = excluded.region, park = excluded.park, is_key = excluded.is_key";
const char* const EnterpriseTable::kInsertNew =
    "INSERT INTO enterprise (uscc, name, industry, division, region, park, is_key) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (uscc) DO NOTHING";

void EnterpriseTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.uscc));
}

void EnterpriseTable::bind_row(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.uscc));
  statement.bind(2, std::string_view(row.name));
  statement.bind(3, std::string_view(row.industry));
  statement.bind(4, std::string_view(row.division));
  statement.bind(5, std::string_view(row.region));
  statement.bind(6, std::string_view(row.park));
  statement.bind(7, row.key ? 1 : 0);
}

Result<Enterprise> EnterpriseTable::read(const SqliteStatement& statement) {
  Enterprise row;
  row.uscc = statement.column_text(0);
  row.name = statement.column_text(1);
  row.industry = statement.column_text(2);
  row.division = statement.column_text(3);
  row.region = statement.column_text(4);
  row.park = statement.column_text(5);
  row.key = statement.column_int(6) != 0;
  return row;
}

Status EnterpriseTable::read_children(StatementCache& cache, Row& row) {
  Result<std::vector<std::string>> chains = read_list(
      cache, "SELECT chain FROM enterprise_chain WHERE uscc = ?1 ORDER BY position", row.uscc);
  if (!chains) return chains.error();
  row.chains = std::move(*chains);
  return Status::ok();
}

Status EnterpriseTable::write_children(StatementCache& cache, const Row& row,
                                       StoredChildren stored) {
  return write_list(cache, "DELETE FROM enterprise_chain WHERE uscc = ?1",
                    "INSERT INTO enterprise_chain (uscc, position, chain) VALUES (?1, ?2, ?3)",
                    row.uscc, row.chains, stored);
}

// --- deflator -----------------------------------------------------------------------------------

const char* const DeflatorTable::kSelectAll =
    "SELECT division, year, month, ppi FROM deflator ORDER BY division, year, month";
const char* const DeflatorTable::kSelectByKey =
    "SELECT division, year, month, ppi FROM deflator "
    "WHERE division = ?1 AND year = ?2 AND month = ?3";
const char* const DeflatorTable::kUpsert =
    "INSERT OR REPLACE INTO deflator (division, year, month, ppi) VALUES (?1, ?2, ?3, ?4)";

void DeflatorTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.division));
  bind_period(statement, 2, row.period);
}

void DeflatorTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(4, row.ppi);
}

Result<Deflator> DeflatorTable::read(const SqliteStatement& statement) {
  return Deflator{statement.column_text(0), read_period(statement, 1), statement.column_double(3)};
}

// --- va_ratio -----------------------------------------------------------------------------------

const char* const ValueAddedRatioTable::kSelectAll =
    "SELECT division, year, ratio FROM va_ratio ORDER BY division, year";
const char* const ValueAddedRatioTable::kSelectByKey =
    "SELECT division, year, ratio FROM va_ratio WHERE division = ?1 AND year = ?2";
const char* const ValueAddedRatioTable::kUpsert =
    "INSERT OR REPLACE INTO va_ratio (division, year, ratio) VALUES (?1, ?2, ?3)";

void ValueAddedRatioTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.division));
  statement.bind(2, row.year);
}

void ValueAddedRatioTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(3, row.ratio);
}

Result<ValueAddedRatio> ValueAddedRatioTable::read(const SqliteStatement& statement) {
  return ValueAddedRatio{statement.column_text(0), statement.column_int(1),
                         statement.column_double(2)};
}

// --- park ---------------------------------------------------------------------------------------

const char* const ParkTable::kSelectAll = "SELECT id, name, region, category FROM park ORDER BY id";
const char* const ParkTable::kSelectByKey =
    "SELECT id, name, region, category FROM park WHERE id = ?1";
const char* const ParkTable::kUpsert =
    "INSERT OR REPLACE INTO park (id, name, region, category) VALUES (?1, ?2, ?3, ?4)";

void ParkTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void ParkTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
  statement.bind(3, std::string_view(row.region));
  statement.bind(4, std::string_view(row.category));
}

Result<Park> ParkTable::read(const SqliteStatement& statement) {
  return Park{statement.column_text(0), statement.column_text(1), statement.column_text(2),
              statement.column_text(3)};
}

// --- chain --------------------------------------------------------------------------------------

const char* const ChainTable::kSelectAll = "SELECT id, name FROM chain ORDER BY id";
const char* const ChainTable::kSelectByKey = "SELECT id, name FROM chain WHERE id = ?1";
const char* const ChainTable::kUpsert = "INSERT OR REPLACE INTO chain (id, name) VALUES (?1, ?2)";

void ChainTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void ChainTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
}

Result<Chain> ChainTable::read(const SqliteStatement& statement) {
  return Chain{statement.column_text(0), statement.column_text(1)};
}

// --- project ------------------------------------------------------------------------------------

#define ZHIZAO_PROJECT_COLUMNS                                                        \
  "id, name, region, total_investment, industry, chain, park, year_plan_investment, " \
  "planned_start, actual_start, planned_completion, actual_completion, campaign"

const char* const ProjectTable::kSelectAll =
    "SELECT " ZHIZAO_PROJECT_COLUMNS " FROM project ORDER BY id";
const char* const ProjectTable::kSelectByKey =
    "SELECT " ZHIZAO_PROJECT_COLUMNS " FROM project WHERE id = ?1";
const char* const ProjectTable::kUpsert =
    "INSERT OR REPLACE INTO project (" ZHIZAO_PROJECT_COLUMNS
    ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)";

#undef ZHIZAO_PROJECT_COLUMNS

void ProjectTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void ProjectTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
  statement.bind(3, std::string_view(row.region));
  statement.bind(4, row.total_investment);
  statement.bind(5, std::string_view(row.industry));
  statement.bind(6, std::string_view(row.chain));
  statement.bind(7, std::string_view(row.park));
  statement.bind(8, row.year_plan_investment);
  bind_date(statement, 9, row.planned_start);
  bind_date(statement, 10, row.actual_start);
  bind_date(statement, 11, row.planned_completion);
  bind_date(statement, 12, row.actual_completion);
  statement.bind(13, std::string_view(row.campaign));
}

Result<Project> ProjectTable::read(const SqliteStatement& statement) {
  Project row;
  row.id = statement.column_text(0);
  row.name = statement.column_text(1);
  row.region = statement.column_text(2);
  row.total_investment = statement.column_double(3);
  row.industry = statement.column_text(4);
  row.chain = statement.column_text(5);
  row.park = statement.column_text(6);
  row.year_plan_investment = statement.column_optional_double(7);
  std::optional<CivilDate>* dates[] = {&row.planned_start, &row.actual_start,
                                       &row.planned_completion, &row.actual_completion};
  for (int i = 0; i < 4; ++i) {
    Result<std::optional<CivilDate>> date = read_date(statement, 8 + i);
    if (!date) return fail(date.error());
    *dates[i] = *date;
  }
  row.campaign = statement.column_text(12);
  return row;
}

// --- project_progress ---------------------------------------------------------------------------

const char* const ProjectProgressTable::kSelectAll =
    "SELECT project_id, year, month, investment FROM project_progress "
    "ORDER BY project_id, year, month";
const char* const ProjectProgressTable::kSelectByKey =
    "SELECT project_id, year, month, investment FROM project_progress "
    "WHERE project_id = ?1 AND year = ?2 AND month = ?3";
const char* const ProjectProgressTable::kUpsert =
    "INSERT OR REPLACE INTO project_progress (project_id, year, month, investment) "
    "VALUES (?1, ?2, ?3, ?4)";

void ProjectProgressTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.project_id));
  bind_period(statement, 2, row.period);
}

void ProjectProgressTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(4, row.investment);
}

Result<ProjectProgress> ProjectProgressTable::read(const SqliteStatement& statement) {
  return ProjectProgress{statement.column_text(0), read_period(statement, 1),
                         statement.column_double(3)};
}

// --- region_group -------------------------------------------------------------------------------

const char* const RegionGroupTable::kSelectAll = "SELECT id, name FROM region_group ORDER BY id";
const char* const RegionGroupTable::kSelectByKey =
    "SELECT id, name FROM region_group WHERE id = ?1";
const char* const RegionGroupTable::kUpsert =
    "INSERT INTO region_group (id, name) VALUES (?1, ?2) "
    "ON CONFLICT (id) DO UPDATE SET name = excluded.name";

void RegionGroupTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void RegionGroupTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
}

Result<RegionGroup> RegionGroupTable::read(const SqliteStatement& statement) {
  return RegionGroup{statement.column_text(0), statement.column_text(1), {}};
}

Status RegionGroupTable::read_children(StatementCache& cache, Row& row) {
  Result<std::vector<std::string>> members = read_list(
      cache, "SELECT region FROM region_group_member WHERE group_id = ?1 ORDER BY position",
      row.id);
  if (!members) return members.error();
  row.members = std::move(*members);
  return Status::ok();
}

Status RegionGroupTable::write_children(StatementCache& cache, const Row& row,
                                        StoredChildren stored) {
  return write_list(
      cache, "DELETE FROM region_group_member WHERE group_id = ?1",
      "INSERT INTO region_group_member (group_id, position, region) VALUES (?1, ?2, ?3)", row.id,
      row.members, stored);
}

}  // namespace zhizao::detail
