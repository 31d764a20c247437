// Golden files of the whole rendered report: tests/data/report/*. Run with
// ZHIZAO_UPDATE_GOLDEN=1 to rewrite them after an intended change, then read the diff.
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include "report/render.h"
#include "sample_report.h"

namespace zhizao {
namespace {

std::string golden_path(const std::string& name) {
  return std::string(ZHIZAO_TEST_DATA) + "/report/" + name;
}

void expect_golden(const std::string& name, const std::string& actual) {
  const char* update = std::getenv("ZHIZAO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(golden_path(name), std::ios::binary);
    out << actual;
    ASSERT_TRUE(out.good()) << "cannot write " << golden_path(name);
    return;
  }
  std::ifstream in(golden_path(name), std::ios::binary);
  ASSERT_TRUE(in.good()) << "missing golden file " << golden_path(name)
                         << " (run with ZHIZAO_UPDATE_GOLDEN=1)";
  std::stringstream expected_stream;
  expected_stream << in.rdbuf();
  const std::string expected = expected_stream.str();
  if (actual == expected) return;
  // Name the first differing line instead of dumping both documents as escaped bytes.
  std::istringstream a(actual);
  std::istringstream e(expected);
  std::string actual_line;
  std::string expected_line;
  for (int line = 1;; ++line) {
    bool more_a = static_cast<bool>(std::getline(a, actual_line));
    bool more_e = static_cast<bool>(std::getline(e, expected_line));
    if (!more_a && !more_e) break;
    if (actual_line != expected_line || more_a != more_e) {
      ADD_FAILURE() << "golden " << name << " differs at line " << line
                    << "\n  expected: " << expected_line << "\n  actual:   " << actual_line
                    << "\n(rerun with ZHIZAO_UPDATE_GOLDEN=1 to accept)";
      return;
    }
  }
  ADD_FAILURE() << "golden " << name << " differs in line endings";
}

TEST(Golden, MismatchNamesTheFirstDifferingLine) {
  const char* update = std::getenv("ZHIZAO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") GTEST_SKIP() << "would overwrite";
  EXPECT_NONFATAL_FAILURE(expect_golden("sample_zh.txt", "洛阳市2021年1—4月工业经济运行情况\nx\n"),
                          "differs at line 2");
  EXPECT_FATAL_FAILURE(expect_golden("no_such_golden.txt", ""), "missing golden file");
}

TEST(Golden, ReportTextZh) {
  expect_golden("sample_zh.txt",
                render_report(testing::sample_report(), ReportFormat::kText, Language::kZh));
}

TEST(Golden, ReportTextEn) {
  expect_golden("sample_en.txt",
                render_report(testing::sample_report(), ReportFormat::kText, Language::kEn));
}

TEST(Golden, ReportMarkdownZh) {
  expect_golden("sample_zh.md",
                render_report(testing::sample_report(), ReportFormat::kMarkdown, Language::kZh));
}

TEST(Golden, ReportMonthlyZh) {
  ReportData r = testing::sample_report();
  r.window = WindowKind::kMonthly;
  r.window_from = {2021, 4};
  expect_golden("sample_monthly_zh.txt", render_report(r, ReportFormat::kText, Language::kZh));
}

TEST(Golden, ExplanationTextZh) {
  expect_golden("explanation_zh.txt", render_explanation(testing::sample_explanation(),
                                                         ReportFormat::kText, Language::kZh));
}

TEST(Golden, ExplanationMarkdownEn) {
  expect_golden("explanation_en.md", render_explanation(testing::sample_explanation(),
                                                        ReportFormat::kMarkdown, Language::kEn));
}

}  // namespace
}  // namespace zhizao
