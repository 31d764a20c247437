#include "quality/quality_context.h"

#include <algorithm>

namespace zhizao::detail {

const char* measure_name(QualityMeasure measure) {
  switch (measure) {
    case QualityMeasure::kOutput:
      return "output";
    case QualityMeasure::kValueAdded:
      return "value_added";
    case QualityMeasure::kElectricity:
      return "electricity";
  }
  return "";
}

const char* measure_name_zh(QualityMeasure measure) {
  switch (measure) {
    case QualityMeasure::kOutput:
      return "工业总产值";
    case QualityMeasure::kValueAdded:
      return "工业增加值";
    case QualityMeasure::kElectricity:
      return "用电量";
  }
  return "";
}

const MonthlyRecord* EnterpriseHistory::at(YearMonth month) const {
  auto it =
      std::lower_bound(records.begin(), records.end(), month,
                       [](const MonthlyRecord& record, YearMonth m) { return record.period < m; });
  return it != records.end() && it->period == month ? &*it : nullptr;
}

std::optional<double> EnterpriseHistory::figure(const MonthlyRecord& record,
                                                QualityMeasure measure) {
  switch (measure) {
    case QualityMeasure::kOutput:
      return record.output;
    case QualityMeasure::kValueAdded:
      return record.value_added;
    case QualityMeasure::kElectricity:
      return record.electricity;
  }
  return std::nullopt;
}

std::optional<double> EnterpriseHistory::last_year(const MonthlyRecord& record,
                                                   QualityMeasure measure) const {
  const std::optional<double>& reported = measure == QualityMeasure::kOutput ? record.output_prev
                                          : measure == QualityMeasure::kValueAdded
                                              ? record.value_added_prev
                                              : record.electricity_prev;
  if (reported) return reported;
  const MonthlyRecord* before = at(record.period.plus_months(-12));
  return before == nullptr ? std::nullopt : figure(*before, measure);
}

void ElectricitySources::add(const std::optional<SourcedElectricity>& figure) {
  if (!figure) return;
  (figure->source == ElectricitySource::kDaily ? daily : monthly) = true;
}

const char* ElectricitySources::name() const {
  if (daily && monthly) return "mixed";
  if (daily) return "daily";
  return monthly ? "monthly" : "none";
}

std::string electricity_source_words(const ElectricitySources& sources, Language language) {
  if (!sources.daily) return "";
  bool zh = language == Language::kZh;
  if (sources.monthly) {
    return zh ? "（部分月份按日读数合计）" : " (summed from daily readings in some months)";
  }
  return zh ? "（按日读数合计）" : " (summed from daily readings)";
}

bool EnterpriseHistory::folds_january(const MonthlyRecord& record) const {
  return record.period.month == 2 && at({record.period.year, 1}) == nullptr;
}

std::optional<double> EnterpriseHistory::daily_sum(YearMonth month, bool with_january) const {
  if (daily == nullptr) return std::nullopt;
  std::optional<double> sum = daily->complete_month(enterprise->uscc, month);
  if (!sum || !with_january) return sum;
  std::optional<double> january = daily->complete_month(enterprise->uscc, {month.year, 1});
  if (!january) return std::nullopt;
  return *january + *sum;
}

std::optional<SourcedElectricity> EnterpriseHistory::electricity(
    const MonthlyRecord& record) const {
  if (std::optional<double> sum = daily_sum(record.period, folds_january(record))) {
    return SourcedElectricity{*sum, ElectricitySource::kDaily};
  }
  if (!record.electricity) return std::nullopt;
  return SourcedElectricity{*record.electricity, ElectricitySource::kMonthly};
}

std::optional<SourcedElectricity> EnterpriseHistory::electricity_last_year(
    const MonthlyRecord& record) const {
  if (std::optional<double> sum =
          daily_sum(record.period.plus_months(-12), folds_january(record))) {
    return SourcedElectricity{*sum, ElectricitySource::kDaily};
  }
  std::optional<double> reported = last_year(record, QualityMeasure::kElectricity);
  if (!reported) return std::nullopt;
  return SourcedElectricity{*reported, ElectricitySource::kMonthly};
}

DivisionLevels::DivisionLevels(const IndexedDataset& data, YearMonth first, YearMonth last)
    : first_(first), months_(std::max(0, last.index() - first.index() + 1)) {
  std::span<const Enterprise> enterprises = data.enterprises();
  for (std::size_t e = 0; e < enterprises.size(); ++e) {
    std::vector<Level>& levels = levels_[enterprises[e].division];
    levels.resize(static_cast<std::size_t>(months_));
    std::vector<std::optional<double>> outputs(static_cast<std::size_t>(months_));
    for (int i = 0; i < months_; ++i) {
      if (!data.has_record(e, first.plus_months(i))) continue;
      std::optional<MonthlyRecord> record = data.record(e, first.plus_months(i));
      if (!record) continue;
      auto slot = static_cast<std::size_t>(i);
      outputs[slot] = record->output;
      levels[slot].output += record->output;
      levels[slot].present = true;
      std::optional<double> before = record->output_prev;
      if (!before && i >= 12) before = outputs[slot - 12];
      if (before) {
        levels[slot].paired_now += record->output;
        levels[slot].paired_prev += *before;
      }
    }
  }
}

std::optional<double> DivisionLevels::output(const std::string& division, YearMonth month) const {
  auto it = levels_.find(division);
  int i = month.index() - first_.index();
  if (it == levels_.end() || i < 0 || i >= months_) return std::nullopt;
  const Level& level = it->second[static_cast<std::size_t>(i)];
  return level.present ? std::optional<double>(level.output) : std::nullopt;
}

std::optional<double> DivisionLevels::growth(const std::string& division, YearMonth month) const {
  auto it = levels_.find(division);
  int i = month.index() - first_.index();
  if (it == levels_.end() || i < 0 || i >= months_) return std::nullopt;
  const Level& level = it->second[static_cast<std::size_t>(i)];
  if (level.paired_prev <= 0) return std::nullopt;
  return 100 * (level.paired_now / level.paired_prev - 1);
}

QualityFinding new_finding(const EnterpriseHistory& history, const char* check) {
  QualityFinding finding;
  finding.uscc = history.enterprise->uscc;
  finding.name = history.enterprise->name;
  finding.region = history.enterprise->region;
  finding.division = history.enterprise->division;
  finding.check = check;
  return finding;
}

double median_of(std::vector<double> values) {
  if (values.empty()) return 0;
  std::size_t middle = values.size() / 2;
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle),
                   values.end());
  double upper = values[middle];
  if (values.size() % 2 == 1) return upper;
  double lower =
      *std::max_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(middle));
  return (lower + upper) / 2;
}

}  // namespace zhizao::detail
