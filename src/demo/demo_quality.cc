#include "demo/demo_quality.h"

#include <cmath>
#include <functional>

#include "domain/uscc.h"

namespace zhizao::detail {
namespace {

double tenth(double value) { return std::round(value * 10) / 10; }

// The credit code of example `n` in county 410311 (洛龙区): organisation code QA00000n.
std::string example_uscc(int n) {
  std::string first17 = "91410311QA0000" + std::to_string(100 + n);
  return complete_uscc(first17);
}

// An ordinary month of example `n`: a level of a few hundred 万元 with a seasonal wave, 6 % a
// year of growth, value added at its division's ratio of the year (`ratio`) and 0.05 万千瓦时 of
// electricity per 万元.
MonthlyRecord ordinary(int n, YearMonth month, double ratio) {
  double t = month.index() - YearMonth{2019, 1}.index();
  double level = (300 + 47.3 * n) * std::pow(1.06, t / 12) * (1 + 0.05 * std::sin(0.52 * t + n)) *
                 (1 + 0.012 * std::sin(7.1 * t + 3 * n));
  MonthlyRecord record;
  record.period = month;
  record.output = tenth(level);
  record.value_added = tenth(level * ratio * (1 + 0.02 * std::sin(3.3 * t + n)));
  record.electricity = tenth(level * 0.05 * (1 + 0.02 * std::sin(5.7 * t + n)));
  record.in_scope = false;
  return record;
}

// A figure made up with every first digit equally likely over three orders of magnitude, from a
// fixed sequence (what a person inventing figures does; Benford's law expects 30 % of ones).
double invented(int i) {
  int digit = 1 + (i * 7 + i / 9) % 9;
  int magnitude = 1 + (i * 5 + i / 3) % 3;
  double rest = ((i * 37) % 100) / 100.0;
  return tenth((digit + rest) * std::pow(10, magnitude));
}

struct Example {
  const char* check;
  const char* name;
  const char* industry;
  std::function<void(MonthlyRecord&, int)> plant;  // the record and its month number 0..29
};

std::vector<Example> examples() {
  auto in_2021 = [](const MonthlyRecord& r) { return r.period.year == 2021; };
  return {
      {"electricity_divergence", "演示洛阳甲机械配件有限公司（数据质量示例）", "34",
       [in_2021](MonthlyRecord& r, int) {
         if (!in_2021(r)) return;
         r.output = tenth(r.output * 1.7);
         r.value_added = tenth(*r.value_added * 1.7);
         r.electricity = tenth(*r.electricity * 0.95);
       }},
      {"value_added_ratio", "演示洛阳乙新材料有限公司（数据质量示例）", "30",
       [](MonthlyRecord& r, int) { r.value_added = tenth(r.output * 0.86); }},
      {"copied_last_year", "演示洛阳丙食品有限公司（数据质量示例）", "13",
       [](MonthlyRecord& r, int) {
         if (r.period.year == 2021 && r.period.month <= 4) {
           r.output_prev = r.output;
           r.value_added_prev = r.value_added;
         }
       }},
      {"constant_series", "演示洛阳丁包装制品有限公司（数据质量示例）", "22",
       [](MonthlyRecord& r, int month) {
         if (month >= 20) r.electricity = 21.5;  // 2020-09 onwards
       }},
      {"unexplained_jump", "演示洛阳戊电气设备有限公司（数据质量示例）", "38",
       [](MonthlyRecord& r, int) {
         if (r.period == YearMonth{2021, 3}) {
           r.output = tenth(r.output * 4);
           r.value_added = tenth(*r.value_added * 4);
         }
       }},
      {"benford_first_digit", "演示洛阳己贸易加工有限公司（数据质量示例）", "33",
       [](MonthlyRecord& r, int month) {
         // Value added invented too, one order of magnitude below output (so within it; its first
         // digit, what the test reads, is the invented one).
         r.output = invented(3 * month);
         double added = invented(3 * month + 1);
         double mantissa = added / std::pow(10, std::floor(std::log10(added)));
         r.value_added = tenth(mantissa * std::pow(10, std::floor(std::log10(r.output)) - 1));
         r.electricity = invented(3 * month + 2);
       }},
      {"last_digit_uniformity", "演示洛阳庚建材有限公司（数据质量示例）", "30",
       [](MonthlyRecord& r, int) {
         // Estimated in whole fives; electricity at 0.4 万千瓦时 per 万元 (a kiln), so that its
         // figures have three digits and the 28 months to 2021-04 give 84 figures.
         r.output = std::round(r.output / 5) * 5;
         r.value_added = std::round(*r.value_added / 5) * 5;
         r.electricity = std::round(*r.electricity * 8 / 5) * 5;
       }},
  };
}

// The division's value-added ratio of `year` from va_ratios.csv, else 0.28.
double division_ratio(const Dataset& dataset, const std::string& division, int year) {
  for (const ValueAddedRatio& r : dataset.va_ratios) {
    if (r.division == division && r.year == year) return r.ratio;
  }
  return 0.28;
}

}  // namespace

void add_quality_examples(Dataset& dataset) {
  std::vector<Example> all = examples();
  for (std::size_t i = 0; i < all.size(); ++i) {
    int n = static_cast<int>(i);
    Enterprise e;
    e.uscc = example_uscc(n);
    e.name = all[i].name;
    e.industry = all[i].industry;
    e.division = all[i].industry;
    e.region = "410311";
    dataset.enterprises.push_back(e);
    for (int month = 0; month < 30; ++month) {
      YearMonth period = YearMonth{2019, 1}.plus_months(month);
      MonthlyRecord record = ordinary(n, period, division_ratio(dataset, e.division, period.year));
      record.uscc = e.uscc;
      all[i].plant(record, month);
      dataset.monthly.push_back(record);
    }
  }
}

std::vector<std::pair<std::string, std::string>> quality_example_plants() {
  std::vector<std::pair<std::string, std::string>> plants;
  std::vector<Example> all = examples();
  for (std::size_t i = 0; i < all.size(); ++i) {
    plants.emplace_back(example_uscc(static_cast<int>(i)), all[i].check);
  }
  return plants;
}

}  // namespace zhizao::detail
