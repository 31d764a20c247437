// Black-box test of the demo: `zhizao demo` then the report of 2021-04 shows the article's
// figures, recomputed by the engine from the generated records; export and re-import agree.
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

double rounded(const nlohmann::json& value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value.get<double>() * scale) / scale;
}

TEST(DemoCli, ReportOf2021AprilShowsTheArticleFiguresAndSurvivesARoundTrip) {
  auto dir = fresh_directory("demo");
  auto db = (dir / "demo.db").string();
  auto created = run_zhizao({"demo", "--db", db});
  ASSERT_EQ(created.exit_code, 0) << created.err;
  auto result = run_zhizao({"report", "--db", db, "--period", "2021-04", "--json"});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  auto json = nlohmann::json::parse(result.out);
  const auto& industry = json["industry"];
  EXPECT_DOUBLE_EQ(rounded(industry["value_added_growth"], 1), 12.7);
  EXPECT_DOUBLE_EQ(rounded(industry["manufacturing_value_added_growth"], 1), 12.5);
  EXPECT_DOUBLE_EQ(rounded(industry["electricity_growth"], 2), 20.13);
  EXPECT_EQ(industry["manufacturing_breadth"]["with_data"], 31);
  EXPECT_EQ(industry["manufacturing_breadth"]["growing"], 26);
  EXPECT_EQ(industry["manufacturing_breadth"]["double_digit"], 21);
  EXPECT_EQ(json["key_enterprises"]["count"], 60);
  EXPECT_DOUBLE_EQ(rounded(json["key_enterprises"]["output_growth"], 0), 31);
  EXPECT_EQ(json["key_enterprises"]["over_50"], 21);
  EXPECT_EQ(json["key_enterprises"]["doubled"], 11);
  EXPECT_DOUBLE_EQ(json["projects"]["investment"].get<double>(), 2255000);
  EXPECT_EQ(json["projects"]["planned_starts"], 154);
  EXPECT_EQ(json["projects"]["actual_starts"], 164);
  EXPECT_EQ(json["projects"]["year_planned_starts"], 283);
  EXPECT_DOUBLE_EQ(rounded(json["projects"]["start_share"], 0), 58);
  EXPECT_EQ(json["projects"]["planned_completions"], 10);
  EXPECT_EQ(json["projects"]["actual_completions"], 17);

  auto text = run_zhizao({"report", "--db", db, "--period", "2021-04"});
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_NE(text.out.find("12.7%"), std::string::npos);
  EXPECT_NE(text.out.find("20.13%"), std::string::npos);

  auto exported = run_zhizao({"export", "--db", db, (dir / "files").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  auto copy = (dir / "copy.db").string();
  auto imported = import_into(copy, csv_files_in(dir / "files", FileOrder::kByName));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  auto again = run_zhizao({"report", "--db", copy, "--period", "2021-04", "--json"});
  EXPECT_EQ(result.out, again.out);
}

TEST(DemoCli, RefusesToOverwriteWithoutForce) {
  auto dir = fresh_directory("demo-force");
  auto db = (dir / "demo.db").string();
  ASSERT_EQ(run_zhizao({"demo", "--db", db}).exit_code, 0);
  auto again = run_zhizao({"demo", "--db", db});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_NE(again.err.find("--force"), std::string::npos) << again.err;
}

}  // namespace
}  // namespace zhizao::testing
