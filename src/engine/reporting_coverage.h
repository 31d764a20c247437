// Reporting coverage (issue #18, item 2): how many enterprises have reported a month, how many
// were expected to, and whether the month is complete enough to publish. A month that one early
// record opened must not become the city's headline (docs/methodology.md, "Incomplete months").
//
// For a month m with records, R(m) = the enterprises with a record of m (in scope or not: a
// return filed is a return). Its base is the latest earlier month with records that is itself
// publishable and not a January (enterprises may report January together with February, so a
// January row is not expected of everyone); B = R(base), or, when there is no such month (the
// first months of the data), the enterprises with a record in any month of m's year. Then
//   reported = |R(m)|, expected = |B ∪ R(m)|, coverage = 100 × reported / expected,
//   publishable = coverage ≥ threshold.
// Those who reported last time are expected again; a new reporter is expected by being one, so
// coverage never exceeds 100. Basing on the last *publishable* month keeps one incomplete month
// from lowering the bar for the next.
#pragma once

#include <optional>
#include <vector>

#include "base/year_month.h"
#include "engine/monthly_columns.h"

namespace zhizao {

// The default share of expected reports a month needs before it is published (percent).
inline constexpr double kDefaultPublishThreshold = 90.0;

struct MonthCoverage {
  YearMonth period;
  long reported = 0;    // |R(m)|
  long expected = 0;    // |B ∪ R(m)| ≥ reported ≥ 1
  double coverage = 0;  // 100 × reported / expected, unrounded
  bool publishable = false;
  std::optional<YearMonth> base;  // the month B comes from; nullopt: the year's reporters
};

// Returns one entry per month of `columns` that has at least one record, oldest first, with
// `threshold` in percent (0–100; 0 makes every month publishable). Reads the presence bytes
// only (months × enterprises bytes, a few times). Pure; thread-safe.
std::vector<MonthCoverage> reporting_coverage(const MonthlyColumns& columns, double threshold);

// The latest publishable month of `months` that a report can be asked for (not a January, which
// is released with February as 1–2月), or nullopt.
std::optional<YearMonth> latest_publishable(const std::vector<MonthCoverage>& months);

// Whether enterprise-month data exist for `month`: some enterprise has a record of it.
bool has_records(const MonthlyColumns& columns, YearMonth month);

}  // namespace zhizao
