// The demo as files: exported in the contract's format, imported by the ordinary importer
// without a single error, and still showing the article's figures after the round trip.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "demo/luoyang_demo.h"
#include "engine/engine.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao {
namespace {

TEST(LuoyangDemoFiles, ImportWithoutErrorsAndKeepTheFigures) {
  Result<Dataset> demo = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(demo.has_value()) << demo.error().to_string();
  const std::filesystem::path dir =
      std::filesystem::path(::testing::TempDir()) / "zhizao_demo_round_trip";
  std::filesystem::remove_all(dir);
  ASSERT_TRUE(export_contract_files(*demo, (dir / "files").string()).is_ok());

  auto db = Database::open((dir / "demo.db").string(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(dir / "files")) {
    paths.push_back(entry.path().string());
  }
  Result<ImportOutcome> outcome = import_files(**db, paths, ImportOptions{});
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  for (const std::string& error : outcome->errors) ADD_FAILURE() << error;
  for (const std::string& warning : outcome->warnings) ADD_FAILURE() << warning;

  Result<Dataset> loaded = (*db)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  EXPECT_EQ(loaded->enterprises.size(), demo->enterprises.size());
  EXPECT_EQ(loaded->monthly.size(), demo->monthly.size());
  EXPECT_EQ(loaded->projects.size(), demo->projects.size());
  EXPECT_EQ(loaded->project_progress.size(), demo->project_progress.size());

  Result<ReportData> r =
      compute_report(*loaded, ReportRequest{YearMonth{2021, 4}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(r.has_value());
  EXPECT_NEAR(*r->industry.value_added_growth, 12.7, 0.02);
  EXPECT_NEAR(*r->manufacturing.value_added_growth, 12.5, 0.02);
  EXPECT_DOUBLE_EQ(std::round(*r->industry.electricity_growth * 100) / 100, 20.13);
  EXPECT_EQ(r->manufacturing_breadth.growing, 26);
  EXPECT_EQ(r->manufacturing_breadth.double_digit, 21);
  EXPECT_NEAR(*r->key_enterprises.output_growth, 31.0, 0.02);
  EXPECT_EQ(r->key_enterprises.over_50, 21);
  EXPECT_EQ(r->key_enterprises.doubled, 11);
  EXPECT_DOUBLE_EQ(r->projects.investment, 2'255'000);
  EXPECT_EQ(r->projects.actual_starts, 164);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace zhizao
