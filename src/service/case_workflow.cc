#include "service/case_workflow.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "service/service_dates.h"

namespace zhizao {
namespace {

constexpr std::array<std::pair<CaseState, std::string_view>, 5> kStateNames = {{
    {CaseState::kRaised, "raised"},
    {CaseState::kAssigned, "assigned"},
    {CaseState::kInProgress, "in_progress"},
    {CaseState::kResolved, "resolved"},
    {CaseState::kEvaluated, "evaluated"},
}};

}  // namespace

std::string_view case_state_name(CaseState state) {
  for (const auto& [value, name] : kStateNames) {
    if (value == state) return name;
  }
  return "raised";
}

std::optional<CaseState> parse_case_state(std::string_view text) {
  for (const auto& [value, name] : kStateNames) {
    if (name == text) return value;
  }
  return std::nullopt;
}

std::string_view case_action_name(CaseAction action) {
  switch (action) {
    case CaseAction::kRaise:
      return "raise";
    case CaseAction::kAssign:
      return "assign";
    case CaseAction::kProgress:
      return "progress";
    case CaseAction::kResolve:
      return "resolve";
    case CaseAction::kEvaluate:
      return "evaluate";
    case CaseAction::kReopen:
      return "reopen";
    case CaseAction::kEscalate:
      return "escalate";
  }
  return "raise";
}

bool case_is_open(CaseState state) {
  return state != CaseState::kResolved && state != CaseState::kEvaluated;
}

Result<CaseState> next_case_state(CaseState state, CaseAction action) {
  using enum CaseState;
  std::optional<CaseState> next;
  switch (action) {
    case CaseAction::kRaise:
      break;
    case CaseAction::kAssign:
      if (state == kRaised || state == kAssigned) next = kAssigned;
      break;
    case CaseAction::kProgress:
      if (state == kAssigned || state == kInProgress) next = kInProgress;
      break;
    case CaseAction::kResolve:
      if (state == kAssigned || state == kInProgress) next = kResolved;
      break;
    case CaseAction::kEvaluate:
      if (state == kResolved) next = kEvaluated;
      break;
    case CaseAction::kReopen:
      if (state == kResolved || state == kEvaluated) next = kAssigned;
      break;
    case CaseAction::kEscalate:
      if (case_is_open(state)) next = state;
      break;
  }
  if (!next) {
    return fail(Status::usage(fmt::format("a case that is {} does not allow \"{}\"",
                                          case_state_name(state), case_action_name(action))));
  }
  return *next;
}

CategoryDeadline deadline_rule_for(const std::vector<CategoryDeadline>& rules,
                                   std::string_view category) {
  const CategoryDeadline* fallback = nullptr;
  for (const CategoryDeadline& rule : rules) {
    if (rule.category == category) return rule;
    if (rule.category == "*") fallback = &rule;
  }
  if (fallback != nullptr) return *fallback;
  return CategoryDeadline{"*", 15, 3};
}

CivilDate case_deadline(const CategoryDeadline& rule, const CivilDate& raised) {
  return civil_add_days(raised, rule.days);
}

CaseAlert case_alert(CaseState state, const CivilDate& deadline, int remind_days,
                     const CivilDate& today) {
  if (!case_is_open(state)) return CaseAlert::kNone;
  if (deadline < today) return CaseAlert::kOverdue;
  if (civil_days_between(today, deadline) <= remind_days) return CaseAlert::kReminder;
  return CaseAlert::kNone;
}

std::string_view case_alert_name(CaseAlert alert) {
  switch (alert) {
    case CaseAlert::kNone:
      return "none";
    case CaseAlert::kReminder:
      return "reminder";
    case CaseAlert::kOverdue:
      return "overdue";
  }
  return "none";
}

bool valid_case_rating(int rating) { return rating >= 1 && rating <= 5; }

}  // namespace zhizao
