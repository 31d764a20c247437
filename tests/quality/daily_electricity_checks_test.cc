// The electricity checks on daily readings (docs/methodology.md, "Data quality", "Electricity:
// daily or monthly"): a month whose daily readings are complete is checked against their sum, a
// month with a day missing falls back to the monthly figure, and the finding names the source.
// Hand-made both ways: daily readings that reveal what the monthly figures hide, and daily
// readings that clear what the monthly figures raise.
#include <gtest/gtest.h>

#include <map>
#include <optional>
#include <utility>

#include "quality/daily_electricity_months.h"
#include "quality/quality_checks.h"
#include "quality_fixture.h"

namespace zhizao {
namespace {

using namespace testing_quality;
using Strings = std::vector<std::string>;

constexpr YearMonth kDailyPeriod{2021, 4};

// The planted enterprise's ordinary electricity of `month` (万千瓦时), as add_planted writes it.
double ordinary_electricity(YearMonth month) { return *ordinary_record(11, month).electricity; }

// Readings of `uscc` in `year`: each month of `totals` (万千瓦时) spread evenly over its days,
// except day `missing.second` of month `missing.first`.
DailyElectricityYear readings(const std::string& uscc, int year,
                              const std::map<int, double>& totals,
                              std::pair<int, int> missing = {0, 0}) {
  DailyElectricityYear block{uscc, year, {}};
  for (const auto& [month, total] : totals) {
    int days = days_in_month(year, month);
    for (int day = 1; day <= days; ++day) {
      if (missing == std::pair<int, int>{month, day}) continue;
      block.readings.set(detail::day_slot(month, day), total * 1e4 / days);
    }
  }
  return block;
}

std::vector<QualityFinding> findings_with_daily(const Dataset& data,
                                                const std::vector<DailyElectricityYear>& blocks) {
  detail::IndexedDataset indexed(data);
  DailyElectricityMonths daily = DailyElectricityMonths::from_blocks(blocks);
  Result<std::vector<QualityFinding>> findings =
      run_quality_checks(indexed, {kDailyPeriod, ""}, {}, daily);
  return findings ? *findings : std::vector<QualityFinding>{};
}

std::string label(const QualityFinding& finding, const std::string& name) {
  for (const auto& [key, value] : finding.labels) {
    if (key == name) return value;
  }
  return "";
}

const QualityFinding* planted_finding(const std::vector<QualityFinding>& findings,
                                      const std::string& check) {
  for (const QualityFinding& f : findings) {
    if (f.uscc == kPlantedUscc && f.check == check) return &f;
  }
  return nullptr;
}

TEST(DailyElectricityMonths, SumsOnlyMonthsWithAReadingEveryDay) {
  // 2020 is a leap year: February needs 29 readings; March lacks its 31st.
  DailyElectricityYear leap = readings("A", 2020, {{2, 0.29}, {3, 0.31}}, {3, 31});
  DailyElectricityYear common = readings("A", 2021, {{2, 0.14}});
  DailyElectricityYear short_leap = readings("B", 2020, {{2, 0.28}}, {2, 29});
  std::vector<DailyElectricityYear> blocks = {leap, common, short_leap};
  DailyElectricityMonths months = DailyElectricityMonths::from_blocks(blocks);
  ASSERT_TRUE(months.complete_month("A", {2020, 2}).has_value());
  EXPECT_NEAR(*months.complete_month("A", {2020, 2}), 0.29, 1e-12);  // 29 × 100 kWh / 10^4
  EXPECT_FALSE(months.complete_month("A", {2020, 3}).has_value());   // 30 of 31 days
  ASSERT_TRUE(months.complete_month("A", {2021, 2}).has_value());    // 28 days suffice in 2021
  EXPECT_NEAR(*months.complete_month("A", {2021, 2}), 0.14, 1e-12);
  EXPECT_FALSE(months.complete_month("B", {2020, 2}).has_value());  // 28 of 29 days
  EXPECT_FALSE(months.complete_month("A", {2020, 1}).has_value());  // no reading at all
  EXPECT_FALSE(months.complete_month("C", {2021, 2}).has_value());  // unknown enterprise
  EXPECT_EQ(months.size(), 2u);
  EXPECT_EQ(DailyElectricityMonths().size(), 0u);
}

TEST(DailyElectricityChecks, CompleteDailyReadingsRevealADivergenceTheMonthlyFigureHides) {
  // Monthly figures move together; the metered days of March 2021 are 40 % below March 2020.
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord&) {});
  EXPECT_TRUE(checks_of(findings_of(data, kDailyPeriod), kPlantedUscc).empty());
  double march_2020 = ordinary_electricity({2020, 3});
  std::vector<DailyElectricityYear> blocks = {
      readings(kPlantedUscc, 2020, {{3, march_2020}}),
      readings(kPlantedUscc, 2021, {{3, march_2020 * 0.6}})};
  std::vector<QualityFinding> findings = findings_with_daily(data, blocks);
  EXPECT_EQ(checks_of(findings, kPlantedUscc), Strings{"electricity_divergence"});
  const QualityFinding* found = planted_finding(findings, "electricity_divergence");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->months, (std::vector<YearMonth>{{2021, 3}}));
  EXPECT_EQ(label(*found, "electricity_source"), "daily");
  ASSERT_EQ(found->series[2].name, "electricity_growth");
  EXPECT_NEAR(*found->series[2].values[0], -40, 1e-9);  // 100 × (0.6 − 1)
  EXPECT_NE(found->reason.find("用电量（按日读数合计）"), std::string::npos) << found->reason;
  EXPECT_NE(found->reason_en.find("electricity (summed from daily readings)"), std::string::npos);
}

