// Since when a set warning holds: the reports of the months before the period, same window and
// scope, recomputed from hand-made records (electricity falling while output rises in a division).
#include <gtest/gtest.h>

#include "warnings/warning_evaluators.h"
#include "warnings_test_support.h"

namespace zhizao {
namespace {

using testing::figure;
using testing::firm;
using testing::rules_of;
using testing::subjects;
using testing::warnings_of;

constexpr std::string_view kDiverging = R"(
[[warning]]
id = "diverging"
level = "blue"
kind = "electricity_diverging"
subject = "division"
reason_zh = "{name}自{since}起连续{months}个月用电量下降而产值增长"
)";

MonthlyRecord row(const std::string& uscc, YearMonth period, double output, double electricity) {
  MonthlyRecord r = testing::output_row(uscc, period, output, 100);
  r.electricity = electricity;
  r.electricity_prev = 100;
  return r;
}

// Firm A in division 34: output 110 against 100 in every month of 2021; electricity against 100
// of the same month of 2020: 100 in January, 110 in February, then 90 from March to May.
Dataset falling_since_march() {
  Dataset data;
  data.enterprises = {firm("A")};
  const double electricity[] = {100, 110, 90, 90, 90};
  for (int m = 1; m <= 5; ++m) data.monthly.push_back(row("A", {2021, m}, 110, electricity[m - 1]));
  return data;
}

// The one warning raised (a copy: the list is a temporary of the caller).
Warning only_warning(const std::vector<Warning>& warnings) {
  EXPECT_EQ(subjects(warnings), (std::vector<std::string>{"diverging:34"}));
  return warnings.empty() ? Warning{} : warnings[0];
}

TEST(SetWarningRunsTest, MonthWindowCountsBackToTheFirstMonthThatHolds) {
  // May, April and March diverge; February does not (electricity +10%).
  const Warning w = only_warning(warnings_of(
      falling_since_march(), {{2021, 5}, WindowKind::kMonthly, ""}, rules_of(kDiverging)));
  ASSERT_TRUE(w.since);
  EXPECT_EQ(*w.since, (YearMonth{2021, 3}));
  EXPECT_EQ(figure(w, "months"), 3);
  EXPECT_NE(w.reason.find("自2021年3月起连续3个月"), std::string::npos) << w.reason;
}

TEST(SetWarningRunsTest, CumulativeWindowCountsTheCumulativeReports) {
  // Electricity 1–2月 210/200 (+5%), 1–3月 300/300 (0, not below 0), 1–4月 390/400, 1–5月 480/500.
  const Warning w = only_warning(warnings_of(
      falling_since_march(), {{2021, 5}, WindowKind::kCumulative, ""}, rules_of(kDiverging)));
  ASSERT_TRUE(w.since);
  EXPECT_EQ(*w.since, (YearMonth{2021, 4}));
  EXPECT_EQ(figure(w, "months"), 2);
}

TEST(SetWarningRunsTest, AWarningOfThisMonthOnlyIsSinceThePeriod) {
  const Warning w = only_warning(warnings_of(
      falling_since_march(), {{2021, 3}, WindowKind::kMonthly, "410302"}, rules_of(kDiverging)));
  ASSERT_TRUE(w.since);
  EXPECT_EQ(*w.since, (YearMonth{2021, 3}));
  EXPECT_EQ(figure(w, "months"), 1);
}

TEST(SetWarningRunsTest, NotRaisedWhenThePeriodItselfDoesNotHold) {
  EXPECT_TRUE(warnings_of(falling_since_march(), {{2021, 2}, WindowKind::kMonthly, ""},
                          rules_of(kDiverging))
                  .empty());
}

TEST(SetWarningRunsTest, ALongRunStopsAtTheBoundPassingOverJanuary) {
  // Diverging in every month of 2020 and 2021: from 2021-12 back, 2021-12..2021-02 are eleven
  // reports (January is inside February) and 2020-12 the twelfth, the bound.
  Dataset data;
  data.enterprises = {firm("A")};
  for (int year : {2020, 2021}) {
    for (int m = 1; m <= 12; ++m) data.monthly.push_back(row("A", {year, m}, 110, 90));
  }
  const Warning w =
      only_warning(warnings_of(data, {{2021, 12}, WindowKind::kMonthly, ""}, rules_of(kDiverging)));
  ASSERT_TRUE(w.since);
  EXPECT_EQ(*w.since, (YearMonth{2020, 12}));
  EXPECT_EQ(figure(w, "months"), detail::kMaxSetRunReports);
}

}  // namespace
}  // namespace zhizao
