// The submission workflow on tests/data/cli/small: refusals by hard rules, soft rules that need an
// explanation, county and city review, publication into the monthly data with a revision, who
// may see and do what, and the recorded trail.
#include "rules/submission_workflow.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "domain/uscc.h"
#include "rules/rules_test_support.h"
#include "store/audit_log.h"

namespace zhizao {
namespace {

using testing::kJia;
using testing::kYi;

const Actor kJiaUser{"jia", std::string("enterprise:") + kJia};
const Actor kYiUser{"yi", std::string("enterprise:") + kYi};
const Actor kLaocheng{"laocheng", "county:410302"};
const Actor kJianxi{"jianxi", "county:410305"};
const Actor kCity{"city", "city"};
const Actor kAdmin{"root", "admin"};

// April 2021 of 甲 as stored: output 1274.4, value added 382.3, electricity 63.72; April 2020:
// 1080.0, 324.0, 54.0.
SubmissionRequest april(double output, double value_added, double electricity) {
  SubmissionRequest request;
  request.record.uscc = kJia;
  request.record.period = {2021, 4};
  request.record.output = output;
  request.record.value_added = value_added;
  request.record.electricity = electricity;
  return request;
}

bool has_rule(const std::vector<RuleViolation>& violations, const std::string& id) {
  for (const RuleViolation& v : violations) {
    if (v.rule_id == id) return true;
  }
  return false;
}

class SubmissionWorkflowTest : public ::testing::Test {
 protected:
  SubmissionWorkflowTest()
      : small_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  SubmissionResult submit_as(const Actor& actor, const SubmissionRequest& request) {
    Result<SubmissionResult> result = submit(db(), default_rule_set(), actor, request, "test");
    EXPECT_TRUE(result) << result.error().to_string();
    return result ? *result : SubmissionResult{};
  }
  long accepted(const Actor& actor, const SubmissionRequest& request) {
    SubmissionResult result = submit_as(actor, request);
    EXPECT_EQ(result.verdict, SubmitVerdict::kAccepted);
    return result.id;
  }
  StatusCode review_error(const Actor& actor, long id, Decision decision) {
    Result<Submission> reviewed = review(db(), actor, id, decision, "", "test");
    return reviewed ? StatusCode::kOk : reviewed.error().code();
  }
  std::vector<Submission> visible(const Actor& actor) {
    Result<std::vector<Submission>> list = list_submissions(db(), actor, std::nullopt);
    EXPECT_TRUE(list) << list.error().to_string();
    return list ? *list : std::vector<Submission>{};
  }
  Database& db() { return small_.db(); }

