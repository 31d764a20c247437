// The data-quality checks, one function each (docs/methodology.md, "Data quality"). Each reads
// one enterprise's history and appends at most one finding for it to `findings`, naming the
// months of the window concerned and the figures that raised it. Internal to src/quality; pure.
#pragma once

#include <vector>

#include "engine/v2_figures.h"
#include "quality/quality_context.h"

namespace zhizao::detail {

// Check ids, as JSON and the verification table name them.
inline constexpr const char* kElectricityDivergence = "electricity_divergence";
inline constexpr const char* kValueAddedRatio = "value_added_ratio";
inline constexpr const char* kCopiedLastYear = "copied_last_year";
inline constexpr const char* kConstantSeries = "constant_series";
inline constexpr const char* kUnexplainedJump = "unexplained_jump";
inline constexpr const char* kBenfordFirstDigit = "benford_first_digit";
inline constexpr const char* kLastDigitUniformity = "last_digit_uniformity";
inline constexpr const char* kPhysicalLimit = "physical_limit";

// Output or value added moving against electricity on the same month last year.
void check_electricity_divergence(const EnterpriseHistory& history, const QualityContext& context,
                                  std::vector<QualityFinding>& findings);

// The enterprise's value-added ratio over the window far from its division's (robust z-score).
void check_value_added_ratio(const EnterpriseHistory& history, const QualityContext& context,
                             std::vector<QualityFinding>& findings);

// Months of the window equal to the same month last year.
void check_copied_last_year(const EnterpriseHistory& history, const QualityContext& context,
                            std::vector<QualityFinding>& findings);

// One figure repeated month after month.
void check_constant_series(const EnterpriseHistory& history, const QualityContext& context,
                           std::vector<QualityFinding>& findings);

// A month's output far above the enterprise's recent level, followed by neither its electricity
// nor its division.
void check_unexplained_jump(const EnterpriseHistory& history, const QualityContext& context,
                            std::vector<QualityFinding>& findings);

// First digits of the history against Benford's law, where the figures span enough magnitudes.
void check_benford_first_digit(const EnterpriseHistory& history, const QualityContext& context,
                               std::vector<QualityFinding>& findings);

// Last digits of the history against the uniform distribution.
void check_last_digit_uniformity(const EnterpriseHistory& history, const QualityContext& context,
                                 std::vector<QualityFinding>& findings);

// The log value-added ratio of the enterprise over the window (Σ reported value added / Σ output
// over months with both, output > 0), or nullopt. Also used to build the division's spread.
std::optional<double> window_log_ratio(const EnterpriseHistory& history,
                                       const QualityContext& context);

}  // namespace zhizao::detail
