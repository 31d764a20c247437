// Running figures (engine/running_figures.h): the stored cumulative figures of each (month,
// enterprise) are the figures of the window from January, bit for bit, and the sets of many
// periods read from them are compute_report's.
#include <gtest/gtest.h>

#include <bit>
#include <cstdint>
#include <cstring>
#include <vector>

#include "engine/engine.h"
#include "engine/enterprise_figures.h"
#include "engine/indexed_dataset.h"
#include "engine/running_figures.h"
#include "engine/set_figures_of_periods.h"
#include "engine_test_data.h"

namespace zhizao {
namespace {

using testing::deflator;
using testing::firm;
using testing::va_record;

// Records of awkward cases: B reports January apart only in 2020 (folded against 2019 and 2021),
// D enters scope in May 2021 and has no PPI (at current prices), C lacks electricity in March
// 2020, E has no value added in 2021-02 and no ratio.
Dataset awkward_running_records() {
  Dataset data;
  data.enterprises = {firm("A", "13", "410302"), firm("B", "14", "410303"),
                      firm("C", "06", "410303"), firm("D", "39", "410323"),
                      firm("E", "13", "410102")};
  data.region_groups = {{"G", "都市圈", {"410300"}}};
  const char* ids[] = {"A", "B", "C", "D", "E"};
  for (int i = 0; i < 5; ++i) {
    for (int year = 2019; year <= 2021; ++year) {
      for (int m = 1; m <= 12; ++m) {
        if (i == 1 && m == 1 && year != 2020) continue;
        double value = 100.0 * (i + 1) + 3.7 * m + 11.3 * (year - 2019) - (i == 3 ? 9.1 * m : 0);
        MonthlyRecord record = va_record(ids[i], {year, m}, value);
        record.electricity = 0.37 * value + (i == 2 ? 5.5 * (2021 - year) : 0);
        if (i == 3 && year == 2021 && m < 5) record.in_scope = false;
        if (i == 2 && year == 2020 && m == 3) record.electricity.reset();
        if (i == 4 && year == 2021 && m == 2) record.value_added.reset();
        data.monthly.push_back(record);
      }
    }
  }
  for (int year = 2019; year <= 2021; ++year) {
    for (int m = 1; m <= 12; ++m) {
      for (const char* division : {"13", "14", "06"}) {
        data.deflators.push_back(deflator(division, {year, m}, 100.0 + 0.1 * m));
      }
    }
  }
  return data;
}

// The running figures of every enterprise and month of `data`'s columns.
std::vector<RunningFigures> running_of(const detail::IndexedDataset& data) {
  const MonthlyColumns& columns = data.columns();
  std::vector<RunningFigures> cells(static_cast<std::size_t>(columns.months) * columns.enterprises);
  detail::fill_running_figures(data, 0, columns.enterprises, cells.data());
  return cells;
}

std::uint64_t bits(double value) { return std::bit_cast<std::uint64_t>(value); }

void expect_same_bits(const ComparableSums& a, const ComparableSums& b) {
  EXPECT_EQ(bits(a.current), bits(b.current));
  EXPECT_EQ(bits(a.previous), bits(b.previous));
  EXPECT_EQ(a.pairs, b.pairs);
}

TEST(RunningFiguresTest, EachCellIsTheWindowFromJanuaryBitForBit) {
  Dataset dataset = awkward_running_records();
  detail::IndexedDataset data(dataset);
  std::vector<RunningFigures> cells = running_of(data);
  const MonthlyColumns& columns = data.columns();
  int compared = 0;
  for (std::size_t e = 0; e < columns.enterprises; ++e) {
    for (int year = 2019; year <= 2021; ++year) {
      for (int month = 2; month <= 12; ++month) {
        SCOPED_TRACE(std::to_string(e) + " " + std::to_string(year) + "-" + std::to_string(month));
        detail::ReportWindow window{{year, 1}, {year, month}};
        detail::EnterpriseFigures summed =
            detail::enterprise_figures(data, e, window, detail::TwoYearAverage::kSkip);
        detail::EnterpriseFigures read;
        read.two_year_this.pairs = 7;  // overwritten: the cell has no two-year sums
        detail::set_figures_of_cell(
            cells[static_cast<std::size_t>(columns.offset(YearMonth{year, month}.index(), e))],
            read);
        expect_same_bits(read.value_added, summed.value_added);
        expect_same_bits(read.output, summed.output);
        expect_same_bits(read.electricity, summed.electricity);
        expect_same_bits(read.two_year_this, ComparableSums{});
        EXPECT_EQ(read.at_current_prices, summed.at_current_prices);
        EXPECT_EQ(read.lacks_value_added, summed.lacks_value_added);
        EXPECT_EQ(read.months_in_scope, summed.months_in_scope);
        ++compared;
      }
    }
  }
  EXPECT_EQ(compared, 5 * 3 * 11);
}

// By hand: A's value added in 2020 is 100 + 3.7 m + 11.3 at comparable prices (PPI 100 + 0.1 m),
// its output ten times the value, its previous-year values the 2019 records' (11.3 less).
TEST(RunningFiguresTest, AHandComputedCell) {
  Dataset dataset = awkward_running_records();
  detail::IndexedDataset data(dataset);
  std::vector<RunningFigures> cells = running_of(data);
  const RunningFigures& march =
      cells[static_cast<std::size_t>(data.columns().offset(YearMonth{2020, 3}.index(), 0))];
  double output = 0;
  double output_prev = 0;
  for (int m = 1; m <= 3; ++m) {
    output += 10 * (111.3 + 3.7 * m);
    output_prev += 10 * (100.0 + 3.7 * m);
  }
  EXPECT_NEAR(march.sums[2], output, 1e-9);  // 3 × 1113 + 10 × 3.7 × 6 = 3561
  EXPECT_NEAR(march.sums[2], 3561.0, 1e-9);
  EXPECT_NEAR(march.sums[3], output_prev, 1e-9);
  EXPECT_NEAR(march.sums[3], 3222.0, 1e-9);
  EXPECT_EQ(march.pairs[0], 3);
  EXPECT_EQ(march.pairs[1], 3);
  EXPECT_EQ(march.pairs[2], 3);
  EXPECT_EQ(march.months_in_scope, 3);
  EXPECT_EQ(march.flags, 0);
  // D has no PPI: at current prices; E lacks value added in 2021-02 (no ratio either).
  const std::size_t d = 3;
  const std::size_t e = 4;
  const RunningFigures& d_june =
      cells[static_cast<std::size_t>(data.columns().offset(YearMonth{2021, 6}.index(), d))];
  EXPECT_EQ(d_june.flags, RunningFigures::kAtCurrentPrices);
  EXPECT_EQ(d_june.months_in_scope, 2);  // May and June
  const RunningFigures& e_march =
      cells[static_cast<std::size_t>(data.columns().offset(YearMonth{2021, 3}.index(), e))];
  EXPECT_EQ(e_march.flags, RunningFigures::kLacksValueAdded);
  EXPECT_EQ(e_march.pairs[0], 2);  // January and March
  EXPECT_EQ(e_march.pairs[1], 3);
}

TEST(RunningFiguresTest, OnlyWindowsFromJanuaryInsideTheColumnsAreRead) {
  Dataset dataset = awkward_running_records();
  detail::IndexedDataset plain(dataset);
  EXPECT_FALSE(detail::has_running_cell(plain, {{2021, 1}, {2021, 4}}));  // no cells
  std::vector<RunningFigures> cells = running_of(plain);
  MonthlyColumns columns = plain.columns();
  columns.running = cells.data();
  detail::IndexedDataset stored(dataset, columns);
  EXPECT_TRUE(detail::has_running_cell(stored, {{2021, 1}, {2021, 4}}));
  EXPECT_TRUE(detail::has_running_cell(stored, {{2019, 1}, {2019, 2}}));
  EXPECT_FALSE(detail::has_running_cell(stored, {{2021, 4}, {2021, 4}}));  // monthly
  EXPECT_FALSE(detail::has_running_cell(stored, {{2021, 1}, {2021, 1}}));  // January alone
  EXPECT_FALSE(detail::has_running_cell(stored, {{2022, 1}, {2022, 3}}));  // after the columns
  EXPECT_FALSE(detail::has_running_cell(stored, {{2018, 1}, {2018, 3}}));  // before them
}

void expect_same_running_sets(const std::vector<SetFigures>& a, const std::vector<SetFigures>& b) {
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t i = 0; i < a.size(); ++i) {
    SCOPED_TRACE(a[i].code);
    EXPECT_EQ(a[i].code, b[i].code);
    expect_same_bits(a[i].value_added, b[i].value_added);
    expect_same_bits(a[i].output, b[i].output);
    expect_same_bits(a[i].electricity, b[i].electricity);
    EXPECT_EQ(a[i].value_added_growth, b[i].value_added_growth);
    EXPECT_EQ(a[i].contribution, b[i].contribution);
    EXPECT_EQ(a[i].pull, b[i].pull);
    EXPECT_EQ(a[i].enterprises, b[i].enterprises);
    EXPECT_EQ(a[i].at_current_prices, b[i].at_current_prices);
  }
}

TEST(RunningFiguresTest, SetsOfManyPeriodsFromTheCellsAreTheReports) {
  Dataset dataset = awkward_running_records();
  detail::IndexedDataset plain(dataset);
  std::vector<RunningFigures> cells = running_of(plain);
  MonthlyColumns columns = plain.columns();
  columns.running = cells.data();
  detail::IndexedDataset stored(dataset, columns);
  // Cumulative windows read from the cells, the monthly ones summed, 2018 outside the columns.
  const std::vector<YearMonth> periods = {{2021, 6}, {2021, 2}, {2020, 12}, {2021, 3},
                                          {2020, 5}, {2020, 2}, {2018, 7},  {2019, 2}};
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (std::string scope : {"", "410300"}) {
      ReportRequest request{{2021, 7}, window, scope};
      Result<std::vector<ReportData>> sets =
          detail::set_figures_of_periods(stored, request, periods);
      ASSERT_TRUE(sets) << sets.error().message();
      for (std::size_t p = 0; p < periods.size(); ++p) {
        SCOPED_TRACE(periods[p].to_string() + " " + scope);
        Result<ReportData> report = compute_report(dataset, {periods[p], window, scope});
        ASSERT_TRUE(report);
        const ReportData& read = (*sets)[p];
        expect_same_running_sets({read.industry, read.manufacturing},
                                 {report->industry, report->manufacturing});
        expect_same_running_sets(read.divisions, report->divisions);
        expect_same_running_sets(read.regions, report->regions);
        expect_same_running_sets(read.region_groups, report->region_groups);
        EXPECT_EQ(read.divisions_at_current_prices, report->divisions_at_current_prices);
      }
    }
  }
}

