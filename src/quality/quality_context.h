// What every data-quality check reads (docs/methodology.md, "Data quality"): one enterprise's
// monthly records up to the period, the window of months it is checked over, the thresholds, and
// the levels of its division that a jump is compared with. Internal to src/quality.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "base/language.h"
#include "base/year_month.h"
#include "domain/records.h"
#include "engine/indexed_dataset.h"
#include "engine/v2_figures.h"
#include "quality/daily_electricity_months.h"
#include "quality/quality_thresholds.h"

namespace zhizao::detail {

// Which figure of a monthly record a check reads.
enum class QualityMeasure { kOutput, kValueAdded, kElectricity };

// The contract's column name of `measure` ("output", "value_added", "electricity").
const char* measure_name(QualityMeasure measure);
// Its name in Chinese (工业总产值, 工业增加值, 用电量).
const char* measure_name_zh(QualityMeasure measure);

// Where an electricity figure came from (docs/methodology.md, "Data quality"): the sum of the
// month's daily readings when they are complete, else the monthly figure of monthly.csv.
enum class ElectricitySource { kDaily, kMonthly };

struct SourcedElectricity {
  double value = 0;  // 万千瓦时
  ElectricitySource source = ElectricitySource::kMonthly;
};

// The sources of the electricity figures behind a finding, and their name in its evidence:
// "daily" or "monthly" when all came from one, "mixed" otherwise, "none" when there were none.
struct ElectricitySources {
  bool daily = false;
  bool monthly = false;

  void add(const std::optional<SourcedElectricity>& figure);
  const char* name() const;
};

// The words a reason adds after "electricity" (用电量) when daily readings were used: "" for
// monthly figures only (the reason reads as before), "（按日读数合计）" / " (summed from daily
// readings)" for daily, and "in some months" for mixed.
std::string electricity_source_words(const ElectricitySources& sources, Language language);

// One enterprise's records, oldest first, from the first month of the data up to the period.
struct EnterpriseHistory {
  std::size_t index = 0;  // into IndexedDataset::enterprises()
  const Enterprise* enterprise = nullptr;
  std::vector<MonthlyRecord> records;
  const DailyElectricityMonths* daily = nullptr;  // complete months of daily readings, or null

  // The record of `month`, or null.
  const MonthlyRecord* at(YearMonth month) const;
  // The figure as reported (value added only when reported, never derived), or nullopt.
  static std::optional<double> figure(const MonthlyRecord& record, QualityMeasure measure);
  // The same month a year earlier: the reported `_prev` column, else the record of month − 12.
  std::optional<double> last_year(const MonthlyRecord& record, QualityMeasure measure) const;

  // The electricity of `record`'s month: the sum of its daily readings when complete (with those
  // of January for a February record that folds January in, i.e. without a January record of
  // its own that year, both months complete), else the record's monthly figure, else nullopt.
  std::optional<SourcedElectricity> electricity(const MonthlyRecord& record) const;
  // The same month a year earlier, spanning the same months (January folded in when `record`
  // folds it): daily readings when complete, else last_year(record, kElectricity).
  std::optional<SourcedElectricity> electricity_last_year(const MonthlyRecord& record) const;
  // Σ of the complete daily months of `month` (and of January of its year when `with_january`),
  // or nullopt when one of them is incomplete or there are no readings.
  std::optional<double> daily_sum(YearMonth month, bool with_january) const;
  // Whether `record` is a February that holds January too (no January record that year).
  bool folds_january(const MonthlyRecord& record) const;
};

// Σ output of each division per month (every enterprise with a record, in scope or not), from
// the data's first month to the period.
class DivisionLevels {
 public:
  DivisionLevels(const IndexedDataset& data, YearMonth first, YearMonth last);
  // The division's Σ output in `month`, or nullopt when no enterprise of it has a record.
  std::optional<double> output(const std::string& division, YearMonth month) const;
  // Its output growth on the same month last year, in percent, over the enterprises with a
  // record in both months (current prices, no deflation: a chart's guide, not the report's).
  std::optional<double> growth(const std::string& division, YearMonth month) const;

 private:
  struct Level {
    double output = 0;
    double paired_now = 0;  // enterprises with a record in both this month and a year before
    double paired_prev = 0;
    bool present = false;
  };
  YearMonth first_;
  int months_ = 0;
  std::map<std::string, std::vector<Level>> levels_;
};

// The window checked and what the checks compare with; borrowed for one run.
struct QualityContext {
  YearMonth from;  // the window's first and last month (months 1..M of year Y)
  YearMonth to;
  const QualityThresholds& thresholds;
  const DivisionLevels& divisions;
  // Per division: median and MAD of the enterprises' log value-added ratios over the window.
  struct RatioSpread {
    double median = 0;
    double mad = 0;
    int enterprises = 0;
  };
  const std::map<std::string, RatioSpread>& ratio_spreads;

  bool in_window(YearMonth month) const { return from <= month && month <= to; }
};

// A finding of `check` about the enterprise, with nothing yet in it.
QualityFinding new_finding(const EnterpriseHistory& history, const char* check);

// The median of `values` (the mean of the two middle ones for an even count); 0 when empty.
double median_of(std::vector<double> values);

}  // namespace zhizao::detail
