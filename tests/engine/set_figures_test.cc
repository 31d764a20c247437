// set_figures_of_periods: the sets of compute_report for many periods at once, bit for bit (but
// the two-year average, left out), on records that exercise what pairing does: January reported
// apart in one year and folded into February in the other, an enterprise entering scope in the
// middle of a year, one in scope only in January, a missing measure, a division without PPI,
// parks, chains and region groups.
#include <gtest/gtest.h>

#include "engine/engine.h"
#include "engine/enterprise_figures.h"
#include "engine/indexed_dataset.h"
#include "engine/set_figures_of_periods.h"
#include "engine/set_membership.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::deflator;
using testing::firm;
using testing::va_record;

Dataset awkward_records() {
  Dataset data;
  data.enterprises = {firm("A", "13", "410302"), firm("B", "14", "410303"),
                      firm("C", "06", "410303"), firm("D", "39", "410323"),
                      firm("E", "13", "410102"), firm("F", "14", "410102")};
  data.enterprises[0].park = "P1";
  data.enterprises[1].park = "P9";  // not in parks.csv
  data.enterprises[0].chains = {"K1", "K2"};
  data.enterprises[3].chains = {"K2"};
  data.parks = {{"P1", "一号园区", "", ""}};
  data.chains = {{"K2", "二号链"}, {"K1", "一号链"}};
  data.region_groups = {{"G", "都市圈", {"410300"}}};
  const char* ids[] = {"A", "B", "C", "D", "E", "F"};
  for (int i = 0; i < 6; ++i) {
    for (int year = 2019; year <= 2021; ++year) {
      for (int m = 1; m <= 12; ++m) {
        // B reports January apart only in 2020: folded 1–2月 against 2019 and 2021.
        if (i == 1 && m == 1 && year != 2020) continue;
        double value = 100.0 * (i + 1) + 3.7 * m + 11.3 * (year - 2019) - (i == 3 ? 9.1 * m : 0);
        MonthlyRecord record = va_record(ids[i], {year, m}, value);
        record.electricity = 0.37 * value + (i == 2 ? 5.5 * (2021 - year) : 0);
        // D enters scope in May 2021; F is in scope in 2021 only in January (reported apart),
        // so it is in 1月's sets only; C lacks electricity in March 2020.
        if (i == 3 && year == 2021 && m < 5) record.in_scope = false;
        if (i == 5 && year == 2021 && m > 1) record.in_scope = false;
        if (i == 2 && year == 2020 && m == 3) record.electricity.reset();
        data.monthly.push_back(record);
      }
    }
  }
  for (int year = 2019; year <= 2021; ++year) {
    for (int m = 1; m <= 12; ++m) {
      for (const char* division : {"13", "14", "06"}) {  // none for 39: at current prices
        data.deflators.push_back(deflator(division, {year, m}, 100.0 + 0.1 * m));
      }
    }
  }
  return data;
}

void expect_same_sets(const std::vector<SetFigures>& a, const std::vector<SetFigures>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].code, b[i].code);
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].value_added.current, b[i].value_added.current) << a[i].code;
    EXPECT_EQ(a[i].value_added.previous, b[i].value_added.previous) << a[i].code;
    EXPECT_EQ(a[i].value_added.pairs, b[i].value_added.pairs) << a[i].code;
    EXPECT_EQ(a[i].output.current, b[i].output.current) << a[i].code;
    EXPECT_EQ(a[i].electricity.previous, b[i].electricity.previous) << a[i].code;
    EXPECT_EQ(a[i].value_added_growth, b[i].value_added_growth) << a[i].code;
    EXPECT_EQ(a[i].pull, b[i].pull) << a[i].code;
    EXPECT_EQ(a[i].contribution, b[i].contribution) << a[i].code;
    EXPECT_EQ(a[i].output_growth, b[i].output_growth) << a[i].code;
    EXPECT_EQ(a[i].electricity_growth, b[i].electricity_growth) << a[i].code;
    EXPECT_EQ(a[i].enterprises, b[i].enterprises) << a[i].code;
    EXPECT_EQ(a[i].at_current_prices, b[i].at_current_prices) << a[i].code;
    EXPECT_FALSE(a[i].two_year_average_growth.has_value()) << a[i].code;
  }
}

