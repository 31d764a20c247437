// Physical limits where figures enter and where they are kept: a submission of 1e308 against
// 1e-300 is refused by hard rules (the JSON path included), a bureau's per-division bound applies
// to submissions through the stored enterprise, and `check` lists stored outliers with the
// enterprise, month, field and value. Data: tests/data/cli/small.
#include <gtest/gtest.h>

#include <limits>
#include <nlohmann/json.hpp>

#include "rules/rule_check.h"
#include "rules/rules_test_support.h"
#include "rules/submission_workflow.h"

namespace zhizao {
namespace {

using testing::kJia;
using testing::kYi;
const Actor kJiaUser{"jia", std::string("enterprise:") + kJia};

const RuleViolation* find_violation(const SubmissionResult& result, const std::string& id) {
  for (const RuleViolation& v : result.violations) {
    if (v.rule_id == id) return &v;
  }
  return nullptr;
}

class PhysicalLimitsWorkflowTest : public ::testing::Test {
 protected:
  PhysicalLimitsWorkflowTest()
      : small_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  SubmissionResult submit_json(const nlohmann::json& body, const RuleSet& rules) {
    Result<SubmissionRequest> request = parse_submission_request(body);
    EXPECT_TRUE(request) << request.error().to_string();
    if (!request) return {};
    Result<SubmissionResult> result = submit(small_.db(), rules, kJiaUser, *request, "test");
    EXPECT_TRUE(result) << result.error().to_string();
    return result ? *result : SubmissionResult{};
  }

