// Black-box test: `zhizao export` writes the stored daily electricity readings as the contract's
// electricity_daily.csv (v2), so that export → import → export gives the same file (nothing of
// the stored data is lost on the way).
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

std::string file_text(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(ExportDailyCli, DailyReadingsRoundTripThroughExport) {
  std::filesystem::path dir = fresh_directory("export-daily");
  const std::string first_db = (dir / "first.db").string();
  RunResult imported = run_zhizao(
      {"import", "--db", first_db, test_data("reference_daily/hand/enterprises.csv").string(),
       test_data("reference_daily/hand/electricity_daily.csv").string()});
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  RunResult exported = run_zhizao({"export", "--db", first_db, (dir / "out1").string()});
  ASSERT_EQ(exported.exit_code, 0) << exported.err;
  const std::string first = file_text(dir / "out1" / "electricity_daily.csv");
  ASSERT_TRUE(first.starts_with("uscc,date,kwh\n")) << first;
  // Every reading of the source file is there (one line each, plus the header).
  const std::string source = file_text(test_data("reference_daily/hand/electricity_daily.csv"));
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'),
            std::count(source.begin(), source.end(), '\n'));
  EXPECT_NE(first.find("91410300MA44XXXX10,2021-03-01,110\n"), std::string::npos) << first;

  const std::string second_db = (dir / "second.db").string();
  RunResult again =
      run_zhizao({"import", "--db", second_db, (dir / "out1" / "enterprises.csv").string(),
                  (dir / "out1" / "electricity_daily.csv").string()});
  ASSERT_EQ(again.exit_code, 0) << again.err;
  ASSERT_EQ(run_zhizao({"export", "--db", second_db, (dir / "out2").string()}).exit_code, 0);
  EXPECT_EQ(file_text(dir / "out2" / "electricity_daily.csv"), first);

  RunResult workbook = run_zhizao(
      {"export", "--db", first_db, "--format", "xlsx", "--output", (dir / "all.xlsx").string()});
  ASSERT_EQ(workbook.exit_code, 0) << workbook.err;
  EXPECT_NE(workbook.err.find("electricity_daily.csv"), std::string::npos) << workbook.err;
}

}  // namespace
}  // namespace zhizao::testing
