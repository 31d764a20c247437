// The national-scale generator (src/demo/scale_dataset.h): deterministic, the promised counts,
// the awkward cases of real data present, and files the real importer takes without an error.
#include "demo/scale_dataset.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "domain/industry.h"
#include "domain/region.h"
#include "domain/uscc.h"
#include "engine/engine.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;

std::string read_text(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The rows of a generated CSV file (no field of the generator is quoted), header dropped.
std::vector<std::vector<std::string>> read_rows(const fs::path& path) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(read_text(path));
  std::string line;
  std::getline(in, line);
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    size_t start = 0;
    for (;;) {
      size_t comma = line.find(',', start);
      fields.push_back(line.substr(start, comma - start));
      if (comma == std::string::npos) break;
      start = comma + 1;
    }
    rows.push_back(std::move(fields));
  }
  return rows;
}

fs::path fresh_dir(const std::string& name) {
  fs::path dir = fs::path(::testing::TempDir()) / ("zhizao_scale_" + name);
  fs::remove_all(dir);
  return dir;
}

ScaleOptions small(int64_t enterprises, uint64_t seed = 7) {
  return ScaleOptions{enterprises, YearMonth{2019, 1}, YearMonth{2021, 6}, seed};
}

TEST(ScaleDataset, SameSeedSameBytesOtherSeedOtherData) {
  const fs::path a = fresh_dir("det_a"), b = fresh_dir("det_b"), c = fresh_dir("det_c");
  ASSERT_TRUE(write_scale_csv(small(120), a.string()).has_value());
  ASSERT_TRUE(write_scale_csv(small(120), b.string()).has_value());
  ASSERT_TRUE(write_scale_csv(small(120, 8), c.string()).has_value());
  for (const char* name : kScaleFileNames) {
    EXPECT_EQ(read_text(a / name), read_text(b / name)) << name;
  }
  EXPECT_NE(read_text(a / "monthly.csv"), read_text(c / "monthly.csv"));
}

TEST(ScaleDataset, TheFirstEnterprisesOfALargerRunAreTheSame) {
  const fs::path a = fresh_dir("prefix_a"), b = fresh_dir("prefix_b");
  ASSERT_TRUE(write_scale_csv(small(60), a.string()).has_value());
  ASSERT_TRUE(write_scale_csv(small(90), b.string()).has_value());
  const std::string smaller = read_text(a / "monthly.csv");
  EXPECT_EQ(read_text(b / "monthly.csv").substr(0, smaller.size()), smaller);
}

TEST(ScaleDataset, CountsAndEveryDivisionAndValidCodes) {
  const fs::path dir = fresh_dir("counts");
  auto summary = write_scale_csv(small(400), dir.string());
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  EXPECT_EQ(summary->enterprises, 400);
  const auto enterprises = read_rows(dir / "enterprises.csv");
  const auto monthly = read_rows(dir / "monthly.csv");
  ASSERT_EQ(enterprises.size(), 400u);
  EXPECT_EQ(static_cast<int64_t>(monthly.size()), summary->monthly_rows);
  EXPECT_EQ(static_cast<int64_t>(read_rows(dir / "parks.csv").size()), summary->parks);
  EXPECT_EQ(static_cast<int64_t>(read_rows(dir / "projects.csv").size()), summary->projects);
  EXPECT_EQ(summary->projects, 10);  // at least 10, one per 1,000 enterprises
  // 41 divisions × 30 months of PPI but two divisions without a series; ratios for 2018..2021.
  EXPECT_EQ(summary->deflator_rows, 39 * 30);
  EXPECT_EQ(summary->va_ratio_rows, 41 * 4);
  std::set<std::string> divisions, provinces, codes;
  for (const auto& row : enterprises) {
    ASSERT_EQ(row.size(), 7u);
    EXPECT_TRUE(check_uscc(row[0], UsccExceptions{}).has_value()) << row[0];
    codes.insert(row[0]);
    divisions.insert(row[2]);
    EXPECT_NE(find_region(row[3]), nullptr) << row[3];
    provinces.insert(province_code_of(row[3]));
    EXPECT_EQ(row[0].substr(2, 6), row[3]);  // the USCC carries the registering county
  }
  EXPECT_EQ(codes.size(), 400u);
  EXPECT_EQ(divisions.size(), industrial_divisions().size());
  EXPECT_GE(provinces.size(), 25u);
}

