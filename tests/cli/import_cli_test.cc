// Black-box tests of `zhizao import` and `zhizao revisions` through the real binary.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

namespace zhizao::testing {
namespace {

TEST(ImportCli, ImportsTheSmallDatasetInAnyOrderWithTheSameReport) {
  auto dir = fresh_directory("import-order");
  auto forward =
      import_into(dir / "a.db", csv_files_in(test_data("cli/small"), FileOrder::kByName));
  ASSERT_EQ(forward.exit_code, 0) << forward.err;
  // Standard error is a file here, not a terminal: no progress bar may leak into it.
  EXPECT_EQ(forward.err.find('\r'), std::string::npos) << forward.err;
  auto backward =
      import_into(dir / "b.db", csv_files_in(test_data("cli/small"), FileOrder::kReverse));
  ASSERT_EQ(backward.exit_code, 0) << backward.err;
  auto a = run_zhizao({"report", "--db", (dir / "a.db").string(), "--period", "2021-04", "--json"});
  auto b = run_zhizao({"report", "--db", (dir / "b.db").string(), "--period", "2021-04", "--json"});
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out.find("\"value_added_growth\""), std::string::npos);
}

TEST(ImportCli, RefusesMalformedFilesWholeAndLocatesEveryError) {
  auto dir = fresh_directory("import-bad");
  auto db = dir / "bad.db";
  // Good reference data first, so that the refused import must leave it exactly as it was.
  ASSERT_EQ(import_into(db, csv_files_in(test_data("cli/small"), FileOrder::kByName)).exit_code, 0);
  auto before = run_zhizao({"report", "--db", db.string(), "--period", "2021-04", "--json"});
  auto refused =
      run_zhizao({"import", "--db", db.string(), test_data("cli/bad/enterprises.csv").string(),
                  test_data("cli/bad/monthly.csv").string()});
  EXPECT_EQ(refused.exit_code, 2);
  std::string stderr_text = refused.err;
  // Paths differ between machines: compare with the folder replaced by a placeholder.
  std::string folder = test_data("cli/bad/").string();
  for (size_t at; (at = stderr_text.find(folder)) != std::string::npos;) {
    stderr_text.replace(at, folder.size(), "bad/");
  }
  EXPECT_EQ(compare_with_golden(stderr_text, "cli/golden/bad_import.stderr"), "");
  auto after = run_zhizao({"report", "--db", db.string(), "--period", "2021-04", "--json"});
  EXPECT_EQ(before.out, after.out) << "a refused import changed the stored data";
}

TEST(ImportCli, ReimportReplacesTheKeyAndKeepsTheRevision) {
  auto dir = fresh_directory("import-revision");
  auto db = dir / "r.db";
  ASSERT_EQ(import_into(db, csv_files_in(test_data("cli/small"), FileOrder::kByName)).exit_code, 0);
  std::ofstream(dir / "monthly.csv")
      << "uscc,period,output,value_added\n91410302MA400001XM,2021-04,1300,390\n";
  auto second = import_into(db, {(dir / "monthly.csv").string()});
  ASSERT_EQ(second.exit_code, 0) << second.err;
  auto revisions =
      run_zhizao({"revisions", "--db", db.string(), "--uscc", "91410302MA400001XM", "--json"});
  ASSERT_EQ(revisions.exit_code, 0) << revisions.err;
  EXPECT_NE(revisions.out.find("91410302MA400001XM|2021-04"), std::string::npos) << revisions.out;
  EXPECT_NE(revisions.out.find("1300"), std::string::npos) << revisions.out;
  EXPECT_NE(revisions.out.find("monthly.csv"), std::string::npos) << revisions.out;
  auto none = run_zhizao({"revisions", "--db", db.string(), "--uscc", "91410305MA400002X2"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "no revisions\n");
}

TEST(ImportCli, ReadsGb18030WithChineseHeaders) {
  auto dir = fresh_directory("import-gb18030");
  // "统一社会信用代码,企业名称,行业代码,区划代码\n" and one row, as Excel writes them on a Chinese
  // system (GB18030), converted here with iconv so that the bytes are not hand-typed.
  std::ofstream(dir / "utf8.csv") << "统一社会信用代码,企业名称,行业代码,区划代码,重点企业\n"
                                  << "91410302MA400001XM,演示甲轴承有限公司,3441,410302,1\n";
  std::string convert = "iconv -f UTF-8 -t GB18030 " + (dir / "utf8.csv").string() + " > " +
                        (dir / "企业.csv").string();
  ASSERT_EQ(std::system(convert.c_str()), 0);
  auto result = import_into(dir / "g.db", {(dir / "企业.csv").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.out.find("enterprises"), std::string::npos) << result.out;
}

TEST(ImportCli, MapsRetiredLuoyangCodesWithAWarning) {
  auto dir = fresh_directory("import-retired");
  std::ofstream(dir / "enterprises.csv") << "uscc,name,industry,region\n"
                                         << "91410302MA400001XM,演示甲轴承有限公司,34,410381\n";
  auto result = import_into(dir / "w.db", {(dir / "enterprises.csv").string()});
  ASSERT_EQ(result.exit_code, 0) << result.err;
  EXPECT_NE(result.err.find("410307"), std::string::npos) << result.err;
  EXPECT_NE(result.err.find("warning"), std::string::npos) << result.err;
}

TEST(ImportCli, MissingFileIsAUsageError) {
  auto dir = fresh_directory("import-missing");
  auto result = import_into(dir / "m.db", {(dir / "nope.csv").string()});
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_NE(result.err.find("nope.csv"), std::string::npos) << result.err;
}

}  // namespace
}  // namespace zhizao::testing

namespace zhizao::testing {
namespace {

// Terminal manners (issue 5): every command's --help ends with an example.
TEST(HelpCli, EveryCommandHasAnExample) {
  for (const char* command : {"import", "report", "explain", "revisions", "export", "demo", "help",
                              "template", "check", "serve", "user", "backup", "restore"}) {
    auto result = run_zhizao({command, "--help"});
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_NE(result.out.find("Example"), std::string::npos) << command << ": " << result.out;
  }
  auto topic = run_zhizao({"help", "indicators"});
  EXPECT_EQ(topic.exit_code, 0);
  EXPECT_NE(topic.out.find("comparable"), std::string::npos);
  EXPECT_EQ(run_zhizao({"help", "nope"}).exit_code, 1);
}

}  // namespace
}  // namespace zhizao::testing
