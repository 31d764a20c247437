#include "store/v2_tables.h"

#include <optional>
#include <string>

#include "domain/target_indicator.h"
#include "store/column_values.h"

namespace zhizao::detail {
namespace {

template <typename Integer>
void bind_count(SqliteStatement& statement, int index, const std::optional<Integer>& value) {
  if (value) {
    statement.bind(index, static_cast<int64_t>(*value));
  } else {
    statement.bind_null(index);
  }
}

template <typename Integer>
std::optional<Integer> read_count(const SqliteStatement& statement, int column) {
  if (statement.column_is_null(column)) return std::nullopt;
  return static_cast<Integer>(statement.column_int64(column));
}

}  // namespace

// --- product ------------------------------------------------------------------------------------

const char* const ProductTable::kSelectAll =
    "SELECT code, name, unit, division FROM product ORDER BY code";
const char* const ProductTable::kSelectByKey =
    "SELECT code, name, unit, division FROM product WHERE code = ?1";
const char* const ProductTable::kUpsert =
    "INSERT OR REPLACE INTO product (code, name, unit, division) VALUES (?1, ?2, ?3, ?4)";

void ProductTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.code));
}

void ProductTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
  statement.bind(3, std::string_view(row.unit));
  statement.bind(4, std::string_view(row.division));
}

Result<Product> ProductTable::read(const SqliteStatement& statement) {
  return Product{statement.column_text(0), statement.column_text(1), statement.column_text(2),
                 statement.column_text(3)};
}

// --- product_output -----------------------------------------------------------------------------

const char* const ProductOutputTable::kSelectAll =
    "SELECT uscc, year, month, product, quantity, quantity_prev FROM product_output "
    "ORDER BY uscc, year, month, product";
const char* const ProductOutputTable::kSelectByKey =
    "SELECT uscc, year, month, product, quantity, quantity_prev FROM product_output "
    "WHERE uscc = ?1 AND year = ?2 AND month = ?3 AND product = ?4";
const char* const ProductOutputTable::kUpsert =
    "INSERT OR REPLACE INTO product_output (uscc, year, month, product, quantity, quantity_prev) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";

void ProductOutputTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.uscc));
  bind_period(statement, 2, row.period);
  statement.bind(4, std::string_view(row.product));
}

void ProductOutputTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(5, row.quantity);
  statement.bind(6, row.quantity_prev);
}

Result<ProductOutput> ProductOutputTable::read(const SqliteStatement& statement) {
  return ProductOutput{statement.column_text(0), read_period(statement, 1),
                       statement.column_text(3), statement.column_double(4),
                       statement.column_optional_double(5)};
}

// --- target -------------------------------------------------------------------------------------

const char* const TargetTable::kSelectAll =
    "SELECT id, name, indicator, scope, year, value, threshold FROM target ORDER BY id";
const char* const TargetTable::kSelectByKey =
    "SELECT id, name, indicator, scope, year, value, threshold FROM target WHERE id = ?1";
const char* const TargetTable::kUpsert =
    "INSERT OR REPLACE INTO target (id, name, indicator, scope, year, value, threshold) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

void TargetTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void TargetTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
  statement.bind(3, target_indicator_name(row.indicator));
  statement.bind(4, std::string_view(row.scope));
  statement.bind(5, row.year);
  statement.bind(6, row.value);
  statement.bind(7, row.threshold);
}

Result<Target> TargetTable::read(const SqliteStatement& statement) {
  Target row;
  row.id = statement.column_text(0);
  row.name = statement.column_text(1);
  std::string indicator = statement.column_text(2);
  std::optional<TargetIndicator> parsed = parse_target_indicator(indicator);
  if (!parsed) return fail(Status::corruption("stored target indicator unknown: " + indicator));
  row.indicator = *parsed;
  row.scope = statement.column_text(3);
  row.year = statement.column_int(4);
  row.value = statement.column_double(5);
  row.threshold = statement.column_optional_double(6);
  return row;
}

// --- campaign -----------------------------------------------------------------------------------

const char* const CampaignTable::kSelectAll =
    "SELECT id, name, date_from, date_to, planned_starts, planned_completions, planned_investment "
    "FROM campaign ORDER BY id";
const char* const CampaignTable::kSelectByKey =
    "SELECT id, name, date_from, date_to, planned_starts, planned_completions, planned_investment "
    "FROM campaign WHERE id = ?1";
const char* const CampaignTable::kUpsert =
    "INSERT OR REPLACE INTO campaign (id, name, date_from, date_to, planned_starts, "
    "planned_completions, planned_investment) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

void CampaignTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void CampaignTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.name));
  bind_date(statement, 3, row.from);
  bind_date(statement, 4, row.to);
  bind_count(statement, 5, row.planned_starts);
  bind_count(statement, 6, row.planned_completions);
  statement.bind(7, row.planned_investment);
}

Result<Campaign> CampaignTable::read(const SqliteStatement& statement) {
  Campaign row;
  row.id = statement.column_text(0);
  row.name = statement.column_text(1);
  Result<CivilDate> from = read_required_date(statement, 2);
  if (!from) return fail(from.error());
  Result<CivilDate> to = read_required_date(statement, 3);
  if (!to) return fail(to.error());
  row.from = *from;
  row.to = *to;
  row.planned_starts = read_count<long>(statement, 4);
  row.planned_completions = read_count<long>(statement, 5);
  row.planned_investment = statement.column_optional_double(6);
  return row;
}

// --- assignment ---------------------------------------------------------------------------------

const char* const AssignmentTable::kSelectAll =
    "SELECT uscc, cadre, department FROM assignment ORDER BY uscc, cadre, department";
const char* const AssignmentTable::kSelectByKey =
    "SELECT uscc, cadre, department FROM assignment "
    "WHERE uscc = ?1 AND cadre = ?2 AND department = ?3";
const char* const AssignmentTable::kUpsert =
    "INSERT OR REPLACE INTO assignment (uscc, cadre, department) VALUES (?1, ?2, ?3)";

void AssignmentTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.uscc));
  statement.bind(2, std::string_view(row.cadre));
  statement.bind(3, std::string_view(row.department));
}

void AssignmentTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
}

Result<Assignment> AssignmentTable::read(const SqliteStatement& statement) {
  return Assignment{statement.column_text(0), statement.column_text(1), statement.column_text(2)};
}

// --- visit --------------------------------------------------------------------------------------

const char* const VisitTable::kSelectAll =
    "SELECT uscc, date, cadre, findings FROM visit ORDER BY uscc, date, cadre";
const char* const VisitTable::kSelectByKey =
    "SELECT uscc, date, cadre, findings FROM visit WHERE uscc = ?1 AND date = ?2 AND cadre = ?3";
const char* const VisitTable::kUpsert =
    "INSERT OR REPLACE INTO visit (uscc, date, cadre, findings) VALUES (?1, ?2, ?3, ?4)";

void VisitTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.uscc));
  bind_date(statement, 2, row.date);
  statement.bind(3, std::string_view(row.cadre));
}

void VisitTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(4, std::string_view(row.findings));
}

Result<Visit> VisitTable::read(const SqliteStatement& statement) {
  Result<CivilDate> date = read_required_date(statement, 1);
  if (!date) return fail(date.error());
  return Visit{statement.column_text(0), *date, statement.column_text(2), statement.column_text(3)};
}

// --- service_case -------------------------------------------------------------------------------

const char* const ServiceCaseTable::kSelectAll =
    "SELECT id, uscc, raised, category, department, deadline, resolved, rating FROM service_case "
    "ORDER BY id";
const char* const ServiceCaseTable::kSelectByKey =
    "SELECT id, uscc, raised, category, department, deadline, resolved, rating FROM service_case "
    "WHERE id = ?1";
const char* const ServiceCaseTable::kUpsert =
    "INSERT OR REPLACE INTO service_case (id, uscc, raised, category, department, deadline, "
    "resolved, rating) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

void ServiceCaseTable::bind_key(SqliteStatement& statement, const Row& row) {
  statement.bind(1, std::string_view(row.id));
}

void ServiceCaseTable::bind_row(SqliteStatement& statement, const Row& row) {
  bind_key(statement, row);
  statement.bind(2, std::string_view(row.uscc));
  bind_date(statement, 3, row.raised);
  statement.bind(4, std::string_view(row.category));
  statement.bind(5, std::string_view(row.department));
  bind_date(statement, 6, row.deadline);
  bind_date(statement, 7, row.resolved);
  bind_count(statement, 8, row.rating);
}

Result<ServiceCase> ServiceCaseTable::read(const SqliteStatement& statement) {
  ServiceCase row;
  row.id = statement.column_text(0);
  row.uscc = statement.column_text(1);
  Result<CivilDate> raised = read_required_date(statement, 2);
  if (!raised) return fail(raised.error());
  row.raised = *raised;
  row.category = statement.column_text(3);
  row.department = statement.column_text(4);
  Result<CivilDate> deadline = read_required_date(statement, 5);
  if (!deadline) return fail(deadline.error());
  row.deadline = *deadline;
  Result<std::optional<CivilDate>> resolved = read_date(statement, 6);
  if (!resolved) return fail(resolved.error());
  row.resolved = *resolved;
  row.rating = read_count<int>(statement, 7);
  return row;
}

}  // namespace zhizao::detail