TEST(ScaleDataset, TheAwkwardCasesArePresent) {
  const fs::path dir = fresh_dir("awkward");
  ASSERT_TRUE(write_scale_csv(small(1500), dir.string()).has_value());
  std::map<std::string, std::pair<std::string, std::string>> span;  // uscc → first, last period
  long out_of_scope = 0, no_value_added = 0, no_previous = 0, no_electricity = 0;
  for (const auto& row : read_rows(dir / "monthly.csv")) {
    ASSERT_EQ(row.size(), 9u);
    auto [it, inserted] = span.try_emplace(row[0], row[1], row[1]);
    if (!inserted) it->second.second = row[1];
    out_of_scope += row[8] == "0";
    no_value_added += row[3].empty();
    no_electricity += row[4].empty();
    no_previous += row[5].empty();
  }
  long entrants = 0, exits = 0;
  for (const auto& [uscc, first_last] : span) {
    entrants += first_last.first != "2019-01";
    exits += first_last.second != "2021-06";
    EXPECT_NE(first_last.first.substr(5), "02") << uscc << " would fold January into February";
  }
  EXPECT_EQ(span.size(), 1500u);
  EXPECT_GT(entrants, 50);
  EXPECT_GT(exits, 15);
  EXPECT_GT(out_of_scope, 50);
  EXPECT_GT(no_value_added, 1000);
  EXPECT_GT(no_electricity, 1000);
  EXPECT_GT(no_previous, 1000);
  long keys = 0, in_parks = 0, two_chains = 0;
  for (const auto& row : read_rows(dir / "enterprises.csv")) {
    keys += row[6] == "1";
    in_parks += !row[4].empty();
    two_chains += row[5].find(';') != std::string::npos;
  }
  EXPECT_GT(keys, 5);
  EXPECT_GT(in_parks, 200);
  EXPECT_GT(two_chains, 20);
  EXPECT_GT(read_rows(dir / "project_progress.csv").size(), 20u);
}

// The importer with every check takes the files as they are, and the report built on them has
// something in every section.
TEST(ScaleDataset, ImportsCleanlyAndEveryReportSectionHasData) {
  const fs::path dir = fresh_dir("import");
  const ScaleOptions options{2500, YearMonth{2020, 1}, YearMonth{2021, 4}, 11};
  auto summary = write_scale_csv(options, (dir / "files").string());
  ASSERT_TRUE(summary.has_value()) << summary.error().to_string();
  auto db = Database::open((dir / "scale.db").string(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  auto outcome = import_scale_csv(**db, (dir / "files").string(), ImportOptions{});
  ASSERT_TRUE(outcome.has_value()) << outcome.error().to_string();
  for (const std::string& error : outcome->errors) ADD_FAILURE() << error;
  for (const std::string& warning : outcome->warnings) ADD_FAILURE() << warning;

  auto dataset = (*db)->load();
  ASSERT_TRUE(dataset.has_value()) << dataset.error().to_string();
  EXPECT_EQ(static_cast<int64_t>(dataset->enterprises.size()), summary->enterprises);
  EXPECT_EQ(static_cast<int64_t>(dataset->monthly.size()), summary->monthly_rows);
  EXPECT_EQ(static_cast<int64_t>(dataset->projects.size()), summary->projects);

  auto report =
      compute_report(*dataset, ReportRequest{YearMonth{2021, 4}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(report.has_value()) << report.error().to_string();
  EXPECT_TRUE(report->industry.value_added_growth.has_value());
  EXPECT_TRUE(report->industry.electricity_growth.has_value());
  EXPECT_EQ(report->divisions.size(), 41u);
  EXPECT_EQ(report->manufacturing_breadth.with_data, 31);
  EXPECT_GT(report->manufacturing_breadth.growing, 0);
  EXPECT_LT(report->manufacturing_breadth.growing, 31);
  EXPECT_GT(report->regions.size(), 500u);
  EXPECT_GE(report->provinces.size(), 31u);
  EXPECT_GT(report->parks.size(), 0u);
  EXPECT_EQ(report->chains.size(), 12u);
  EXPECT_GT(report->key_enterprises.count, 10);
  EXPECT_GT(report->key_enterprises.over_50, 0);
  EXPECT_GT(report->key_enterprises.doubled, 0);
  EXPECT_GT(report->projects.investment, 0);
  EXPECT_GT(report->projects.year_planned_starts, 0);
  EXPECT_EQ(report->divisions_at_current_prices, (std::vector<std::string>{"07", "16"}));
}

TEST(ScaleDataset, RefusesBadOptions) {
  const std::string dir = fresh_dir("bad").string();
  EXPECT_EQ(write_scale_csv(ScaleOptions{0}, dir).error().code(), StatusCode::kUsage);
  EXPECT_EQ(
      write_scale_csv(ScaleOptions{10, YearMonth{2021, 5}, YearMonth{2021, 4}}, dir).error().code(),
      StatusCode::kUsage);
  EXPECT_EQ(
      write_scale_csv(ScaleOptions{10, YearMonth{1950, 1}, YearMonth{2021, 4}}, dir).error().code(),
      StatusCode::kUsage);
  EXPECT_FALSE(fs::exists(dir));
}

TEST(ScaleDataset, AOneMonthRangeHasNoEntrants) {
  const fs::path dir = fresh_dir("one_month");
  const ScaleOptions options{50, YearMonth{2021, 3}, YearMonth{2021, 3}, 3};
  auto summary = write_scale_csv(options, dir.string());
  ASSERT_TRUE(summary.has_value());
  EXPECT_EQ(summary->monthly_rows, 50);
  for (const auto& row : read_rows(dir / "monthly.csv")) EXPECT_EQ(row[1], "2021-03");
}

}  // namespace
}  // namespace zhizao
