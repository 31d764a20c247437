// The thresholds of the data-quality checks (docs/methodology.md, "Data quality") as data: the
// defaults are compiled in (each with its source there), and a bureau may override any of them
// with a TOML file (`--quality-rules FILE`), one table per check, e.g.
//
//   [electricity_divergence]
//   band = 1.5        # output grew 1.5 times as much as electricity on last year, or the reverse
//
// Unknown tables or keys are errors, so a misspelt threshold is never silently ignored.
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace zhizao {

struct QualityThresholds {
  // electricity_divergence: on the same month last year, the growth factor of output (or of
  // value added) and that of electricity differ by at least `band` (×) either way.
  double divergence_band = 1.5;
  double divergence_min_output = 10;  // 万元: smaller months are too small to compare

  // value_added_ratio: robust z-score of the enterprise's log(Σ value added / Σ output) over the
  // window against its division's (Iglewicz & Hoaglin 1993: |M| > 3.5).
  double ratio_robust_z = 3.5;
  int ratio_min_enterprises = 8;  // enterprises of the division with a reported ratio
  double ratio_mad_floor = 0.05;  // lower bound of the MAD of the log ratios

  // copied_last_year: at least this many months of the window equal to last year's figure.
  int copied_min_months = 2;
  // constant_series: one non-zero figure repeated for at least this many consecutive months.
  int constant_min_months = 4;

  // unexplained_jump: a month at least `jump_factor` × the median of the enterprise's previous
  // `jump_history` months (at least `jump_min_history` of them), while neither its electricity
  // nor its division's output rose by `jump_follow` × their own recent level.
  double jump_factor = 3;
  double jump_follow = 1.5;
  int jump_history = 6;
  int jump_min_history = 3;

  // benford_first_digit: chi-square over 8 degrees of freedom, at `digit_alpha`, over at least
  // `benford_min_figures` positive figures spanning `benford_min_orders` orders of magnitude.
  double digit_alpha = 0.001;
  int benford_min_figures = 60;
  double benford_min_orders = 2;
  // last_digit_uniformity: chi-square over 9 degrees of freedom, at least this many figures.
  int last_digit_min_figures = 60;

  // Comparisons of reported figures: two figures are equal when they differ by less than this.
  double equal_tolerance = 1e-6;
};

// Returns the defaults overridden by the TOML text `toml` (`source` names it in errors).
// Errors: kInvalidData for a syntax error, an unknown table or key, or a value out of range
// ("FILE:LINE: reason").
Result<QualityThresholds> parse_quality_thresholds(std::string_view toml,
                                                   const std::string& source);

// Reads and parses the file at `path`. Errors: kNotFound, kIoError; kInvalidData when it is larger
// than kRulesFileMaxBytes (1 MiB) or not a regular file (base/bounded_file.h); and as above.
Result<QualityThresholds> load_quality_thresholds(const std::string& path);

}  // namespace zhizao