// The report reads its previous period's headline from the cells when that window runs from
// January (engine.cc): the same bits as the report of the database's records.
TEST(RunningFiguresTest, ReportsOverCellsAreTheReportsOfTheRecords) {
  Dataset dataset = awkward_running_records();
  detail::IndexedDataset plain(dataset);
  std::vector<RunningFigures> cells = running_of(plain);
  MonthlyColumns columns = plain.columns();
  columns.running = cells.data();
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (int month = 2; month <= 12; ++month) {
      for (std::string scope : {"", "410300"}) {
        SCOPED_TRACE(std::to_string(month) + " " + scope);
        ReportRequest request{{2021, month}, window, scope};
        Result<ReportData> read = compute_report(ColumnarData{dataset, columns}, request);
        Result<ReportData> summed = compute_report(dataset, request);
        ASSERT_TRUE(read && summed);
        EXPECT_EQ(read->previous_value_added_growth, summed->previous_value_added_growth);
        EXPECT_EQ(read->previous_manufacturing_growth, summed->previous_manufacturing_growth);
        EXPECT_EQ(read->previous_value_added_growth.has_value(), month > 2);
        expect_same_running_sets({read->industry, read->manufacturing},
                                 {summed->industry, summed->manufacturing});
        expect_same_running_sets(read->divisions, summed->divisions);
        expect_same_running_sets(read->regions, summed->regions);
        EXPECT_EQ(read->industry.two_year_average_growth, summed->industry.two_year_average_growth);
      }
    }
  }
}

}  // namespace
}  // namespace zhizao
