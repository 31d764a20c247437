#include "engine/window.h"

#include <fmt/format.h>

namespace zhizao::detail {

Result<ReportWindow> report_window(YearMonth period, WindowKind kind) {
  if (period.month < 1 || period.month > 12) {
    return fail(Status::usage(fmt::format("not a report period: {}", period.to_string())));
  }
  if (period.month == 1) {
    return fail(Status::usage(
        fmt::format("January is released with February as 1–2月: ask for {:04d}-02", period.year)));
  }
  if (kind == WindowKind::kCumulative || period.month == 2) {
    return ReportWindow{{period.year, 1}, period};
  }
  return ReportWindow{period, period};
}

std::optional<ReportWindow> previous_report_window(YearMonth period, WindowKind kind) {
  if (period.month <= 2) return std::nullopt;
  Result<ReportWindow> previous = report_window({period.year, period.month - 1}, kind);
  if (!previous) return std::nullopt;
  return *previous;
}

}  // namespace zhizao::detail
