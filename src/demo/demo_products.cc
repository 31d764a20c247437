// Invented product quantities (synthetic, marked in docs/demo.md): the codes follow the shape of
// 统计用产品分类目录 codes but are the demo's own; the unit values are round figures chosen so
// that quantities look like a city of Luoyang's size, not statistics.
#include "demo/demo_products.h"

#include <cmath>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace zhizao::detail {
namespace {

struct DemoProduct {
  std::string_view code;
  std::string_view name;
  std::string_view unit;
  std::string_view division;
  std::string_view word;  // part of the reporting enterprises' names; empty: any of the division
  std::size_t reporters;  // at most this many enterprises report it
  double unit_value;      // 万元 of output per unit
  double share;           // share of the enterprise's output that is this product
};

// A dozen products a Luoyang analysis follows (tractors, bearings, molybdenum, aluminium,
// glass, refractories, …); air conditioners are scaled separately (kAirConditioners).
constexpr DemoProduct kProducts[] = {
    {"0931010100", "钼精矿", "吨", "09", "钼业", 12, 12.0, 0.85},
    {"1311010100", "小麦粉", "吨", "13", "面业", 10, 0.3, 0.8},
    {"2511010100", "原油加工量", "吨", "25", "石化", 3, 0.45, 0.9},
    {"3041010100", "平板玻璃", "重量箱", "30", "玻璃", 6, 0.008, 0.9},
    {"3089010100", "耐火材料制品", "吨", "30", "耐材", 30, 0.45, 0.85},
    {"3130010100", "钢材", "吨", "31", "钢材", 8, 0.45, 0.9},
    {"3216010100", "原铝（电解铝）", "吨", "32", "铝业", 6, 1.6, 0.9},
    {"3252010100", "铝材", "吨", "32", "铝材", 10, 2.1, 0.8},
    {"3451010100", "滚动轴承", "套", "34", "轴承", 40, 0.006, 0.8},
    {"3511010100", "矿山专用设备", "吨", "35", "重工", 12, 2.5, 0.6},
    {"3571010100", "大中型拖拉机", "台", "35", "农机", 8, 16.0, 0.7},
    {"3852010100", "房间空气调节器", "台", "38", "空调", 1, 0.25, 0.9},
    {"4411010100", "发电量", "万千瓦时", "44", "", 20, 0.35, 0.95},
};

constexpr std::string_view kAirConditioners = "3852010100";
constexpr double kAirConditionersPerDay = 18000;  // the seed article's plant, January–March 2021
constexpr int kFirstQuarterDays = 31 + 28 + 31;   // 2021

// The air-conditioner maker: the division-38 enterprise, not key, in no chain, with the largest
// 2019 output, renamed "洛阳演示空调NNNN有限公司" (its serial kept).
void name_air_conditioner_maker(Dataset& dataset) {
  std::unordered_map<std::string_view, double> output_2019;
  for (const MonthlyRecord& record : dataset.monthly) {
    if (record.period.year == 2019) output_2019[record.uscc] += record.output;
  }
  Enterprise* maker = nullptr;
  for (Enterprise& e : dataset.enterprises) {
    if (e.division != "38" || e.key || !e.chains.empty()) continue;
    if (maker == nullptr || output_2019[e.uscc] > output_2019[maker->uscc]) maker = &e;
  }
  if (maker == nullptr) return;
  std::size_t digits = maker->name.find_first_of("0123456789");
  std::string serial = digits == std::string::npos ? "" : maker->name.substr(digits, 4);
  maker->name = "洛阳演示空调" + serial + "有限公司";
}

std::vector<std::size_t> reporters_of(const Dataset& dataset, const DemoProduct& product) {
  std::vector<std::size_t> reporters;
  for (std::size_t e = 0; e < dataset.enterprises.size(); ++e) {
    const Enterprise& enterprise = dataset.enterprises[e];
    if (reporters.size() == product.reporters) break;
    if (enterprise.division != product.division) continue;
    if (!product.word.empty() && enterprise.name.find(product.word) == std::string::npos) continue;
    reporters.push_back(e);
  }
  return reporters;
}

// The division's price level of a month against 2019 (= 1), chained from its PPIs (same month
// of the previous year = 100): physical quantities follow real output, not prices (2021's metal
// prices would otherwise show as 80% more aluminium).
class PriceLevels {
 public:
  explicit PriceLevels(const Dataset& dataset) {
    for (const Deflator& row : dataset.deflators)
      ppi_[{row.division, row.period.index()}] = row.ppi;
  }

  double at(const std::string& division, YearMonth month) const {
    double level = 1;
    for (YearMonth m = month; m.year > 2019; m = m.plus_months(-12)) {
      auto found = ppi_.find({division, m.index()});
      if (found != ppi_.end()) level *= found->second / 100;
    }
    return level;
  }

 private:
  std::map<std::pair<std::string, int>, double> ppi_;
};

double quantity_of(double output, const DemoProduct& product, double scale) {
  return std::round(output * product.share / product.unit_value * scale);
}

// The scale that puts the product's January–March 2021 in-scope quantity at the article's daily
// output; 1 for every other product.
double scale_of(const Dataset& dataset, const PriceLevels& prices, const DemoProduct& product,
                const std::vector<std::size_t>& reporters) {
  if (product.code != kAirConditioners) return 1;
  double quarter = 0;
  for (std::size_t e : reporters) {
    for (const MonthlyRecord& record : dataset.monthly) {
      if (record.uscc != dataset.enterprises[e].uscc || !record.in_scope) continue;
      if (record.period.year == 2021 && record.period.month <= 3) {
        quarter += quantity_of(
            record.output / prices.at(std::string(product.division), record.period), product, 1);
      }
    }
  }
  return quarter > 0 ? kAirConditionersPerDay * kFirstQuarterDays / quarter : 1;
}

}  // namespace

void add_demo_products(Dataset& dataset) {
  name_air_conditioner_maker(dataset);
  const PriceLevels prices(dataset);
  std::unordered_map<std::string_view, std::vector<const MonthlyRecord*>> records_of;
  for (const MonthlyRecord& record : dataset.monthly) records_of[record.uscc].push_back(&record);
  for (const DemoProduct& product : kProducts) {
    dataset.products.push_back({std::string(product.code), std::string(product.name),
                                std::string(product.unit), std::string(product.division)});
    std::vector<std::size_t> reporters = reporters_of(dataset, product);
    double scale = scale_of(dataset, prices, product, reporters);
    const std::string division(product.division);
    for (std::size_t e : reporters) {
      const std::string& uscc = dataset.enterprises[e].uscc;
      for (const MonthlyRecord* record : records_of[uscc]) {
        // A folded February holds January's output too, at February's prices: near enough.
        double level = prices.at(division, record->period);
        double level_before = prices.at(division, record->period.plus_months(-12));
        std::optional<double> prev;
        if (record->output_prev) {
          prev = quantity_of(*record->output_prev / level_before, product, scale);
        }
        dataset.product_output.push_back({uscc, record->period, std::string(product.code),
                                          quantity_of(record->output / level, product, scale),
                                          prev});
      }
    }
  }
}

}  // namespace zhizao::detail
