#include "store/batch_writer.h"

#include <optional>
#include <set>
#include <string_view>
#include <type_traits>
#include <utility>

#include "store/daily_electricity_store.h"
#include "store/key_order.h"
#include "store/record_keys.h"
#include "store/record_tables.h"
#include "store/table_access.h"
#include "store/v2_tables.h"

namespace zhizao::detail {
namespace {

constexpr const char* kInsertRevision =
    "INSERT INTO revision (import_id, kind, key, uscc, old_value, new_value, changed_at, source) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

// The stored products of one enterprise month, and the removal of one (ProductOutputTable's key
// binding: ?1 uscc, ?2 year, ?3 month, ?4 product).
constexpr const char* kSelectEnterpriseMonthProducts =
    "SELECT uscc, year, month, product, quantity, quantity_prev FROM product_output "
    "WHERE uscc = ?1 AND year = ?2 AND month = ?3 ORDER BY product";
constexpr const char* kDeleteProductOutput =
    "DELETE FROM product_output WHERE uscc = ?1 AND year = ?2 AND month = ?3 AND product = ?4";

// Rows between two progress reports: often enough for a bar, rare enough to cost nothing.
constexpr size_t kProgressEvery = 1 << 16;

// The rows in the order they are stored: key order for enterprises (key_order.h says why; the
// monthly rows have their own writer), file order for the others.
template <typename Row>
std::vector<const Row*> storing_order(const std::vector<Row>& rows) {
  std::vector<const Row*> ordered;
  ordered.reserve(rows.size());
  if constexpr (std::is_same_v<Row, Enterprise>) {
    for (uint32_t at : enterprise_key_order(rows)) ordered.push_back(&rows[at]);
  } else {
    for (const Row& row : rows) ordered.push_back(&row);
  }
  return ordered;
}

}  // namespace

size_t count_rows(const std::vector<SourcedBatch>& batches) {
  size_t rows = 0;
  for (const SourcedBatch& batch : batches) {
    const Dataset& d = batch.rows;
    rows += d.enterprises.size() + d.monthly.size() + d.deflators.size() + d.va_ratios.size() +
            d.parks.size() + d.chains.size() + d.projects.size() + d.project_progress.size() +
            d.region_groups.size() + d.products.size() + d.product_output.size() +
            d.targets.size() + d.campaigns.size() + d.assignments.size() + d.visits.size() +
            d.cases.size();
  }
  return rows;
}

void BatchWriter::set_progress(ApplyProgress progress, size_t total) {
  progress_ = std::move(progress);
  total_ = total;
}

void BatchWriter::count_row() {
  ++done_;
  if (progress_ && (done_ % kProgressEvery == 0 || done_ == total_)) progress_(done_, total_);
}

BatchWriter::BatchWriter(sqlite3* db, int64_t import_id, std::string changed_at)
    : cache_(db), changed_at_(std::move(changed_at)) {
  summary_.import_id = static_cast<long>(import_id);
}

Status BatchWriter::apply_monthly(const SourcedBatch& batch) {
  return store_monthly_rows(batch.rows.monthly, batch.source, batch.monthly_order);
}

Status BatchWriter::apply_all_but_monthly(const SourcedBatch& batch) {
  const Dataset& rows = batch.rows;
  const std::string& source = batch.source;
  ZHIZAO_RETURN_IF_ERROR(apply_rows<EnterpriseTable>(rows.enterprises, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<DeflatorTable>(rows.deflators, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ValueAddedRatioTable>(rows.va_ratios, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ParkTable>(rows.parks, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ChainTable>(rows.chains, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ProjectTable>(rows.projects, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ProjectProgressTable>(rows.project_progress, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<RegionGroupTable>(rows.region_groups, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ProductTable>(rows.products, source));
  ZHIZAO_RETURN_IF_ERROR(remove_unlisted_product_output(batch));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ProductOutputTable>(rows.product_output, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<TargetTable>(rows.targets, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<CampaignTable>(rows.campaigns, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<AssignmentTable>(rows.assignments, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<VisitTable>(rows.visits, source));
  ZHIZAO_RETURN_IF_ERROR(apply_rows<ServiceCaseTable>(rows.cases, source));
  ZHIZAO_RETURN_IF_ERROR(
      store_daily_electricity(cache_, rows.electricity_daily, source, changed_at_, summary_));
  return Status::ok();
}

Status BatchWriter::remove_unlisted_product_output(const SourcedBatch& batch) {
  for (const EnterpriseMonth& month : batch.product_output_replaced) {
    std::set<std::string_view> listed;
    for (const ProductOutput& row : batch.rows.product_output) {
      if (row.uscc == month.uscc && row.period == month.period) listed.insert(row.product);
    }
    Result<SqliteStatement*> select = cache_.get(kSelectEnterpriseMonthProducts);
    if (!select) return select.error();
    (*select)->bind(1, std::string_view(month.uscc));
    (*select)->bind(2, month.period.year);
    (*select)->bind(3, month.period.month);
    std::vector<ProductOutput> unlisted;
    for (;;) {
      Result<StepResult> stepped = (*select)->step();
      if (!stepped) return stepped.error();
      if (*stepped == StepResult::kDone) break;
      Result<ProductOutput> row = ProductOutputTable::read(**select);
      if (!row) return row.error();
      if (!listed.contains(row->product)) unlisted.push_back(*std::move(row));
    }
    (*select)->reset();
    for (const ProductOutput& row : unlisted) {
      Result<SqliteStatement*> remove = cache_.get(kDeleteProductOutput);
      if (!remove) return remove.error();
      ProductOutputTable::bind_key(**remove, row);
      ZHIZAO_RETURN_IF_ERROR((*remove)->run());
      (*remove)->reset();
      ++summary_.replaced;
      ZHIZAO_RETURN_IF_ERROR(record_revision(kind_name(row), key_text(row), revision_uscc(row),
                                             to_json_text(row), "null", batch.source));
    }
  }
  return Status::ok();
}

template <typename Table, typename Row>
Status BatchWriter::apply_rows(const std::vector<Row>& rows, const std::string& source) {
  static_assert(std::is_same_v<Row, typename Table::Row>);
  // Rows of different keys touch different rows, and rows of one key keep their order (the
  // orders are stable), so storing in key order changes no outcome, only the speed.
  for (const Row* row : storing_order(rows)) {
    ZHIZAO_RETURN_IF_ERROR(apply_row<Table>(*row, source));
  }
  return Status::ok();
}

template <typename Table, typename Row>
Status BatchWriter::apply_row(const Row& row, const std::string& source) {
  count_row();
  if constexpr (HasInsertNew<Table>) {
    Result<bool> inserted = insert_new_row<Table>(cache_, row);
    if (!inserted) return inserted.error();
    if (*inserted) {
      ++summary_.inserted;
      return Status::ok();
    }
  }
  Result<std::optional<Row>> existing = find_row<Table>(cache_, row);
  if (!existing) return existing.error();
  if (*existing && **existing == row) {
    ++summary_.unchanged;
    return Status::ok();
  }
  ZHIZAO_RETURN_IF_ERROR(write_row<Table>(cache_, row));
  if (!*existing) {
    ++summary_.inserted;
    return Status::ok();
  }
  ++summary_.replaced;
  return record_revision(kind_name(row), key_text(row), revision_uscc(row),
                         to_json_text(**existing), to_json_text(row), source);
}

Status BatchWriter::record_revision(const char* kind, const std::string& key,
                                    const std::string& uscc, const std::string& old_value,
                                    const std::string& new_value, const std::string& source) {
  Result<SqliteStatement*> statement = cache_.get(kInsertRevision);
  if (!statement) return statement.error();
  SqliteStatement& insert = **statement;
  insert.bind(1, static_cast<int64_t>(summary_.import_id));
  insert.bind(2, std::string_view(kind));
  insert.bind(3, std::string_view(key));
  insert.bind(4, std::string_view(uscc));
  insert.bind(5, std::string_view(old_value));
  insert.bind(6, std::string_view(new_value));
  insert.bind(7, std::string_view(changed_at_));
  insert.bind(8, std::string_view(source));
  ZHIZAO_RETURN_IF_ERROR(insert.run());
  insert.reset();
  return Status::ok();
}

}  // namespace zhizao::detail