  testing::SmallDatabase small_;
};

TEST_F(SubmissionWorkflowTest, HardRuleRefusesThenCorrectionIsPublished) {
  // Value added above output: refused, with the field to mark, and nothing stored.
  SubmissionResult refused = submit_as(kJiaUser, april(1300, 1400, 65));
  EXPECT_EQ(refused.verdict, SubmitVerdict::kRefused);
  EXPECT_EQ(refused.id, 0);
  ASSERT_TRUE(has_rule(refused.violations, "value_added_within_output"));
  for (const RuleViolation& v : refused.violations) {
    if (v.rule_id != "value_added_within_output") continue;
    EXPECT_EQ(v.field, "value_added");
    EXPECT_EQ(v.severity, Severity::kHard);
    EXPECT_EQ(v.message, "工业增加值不得大于工业总产值");
  }
  EXPECT_TRUE(visible(kCity).empty());

  // Corrected: +20.4% on April 2020 (1300 / 1080), ratio 30%, electricity +20.4% too.
  SubmissionResult ok = submit_as(kJiaUser, april(1300, 390, 65));
  ASSERT_EQ(ok.verdict, SubmitVerdict::kAccepted);
  EXPECT_EQ(ok.state, "submitted");
  EXPECT_TRUE(ok.warnings.empty());
  const long id = ok.id;

  // Not in the published data yet.
  auto before = db().load();
  ASSERT_TRUE(before);
  for (const MonthlyRecord& r : before->monthly) {
    if (r.uscc == kJia && r.period == YearMonth{2021, 4}) {
      EXPECT_EQ(r.output, 1274.4);
    }
  }

  Result<Submission> county = review(db(), kLaocheng, id, Decision::kApprove, "核实无误", "test");
  ASSERT_TRUE(county) << county.error().to_string();
  EXPECT_EQ(county->state, "county_approved");
  Result<Submission> city = review(db(), kCity, id, Decision::kApprove, "", "test");
  ASSERT_TRUE(city) << city.error().to_string();
  EXPECT_EQ(city->state, "published");

  auto after = db().load();
  ASSERT_TRUE(after);
  bool found = false;
  for (const MonthlyRecord& r : after->monthly) {
    if (r.uscc != kJia || r.period != YearMonth{2021, 4}) continue;
    found = true;
    EXPECT_EQ(r.output, 1300);
    EXPECT_EQ(r.value_added, 390);
    EXPECT_EQ(r.electricity, 65);
  }
  EXPECT_TRUE(found);
  auto revisions = db().revisions({std::string(kJia), std::string("monthly")});
  ASSERT_TRUE(revisions);
  ASSERT_EQ(revisions->size(), 1u);
  EXPECT_EQ(revisions->front().source, "submission #" + std::to_string(id) + " by jia");
  EXPECT_EQ(revisions->front().key, std::string(kJia) + "|2021-04");

  // Every state change is recorded, in order, with who did it.
  Result<SubmissionDetail> detail = get_submission(db(), kJiaUser, id);
  ASSERT_TRUE(detail);
  ASSERT_EQ(detail->events.size(), 3u);
  EXPECT_EQ(detail->events[0].from_state, "");
  EXPECT_EQ(detail->events[0].to_state, "submitted");
  EXPECT_EQ(detail->events[0].user_name, "jia");
  EXPECT_EQ(detail->events[1].to_state, "county_approved");
  EXPECT_EQ(detail->events[1].user_name, "laocheng");
  EXPECT_EQ(detail->events[1].comment, "核实无误");
  EXPECT_EQ(detail->events[2].from_state, "county_approved");
  EXPECT_EQ(detail->events[2].to_state, "published");
  EXPECT_EQ(detail->events[2].user_name, "city");

  // And in the audit log.
  auto audit = AuditLog(db()).list({});
  ASSERT_TRUE(audit);
  int creates = 0;
  int reviews = 0;
  for (const AuditEntry& e : *audit) {
    if (e.action == "submission.create") ++creates;
    if (e.action == "submission.review" && e.target == std::to_string(id)) ++reviews;
  }
  EXPECT_EQ(creates, 1);
  EXPECT_EQ(reviews, 2);

  // Published is final.
  EXPECT_EQ(review_error(kAdmin, id, Decision::kReject), StatusCode::kUsage);
}

TEST_F(SubmissionWorkflowTest, SoftRuleNeedsAnExplanation) {
  // Value added of 7.7% of output: below the 10% band.
  SubmissionResult refused = submit_as(kJiaUser, april(1300, 100, 65));
  EXPECT_EQ(refused.verdict, SubmitVerdict::kRefused);
  ASSERT_EQ(refused.violations.size(), 1u);
  EXPECT_EQ(refused.violations[0].rule_id, "value_added_ratio_band");
  EXPECT_EQ(refused.violations[0].severity, Severity::kSoft);
  EXPECT_FALSE(refused.violations[0].explained);

  SubmissionRequest explained = april(1300, 100, 65);
  explained.explanations["value_added_ratio_band"] = "本月原料价格大涨";
  explained.explanations["output_yoy_band"] = "not failing: not stored";
  SubmissionResult ok = submit_as(kJiaUser, explained);
  ASSERT_EQ(ok.verdict, SubmitVerdict::kAccepted);
  ASSERT_EQ(ok.warnings.size(), 1u);
  EXPECT_TRUE(ok.warnings[0].explained);
  Result<SubmissionDetail> detail = get_submission(db(), kLaocheng, ok.id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->submission.explanations,
            (std::map<std::string, std::string>{{"value_added_ratio_band", "本月原料价格大涨"}}));
  EXPECT_EQ(detail->submission.record.value_added, 100);
}

TEST_F(SubmissionWorkflowTest, HardRuleIsNotExplainedAway) {
  SubmissionRequest request = april(1300, 1400, 65);
  request.explanations["value_added_within_output"] = "请通过";
  EXPECT_EQ(submit_as(kJiaUser, request).verdict, SubmitVerdict::kRefused);
}

TEST_F(SubmissionWorkflowTest, MissingOutputIsRefusedOnItsField) {
  nlohmann::json body = {{"uscc", kJia}, {"period", "2021-05"}, {"value_added", 10}};
  Result<SubmissionRequest> request = parse_submission_request(body);
  ASSERT_TRUE(request) << request.error().to_string();
  EXPECT_FALSE(request->has_output);
  SubmissionResult refused = submit_as(kJiaUser, *request);
  EXPECT_EQ(refused.verdict, SubmitVerdict::kRefused);
  ASSERT_TRUE(has_rule(refused.violations, "output_required"));
  EXPECT_EQ(refused.violations[0].field, "output");
}

TEST_F(SubmissionWorkflowTest, OthersCannotSubmitSeeOrReview) {
  // Another enterprise may not submit for 甲.
  EXPECT_EQ(submit_as(kYiUser, april(1300, 390, 65)).verdict, SubmitVerdict::kForbidden);
  // Counties and the city do not submit either.
  EXPECT_EQ(submit_as(kLaocheng, april(1300, 390, 65)).verdict, SubmitVerdict::kForbidden);
  EXPECT_EQ(submit_as(kCity, april(1300, 390, 65)).verdict, SubmitVerdict::kForbidden);

  const long id = accepted(kJiaUser, april(1300, 390, 65));
  EXPECT_EQ(visible(kJiaUser).size(), 1u);
  EXPECT_EQ(visible(kLaocheng).size(), 1u);
  EXPECT_EQ(visible(kCity).size(), 1u);
  EXPECT_EQ(visible(kAdmin).size(), 1u);
  EXPECT_TRUE(visible(kYiUser).empty());
  EXPECT_TRUE(visible(kJianxi).empty());

  // Not visible behaves as not existing.
  EXPECT_EQ(get_submission(db(), kYiUser, id).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(get_submission(db(), kJianxi, id).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(get_submission(db(), kCity, id + 100).error().code(), StatusCode::kNotFound);
  EXPECT_EQ(review_error(kYiUser, id, Decision::kApprove), StatusCode::kNotFound);
  EXPECT_EQ(review_error(kJianxi, id, Decision::kApprove), StatusCode::kNotFound);
  EXPECT_EQ(review_error(kJianxi, id, Decision::kReject), StatusCode::kNotFound);
  EXPECT_EQ(review_error(kCity, id + 100, Decision::kApprove), StatusCode::kNotFound);

  // Visible, but not their step: the enterprise itself, the city before the county.
  EXPECT_EQ(review_error(kJiaUser, id, Decision::kApprove), StatusCode::kUsage);
  EXPECT_EQ(review_error(kCity, id, Decision::kApprove), StatusCode::kUsage);
  ASSERT_EQ(review_error(kLaocheng, id, Decision::kApprove), StatusCode::kOk);
  // The county cannot publish.
  EXPECT_EQ(review_error(kLaocheng, id, Decision::kApprove), StatusCode::kUsage);
  EXPECT_EQ(review_error(kLaocheng, id, Decision::kReject), StatusCode::kUsage);

  // Nothing of this changed the state or wrote an event.
  Result<SubmissionDetail> detail = get_submission(db(), kCity, id);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->submission.state, "county_approved");
  EXPECT_EQ(detail->events.size(), 2u);
}

TEST_F(SubmissionWorkflowTest, CityCountyParentAndAdminMayReview) {
  const Actor city_area{"luoyang", "county:410300"};  // the whole city as a county-level area
  const long first = accepted(kJiaUser, april(1300, 390, 65));
  EXPECT_EQ(review_error(city_area, first, Decision::kApprove), StatusCode::kOk);
  EXPECT_EQ(review_error(kAdmin, first, Decision::kApprove), StatusCode::kOk);
  Result<SubmissionDetail> detail = get_submission(db(), kAdmin, first);
  ASSERT_TRUE(detail);
  EXPECT_EQ(detail->submission.state, "published");
}

TEST_F(SubmissionWorkflowTest, RejectionEndsTheSubmission) {
  const long id = accepted(kJiaUser, april(1300, 390, 65));
  Result<Submission> rejected = review(db(), kLaocheng, id, Decision::kReject, "数据有误", "test");
  ASSERT_TRUE(rejected);
  EXPECT_EQ(rejected->state, "rejected");
  EXPECT_EQ(review_error(kLaocheng, id, Decision::kApprove), StatusCode::kUsage);
  Result<std::vector<Submission>> listed =
      list_submissions(db(), kCity, std::optional<std::string>("rejected"));
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().id, id);
  Result<std::vector<Submission>> pending =
      list_submissions(db(), kCity, std::optional<std::string>("submitted"));
  ASSERT_TRUE(pending);
  EXPECT_TRUE(pending->empty());
  // The data was never touched.
  auto revisions = db().revisions({std::string(kJia), std::nullopt});
  ASSERT_TRUE(revisions);
  EXPECT_TRUE(revisions->empty());
}

TEST_F(SubmissionWorkflowTest, NewSubmissionSupersedesThePendingOne) {
  const long first = accepted(kJiaUser, april(1300, 390, 65));
  const long second = accepted(kJiaUser, april(1301, 390, 65));
  Result<SubmissionDetail> old = get_submission(db(), kJiaUser, first);
  ASSERT_TRUE(old);
  EXPECT_EQ(old->submission.state, "rejected");
  ASSERT_EQ(old->events.size(), 2u);
  EXPECT_EQ(old->events[1].comment, "superseded by #" + std::to_string(second));
  std::vector<Submission> listed = visible(kJiaUser);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0].id, second);  // newest first
  EXPECT_EQ(listed[0].state, "submitted");
}

