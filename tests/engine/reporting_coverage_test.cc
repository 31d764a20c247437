// Reporting coverage (engine/reporting_coverage.h): counts of reporters and expected reporters
// per month, worked out by hand on enterprises A–K.
#include "engine/reporting_coverage.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "engine/engine_test_data.h"
#include "engine/indexed_dataset.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

void add_month(Dataset& dataset, YearMonth month, const std::string& reporters) {
  for (char id : reporters) dataset.monthly.push_back(va_record(std::string(1, id), month, 10));
}

// April and May: A–J. June: A–I and the newcomer K (J missing). July: A alone. August: A, B.
Dataset eleven_firms() {
  Dataset dataset;
  for (char id : std::string("ABCDEFGHIJK")) dataset.enterprises.push_back(firm({id}, "34"));
  add_month(dataset, {2021, 4}, "ABCDEFGHIJ");
  add_month(dataset, {2021, 5}, "ABCDEFGHIJ");
  add_month(dataset, {2021, 6}, "ABCDEFGHIK");
  add_month(dataset, {2021, 7}, "A");
  add_month(dataset, {2021, 8}, "AB");
  return dataset;
}

std::vector<MonthCoverage> coverage_of(const Dataset& dataset, double threshold) {
  detail::IndexedDataset data(dataset);
  return reporting_coverage(data.columns(), threshold);
}

TEST(ReportingCoverage, CountsReportersAgainstTheLastPublishableMonth) {
  const std::vector<MonthCoverage> months = coverage_of(eleven_firms(), 90);
  ASSERT_EQ(months.size(), 5u);
  // April, the first month: expected are the year's reporters, A–K (11); 10/11 = 90.9%.
  EXPECT_EQ(months[0].period, (YearMonth{2021, 4}));
  EXPECT_EQ(months[0].reported, 10);
  EXPECT_EQ(months[0].expected, 11);
  EXPECT_FALSE(months[0].base.has_value());
  EXPECT_TRUE(months[0].publishable);
  // May against April: 10 of 10.
  EXPECT_EQ(months[1].expected, 10);
  EXPECT_DOUBLE_EQ(months[1].coverage, 100.0);
  EXPECT_EQ(months[1].base, (YearMonth{2021, 4}));
  // June: J missing, K new: 10 of |A–J ∪ A–I,K| = 11.
  EXPECT_EQ(months[2].reported, 10);
  EXPECT_EQ(months[2].expected, 11);
  EXPECT_DOUBLE_EQ(months[2].coverage, 100.0 * 10 / 11);
  EXPECT_TRUE(months[2].publishable);
  // July, one early record: 1 of 10 (June's A–I, K).
  EXPECT_EQ(months[3].reported, 1);
  EXPECT_EQ(months[3].expected, 10);
  EXPECT_DOUBLE_EQ(months[3].coverage, 10.0);
  EXPECT_FALSE(months[3].publishable);
  // August is still measured against June, not against the incomplete July (which would make
  // A, B 2 of 2): 2 of 10.
  EXPECT_EQ(months[4].base, (YearMonth{2021, 6}));
  EXPECT_EQ(months[4].expected, 10);
  EXPECT_FALSE(months[4].publishable);
  EXPECT_EQ(latest_publishable(months), (YearMonth{2021, 6}));
}

TEST(ReportingCoverage, TheThresholdDecides) {
  Dataset dataset = eleven_firms();
  // At 91% no month reaches it (the best is 10 of 11, 90.9%), so every month is measured against
  // the year's reporters, A–K, and none is the latest.
  std::vector<MonthCoverage> strict = coverage_of(dataset, 91);
  for (const MonthCoverage& month : strict) {
    EXPECT_FALSE(month.publishable) << month.period.to_string();
    EXPECT_EQ(month.expected, 11) << month.period.to_string();
    EXPECT_FALSE(month.base.has_value());
  }
  EXPECT_EQ(latest_publishable(strict), std::nullopt);
  // 0% publishes every month with data.
  std::vector<MonthCoverage> none = coverage_of(dataset, 0);
  for (const MonthCoverage& month : none) EXPECT_TRUE(month.publishable);
  EXPECT_EQ(latest_publishable(none), (YearMonth{2021, 8}));
}

