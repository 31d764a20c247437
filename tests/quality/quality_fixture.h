// Hand-made data for the data-quality checks: a division of ordinary enterprises whose monthly
// figures move smoothly (output with a seasonal wave, value added 30 % of it, electricity 1/20),
// to which a test adds one enterprise with a planted problem.
#pragma once

#include <cmath>
#include <functional>
#include <string>
#include <vector>

#include "domain/dataset.h"
#include "engine/indexed_dataset.h"
#include "quality/quality_checks.h"

namespace zhizao::testing_quality {

inline double tenth(double value) { return std::round(value * 10) / 10; }

// Months from 2019-01 to `last`.
inline std::vector<YearMonth> months_until(YearMonth last) {
  std::vector<YearMonth> months;
  for (YearMonth m{2019, 1}; m <= last; m = m.plus_months(1)) months.push_back(m);
  return months;
}

// An ordinary enterprise's record: its own level, a seasonal wave, 8 % a year of growth and a
// deterministic wobble, so that no two months are equal.
inline MonthlyRecord ordinary_record(int firm, YearMonth month) {
  double t = month.index() - YearMonth{2019, 1}.index();
  double level = (800 + 137.3 * firm) * std::pow(1.08, t / 12) *
                 (1 + 0.06 * std::sin(t * 0.52 + firm)) * (1 + 0.013 * std::sin(t * 7.1 + firm));
  MonthlyRecord record;
  record.period = month;
  record.output = tenth(level);
  record.value_added = tenth(level * (0.3 + 0.004 * std::sin(t * 3.3 + firm)));
  record.electricity = tenth(level / 20 * (1 + 0.02 * std::sin(t * 5.7 + firm)));
  return record;
}

inline Enterprise enterprise(const std::string& uscc, const std::string& region = "410302") {
  Enterprise e;
  e.uscc = uscc;
  e.name = "企业" + uscc.substr(uscc.size() - 2);
  e.industry = "34";
  e.division = "34";
  e.region = region;
  return e;
}

// Ten ordinary enterprises (uscc ...00 to ...09) reporting from 2019-01 to `last`.
inline Dataset ordinary_division(YearMonth last) {
  Dataset data;
  for (int firm = 0; firm < 10; ++firm) {
    std::string uscc =
        "9141030000000000" + std::string(firm < 10 ? "0" : "") + std::to_string(firm);
    data.enterprises.push_back(enterprise(uscc));
    for (YearMonth m : months_until(last)) {
      MonthlyRecord record = ordinary_record(firm, m);
      record.uscc = uscc;
      data.monthly.push_back(record);
    }
  }
  return data;
}

// The code of the enterprise that add_planted adds.
inline constexpr const char* kPlantedUscc = "914103000000000099";

// Adds the enterprise kPlantedUscc with an ordinary series changed by `plant`.
inline void add_planted(Dataset& data, YearMonth last,
                        const std::function<void(MonthlyRecord&)>& plant) {
  const std::string uscc = kPlantedUscc;
  data.enterprises.push_back(enterprise(uscc, "410303"));
  for (YearMonth m : months_until(last)) {
    MonthlyRecord record = ordinary_record(11, m);
    record.uscc = uscc;
    plant(record);
    data.monthly.push_back(record);
  }
}

inline std::vector<QualityFinding> findings_of(const Dataset& data, YearMonth period,
                                               const QualityThresholds& thresholds = {}) {
  detail::IndexedDataset indexed(data);
  Result<std::vector<QualityFinding>> findings =
      run_quality_checks(indexed, {period, ""}, thresholds);
  return findings ? *findings : std::vector<QualityFinding>{};
}

// The checks raised about `uscc`, in order.
inline std::vector<std::string> checks_of(const std::vector<QualityFinding>& findings,
                                          const std::string& uscc) {
  std::vector<std::string> checks;
  for (const QualityFinding& f : findings) {
    if (f.uscc == uscc) checks.push_back(f.check);
  }
  return checks;
}

inline bool has(const std::vector<std::string>& checks, const std::string& check) {
  for (const std::string& c : checks) {
    if (c == check) return true;
  }
  return false;
}

inline const QualityFinding* finding_of(const std::vector<QualityFinding>& findings,
                                        const std::string& check) {
  for (const QualityFinding& f : findings) {
    if (f.check == check) return &f;
  }
  return nullptr;
}

}  // namespace zhizao::testing_quality
