// The window of a report period (data contract, "Indicator definitions"): months 1..M of year Y
// (cumulative) or month M alone (monthly), with January–February as one period as NBS releases it.
#pragma once

#include <optional>

#include "base/result.h"
#include "base/year_month.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Consecutive months from..to of one year.
struct ReportWindow {
  YearMonth from;
  YearMonth to;

  int year() const { return from.year; }
  // True when the window holds January and February, where monthly reports may be folded.
  bool covers_january_february() const { return from.month == 1 && to.month >= 2; }
};

// Returns the window of `period`. Errors: kUsage for January (released only with February as
// 1–2月) or a month outside 1..12.
Result<ReportWindow> report_window(YearMonth period, WindowKind kind);

// Returns the window of the period before `period` (cumulative 1..M−1, or monthly M−1, which for
// M = 3 is 1–2月); nullopt for February, whose previous period does not exist in the same year.
// Precondition: report_window(period, kind) succeeds.
std::optional<ReportWindow> previous_report_window(YearMonth period, WindowKind kind);

}  // namespace zhizao::detail