void expect_the_reports_sets(const ReportData& sets, const ReportData& report) {
  EXPECT_EQ(sets.period, report.period);
  EXPECT_EQ(sets.window_from, report.window_from);
  EXPECT_EQ(sets.window_to, report.window_to);
  expect_same_sets({sets.industry, sets.manufacturing}, {report.industry, report.manufacturing});
  for (auto family : {&ReportData::sections, &ReportData::divisions, &ReportData::regions,
                      &ReportData::cities, &ReportData::provinces, &ReportData::region_groups,
                      &ReportData::parks, &ReportData::chains}) {
    expect_same_sets(sets.*family, report.*family);
  }
  EXPECT_EQ(sets.manufacturing_breadth.growing, report.manufacturing_breadth.growing);
  EXPECT_EQ(sets.manufacturing_breadth.share, report.manufacturing_breadth.share);
  EXPECT_EQ(sets.divisions_at_current_prices, report.divisions_at_current_prices);
  EXPECT_EQ(sets.key_enterprises.count, 0);
  EXPECT_FALSE(sets.previous_value_added_growth.has_value());
}

TEST(SetFiguresOfPeriodsTest, EachPeriodsSetsAsItsReport) {
  Dataset data = awkward_records();
  detail::IndexedDataset records(data);
  // Two years, out of order, February (1–2月) and December included.
  const std::vector<YearMonth> periods = {{2021, 6}, {2021, 2}, {2020, 12}, {2021, 3},
                                          {2020, 5}, {2020, 2}, {2021, 5},  {2021, 4}};
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (std::string scope : {"", "410300", "410303"}) {
      ReportRequest request{{2021, 7}, window, scope};
      Result<std::vector<ReportData>> sets =
          detail::set_figures_of_periods(records, request, periods);
      ASSERT_TRUE(sets) << sets.error().message();
      ASSERT_EQ(sets->size(), periods.size());
      for (std::size_t p = 0; p < periods.size(); ++p) {
        SCOPED_TRACE(periods[p].to_string() + " " + scope);
        Result<ReportData> report = compute_report(data, {periods[p], window, scope});
        ASSERT_TRUE(report);
        expect_the_reports_sets((*sets)[p], *report);
      }
    }
  }
}

TEST(SetFiguresOfPeriodsTest, OnlyTheFamiliesAskedForAreAddedUp) {
  Dataset data = awkward_records();
  detail::IndexedDataset records(data);
  const std::vector<YearMonth> periods = {{2021, 3}, {2021, 2}, {2020, 12}, {2020, 4}};
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  Result<std::vector<ReportData>> all = detail::set_figures_of_periods(records, request, periods);
  Result<std::vector<ReportData>> some =
      detail::set_figures_of_periods(records, request, periods,
                                     detail::SetFamilies::headline_only()
                                         .with(detail::SetFamily::kRegions)
                                         .with(detail::SetFamily::kParks));
  ASSERT_TRUE(all && some);
  ASSERT_EQ(some->size(), periods.size());
  for (std::size_t p = 0; p < periods.size(); ++p) {
    SCOPED_TRACE(periods[p].to_string());
    const ReportData& full = (*all)[p];
    const ReportData& part = (*some)[p];
    expect_same_sets({part.industry}, {full.industry});
    expect_same_sets(part.regions, full.regions);
    expect_same_sets(part.parks, full.parks);
    EXPECT_FALSE(part.regions.empty());
    EXPECT_EQ(part.parks.size(), 2U);
    EXPECT_TRUE(part.divisions.empty());
    EXPECT_TRUE(part.sections.empty());
    EXPECT_TRUE(part.cities.empty());
    EXPECT_TRUE(part.provinces.empty());
    EXPECT_TRUE(part.region_groups.empty());
    EXPECT_TRUE(part.chains.empty());
    EXPECT_EQ(part.manufacturing.value_added.pairs, 0);
  }
}