TEST(DailyElectricityChecks, AMonthWithADayMissingFallsBackToTheMonthlyFigure) {
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord&) {});
  double march_2020 = ordinary_electricity({2020, 3});
  // 31 March 2021 missing: March 2021 is the monthly figure, which moves with output.
  std::vector<DailyElectricityYear> incomplete = {
      readings(kPlantedUscc, 2020, {{3, march_2020}}),
      readings(kPlantedUscc, 2021, {{3, march_2020 * 0.6}}, {3, 31})};
  EXPECT_TRUE(checks_of(findings_with_daily(data, incomplete), kPlantedUscc).empty());
  // March 2020 incomplete instead: this year's daily sum against last year's monthly figure.
  std::vector<DailyElectricityYear> mixed = {
      readings(kPlantedUscc, 2020, {{3, march_2020}}, {3, 1}),
      readings(kPlantedUscc, 2021, {{3, march_2020 * 0.6}})};
  std::vector<QualityFinding> findings = findings_with_daily(data, mixed);
  const QualityFinding* found = planted_finding(findings, "electricity_divergence");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(label(*found, "electricity_source"), "mixed");
  EXPECT_NE(found->reason.find("用电量（部分月份按日读数合计）"), std::string::npos)
      << found->reason;
}

TEST(DailyElectricityChecks, CompleteDailyReadingsClearADivergenceOfTheMonthlyFigure) {
  // The monthly figure of March 2021 is half what was metered: monthly, a divergence ...
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord& r) {
    if (r.period == YearMonth{2021, 3}) r.electricity = tenth(*r.electricity * 0.5);
  });
  std::vector<QualityFinding> monthly = findings_of(data, kDailyPeriod);
  const QualityFinding* raised = planted_finding(monthly, "electricity_divergence");
  ASSERT_NE(raised, nullptr);
  EXPECT_EQ(label(*raised, "electricity_source"), "monthly");
  EXPECT_EQ(raised->reason.find("按日读数"), std::string::npos);  // the wording as before
  // ... the metered days of both Marches move with output: nothing to verify.
  std::vector<DailyElectricityYear> blocks = {
      readings(kPlantedUscc, 2020, {{3, ordinary_electricity({2020, 3})}}),
      readings(kPlantedUscc, 2021, {{3, ordinary_electricity({2021, 3})}})};
  EXPECT_TRUE(checks_of(findings_with_daily(data, blocks), kPlantedUscc).empty());
}