TEST_F(SubmissionWorkflowTest, BadRolesStatesAndUnregisteredEnterprises) {
  const Actor boss{"boss", "boss"};
  Result<SubmissionResult> result = submit(db(), default_rule_set(), boss, april(1, 0.3, 1), "t");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), StatusCode::kUsage);
  EXPECT_EQ(list_submissions(db(), boss, std::nullopt).error().code(), StatusCode::kUsage);
  EXPECT_EQ(list_submissions(db(), kCity, std::optional<std::string>("done")).error().code(),
            StatusCode::kUsage);
  const std::string stranger = complete_uscc("91410302MA400099X");
  SubmissionRequest request = april(1300, 390, 65);
  request.record.uscc = stranger;
  result = submit(db(), default_rule_set(), {"s", "enterprise:" + stranger}, request, "t");
  ASSERT_FALSE(result);
  EXPECT_EQ(result.error().code(), StatusCode::kNotFound);
}

TEST(SubmissionJsonTest, ParsesTheContractNames) {
  nlohmann::json body = {{"uscc", "91410302ma400001xm"},
                         {"period", "2021-04"},
                         {"output", "1300.5"},
                         {"value_added", 390},
                         {"electricity", nullptr},
                         {"output_prev", ""},
                         {"in_scope", 0},
                         {"explanations", {{"output_yoy_band", "新产线投产"}, {"x", "  "}}}};
  Result<SubmissionRequest> request = parse_submission_request(body);
  ASSERT_TRUE(request) << request.error().to_string();
  EXPECT_EQ(request->record.uscc, kJia);
  EXPECT_EQ(request->record.period, (YearMonth{2021, 4}));
  EXPECT_EQ(request->record.output, 1300.5);
  EXPECT_TRUE(request->has_output);
  EXPECT_EQ(request->record.value_added, 390);
  EXPECT_FALSE(request->record.electricity.has_value());
  EXPECT_FALSE(request->record.output_prev.has_value());
  EXPECT_FALSE(request->record.in_scope);
  EXPECT_EQ(request->explanations.size(), 1u);  // blank explanations do not count
}