  testing::SmallDatabase small_;
};

TEST_F(PhysicalLimitsWorkflowTest, OutputOf1e308AgainstATinyBaseIsRefusedByHardRules) {
  SubmissionResult refused = submit_json({{"uscc", kJia},
                                          {"period", "2021-05"},
                                          {"output", 1e308},
                                          {"output_prev", 1e-300},
                                          {"explanations", {{"output_yoy_band", "扩产"}}}},
                                         default_rule_set());
  EXPECT_EQ(refused.verdict, SubmitVerdict::kRefused);
  EXPECT_EQ(refused.id, 0);
  const RuleViolation* bound = find_violation(refused, "physical_output_max");
  ASSERT_NE(bound, nullptr);
  EXPECT_EQ(bound->severity, Severity::kHard);
  EXPECT_EQ(bound->field, "output");
  EXPECT_EQ(bound->message,
            "工业总产值 1e308 万元超出单个企业一个月的物理上限（1亿万元，即1万亿元）");
  const RuleViolation* growth = find_violation(refused, "physical_output_growth_max");
  ASSERT_NE(growth, nullptr);
  EXPECT_NE(growth->message_en.find("Gross output of 1e308 × 10^4 yuan is over 10,000 times the "
                                    "same month last year (1e-300 × 10^4 yuan)"),
            std::string::npos)
      << growth->message_en;
  // Nothing was stored: the city cannot publish it.
  Result<std::vector<Submission>> listed = list_submissions(small_.db(), kJiaUser, std::nullopt);
  ASSERT_TRUE(listed);
  EXPECT_TRUE(listed->empty());
  // A sound month of the same enterprise still goes through.
  SubmissionResult sound =
      submit_json({{"uscc", kJia}, {"period", "2021-05"}, {"output", 1300}, {"value_added", 390}},
                  default_rule_set());
  EXPECT_EQ(sound.verdict, SubmitVerdict::kAccepted);
}

TEST_F(PhysicalLimitsWorkflowTest, NonFiniteFiguresNeverPassTheJsonPath) {
  // JSON has no NaN or infinity: nlohmann refuses the literals and numbers out of range (the
  // server then answers 400); as strings they are refused with the field named.
  EXPECT_TRUE(nlohmann::json::parse(R"({"output": 1e999})", nullptr, false).is_discarded());
  EXPECT_TRUE(nlohmann::json::parse(R"({"output": NaN})", nullptr, false).is_discarded());
  for (const char* text : {"inf", "-inf", "nan", "infinity"}) {
    Result<SubmissionRequest> request =
        parse_submission_request({{"uscc", kJia}, {"period", "2021-05"}, {"output", text}});
    ASSERT_FALSE(request) << text;
    EXPECT_EQ(request.error().code(), StatusCode::kInvalidData);
    EXPECT_EQ(request.error().message(), "output: must be a finite number") << text;
  }
  Result<SubmissionRequest> overflow =
      parse_submission_request({{"uscc", kJia}, {"period", "2021-05"}, {"output", "1e999"}});
  ASSERT_FALSE(overflow);
  EXPECT_EQ(overflow.error().message(), "output: not a number: \"1e999\"");
  // A value given in-process (not through JSON) still meets the finite rule.
  SubmissionRequest request;
  request.record.uscc = kJia;
  request.record.period = {2021, 5};
  request.record.output = 1300;
  request.record.electricity = std::numeric_limits<double>::infinity();
  Result<SubmissionResult> result =
      submit(small_.db(), default_rule_set(), kJiaUser, request, "test");
  ASSERT_TRUE(result);
  EXPECT_EQ(result->verdict, SubmitVerdict::kRefused);
  const RuleViolation* finite = find_violation(*result, "physical_electricity_finite");
  ASSERT_NE(finite, nullptr);
  EXPECT_EQ(finite->message, "用电量 inf 不是有限数值");
}

TEST_F(PhysicalLimitsWorkflowTest, LongValuesAreQuotedCut) {
  const std::string huge(5 * 1024 * 1024, '9');
  Result<SubmissionRequest> request =
      parse_submission_request({{"uscc", huge}, {"period", huge}, {"output", "x" + huge}});
  ASSERT_FALSE(request);
  EXPECT_LT(request.error().message().size(), 400u) << request.error().message().substr(0, 400);
  EXPECT_NE(request.error().message().find("…(5242880 bytes)"), std::string::npos);
}

TEST_F(PhysicalLimitsWorkflowTest, PerDivisionBoundAppliesThroughTheStoredEnterprise) {
  Result<RuleSet> rules = parse_rule_set(R"toml([[rule]]
id = "bearings_output_max"
severity = "hard"
field = "output"
expression = "output <= (division == 34 ? 2000 : 1e8)"
physical_limit = true
description_zh = "工业总产值 {value} 万元超出通用设备制造业（{division}大类）的上限"
)toml",
                                         "bureau.toml");
  ASSERT_TRUE(rules) << rules.error().to_string();
  SubmissionResult refused =
      submit_json({{"uscc", kJia}, {"period", "2021-05"}, {"output", 2500}}, *rules);
  EXPECT_EQ(refused.verdict, SubmitVerdict::kRefused);
  ASSERT_EQ(refused.violations.size(), 1u);
  EXPECT_EQ(refused.violations[0].message,
            "工业总产值 2500 万元超出通用设备制造业（34大类）的上限");
  EXPECT_EQ(submit_json({{"uscc", kJia}, {"period", "2021-05"}, {"output", 2000}}, *rules).verdict,
            SubmitVerdict::kAccepted);
}

class StoredOutliersTest : public ::testing::Test {
 protected:
  StoredOutliersTest() : small_("outliers") {
    auto data = small_.db().load();
    EXPECT_TRUE(data);
    data_ = *std::move(data);
    // As if written before the limits existed: an overflowing output, an infinite electricity.
    for (MonthlyRecord& r : data_.monthly) {
      if (r.uscc == kJia && r.period == YearMonth{2021, 3}) r.output = 1e308;
      if (r.uscc == kYi && r.period == YearMonth{2021, 4}) {
        r.electricity = std::numeric_limits<double>::infinity();
      }
    }
  }
  testing::SmallDatabase small_;
  Dataset data_;
};

TEST_F(StoredOutliersTest, CheckListsEnterpriseMonthFieldAndValue) {
  Result<CheckReport> report = confront(data_, default_rule_set(), {});
  ASSERT_TRUE(report) << report.error().to_string();
  // 甲 2021-03: output above the bound and over 10,000 times March 2020 (1060); 乙 2021-04:
  // electricity not finite, above the bound and over 10,000 times April 2020.
  ASSERT_EQ(report->outlier_count, 5);
  ASSERT_EQ(report->outliers.size(), 5u);
  const Outlier& first = report->outliers[0];
  EXPECT_EQ(first.uscc, kJia);
  EXPECT_EQ(first.name, "演示甲轴承有限公司");
  EXPECT_EQ(first.period, (YearMonth{2021, 3}));
  EXPECT_EQ(first.rule_id, "physical_output_max");
  EXPECT_EQ(first.field, "output");
  EXPECT_EQ(first.value, 1e308);
  EXPECT_EQ(report->outliers[1].rule_id, "physical_output_growth_max");
  EXPECT_EQ(report->outliers[2].uscc, kYi);
  EXPECT_EQ(report->outliers[2].rule_id, "physical_electricity_finite");
  EXPECT_EQ(report->outliers[3].rule_id, "physical_electricity_max");
  EXPECT_EQ(report->outliers[4].rule_id, "physical_electricity_growth_max");

  nlohmann::json json = check_report_to_json(*report);
  EXPECT_EQ(json["outlier_count"], 5);
  EXPECT_EQ(json["outliers"][0]["period"], "2021-03");
  EXPECT_EQ(json["outliers"][0]["value"], 1e308);
  EXPECT_EQ(json["outliers"][0]["value_text"], "1e308");
  EXPECT_TRUE(json["outliers"][2]["value"].is_null());  // JSON has no infinity
  EXPECT_EQ(json["outliers"][2]["value_text"], "inf");
  EXPECT_EQ(json["outliers"][2]["message_en"],
            "Electricity consumption inf is not a finite number");

  std::string text = check_report_to_text(*report);
  EXPECT_NE(text.find("stored outliers (beyond a physical limit): 5\n"
                      "  91410302MA400001XM 演示甲轴承有限公司 2021-03 output = 1e308: 工业总产值 "
                      "1e308 万元超出单个企业一个月的物理上限（1亿万元，即1万亿元）（规则 "
                      "physical_output_max）\n"),
            std::string::npos)
      << text;
}

TEST_F(StoredOutliersTest, OutlierListIsCutButCounted) {
  CheckOptions options;
  options.outliers_kept = 1;
  options.period = YearMonth{2021, 4};
  Result<CheckReport> report = confront(data_, default_rule_set(), options);
  ASSERT_TRUE(report);
  EXPECT_EQ(report->outlier_count, 3);  // 乙's April only; 甲's March is not in the period
  ASSERT_EQ(report->outliers.size(), 1u);
  EXPECT_NE(check_report_to_text(*report).find("  … and 2 more\n"), std::string::npos);
}

TEST(StoredOutliersCleanTest, SmallDataHasNone) {
  testing::SmallDatabase small("clean");
  auto data = small.db().load();
  ASSERT_TRUE(data);
  Result<CheckReport> report = confront(*data, default_rule_set(), {});
  ASSERT_TRUE(report);
  EXPECT_EQ(report->outlier_count, 0);
  EXPECT_NE(check_report_to_text(*report).find("stored outliers (beyond a physical limit): none"),
            std::string::npos);
}

}  // namespace
}  // namespace zhizao