TEST(DailyElectricityChecks, AFebruaryThatFoldsJanuaryIsCheckedAgainstBothMonthsOfReadings) {
  // The planted enterprise reports January and February together in its February row.
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord&) {});
  std::vector<MonthlyRecord> folded;
  for (const MonthlyRecord& r : data.monthly) {
    if (r.uscc == kPlantedUscc && r.period.month == 1) continue;
    folded.push_back(r);
    if (r.uscc != kPlantedUscc || r.period.month != 2) continue;
    MonthlyRecord january = ordinary_record(11, {r.period.year, 1});
    folded.back().output += january.output;
    *folded.back().value_added += *january.value_added;
    *folded.back().electricity += *january.electricity;
  }
  data.monthly = folded;
  EXPECT_TRUE(checks_of(findings_of(data, kDailyPeriod), kPlantedUscc).empty());
  double january = ordinary_electricity({2020, 1});
  double february = ordinary_electricity({2020, 2});
  // Jan–Feb 2021 metered 40 % below Jan–Feb 2020: February 2021 is raised with −40 %.
  std::vector<DailyElectricityYear> blocks = {
      readings(kPlantedUscc, 2020, {{1, january}, {2, february}}),
      readings(kPlantedUscc, 2021, {{1, january * 0.6}, {2, february * 0.6}})};
  std::vector<QualityFinding> findings = findings_with_daily(data, blocks);
  const QualityFinding* found = planted_finding(findings, "electricity_divergence");
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(found->months, (std::vector<YearMonth>{{2021, 2}}));
  EXPECT_NEAR(*found->series[2].values[0], -40, 1e-9);
  EXPECT_EQ(label(*found, "electricity_source"), "daily");
  // February's days alone would be compared with a record that holds January too: with a day of
  // January 2021 missing, the monthly figures are used and nothing is raised.
  blocks[1] = readings(kPlantedUscc, 2021, {{1, january * 0.6}, {2, february * 0.6}}, {1, 15});
  EXPECT_TRUE(checks_of(findings_with_daily(data, blocks), kPlantedUscc).empty());
}

// Every month from 2020-01 to the period with its ordinary electricity, except `changed`.
std::vector<DailyElectricityYear> ordinary_readings(std::map<YearMonth, double> changed) {
  std::vector<DailyElectricityYear> blocks;
  for (int year : {2020, 2021}) {
    std::map<int, double> totals;
    for (int month = 1; month <= 12 && YearMonth{year, month} <= kDailyPeriod; ++month) {
      auto it = changed.find({year, month});
      totals[month] = it != changed.end() ? it->second : ordinary_electricity({year, month});
    }
    blocks.push_back(readings(kPlantedUscc, year, totals));
  }
  return blocks;
}

TEST(DailyElectricityChecks, AJumpTheMeteredDaysDoNotFollowIsRaised) {
  // Output and the monthly electricity figure both ×4 in March 2021: monthly, the jump is
  // followed; the metered days stayed at their level.
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord& r) {
    if (r.period != YearMonth{2021, 3}) return;
    r.output *= 4;
    *r.value_added *= 4;
    *r.electricity *= 4;
  });
  EXPECT_TRUE(checks_of(findings_of(data, kDailyPeriod), kPlantedUscc).empty());
  std::vector<QualityFinding> findings = findings_with_daily(data, ordinary_readings({}));
  EXPECT_EQ(checks_of(findings, kPlantedUscc),
            (Strings{"electricity_divergence", "unexplained_jump"}));
  const QualityFinding* jump = planted_finding(findings, "unexplained_jump");
  ASSERT_NE(jump, nullptr);
  EXPECT_EQ(jump->months, (std::vector<YearMonth>{{2021, 3}}));
  EXPECT_EQ(label(*jump, "electricity_source"), "daily");
  EXPECT_NE(jump->reason.find("用电量（按日读数合计）和所在行业均未同步增长"), std::string::npos)
      << jump->reason;
  EXPECT_EQ(label(*planted_finding(findings, "electricity_divergence"), "electricity_source"),
            "daily");
}

TEST(DailyElectricityChecks, AJumpTheMeteredDaysFollowIsNotRaised) {
  // Output ×4 in March 2021 with the monthly electricity figure unchanged: monthly, a jump and a
  // divergence; the metered days of March rose ×4 with it.
  Dataset data = ordinary_division(kDailyPeriod);
  add_planted(data, kDailyPeriod, [](MonthlyRecord& r) {
    if (r.period != YearMonth{2021, 3}) return;
    r.output *= 4;
    *r.value_added *= 4;
  });
  std::vector<QualityFinding> monthly = findings_of(data, kDailyPeriod);
  EXPECT_EQ(checks_of(monthly, kPlantedUscc),
            (Strings{"electricity_divergence", "unexplained_jump"}));
  EXPECT_EQ(label(*planted_finding(monthly, "unexplained_jump"), "electricity_source"), "monthly");
  std::vector<DailyElectricityYear> blocks =
      ordinary_readings({{{2021, 3}, 4 * ordinary_electricity({2021, 3})}});
  EXPECT_TRUE(checks_of(findings_with_daily(data, blocks), kPlantedUscc).empty());
}

}  // namespace
}  // namespace zhizao
