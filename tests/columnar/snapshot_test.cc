// The columnar snapshot: reports from it are the reports of the database, byte for byte; a change
// to the data is never missed; a damaged or foreign file is rebuilt.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "columnar/snapshot.h"
#include "demo/luoyang_demo.h"
#include "engine/indexed_dataset.h"
#include "engine/set_figures_of_periods.h"
#include "engine/trend.h"
#include "report/render.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

class SnapshotTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    Result<Dataset> demo = generate_luoyang_demo({});
    ASSERT_TRUE(demo.has_value()) << demo.error().message();
    demo_ = new Dataset(std::move(*demo));
  }
  static void TearDownTestSuite() { delete demo_; }

  void SetUp() override {
    auto db = Database::open(db_path_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(db.has_value()) << db.error().message();
    db_ = std::move(*db);
  }
  void TearDown() override { db_.reset(); }
  void import(const Dataset& rows) {
    Result<ApplySummary> applied = db_->apply({{"test.csv", rows}});
    ASSERT_TRUE(applied.has_value()) << applied.error().message();
  }
  std::string snapshot_path() const { return snapshot_path_for(db_path_); }
  std::unique_ptr<ColumnarSnapshot> snapshot() {
    auto opened = open_or_rebuild_snapshot(*db_, snapshot_path());
    EXPECT_TRUE(opened.has_value()) << opened.error().message();
    return opened ? std::move(*opened) : nullptr;
  }
  static std::string json_of(const Result<ReportData>& report) {
    if (!report) return "error: " + report.error().message();
    return render_report(*report, ReportFormat::kJson, Language::kZh);
  }
  std::string report_from_snapshot(const ReportRequest& request) {
    auto opened = snapshot();
    if (!opened) return "no snapshot";
    return json_of(compute_report(opened->data(), request));
  }
  std::string report_from_database(const ReportRequest& request) {
    Result<Dataset> loaded = db_->load();
    if (!loaded) return "error: " + loaded.error().message();
    return json_of(compute_report(*loaded, request));
  }

  static Dataset* demo_;
  testing_support::TempDatabasePath temp_;
  std::string db_path_ = temp_.path();
  std::unique_ptr<Database> db_;
};

Dataset* SnapshotTest::demo_ = nullptr;

TEST_F(SnapshotTest, ReportsAreThoseOfTheDatabaseByteForByte) {
  import(*demo_);
  auto opened = snapshot();
  ASSERT_NE(opened, nullptr);
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  for (const char* period : {"2021-02", "2021-04", "2021-06", "2020-12", "2019-03"}) {
    for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
      for (const char* scope : {"", "410305", "luoyang-metro", "999999"}) {
        ReportRequest request{*parse_year_month(period), window, scope};
        EXPECT_EQ(json_of(compute_report(opened->data(), request)),
                  json_of(compute_report(*loaded, request)))
            << period << " " << scope;
      }
    }
  }
}

// The sets of many periods (the runs of the early warnings) read the snapshot's running figures
// (format 4) for every cumulative window: the same bits as summed from the loaded records.
TEST_F(SnapshotTest, ManyPeriodsSetsFromTheRunningFiguresAreThoseOfTheDatabase) {
  import(*demo_);
  auto opened = snapshot();
  ASSERT_NE(opened, nullptr);
  ASSERT_NE(opened->columns().running, nullptr);
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  detail::IndexedDataset from_snapshot(opened->tables(), opened->columns());
  detail::IndexedDataset from_database(*loaded);
  const std::vector<YearMonth> periods = {{2021, 3}, {2021, 2}, {2020, 12}, {2020, 11},
                                          {2020, 4}, {2019, 2}, {2016, 5}};
  for (WindowKind window : {WindowKind::kCumulative, WindowKind::kMonthly}) {
    for (const char* scope : {"", "410305", "luoyang-metro"}) {
      ReportRequest request{{2021, 4}, window, scope};
      auto read = detail::set_figures_of_periods(from_snapshot, request, periods);
      auto summed = detail::set_figures_of_periods(from_database, request, periods);
      ASSERT_TRUE(read && summed);
      for (std::size_t p = 0; p < periods.size(); ++p) {
        EXPECT_EQ(json_of((*read)[p]), json_of((*summed)[p]))
            << periods[p].to_string() << " " << scope;
      }
    }
  }
}

