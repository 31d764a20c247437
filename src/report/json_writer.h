// The JSON forms of ReportData (the data contract's "report --json" object) and of an
// Explanation. Rates are written unrounded; a missing rate is null, never 0.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

#include "engine/engine.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// Returns a JSON number, or null for nullopt and for non-finite values.
nlohmann::ordered_json optional_number(const std::optional<double>& value);

// Returns the figures of one set with the contract's keys (`id_key` is "code" for divisions and
// regions, "id" for parks and chains) and the extra keys (sums, output and electricity growth,
// enterprises, two-year average, at_current_prices).
nlohmann::ordered_json set_to_json(const SetFigures& set, const char* id_key);

// Returns the explanation as {"target", "name", "measure", "totals", "enterprises": [...]}.
nlohmann::ordered_json explanation_to_json(const Explanation& explanation);

}  // namespace zhizao::detail
