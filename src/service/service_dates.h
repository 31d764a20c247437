// Calendar arithmetic of the service figures and the case workflow: the period's last day D
// (whole days between dates: base/civil_days.h). Internal to src/service.
#pragma once

#include "base/civil_days.h"
#include "base/year_month.h"

namespace zhizao::detail {

// Returns the last day of `period`, D of the contract.
inline CivilDate service_last_day(YearMonth period) {
  return {period.year, period.month, days_in_month(period.year, period.month)};
}

}  // namespace zhizao::detail
