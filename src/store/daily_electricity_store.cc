#include "store/daily_electricity_store.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <tuple>

namespace zhizao {
namespace detail {

const char* const kCreateDailyElectricityYear = R"sql(
CREATE TABLE electricity_daily_year (
  uscc TEXT NOT NULL,
  year INTEGER NOT NULL,
  days INTEGER NOT NULL CHECK (days BETWEEN 1 AND 366),
  kwh BLOB NOT NULL CHECK (length(kwh) % 8 = 0 AND length(kwh) <= 2928),
  PRIMARY KEY (uscc, year)
) STRICT;
CREATE INDEX electricity_daily_year_by_year ON electricity_daily_year (year);
)sql";

const char* const DailyYearSql::kSelectByKey =
    "SELECT days, kwh FROM electricity_daily_year WHERE uscc = ?1 AND year = ?2";
const char* const DailyYearSql::kUpsert =
    "INSERT INTO electricity_daily_year (uscc, year, days, kwh) VALUES (?1, ?2, ?3, ?4) "
    "ON CONFLICT (uscc, year) DO UPDATE SET days = excluded.days, kwh = excluded.kwh";

namespace {

constexpr const char* kInsertDailyReadingRevision =
    "INSERT INTO revision (import_id, kind, key, uscc, old_value, new_value, changed_at, source) "
    "VALUES (?1, 'electricity_daily', ?2, ?3, ?4, ?5, ?6, ?7)";

std::string reading_json(const std::string& uscc, const CivilDate& date, double kwh) {
  nlohmann::ordered_json value = {{"uscc", uscc}, {"date", date.to_string()}, {"kwh", kwh}};
  return value.dump();
}

Status check_storable(const DailyElectricity& row) {
  bool real_date = row.date.month >= 1 && row.date.month <= 12 && row.date.day >= 1 &&
                   row.date.day <= days_in_month(row.date.year, row.date.month);
  if (!real_date) {
    return Status::invalid_data(
        fmt::format("daily electricity {}|{}: not a real date", row.uscc, row.date.to_string()));
  }
  if (!std::isfinite(row.kwh) || row.kwh < 0) {
    return Status::invalid_data(
        fmt::format("daily electricity {}|{}: not a reading ≥ 0", row.uscc, row.date.to_string()));
  }
  return Status::ok();
}

Result<std::optional<DailyYearBlock>> find_block(StatementCache& cache, const std::string& uscc,
                                                 int year) {
  Result<SqliteStatement*> select = cache.get(DailyYearSql::kSelectByKey);
  if (!select) return fail(select.error());
  SqliteStatement& query = **select;
  query.bind(1, std::string_view(uscc));
  query.bind(2, year);
  Result<StepResult> stepped = query.step();
  if (!stepped) return fail(stepped.error());
  if (*stepped == StepResult::kDone) return std::optional<DailyYearBlock>();
  Result<DailyYearBlock> block =
      DailyYearBlock::decode(uscc, year, query.column_int64(0), query.column_blob(1));
  query.reset();
  if (!block) return fail(block.error());
  return std::optional<DailyYearBlock>(*std::move(block));
}

// Context of one call of store_daily_electricity.
struct DailyWrite {
  StatementCache& cache;
  const std::string& source;
  const std::string& changed_at;
  ApplySummary& summary;

  Status revise(const DailyElectricity& row, double old_kwh) {
    Result<SqliteStatement*> statement = cache.get(kInsertDailyReadingRevision);
    if (!statement) return statement.error();
    SqliteStatement& insert = **statement;
    insert.bind(1, static_cast<int64_t>(summary.import_id));
    insert.bind(2, std::string_view(row.uscc + "|" + row.date.to_string()));
    insert.bind(3, std::string_view(row.uscc));
    insert.bind(4, std::string_view(reading_json(row.uscc, row.date, old_kwh)));
    insert.bind(5, std::string_view(reading_json(row.uscc, row.date, row.kwh)));
    insert.bind(6, std::string_view(changed_at));
    insert.bind(7, std::string_view(source));
    ZHIZAO_RETURN_IF_ERROR(insert.run());
    insert.reset();
    return Status::ok();
  }

