// The Luoyang demo: deterministic, well-formed, and — recomputed by the engine — showing the lead
// article's figures for January–April 2021.
#include "demo/luoyang_demo.h"

#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "domain/industry.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "engine/engine.h"

namespace zhizao {
namespace {

const Dataset& demo() {
  static const Dataset* dataset = [] {
    Result<Dataset> generated = generate_luoyang_demo(DemoOptions{});
    if (!generated) {
      ADD_FAILURE() << generated.error().to_string();
      return new Dataset();
    }
    return new Dataset(std::move(*generated));
  }();
  return *dataset;
}

ReportData report(YearMonth period, WindowKind window = WindowKind::kCumulative) {
  Result<ReportData> r = compute_report(demo(), ReportRequest{period, window, ""});
  EXPECT_TRUE(r.has_value()) << (r ? "" : r.error().to_string());
  return r ? *r : ReportData{};
}

double round_to(double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

TEST(LuoyangDemo, SameSeedGivesTheSameDataset) {
  Result<Dataset> again = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(*again == demo());
}

TEST(LuoyangDemo, OtherSeedGivesOtherFiguresButStillCalibrates) {
  Result<Dataset> other = generate_luoyang_demo(DemoOptions{.seed = 7});
  ASSERT_TRUE(other.has_value()) << other.error().to_string();
  EXPECT_FALSE(other->monthly == demo().monthly);
  Result<ReportData> r =
      compute_report(*other, ReportRequest{YearMonth{2021, 4}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(r.has_value());
  EXPECT_DOUBLE_EQ(round_to(*r->industry.value_added_growth, 1), 12.7);
}

TEST(LuoyangDemo, ReportForAprilShowsTheArticlesIndustryFigures) {
  const ReportData r = report(YearMonth{2021, 4});
  ASSERT_TRUE(r.industry.value_added_growth && r.manufacturing.value_added_growth);
  EXPECT_DOUBLE_EQ(round_to(*r.industry.value_added_growth, 1), 12.7);
  EXPECT_NEAR(*r.industry.value_added_growth, 12.7, 0.02);
  EXPECT_DOUBLE_EQ(round_to(*r.manufacturing.value_added_growth, 1), 12.5);
  ASSERT_TRUE(r.industry.electricity_growth);
  EXPECT_DOUBLE_EQ(round_to(*r.industry.electricity_growth, 2), 20.13);
}

TEST(LuoyangDemo, ReportForAprilShowsTheArticlesBreadth) {
  const Breadth b = report(YearMonth{2021, 4}).manufacturing_breadth;
  EXPECT_EQ(b.with_data, 31);
  EXPECT_EQ(b.growing, 26);
  EXPECT_EQ(b.double_digit, 21);
  ASSERT_TRUE(b.share);
  EXPECT_DOUBLE_EQ(round_to(*b.share, 2), 83.87);
}

TEST(LuoyangDemo, ReportForAprilShowsTheArticlesKeyEnterprises) {
  const KeyEnterprises k = report(YearMonth{2021, 4}).key_enterprises;
  EXPECT_EQ(k.count, 60);
  ASSERT_TRUE(k.output_growth);
  EXPECT_DOUBLE_EQ(round_to(*k.output_growth, 1), 31.0);
  EXPECT_EQ(k.over_50, 21);
  EXPECT_EQ(k.doubled, 11);
}

TEST(LuoyangDemo, ReportForAprilShowsTheArticlesProjects) {
  const ProjectFigures p = report(YearMonth{2021, 4}).projects;
  EXPECT_DOUBLE_EQ(p.investment, 2'255'000);
  EXPECT_EQ(p.planned_starts, 154);
  EXPECT_EQ(p.actual_starts, 164);
  EXPECT_EQ(p.year_planned_starts, 283);
  EXPECT_EQ(p.planned_completions, 10);
  EXPECT_EQ(p.actual_completions, 17);
}

TEST(LuoyangDemo, EveryNameIsMarkedAsDemo) {
  const Dataset& d = demo();
  for (const Enterprise& e : d.enterprises) EXPECT_NE(e.name.find("演示"), std::string::npos);
  for (const Project& p : d.projects) EXPECT_NE(p.name.find("演示"), std::string::npos);
  for (const Park& p : d.parks) EXPECT_NE(p.name.find("演示"), std::string::npos);
  for (const RegionGroup& g : d.region_groups) EXPECT_NE(g.name.find("演示"), std::string::npos);
}

TEST(LuoyangDemo, CodesAreValid) {
  std::set<std::string> codes;
  for (const Enterprise& e : demo().enterprises) {
    Result<std::string> checked = check_uscc(e.uscc, UsccExceptions{});
    ASSERT_TRUE(checked.has_value()) << checked.error().to_string();
    EXPECT_EQ(*checked, e.uscc);
    EXPECT_EQ(e.uscc.substr(0, 2), "91");
    EXPECT_EQ(e.uscc.substr(2, 6), e.region);
    EXPECT_TRUE(codes.insert(e.uscc).second) << "duplicate " << e.uscc;
    Result<std::string> division = division_of_industry_code(e.industry);
    ASSERT_TRUE(division.has_value()) << e.industry;
    EXPECT_EQ(*division, e.division);
    Result<CountyResolution> county = resolve_county(e.region);
    ASSERT_TRUE(county.has_value()) << e.region;
    EXPECT_FALSE(county->warning.has_value());
  }
}

TEST(LuoyangDemo, HasTheDescribedSize) {
  const Dataset& d = demo();
  EXPECT_GE(d.enterprises.size(), 1750u);
  EXPECT_LE(d.enterprises.size(), 1850u);
  std::set<std::string> divisions, regions, classes;
  int key = 0;
  for (const Enterprise& e : d.enterprises) {
    divisions.insert(e.division);
    regions.insert(e.region);
    if (e.industry.size() == 4) classes.insert(e.industry);
    key += e.key ? 1 : 0;
  }
  EXPECT_EQ(divisions.size(), 41u);
  EXPECT_EQ(regions.size(), 14u);
  EXPECT_GT(classes.size(), 40u);
  EXPECT_EQ(key, 60);
  EXPECT_EQ(d.chains.size(), 15u);
  EXPECT_EQ(d.parks.size(), 12u);
  EXPECT_EQ(d.projects.size(), 300u);
  EXPECT_EQ(d.va_ratios.size(), 41u * 3);
}

TEST(LuoyangDemo, HasTheAwkwardCases) {
  const Dataset& d = demo();
  size_t without_va = 0, out_of_scope = 0, with_prev = 0;
  std::set<std::string> january, february;
  for (const MonthlyRecord& m : d.monthly) {
    without_va += m.value_added ? 0 : 1;
    out_of_scope += m.in_scope ? 0 : 1;
    with_prev += m.output_prev ? 1 : 0;
    if (m.period == YearMonth{2020, 1}) january.insert(m.uscc);
    if (m.period == YearMonth{2020, 2}) february.insert(m.uscc);
  }
  const double share = static_cast<double>(without_va) / static_cast<double>(d.monthly.size());
  EXPECT_GT(share, 0.10);
  EXPECT_LT(share, 0.20);
  EXPECT_GT(out_of_scope, 20u);
  EXPECT_GT(with_prev, 100u);
  EXPECT_GT(february.size() - january.size(), 50u);  // January folded into February
  // Utility divisions without PPI: the report says they are at current prices.
  const ReportData r = report(YearMonth{2021, 4});
  EXPECT_FALSE(r.divisions_at_current_prices.empty());
}

TEST(LuoyangDemo, OtherPeriodsArePlausible) {
  for (int year : {2020, 2021}) {
    for (int month = 2; month <= (year == 2021 ? 6 : 12); ++month) {
      for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
        const ReportData r = report(YearMonth{year, month}, window);
        ASSERT_TRUE(r.industry.value_added_growth) << year << "-" << month;
        const double g = *r.industry.value_added_growth;
        EXPECT_GT(g, -35) << year << "-" << month;
        EXPECT_LT(g, 45) << year << "-" << month;
        for (const SetFigures& s : r.divisions) {
          if (!s.value_added_growth || s.enterprises < 5) continue;
          EXPECT_GT(*s.value_added_growth, -60) << s.code << " " << year << "-" << month;
          EXPECT_LT(*s.value_added_growth, 120) << s.code << " " << year << "-" << month;
        }
      }
    }
  }
}

TEST(LuoyangDemo, TwoYearAverageForAprilIsPlausible) {
  const ReportData r = report(YearMonth{2021, 4});
  ASSERT_TRUE(r.industry.two_year_average_growth);
  EXPECT_GT(*r.industry.two_year_average_growth, -3);
  EXPECT_LT(*r.industry.two_year_average_growth, 10);
}

}  // namespace
}  // namespace zhizao
