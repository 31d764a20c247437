#include "signals/nowcast.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "signals/daily_growth.h"

namespace zhizao {
namespace {

// The readings of each year, read from the store once.
class YearCache {
 public:
  explicit YearCache(const DailyReadingsSource& store) : store_(store) {}

  Result<const std::vector<DailyElectricityYear>*> of(int year) {
    auto found = years_.find(year);
    if (found == years_.end()) {
      Result<std::vector<DailyElectricityYear>> read = store_.year(year);
      if (!read) return fail(read.error());
      found = years_.emplace(year, *std::move(read)).first;
    }
    return &found->second;
  }

 private:
  const DailyReadingsSource& store_;
  std::map<int, std::vector<DailyElectricityYear>> years_;
};

// The release period of the window holding month `period` (NBS: January with February).
YearMonth release_period(YearMonth period) {
  return period.month == 1 ? YearMonth{period.year, 2} : period;
}

// The first day of the window released as `key`.
CivilDate window_start(YearMonth key) { return {key.year, key.month == 2 ? 1 : key.month, 1}; }

// The last day of the window released as `key` as seen on day `cut` of the nowcast's month: in
// January (a January nowcast) for January–February windows, else in the window's last month.
CivilDate window_cut(YearMonth key, bool january_nowcast, int cut) {
  int month = key.month == 2 && january_nowcast ? 1 : key.month;
  return {key.year, month, std::min(cut, days_in_month(key.year, month))};
}

// The Spring-Festival-aligned growth over the days `from`..`to` of one year (festival_pairs).
Result<std::optional<double>> aligned_growth(YearCache& cache, const CivilDate& from,
                                             const CivilDate& to) {
  Result<const std::vector<DailyElectricityYear>*> current = cache.of(from.year);
  if (!current) return fail(current.error());
  Result<const std::vector<DailyElectricityYear>*> previous = cache.of(from.year - 1);
  if (!previous) return fail(previous.error());
  Result<const std::vector<DailyElectricityYear>*> two_back = cache.of(from.year - 2);
  if (!two_back) return fail(two_back.error());
  std::vector<DayPair> pairs = festival_pairs(from, to);
  return pair_sums(**current, **previous, pairs, nullptr, **two_back).growth();
}

// A past window the model can learn from.
struct TrainingWindow {
  YearMonth key;
  double full_growth = 0;  // aligned electricity growth over the whole window
  double value_added_growth = 0;
};

std::vector<Observation> observations(std::span<const TrainingWindow> windows) {
  std::vector<Observation> points;
  for (const TrainingWindow& w : windows) points.push_back({w.full_growth, w.value_added_growth});
  return points;
}

// Every window released before `key` with statistics and aligned growth, oldest first.
Result<std::vector<TrainingWindow>> training_windows(const DailyReadingsSource& store,
                                                     YearCache& cache,
                                                     const ValueAddedGrowthOf& statistics,
                                                     YearMonth key) {
  Result<std::vector<int>> years = store.years();
  if (!years) return fail(years.error());
  std::vector<TrainingWindow> windows;
  if (years->empty()) return windows;
  // The first year that can be compared with a year of readings.
  for (YearMonth k{years->front() + 1, 2}; k < key; k = k.plus_months(1)) {
    if (k.month == 1) continue;
    Result<std::optional<double>> actual = statistics(k);
    if (!actual) return fail(actual.error());
    if (!*actual) continue;
    CivilDate from = window_start(k);
    CivilDate to{k.year, k.month, days_in_month(k.year, k.month)};
    Result<std::optional<double>> growth = aligned_growth(cache, from, to);
    if (!growth) return fail(growth.error());
    if (!*growth) continue;
    windows.push_back({k, **growth, **actual});
  }
  return windows;
}

}  // namespace

Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const ValueAddedGrowthOf& statistics, YearMonth period,
                                const NowcastOptions& options) {
  if (period.year < 1900 || period.year > 2999 || period.month < 1 || period.month > 12) {
    return fail(Status::usage("not a period of the years 1900–2999: " + period.to_string()));
  }
  YearCache cache(store);
  Nowcast result;
  result.period = period;
  result.level = options.level;
  const YearMonth key = release_period(period);
  result.window_from = {key.year, key.month == 2 ? 1 : key.month};
  result.window_to = key;

  Result<const std::vector<DailyElectricityYear>*> current = cache.of(period.year);
  if (!current) return fail(current.error());
  Result<const std::vector<DailyElectricityYear>*> previous = cache.of(period.year - 1);
  if (!previous) return fail(previous.error());
  result.days = days_with_readings(**current, period.year, period.month);
  result.cut_day = last_day_with_readings(**current, period.year, period.month);
  std::vector<DayPair> month_pairs = calendar_pairs(period.year, period.month);
  result.electricity_growth = pair_sums(**current, **previous, month_pairs).growth();

  Result<std::optional<double>> actual = statistics(key);
  if (!actual) return fail(actual.error());
  result.actual = *actual;
  if (result.cut_day == 0) return result;

  const bool january = period.month == 1;
  Result<std::optional<double>> now =
      aligned_growth(cache, window_start(key), window_cut(key, january, result.cut_day));
  if (!now) return fail(now.error());
  result.aligned_electricity_growth = *now;

  Result<std::vector<TrainingWindow>> windows = training_windows(store, cache, statistics, key);
  if (!windows) return fail(windows.error());
  result.training_months = static_cast<int>(windows->size());
  const auto min_training = static_cast<size_t>(std::max(3, options.min_training_months));

  // Back-test: each window predicted from the windows before it, with the days so far only.
  double absolute_errors = 0;
  for (size_t t = min_training; t < windows->size(); ++t) {
    const TrainingWindow& target = (*windows)[t];
    std::vector<Observation> before = observations(std::span(*windows).first(t));
    std::optional<LineFit> fit = fit_line(before);
    if (!fit) continue;
    Result<std::optional<double>> partial = aligned_growth(
        cache, window_start(target.key), window_cut(target.key, january, result.cut_day));
    if (!partial) return fail(partial.error());
    if (!*partial) continue;
    double estimate = predict(*fit, **partial, options.level).estimate;
    result.backtest.push_back({target.key, estimate, target.value_added_growth});
    absolute_errors += std::abs(estimate - target.value_added_growth);
  }
  if (!result.backtest.empty()) {
    result.mean_absolute_error = absolute_errors / static_cast<double>(result.backtest.size());
  }

  if (windows->size() < min_training || !result.aligned_electricity_growth) return result;
  result.fit = fit_line(observations(*windows));
  if (result.fit) {
    result.value_added_growth =
        predict(*result.fit, *result.aligned_electricity_growth, options.level);
  }
  return result;
}

}  // namespace zhizao
