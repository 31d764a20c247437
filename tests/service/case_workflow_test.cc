#include "service/case_workflow.h"

#include <gtest/gtest.h>

#include <vector>

namespace zhizao {
namespace {

TEST(CaseWorkflow, TheWholeLoopAndAReopen) {
  CaseState state = CaseState::kRaised;
  for (CaseAction action : {CaseAction::kAssign, CaseAction::kProgress, CaseAction::kProgress,
                            CaseAction::kResolve, CaseAction::kEvaluate}) {
    Result<CaseState> next = next_case_state(state, action);
    ASSERT_TRUE(next.has_value()) << case_action_name(action);
    state = *next;
  }
  EXPECT_EQ(state, CaseState::kEvaluated);
  Result<CaseState> reopened = next_case_state(state, CaseAction::kReopen);
  ASSERT_TRUE(reopened.has_value());
  EXPECT_EQ(*reopened, CaseState::kAssigned);
}

TEST(CaseWorkflow, RefusedTransitionsSayWhy) {
  Result<CaseState> early = next_case_state(CaseState::kRaised, CaseAction::kResolve);
  ASSERT_FALSE(early.has_value());
  EXPECT_EQ(early.error().code(), StatusCode::kUsage);
  EXPECT_EQ(early.error().message(), "a case that is raised does not allow \"resolve\"");
  EXPECT_FALSE(next_case_state(CaseState::kInProgress, CaseAction::kEvaluate).has_value());
  EXPECT_FALSE(next_case_state(CaseState::kAssigned, CaseAction::kReopen).has_value());
  EXPECT_FALSE(next_case_state(CaseState::kResolved, CaseAction::kEscalate).has_value());
  EXPECT_FALSE(next_case_state(CaseState::kRaised, CaseAction::kRaise).has_value());
  EXPECT_FALSE(next_case_state(CaseState::kEvaluated, CaseAction::kAssign).has_value());
}

TEST(CaseWorkflow, StateNamesRoundTrip) {
  for (CaseState state : {CaseState::kRaised, CaseState::kAssigned, CaseState::kInProgress,
                          CaseState::kResolved, CaseState::kEvaluated}) {
    EXPECT_EQ(parse_case_state(case_state_name(state)), state);
  }
  EXPECT_FALSE(parse_case_state("closed").has_value());
  EXPECT_FALSE(parse_case_state("").has_value());
}

TEST(CaseWorkflow, DeadlineByCategoryWithDefault) {
  std::vector<CategoryDeadline> rules = {{"*", 15, 3}, {"用地", 30, 5}, {"用电", 7, 2}};
  EXPECT_EQ(deadline_rule_for(rules, "用地").days, 30);
  EXPECT_EQ(deadline_rule_for(rules, "其他").days, 15);
  EXPECT_EQ(deadline_rule_for({}, "用地").days, 15);
  EXPECT_EQ(case_deadline(deadline_rule_for(rules, "用电"), {2021, 2, 25}),
            (CivilDate{2021, 3, 4}));  // across the end of February
  EXPECT_EQ(case_deadline(deadline_rule_for(rules, "用地"), {2020, 12, 10}),
            (CivilDate{2021, 1, 9}));
}

TEST(CaseWorkflow, ReminderBeforeAndEscalationAfterTheDeadline) {
  const CivilDate deadline{2021, 4, 10};
  EXPECT_EQ(case_alert(CaseState::kAssigned, deadline, 3, {2021, 4, 6}), CaseAlert::kNone);
  EXPECT_EQ(case_alert(CaseState::kAssigned, deadline, 3, {2021, 4, 7}), CaseAlert::kReminder);
  EXPECT_EQ(case_alert(CaseState::kInProgress, deadline, 3, {2021, 4, 10}), CaseAlert::kReminder);
  EXPECT_EQ(case_alert(CaseState::kRaised, deadline, 3, {2021, 4, 11}), CaseAlert::kOverdue);
  EXPECT_EQ(case_alert(CaseState::kResolved, deadline, 3, {2021, 4, 11}), CaseAlert::kNone);
  EXPECT_EQ(case_alert(CaseState::kEvaluated, deadline, 3, {2021, 5, 1}), CaseAlert::kNone);
  EXPECT_EQ(case_alert_name(CaseAlert::kOverdue), "overdue");
}

TEST(CaseWorkflow, RatingsOneToFive) {
  EXPECT_TRUE(valid_case_rating(1));
  EXPECT_TRUE(valid_case_rating(5));
  EXPECT_FALSE(valid_case_rating(0));
  EXPECT_FALSE(valid_case_rating(6));
}

}  // namespace
}  // namespace zhizao
