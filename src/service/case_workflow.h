// The workflow of an enterprise case (诉求) kept through the API (issue 14, 每事必督、每案必改):
// raised → assigned → in_progress → resolved → evaluated, the enterprise rating 1–5 and free to
// reopen; a deadline by category (data: the bureau's table), a reminder before it, and escalation
// from the county to the city once it passes. Pure functions, thread-safe; who may act is the
// server's (accounts/authorization.h), storage the store's (store/case_store.h).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"

namespace zhizao {

enum class CaseState { kRaised, kAssigned, kInProgress, kResolved, kEvaluated };

enum class CaseAction { kRaise, kAssign, kProgress, kResolve, kEvaluate, kReopen, kEscalate };

// "raised", "assigned", "in_progress", "resolved", "evaluated".
std::string_view case_state_name(CaseState state);
// The inverse of case_state_name; nullopt for any other text.
std::optional<CaseState> parse_case_state(std::string_view text);
// "raise", "assign", "progress", "resolve", "evaluate", "reopen", "escalate".
std::string_view case_action_name(CaseAction action);

// Returns the state after `action` in `state`: assign from raised or assigned (reassigning);
// progress from assigned or in_progress (a further note); resolve from assigned or in_progress;
// evaluate from resolved; reopen from resolved or evaluated, back to assigned; escalate leaves
// any open state as it is. Errors: kUsage naming the action and the state otherwise (raise has no
// "from": it is never a transition).
Result<CaseState> next_case_state(CaseState state, CaseAction action);

// Whether a case in `state` still awaits its resolution (not resolved nor evaluated).
bool case_is_open(CaseState state);

// The days a category's case has and the reminder's lead; category "*" is the default.
struct CategoryDeadline {
  std::string category;
  int days = 15;
  int remind_days = 3;
};

// Returns the rule of `category`, else that of "*", else 15 days with a 3-day reminder.
CategoryDeadline deadline_rule_for(const std::vector<CategoryDeadline>& rules,
                                   std::string_view category);

// Returns `raised` + rule.days.
CivilDate case_deadline(const CategoryDeadline& rule, const CivilDate& raised);

// What a case calls for on `today`: nothing, a reminder (open, and the deadline is at most
// `remind_days` away, today included), or escalation (open, and `today` is after the deadline —
// the contract's "deadline < D").
enum class CaseAlert { kNone, kReminder, kOverdue };

CaseAlert case_alert(CaseState state, const CivilDate& deadline, int remind_days,
                     const CivilDate& today);

// "none", "reminder", "overdue".
std::string_view case_alert_name(CaseAlert alert);

// Returns true when `rating` is a satisfaction score 1–5.
bool valid_case_rating(int rating);

}  // namespace zhizao
