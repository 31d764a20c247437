// compute_set_figures: the sets of compute_report, bit for bit, without the rest of the report.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/indexed_dataset.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::firm;
using testing::va_record;

Dataset two_counties() {
  Dataset data;
  data.enterprises = {firm("A", "13", "410302"), firm("B", "14", "410303"),
                      firm("C", "06", "410303")};
  const double previous[] = {100, 200, 50};
  const double current[] = {120, 190, 40};
  const char* ids[] = {"A", "B", "C"};
  for (int i = 0; i < 3; ++i) {
    for (int m = 1; m <= 4; ++m) {
      data.monthly.push_back(va_record(ids[i], {2020, m}, previous[i]));
      data.monthly.push_back(va_record(ids[i], {2021, m}, current[i] + m));
    }
  }
  return data;
}

void expect_same_sets(const std::vector<SetFigures>& a, const std::vector<SetFigures>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].code, b[i].code);
    EXPECT_EQ(a[i].value_added_growth, b[i].value_added_growth) << a[i].code;
    EXPECT_EQ(a[i].pull, b[i].pull) << a[i].code;
    EXPECT_EQ(a[i].contribution, b[i].contribution) << a[i].code;
    EXPECT_EQ(a[i].output_growth, b[i].output_growth) << a[i].code;
    EXPECT_EQ(a[i].electricity_growth, b[i].electricity_growth) << a[i].code;
  }
}

TEST(SetFiguresTest, TheReportsSetsWithoutTheRest) {
  Dataset data = two_counties();
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (std::string scope : {"", "410303"}) {
      ReportRequest request{{2021, 4}, window, scope};
      Result<ReportData> report = compute_report(data, request);
      detail::IndexedDataset records(data);
      Result<ReportData> sets =
          compute_set_figures(ColumnarData{records.dataset(), records.columns()}, request);
      ASSERT_TRUE(report && sets);
      EXPECT_EQ(sets->window_from, report->window_from);
      EXPECT_EQ(sets->industry.value_added_growth, report->industry.value_added_growth);
      ASSERT_TRUE(sets->industry.value_added_growth.has_value());
      expect_same_sets(sets->divisions, report->divisions);
      expect_same_sets(sets->regions, report->regions);
      EXPECT_EQ(sets->manufacturing_breadth.growing, report->manufacturing_breadth.growing);
      EXPECT_EQ(sets->key_enterprises.count, 0);
      EXPECT_FALSE(sets->previous_value_added_growth.has_value());
    }
  }
}

TEST(SetFiguresTest, ErrorsAsTheReports) {
  Dataset data = two_counties();
  detail::IndexedDataset records(data);
  ColumnarData columns{records.dataset(), records.columns()};
  EXPECT_FALSE(compute_set_figures(columns, {{2021, 1}, WindowKind::kCumulative, ""}));
  Result<ReportData> unknown =
      compute_set_figures(columns, {{2021, 4}, WindowKind::kCumulative, "999999"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
