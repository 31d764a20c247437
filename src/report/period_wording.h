// How the report names its period, as the bureau writes it: cumulative "1—4月" (January–April),
// monthly "4月份" (April); January and February are one period ("1—2月" either way, since NBS
// releases no January figure). Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>

#include "base/language.h"
#include "base/year_month.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Returns the window's name without the year: "1—4月" / "4月份" / "1—2月", or
// "January–April" / "April" / "January–February". Precondition: 1 ≤ month ≤ 12.
std::string window_label(int month, WindowKind window, Language language);

// As window_label, with the year: "2021年1—4月" / "January–April 2021".
std::string window_label_with_year(YearMonth period, WindowKind window, Language language);

// Returns the label of the period the headline is compared with (cumulative 1..M−1, or month
// M−1), or nullopt when there is none: the first period of the year (1—2月) has no predecessor.
std::optional<std::string> previous_window_label(int month, WindowKind window, Language language);

// The English name of a month, "January" .. "December".
std::string english_month(int month);

}  // namespace zhizao::detail
