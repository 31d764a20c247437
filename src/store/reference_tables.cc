#include "store/reference_tables.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "store/record_tables.h"
#include "store/settings_store.h"
#include "store/sqlite_statement.h"
#include "store/table_access.h"
#include "store/v2_tables.h"

namespace zhizao::detail {
namespace {

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
// enterprise (load_rows<EnterpriseTable>'s way), which at 500,000 enterprises is most of the
// time of a load.
Status read_enterprises(sqlite3* db, std::vector<Enterprise>& enterprises) {
  Result<SqliteStatement> rows = SqliteStatement::prepare(db, EnterpriseTable::kSelectAll);
  if (!rows) return rows.error();
  ZHIZAO_RETURN_IF_ERROR(each_row(*rows, [&](const SqliteStatement& statement) {
    Result<Enterprise> enterprise = EnterpriseTable::read(statement);
    if (!enterprise) return enterprise.error();
    enterprises.push_back(std::move(*enterprise));
    return Status::ok();
  }));
  Result<SqliteStatement> chains = SqliteStatement::prepare(
      db, "SELECT uscc, chain FROM enterprise_chain ORDER BY uscc, position");
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

}  // namespace

Status load_all_but_monthly(sqlite3* db, Dataset& dataset) {
  ZHIZAO_RETURN_IF_ERROR(read_enterprises(db, dataset.enterprises));
  StatementCache cache(db);
  ZHIZAO_RETURN_IF_ERROR(load_rows<DeflatorTable>(cache, dataset.deflators));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ValueAddedRatioTable>(cache, dataset.va_ratios));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ParkTable>(cache, dataset.parks));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ChainTable>(cache, dataset.chains));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProjectTable>(cache, dataset.projects));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProjectProgressTable>(cache, dataset.project_progress));
  ZHIZAO_RETURN_IF_ERROR(load_rows<RegionGroupTable>(cache, dataset.region_groups));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProductTable>(cache, dataset.products));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ProductOutputTable>(cache, dataset.product_output));
  ZHIZAO_RETURN_IF_ERROR(load_rows<TargetTable>(cache, dataset.targets));
  ZHIZAO_RETURN_IF_ERROR(load_rows<CampaignTable>(cache, dataset.campaigns));
  ZHIZAO_RETURN_IF_ERROR(load_rows<AssignmentTable>(cache, dataset.assignments));
  ZHIZAO_RETURN_IF_ERROR(load_rows<VisitTable>(cache, dataset.visits));
  ZHIZAO_RETURN_IF_ERROR(load_rows<ServiceCaseTable>(cache, dataset.cases));
  Result<std::optional<std::string>> area = read_setting(db, kAreaSetting);
  if (!area) return area.error();
  dataset.area_code = area->value_or("");
  return Status::ok();
}

}  // namespace zhizao::detail