  // Merges the rows of one enterprise-year into its stored block and writes the block back.
  Status merge(std::span<const DailyElectricity* const> rows) {
    const std::string& uscc = rows.front()->uscc;
    int year = rows.front()->date.year;
    Result<std::optional<DailyYearBlock>> stored = find_block(cache, uscc, year);
    if (!stored) return stored.error();
    DailyYearBlock block = stored->value_or(DailyYearBlock());
    bool changed = false;
    for (const DailyElectricity* row : rows) {
      int slot = day_slot(row->date);
      std::optional<double> old_kwh = block.at(slot);
      if (old_kwh && *old_kwh == row->kwh) {
        ++summary.unchanged;
        continue;
      }
      block.set(slot, row->kwh);
      changed = true;
      if (!old_kwh) {
        ++summary.inserted;
        continue;
      }
      ++summary.replaced;
      ZHIZAO_RETURN_IF_ERROR(revise(*row, *old_kwh));
    }
    if (!changed) return Status::ok();
    Result<SqliteStatement*> upsert = cache.get(DailyYearSql::kUpsert);
    if (!upsert) return upsert.error();
    std::vector<unsigned char> bytes = block.encode();
    (*upsert)->bind(1, std::string_view(uscc));
    (*upsert)->bind(2, year);
    (*upsert)->bind(3, block.days());
    (*upsert)->bind_blob(4, bytes);
    ZHIZAO_RETURN_IF_ERROR((*upsert)->run());
    (*upsert)->reset();
    return Status::ok();
  }
};

}  // namespace

Status store_daily_electricity(StatementCache& cache, const std::vector<DailyElectricity>& rows,
                               const std::string& source, const std::string& changed_at,
                               ApplySummary& summary) {
  if (rows.empty()) return Status::ok();
  for (const DailyElectricity& row : rows) ZHIZAO_RETURN_IF_ERROR(check_storable(row));
  // Key order, stable: the rows of an enterprise-year are adjacent, in file order.
  std::vector<const DailyElectricity*> ordered(rows.size());
  std::transform(rows.begin(), rows.end(), ordered.begin(),
                 [](const DailyElectricity& row) { return &row; });
  std::stable_sort(ordered.begin(), ordered.end(),
                   [](const DailyElectricity* a, const DailyElectricity* b) {
                     return std::tie(a->uscc, a->date.year) < std::tie(b->uscc, b->date.year);
                   });
  DailyWrite write{cache, source, changed_at, summary};
  std::span<const DailyElectricity* const> all(ordered);
  for (size_t first = 0; first < all.size();) {
    size_t end = first + 1;
    while (end < all.size() && all[end]->uscc == all[first]->uscc &&
           all[end]->date.year == all[first]->date.year) {
      ++end;
    }
    ZHIZAO_RETURN_IF_ERROR(write.merge(all.subspan(first, end - first)));
    first = end;
  }
  return Status::ok();
}

Status write_daily_years(Database& db, std::span<const DailyElectricityYear> years) {
  SqliteTransaction transaction(db.native_handle());
  ZHIZAO_RETURN_IF_ERROR(transaction.begin(TransactionKind::kImmediate));
  Result<SqliteStatement> upsert =
      SqliteStatement::prepare(db.native_handle(), DailyYearSql::kUpsert);
  if (!upsert) return upsert.error();
  for (const DailyElectricityYear& year : years) {
    if (year.readings.empty()) continue;
    std::vector<unsigned char> bytes = year.readings.encode();
    upsert->bind(1, std::string_view(year.uscc));
    upsert->bind(2, year.year);
    upsert->bind(3, year.readings.days());
    upsert->bind_blob(4, bytes);
    ZHIZAO_RETURN_IF_ERROR(upsert->run());
    upsert->reset();
  }
  return transaction.commit();
}

}  // namespace detail

namespace {

using detail::SqliteStatement;
using detail::StepResult;

// Runs `sql` (with ?1 bound to `year` when given) and appends each decoded row.
Status read_blocks(sqlite3* db, const char* sql, std::optional<int> year,
                   std::vector<DailyElectricityYear>& out) {
  Result<SqliteStatement> query = SqliteStatement::prepare(db, sql);
  if (!query) return query.error();
  if (year) query->bind(1, *year);
  for (;;) {
    Result<StepResult> stepped = query->step();
    if (!stepped) return stepped.error();
    if (*stepped == StepResult::kDone) return Status::ok();
    std::string uscc = query->column_text(0);
    int row_year = query->column_int(1);
    Result<detail::DailyYearBlock> block = detail::DailyYearBlock::decode(
        uscc, row_year, query->column_int64(2), query->column_blob(3));
    if (!block) return block.error();
    out.push_back({std::move(uscc), row_year, *std::move(block)});
  }
}

}  // namespace

Result<std::vector<DailyElectricityYear>> DailyElectricityStore::year(int year) const {
  std::vector<DailyElectricityYear> blocks;
  ZHIZAO_RETURN_IF_ERROR_RESULT(read_blocks(db_.native_handle(),
                                            "SELECT uscc, year, days, kwh FROM "
                                            "electricity_daily_year WHERE year = ?1 ORDER BY uscc",
                                            year, blocks));
  return blocks;
}

Result<std::vector<int>> DailyElectricityStore::years() const {
  Result<SqliteStatement> query = SqliteStatement::prepare(
      db_.native_handle(), "SELECT DISTINCT year FROM electricity_daily_year ORDER BY year");
  if (!query) return fail(query.error());
  std::vector<int> years;
  for (;;) {
    Result<StepResult> stepped = query->step();
    if (!stepped) return fail(stepped.error());
    if (*stepped == StepResult::kDone) return years;
    years.push_back(query->column_int(0));
  }
}

Result<std::vector<DailyElectricity>> DailyElectricityStore::all_readings() const {
  std::vector<DailyElectricityYear> blocks;
  ZHIZAO_RETURN_IF_ERROR_RESULT(
      read_blocks(db_.native_handle(),
                  "SELECT uscc, year, days, kwh FROM electricity_daily_year ORDER BY uscc, year",
                  std::nullopt, blocks));
  std::vector<DailyElectricity> readings;
  for (const DailyElectricityYear& block : blocks) {
    for (int month = 1; month <= 12; ++month) {
      for (int day = 1; day <= days_in_month(block.year, month); ++day) {
        std::optional<double> kwh = block.readings.at(detail::day_slot(month, day));
        if (kwh) readings.push_back({block.uscc, {block.year, month, day}, *kwh});
      }
    }
  }
  return readings;
}

}  // namespace zhizao