// The previous report's headline comes from the same reading as the report's when its window
// is a prefix (engine/enterprise_figures.h): the same bits as that report computed alone.
TEST(SetFiguresOfPeriodsTest, ThePreviousHeadlineIsThePreviousReportsBitForBit) {
  Dataset data = awkward_records();
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (int month = 3; month <= 12; ++month) {
      SCOPED_TRACE(month);
      Result<ReportData> report = compute_report(data, {{2021, month}, window, ""});
      Result<ReportData> previous = compute_report(data, {{2021, month - 1}, window, ""});
      ASSERT_TRUE(report && previous);
      ASSERT_TRUE(report->previous_value_added_growth.has_value());
      EXPECT_EQ(report->previous_value_added_growth, previous->industry.value_added_growth);
      EXPECT_EQ(report->previous_manufacturing_growth, previous->manufacturing.value_added_growth);
    }
  }
}

TEST(SetFiguresOfPeriodsTest, PrefixWindows) {
  auto window = [](int year, int from, int to) {
    return detail::ReportWindow{{year, from}, {year, to}};
  };
  EXPECT_TRUE(detail::is_prefix_window(window(2021, 1, 3), window(2021, 1, 4)));
  EXPECT_TRUE(detail::is_prefix_window(window(2021, 1, 2), window(2021, 1, 12)));
  EXPECT_FALSE(detail::is_prefix_window(window(2021, 1, 1), window(2021, 1, 4)));  // folding
  EXPECT_FALSE(detail::is_prefix_window(window(2021, 1, 4), window(2021, 1, 4)));
  EXPECT_FALSE(detail::is_prefix_window(window(2020, 1, 3), window(2021, 1, 4)));
  EXPECT_FALSE(detail::is_prefix_window(window(2021, 3, 3), window(2021, 4, 4)));  // monthly
}

TEST(SetFiguresOfPeriodsTest, TheCasesItMustGetRightAreThere) {
  Dataset data = awkward_records();
  Result<ReportData> february = compute_report(data, {{2021, 2}, WindowKind::kCumulative, ""});
  Result<ReportData> june = compute_report(data, {{2021, 6}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(february && june);
  EXPECT_TRUE(february->divisions_at_current_prices.empty());  // D is out of scope in 1–2月
  EXPECT_EQ(june->divisions_at_current_prices, std::vector<std::string>{"39"});
  ASSERT_EQ(february->region_groups.size(), 1U);
  EXPECT_EQ(february->region_groups[0].enterprises, 3);  // A, B, C
  EXPECT_EQ(june->region_groups[0].enterprises, 4);      // and D, in scope from May
  ASSERT_EQ(june->parks.size(), 2U);
  EXPECT_EQ(june->parks[0].name, "一号园区");
  EXPECT_EQ(june->parks[1].code, "P9");
  ASSERT_EQ(june->chains.size(), 2U);
  EXPECT_EQ(june->chains[0].code, "K2");  // chains.csv's order
  EXPECT_EQ(june->cities.size(), 2U);
}

TEST(SetFiguresOfPeriodsTest, NoPeriodsNoMembersAndErrors) {
  Dataset data = awkward_records();
  detail::IndexedDataset records(data);
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  Result<std::vector<ReportData>> none = detail::set_figures_of_periods(records, request, {});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
  const std::vector<YearMonth> before_data = {{2018, 6}};
  Result<std::vector<ReportData>> empty =
      detail::set_figures_of_periods(records, request, before_data);
  ASSERT_TRUE(empty);
  EXPECT_FALSE((*empty)[0].industry.value_added_growth.has_value());
  const std::vector<YearMonth> january = {{2021, 3}, {2021, 1}};
  EXPECT_FALSE(detail::set_figures_of_periods(records, request, january));
  Result<std::vector<ReportData>> unknown = detail::set_figures_of_periods(
      records, {{2021, 4}, WindowKind::kCumulative, "999999"}, before_data);
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code(), StatusCode::kUsage);
}

}  // namespace
}  // namespace zhizao
