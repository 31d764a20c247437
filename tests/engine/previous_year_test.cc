// The previous-year values of one month (engine/previous_year.h), by hand, and equal to what
// the report divides by.
#include "engine/previous_year.h"

#include <gtest/gtest.h>

#include <vector>

#include "engine/engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::output_record;
using testing::ratio;

// A (division 34) reported output 1000 and electricity 50 in May 2020, no value added; the
// ratios of 34 are 0.25 (2020) and 0.3 (2021).
Dataset one_firm() {
  Dataset dataset;
  dataset.enterprises = {firm("A", "34")};
  MonthlyRecord may = output_record("A", {2020, 5}, 1000);
  may.electricity = 50;
  dataset.monthly = {may, output_record("A", {2021, 5}, 1200)};
  dataset.va_ratios = {ratio("34", 2020, 0.25), ratio("34", 2021, 0.3)};
  return dataset;
}

TEST(PreviousYear, TheMonthAYearEarlierWhenNothingIsReported) {
  MonthlyRecord submitted = output_record("A", {2021, 5}, 1300);
  std::vector<PreviousYearValues> values =
      previous_year_values(one_firm(), std::vector<MonthlyRecord>{submitted});
  ASSERT_EQ(values.size(), 1u);
  EXPECT_EQ(values[0].output, 1000.0);
  EXPECT_EQ(values[0].value_added, 250.0);  // its output × the ratio of 2020
  EXPECT_EQ(values[0].electricity, 50.0);
}

TEST(PreviousYear, ReportedPreviousValuesComeFirst) {
  MonthlyRecord submitted = output_record("A", {2021, 5}, 1300);
  submitted.output_prev = 900;
  submitted.electricity_prev = 40;
  PreviousYearValues values =
      previous_year_values(one_firm(), std::vector<MonthlyRecord>{submitted})[0];
  EXPECT_EQ(values.output, 900.0);
  EXPECT_EQ(values.value_added, 225.0);  // output_prev × the ratio of 2020
  EXPECT_EQ(values.electricity, 40.0);
  submitted.value_added_prev = 260;
  EXPECT_EQ(previous_year_values(one_firm(), std::vector<MonthlyRecord>{submitted})[0].value_added,
            260.0);
}

TEST(PreviousYear, NoneWithoutAYearEarlierOrARegistration) {
  MonthlyRecord june = output_record("A", {2021, 6}, 1300);  // no June 2020
  MonthlyRecord stranger = output_record("Z", {2021, 5}, 10);
  stranger.value_added_prev = 7;
  std::vector<PreviousYearValues> values =
      previous_year_values(one_firm(), std::vector<MonthlyRecord>{june, stranger});
  ASSERT_EQ(values.size(), 2u);
  EXPECT_EQ(values[0].output, std::nullopt);
  EXPECT_EQ(values[0].value_added, std::nullopt);
  EXPECT_EQ(values[0].electricity, std::nullopt);
  EXPECT_EQ(values[1].output, std::nullopt);
  EXPECT_EQ(values[1].value_added, 7.0);
}

TEST(PreviousYear, WhatTheReportDividesBy) {
  Dataset dataset = one_firm();
  auto report = compute_report(dataset, {{2021, 5}, WindowKind::kMonthly, ""});
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  PreviousYearValues values =
      previous_year_values(dataset, std::vector<MonthlyRecord>{dataset.monthly[1]})[0];
  EXPECT_DOUBLE_EQ(report->industry.output.previous, *values.output);
  EXPECT_DOUBLE_EQ(report->industry.value_added.previous, *values.value_added);
}

}  // namespace
}  // namespace zhizao
