// A figure in the signals' JSON answers: the number, or null when there is none (data contract
// v2, "electricity as an early signal": a missing figure is null, never 0).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>

namespace zhizao {

inline nlohmann::ordered_json number_or_null(const std::optional<double>& value) {
  return value ? nlohmann::ordered_json(*value) : nlohmann::ordered_json(nullptr);
}

}  // namespace zhizao
