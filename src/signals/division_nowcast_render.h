// The divisions of the nowcast as JSON (the `divisions` array beside the contract's keys of
// `zhizao nowcast --json` and GET /api/nowcast) and as a text table in Chinese or English, with
// the report's rounding (base/number_format.h). Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/language.h"
#include "signals/nowcast.h"

namespace zhizao {

// [{"code", "name", "enterprises", "days", "electricity_growth", "value_added_growth":
// {"estimate", "low", "high"}, "backtest": {"months", "mean_absolute_error"}, "reason"}] in code
// order: growths in percent, unrounded, null where there is no figure; `name` in Chinese (GB/T
// 4754-2017); `reason` null with an estimate, else "no_readings", "too_few_months",
// "no_electricity_growth" or "no_fit".
nlohmann::ordered_json division_nowcasts_json(const Nowcast& nowcast);

// A table of the divisions (code, name, electricity growth, estimate, interval, back-test months
// and mean absolute error, or the reason there is no estimate); empty without divisions.
std::string division_nowcasts_text(const Nowcast& nowcast, Language language);

}  // namespace zhizao
