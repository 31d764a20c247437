// ReportInput's record lookups for the server's reading endpoints (periods and their coverage,
// an enterprise's months, the previous-year values of submissions): answered from the same
// columns as the reports, so that at national scale they read a few megabytes of the snapshot
// instead of loading 30 million records from SQLite.
#include <algorithm>
#include <optional>

#include "columnar/report_input.h"
#include "engine/indexed_dataset.h"

namespace zhizao {
namespace {

std::vector<YearMonth> months_with_records(const detail::IndexedDataset& data) {
  const MonthlyColumns& columns = data.columns();
  std::vector<YearMonth> months;
  for (int block = 0; block < columns.months; ++block) {
    const RecordPresence* presence =
        columns.presence + static_cast<std::size_t>(block) * columns.enterprises;
    for (std::size_t e = 0; e < columns.enterprises; ++e) {
      if (presence[e] != RecordPresence::kNone) {
        months.push_back(YearMonth::from_index(columns.first_month + block));
        break;
      }
    }
  }
  return months;
}

// The index of the first row of `uscc` in `enterprises`, or nullopt: see find_enterprise.
std::optional<std::size_t> enterprise_index(std::span<const Enterprise> enterprises,
                                            std::string_view uscc) {
  auto found = std::lower_bound(
      enterprises.begin(), enterprises.end(), uscc,
      [](const Enterprise& enterprise, std::string_view key) { return enterprise.uscc < key; });
  if (found == enterprises.end() || found->uscc != uscc) {
    found = std::find_if(enterprises.begin(), enterprises.end(),
                         [&](const Enterprise& enterprise) { return enterprise.uscc == uscc; });
  }
  if (found == enterprises.end()) return std::nullopt;
  return static_cast<std::size_t>(found - enterprises.begin());
}

std::vector<MonthlyRecord> records_of_enterprise(const detail::IndexedDataset& data,
                                                 std::string_view uscc) {
  std::vector<MonthlyRecord> records;
  // The first row of a uscc gets the records (IndexedDataset).
  std::optional<std::size_t> e = enterprise_index(data.enterprises(), uscc);
  if (!e) return records;
  const MonthlyColumns& columns = data.columns();
  for (int block = 0; block < columns.months; ++block) {
    YearMonth month = YearMonth::from_index(columns.first_month + block);
    if (std::optional<MonthlyRecord> record = data.record(*e, month)) {
      record->uscc = std::string(uscc);
      records.push_back(std::move(*record));
    }
  }
  return records;
}

}  // namespace

std::vector<YearMonth> ReportInput::periods() const {
  if (snapshot_ != nullptr) {
    return months_with_records(detail::IndexedDataset(snapshot_->tables(), snapshot_->columns()));
  }
  return months_with_records(detail::IndexedDataset(*dataset_));
}

std::vector<MonthCoverage> ReportInput::coverage(double threshold) const {
  if (snapshot_ != nullptr) return reporting_coverage(snapshot_->columns(), threshold);
  return reporting_coverage(detail::IndexedDataset(*dataset_).columns(), threshold);
}

bool ReportInput::has_records(YearMonth month) const {
  if (snapshot_ != nullptr) return zhizao::has_records(snapshot_->columns(), month);
  return zhizao::has_records(detail::IndexedDataset(*dataset_).columns(), month);
}

std::vector<PreviousYearValues> ReportInput::previous_year_of(
    std::span<const MonthlyRecord> records) const {
  if (snapshot_ != nullptr) return previous_year_values(snapshot_->data(), records);
  return previous_year_values(*dataset_, records);
}

const Enterprise* ReportInput::find_enterprise(std::string_view uscc) const {
  const std::vector<Enterprise>& enterprises = tables().enterprises;
  std::optional<std::size_t> e = enterprise_index(enterprises, uscc);
  return e ? &enterprises[*e] : nullptr;
}

std::vector<MonthlyRecord> ReportInput::records_of(std::string_view uscc) const {
  if (snapshot_ != nullptr) {
    return records_of_enterprise(detail::IndexedDataset(snapshot_->tables(), snapshot_->columns()),
                                 uscc);
  }
  return records_of_enterprise(detail::IndexedDataset(*dataset_), uscc);
}

void ReportInput::visit_records(
    const std::function<void(const detail::IndexedDataset&)>& visit) const {
  if (snapshot_ != nullptr) {
    visit(detail::IndexedDataset(snapshot_->tables(), snapshot_->columns()));
  } else {
    visit(detail::IndexedDataset(*dataset_));
  }
}

}  // namespace zhizao