TEST(SubmissionJsonTest, ReportsEveryBadField) {
  nlohmann::json body = {
      {"uscc", "91410302MA400001XA"}, {"period", "2021-13"}, {"output", "12x"},
      {"value_added", true},          {"in_scope", 2},       {"explanations", {{"r", 3}}}};
  Result<SubmissionRequest> request = parse_submission_request(body);
  ASSERT_FALSE(request);
  EXPECT_EQ(request.error().code(), StatusCode::kInvalidData);
  const std::string& m = request.error().message();
  for (const char* field :
       {"uscc:", "period:", "output:", "value_added:", "in_scope:", "explanations.r:"}) {
    EXPECT_NE(m.find(field), std::string::npos) << field << " in " << m;
  }
  EXPECT_FALSE(parse_submission_request(nlohmann::json::array()));
}

TEST(SubmissionJsonTest, WritesSubmissionsAndViolations) {
  Submission s;
  s.id = 7;
  s.record.uscc = kJia;
  s.record.period = {2021, 4};
  s.record.output = 1300;
  s.state = "submitted";
  std::vector<SubmissionEvent> events = {
      {1, 7, "2024-01-01T00:00:00Z", "jia", "", "submitted", ""}};
  nlohmann::json json = submission_to_json(s, &events);
  EXPECT_EQ(json["id"], 7);
  EXPECT_EQ(json["period"], "2021-04");
  EXPECT_TRUE(json["value_added"].is_null());
  EXPECT_EQ(json["events"][0]["to"], "submitted");
  EXPECT_FALSE(submission_to_json(s, nullptr).contains("events"));
  nlohmann::json v = violation_to_json({"r", "output", Severity::kSoft, "说明", "text", true});
  EXPECT_EQ(v["severity"], "soft");
  EXPECT_EQ(v["explained"], true);
}

}  // namespace
}  // namespace zhizao