TEST(ReportingCoverage, ExactlyTheThresholdIsEnough) {
  Dataset dataset;
  for (char id : std::string("ABCDEFGHIJ")) dataset.enterprises.push_back(firm({id}, "34"));
  add_month(dataset, {2021, 5}, "ABCDEFGHIJ");
  add_month(dataset, {2021, 6}, "ABCDEFGHI");  // 9 of 10
  std::vector<MonthCoverage> months = coverage_of(dataset, 90);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_DOUBLE_EQ(months[1].coverage, 90.0);
  EXPECT_TRUE(months[1].publishable);
  months = coverage_of(dataset, 90.01);
  EXPECT_FALSE(months[1].publishable);
}

TEST(ReportingCoverage, JanuaryIsNeitherTheLatestNorABaseAndGapsAreSkipped) {
  Dataset dataset;
  for (char id : std::string("AB")) dataset.enterprises.push_back(firm({id}, "34"));
  add_month(dataset, {2020, 11}, "AB");
  add_month(dataset, {2021, 1}, "AB");  // December missing: no entry for it
  std::vector<MonthCoverage> months = coverage_of(dataset, 90);
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[1].period, (YearMonth{2021, 1}));
  EXPECT_EQ(months[1].base, (YearMonth{2020, 11}));
  EXPECT_TRUE(months[1].publishable);
  // A January alone is released with February (1–2月): the latest reportable month is November.
  EXPECT_EQ(latest_publishable(months), (YearMonth{2020, 11}));
  EXPECT_EQ(latest_publishable({}), std::nullopt);
}

// C reports January with February (no January row). A February that only A and B have reported
// is 2 of 3 against December, where against January it would look complete.
TEST(ReportingCoverage, FebruaryIsMeasuredAgainstTheMonthBeforeJanuary) {
  Dataset dataset;
  for (char id : std::string("ABC")) dataset.enterprises.push_back(firm({id}, "34"));
  add_month(dataset, {2020, 12}, "ABC");
  add_month(dataset, {2021, 1}, "AB");
  add_month(dataset, {2021, 2}, "AB");
  std::vector<MonthCoverage> months = coverage_of(dataset, 60);
  ASSERT_EQ(months.size(), 3u);
  EXPECT_TRUE(months[1].publishable);  // January: 2 of 3, 66.7% ≥ 60%
  EXPECT_EQ(months[2].base, (YearMonth{2020, 12}));
  EXPECT_EQ(months[2].expected, 3);
  add_month(dataset, {2021, 2}, "C");
  months = coverage_of(dataset, 60);
  EXPECT_EQ(months[2].reported, 3);
  EXPECT_DOUBLE_EQ(months[2].coverage, 100.0);
}

TEST(ReportingCoverage, OutOfScopeRecordsAreReturnsToo) {
  Dataset dataset;
  for (char id : std::string("AB")) dataset.enterprises.push_back(firm({id}, "34"));
  add_month(dataset, {2021, 5}, "AB");
  add_month(dataset, {2021, 6}, "AB");
  dataset.monthly.back().in_scope = false;
  std::vector<MonthCoverage> months = coverage_of(dataset, 90);
  EXPECT_EQ(months[1].reported, 2);
  EXPECT_TRUE(months[1].publishable);
}

TEST(ReportingCoverage, HasRecordsOfAMonth) {
  Dataset dataset = eleven_firms();
  detail::IndexedDataset data(dataset);
  EXPECT_TRUE(has_records(data.columns(), {2021, 7}));
  EXPECT_FALSE(has_records(data.columns(), {2021, 3}));   // before the first month
  EXPECT_FALSE(has_records(data.columns(), {2021, 12}));  // after the last
  Dataset empty;
  EXPECT_FALSE(has_records(detail::IndexedDataset(empty).columns(), {2021, 7}));
  EXPECT_TRUE(coverage_of(empty, 90).empty());
}

}  // namespace
}  // namespace zhizao