TEST_F(SnapshotTest, ExplanationsAndTrendsAreThoseOfTheDatabase) {
  import(*demo_);
  auto opened = snapshot();
  ASSERT_NE(opened, nullptr);
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  for (ExplainTarget target :
       {ExplainTarget{ExplainKind::kIndustry, ""}, ExplainTarget{ExplainKind::kKeyEnterprises, ""},
        ExplainTarget{ExplainKind::kDivision, "34"},
        ExplainTarget{ExplainKind::kRegion, "410305"}}) {
    auto from_snapshot = explain(opened->data(), request, target);
    auto from_database = explain(*loaded, request, target);
    ASSERT_EQ(from_snapshot.has_value(), from_database.has_value());
    if (!from_snapshot) continue;
    EXPECT_EQ(render_explanation(*from_snapshot, ReportFormat::kJson, Language::kZh),
              render_explanation(*from_database, ReportFormat::kJson, Language::kZh));
  }
  auto trend_snapshot = compute_trend(opened->data(), request, 24);
  auto trend_database = compute_trend(*loaded, request, 24);
  ASSERT_TRUE(trend_snapshot.has_value() && trend_database.has_value());
  ASSERT_EQ(trend_snapshot->size(), trend_database->size());
  for (std::size_t i = 0; i < trend_snapshot->size(); ++i) {
    EXPECT_EQ((*trend_snapshot)[i].value_added_growth, (*trend_database)[i].value_added_growth);
    EXPECT_EQ((*trend_snapshot)[i].output_growth, (*trend_database)[i].output_growth);
  }
}

TEST_F(SnapshotTest, AReportNeverReadsStaleData) {
  import(*demo_);
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  std::string before = report_from_snapshot(request);
  ASSERT_EQ(before, report_from_database(request));
  // One monthly record changed, as a published submission applies it (Database::apply).
  MonthlyRecord changed;
  for (const MonthlyRecord& record : demo_->monthly) {
    if (record.period == YearMonth{2021, 4} && record.value_added) {
      changed = record;
      break;
    }
  }
  ASSERT_FALSE(changed.uscc.empty());
  *changed.value_added *= 3;
  Dataset rows;
  rows.monthly.push_back(changed);
  import(rows);
  std::string after = report_from_snapshot(request);
  EXPECT_NE(after, before);
  EXPECT_EQ(after, report_from_database(request));
}

TEST_F(SnapshotTest, AnUpToDateSnapshotIsOpenedNotRebuilt) {
  import(*demo_);
  ASSERT_NE(snapshot(), nullptr);
  auto modified = std::filesystem::last_write_time(snapshot_path());
  auto again = snapshot();
  ASSERT_NE(again, nullptr);
  EXPECT_EQ(std::filesystem::last_write_time(snapshot_path()), modified);
  EXPECT_EQ(again->data_version(), *db_->data_version());
  EXPECT_EQ(again->tables().enterprises.size(), demo_->enterprises.size());
  EXPECT_TRUE(again->tables().monthly.empty());
}

TEST_F(SnapshotTest, DamagedOrForeignFilesAreRebuilt) {
  import(*demo_);
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  const std::string expected = report_from_database(request);
  ASSERT_NE(snapshot(), nullptr);
  auto size = std::filesystem::file_size(snapshot_path());
  std::filesystem::resize_file(snapshot_path(), size / 2);
  EXPECT_EQ(ColumnarSnapshot::open(snapshot_path()).error().code(), StatusCode::kCorruption);
  EXPECT_EQ(report_from_snapshot(request), expected);
  std::ofstream(snapshot_path(), std::ios::trunc) << "not a snapshot at all, just text";
  EXPECT_EQ(ColumnarSnapshot::open(snapshot_path()).error().code(), StatusCode::kCorruption);
  EXPECT_EQ(report_from_snapshot(request), expected);
}

TEST_F(SnapshotTest, AnEmptyDatabaseHasAnEmptySnapshot) {
  auto opened = snapshot();
  ASSERT_NE(opened, nullptr);
  EXPECT_EQ(opened->columns().months, 0);
  EXPECT_TRUE(opened->tables().enterprises.empty());
  ASSERT_EQ(opened->tables().region_groups.size(), 1u);  // the default group of migration 2
  ReportRequest request{{2021, 4}, WindowKind::kCumulative, ""};
  EXPECT_EQ(report_from_snapshot(request), report_from_database(request));
}

TEST_F(SnapshotTest, MissingSnapshotOpensAsNotFound) {
  auto opened = ColumnarSnapshot::open(snapshot_path());
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().code(), StatusCode::kNotFound);
}

TEST_F(SnapshotTest, AnUnwritableDirectoryIsAnIoError) {
  auto rebuilt = rebuild_snapshot(*db_, "/nonexistent-directory/x.zhizao-snapshot");
  EXPECT_EQ(rebuilt.code(), StatusCode::kIoError);
}

}  // namespace
}  // namespace zhizao
