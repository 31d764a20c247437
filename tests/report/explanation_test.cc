#include <sstream>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "report/render.h"
#include "sample_report.h"
#include "text_match.h"

namespace zhizao {
namespace {

TEST(Explanation, HeaderNamesTheSetAndItsFigure) {
  Explanation e = testing::sample_explanation();
  EXPECT_EQ(first_line(render_explanation(e, ReportFormat::kText, Language::kZh)),
            "34 通用设备制造业: 增加值同比增长 25.0%, 3 家企业, 可比企业 2 家");
  EXPECT_EQ(first_line(render_explanation(e, ReportFormat::kMarkdown, Language::kZh)),
            "# 34 通用设备制造业: 增加值同比增长 25.0%, 3 家企业, 可比企业 2 家");
}

TEST(Explanation, KeyEnterprisesAreExplainedByOutput) {
  Explanation e = testing::sample_explanation();
  e.target = {ExplainKind::kKeyEnterprises, ""};
  e.name = "重点企业";
  e.measure = "output";
  e.totals.output = {97.0, 100.0, 8};
  e.totals.output_growth = -3.0;
  std::string text = render_explanation(e, ReportFormat::kText, Language::kZh);
  EXPECT_EQ(first_line(text), "重点企业: 产值同比下降 3.0%, 3 家企业, 可比企业 2 家");
  EXPECT_TRUE(contains(text, "97.0"));  // totals row uses the output sums
  EXPECT_FALSE(contains(text, "可比价"));
  std::string english = render_explanation(e, ReportFormat::kText, Language::kEn);
  EXPECT_TRUE(contains(first_line(english), "output fell 3.0% year on year"));
}

TEST(Explanation, NullGrowthIsNotANumber) {
  Explanation e = testing::sample_explanation();
  e.totals.value_added_growth.reset();
  EXPECT_EQ(first_line(render_explanation(e, ReportFormat::kText, Language::kZh)),
            "34 通用设备制造业: 增加值无可比数据, 3 家企业, 可比企业 2 家");
  EXPECT_TRUE(contains(first_line(render_explanation(e, ReportFormat::kText, Language::kEn)),
                       "value added had no comparable data"));
  e.totals.value_added_growth = 0.04;
  EXPECT_TRUE(contains(first_line(render_explanation(e, ReportFormat::kText, Language::kZh)),
                       "增加值同比持平"));
}

TEST(Explanation, TotalsRowSumsTheParts) {
  std::string text =
      render_explanation(testing::sample_explanation(), ReportFormat::kText, Language::kZh);
  std::istringstream in(text);
  std::string line;
  std::string totals;
  while (std::getline(in, line)) {
    if (line.rfind("合计", 0) == 0) totals = line;
  }
  ASSERT_FALSE(totals.empty());
  EXPECT_TRUE(contains(totals, "125.0"));
  EXPECT_TRUE(contains(totals, "100.0"));  // contributions 80 + 20
  EXPECT_TRUE(contains(totals, "25.00"));  // pulls 20 + 5 = the set's growth
}

TEST(Explanation, WithoutEnterprisesShowsDashes) {
  Explanation e = testing::sample_explanation();
  e.enterprises.clear();
  e.totals.enterprises = 0;
  std::string text = render_explanation(e, ReportFormat::kMarkdown, Language::kEn);
  EXPECT_TRUE(contains(text, "0 enterprises, 0 comparable"));
  EXPECT_TRUE(contains(text, "| Total |  |  | 125.0 | 100.0 | 25.0 | — | — |  |"));
}

}  // namespace
}  // namespace zhizao
