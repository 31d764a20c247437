#include "signals/nowcast.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "signals/daily_growth.h"
#include "signals/division_nowcast.h"

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

// The first month of the window released as `key`.
YearMonth window_first_month(YearMonth key) { return {key.year, key.month == 2 ? 1 : key.month}; }

// The first day of the window released as `key`.
CivilDate window_start(YearMonth key) { return {key.year, key.month == 2 ? 1 : key.month, 1}; }

// The last day of the window released as `key` as seen on day `cut` of the nowcast's month: in
// January (a January nowcast) for January–February windows, else in the window's last month.
CivilDate window_cut(YearMonth key, bool january_nowcast, int cut) {
  int month = key.month == 2 && january_nowcast ? 1 : key.month;
  return {key.year, month, std::min(cut, days_in_month(key.year, month))};
}

// The Spring-Festival-aligned growth over the days `from`..`to` of one year (festival_pairs) of
// every group (grouped_pair_sums: 0 the city, g the g-th division).
Result<std::vector<std::optional<double>>> aligned_growths(YearCache& cache, const CivilDate& from,
                                                           const CivilDate& to,
                                                           const EnterpriseGroups& group_of,
                                                           size_t groups) {
  Result<const std::vector<DailyElectricityYear>*> current = cache.of(from.year);
  if (!current) return fail(current.error());
  Result<const std::vector<DailyElectricityYear>*> previous = cache.of(from.year - 1);
  if (!previous) return fail(previous.error());
  Result<const std::vector<DailyElectricityYear>*> two_back = cache.of(from.year - 2);
  if (!two_back) return fail(two_back.error());
  std::vector<DayPair> pairs = festival_pairs(from, to);
  std::vector<std::optional<double>> growths;
  for (const DailyGrowthSums& sums :
       grouped_pair_sums(**current, **previous, pairs, group_of, groups, **two_back)) {
    growths.push_back(sums.growth());
  }
  return growths;
}

// What the model of `weighting` needs of the window released as `key`, seen on day `cut`, for
// every group.
Result<std::vector<WindowRegressors>> regressors_of(YearCache& cache, YearMonth key,
                                                    bool january_nowcast, int cut,
                                                    const EnterpriseGroups& group_of, size_t groups,
                                                    DayWeighting weighting) {
  std::vector<WindowRegressors> windows(groups);
  Result<std::vector<std::optional<double>>> so_far = aligned_growths(
      cache, window_start(key), window_cut(key, january_nowcast, cut), group_of, groups);
  if (!so_far) return fail(so_far.error());
  // kNone learns from whole windows, kFitted from the whole month before the window.
  YearMonth before = window_first_month(key).plus_months(-1);
  Result<std::vector<std::optional<double>>> other =
      weighting == DayWeighting::kNone
          ? aligned_growths(cache, window_start(key),
                            {key.year, key.month, days_in_month(key.year, key.month)}, group_of,
                            groups)
          : aligned_growths(cache, {before.year, before.month, 1},
                            {before.year, before.month, days_in_month(before.year, before.month)},
                            group_of, groups);
  if (!other) return fail(other.error());
  for (size_t g = 0; g < groups; ++g) {
    windows[g].key = key;
    windows[g].so_far = (*so_far)[g];
    (weighting == DayWeighting::kNone ? windows[g].whole : windows[g].previous_month) = (*other)[g];
  }
  return windows;
}

// The statistics of `group` (0: the city; g: the g-th division of `codes`) in `statistics`.
std::optional<double> statistics_of(const WindowStatistics& statistics,
                                    const std::vector<std::string>& codes, size_t group) {
  if (group == 0) return statistics.city;
  auto found = statistics.divisions.find(codes[group - 1]);
  if (found == statistics.divisions.end()) return std::nullopt;
  return found->second;
}

}  // namespace

Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const WindowStatisticsOf& statistics,
                                const DivisionMembers& divisions, YearMonth period,
                                const NowcastOptions& options) {
  if (period.year < 1900 || period.year > 2999 || period.month < 1 || period.month > 12) {
    return fail(Status::usage("not a period of the years 1900–2999: " + period.to_string()));
  }
  if (options.cut_day && (*options.cut_day < 1 || *options.cut_day > 31)) {
    return fail(Status::usage("the cut day must be 1–31: " + std::to_string(*options.cut_day)));
  }
  YearCache cache(store);
  Nowcast result;
  result.period = period;
  result.level = options.level;
  result.day_weighting = options.day_weighting;
  const YearMonth key = release_period(period);
  result.window_from = window_first_month(key);
  result.window_to = key;

  Result<const std::vector<DailyElectricityYear>*> current = cache.of(period.year);
  if (!current) return fail(current.error());
  Result<const std::vector<DailyElectricityYear>*> previous = cache.of(period.year - 1);
  if (!previous) return fail(previous.error());
  result.days = days_with_readings(**current, period.year, period.month);
  result.cut_day = last_day_with_readings(**current, period.year, period.month);
  if (options.cut_day) result.cut_day = std::min(result.cut_day, *options.cut_day);
  // Group 0 is the city (every enterprise with readings), then each division in code order.
  std::vector<std::string> codes;
  EnterpriseGroups group_of;
  for (const auto& [code, members] : divisions) {
    codes.push_back(code);
    for (const std::string& uscc : members) group_of.emplace(uscc, codes.size());
  }
  const size_t groups = codes.size() + 1;
  std::vector<DayPair> month_pairs = calendar_pairs(period.year, period.month);
  std::vector<DailyGrowthSums> month_sums =
      grouped_pair_sums(**current, **previous, month_pairs, group_of, groups);
  std::vector<int> days_read =
      grouped_days_with_readings(**current, period.year, period.month, group_of, groups);
  result.electricity_growth = month_sums[0].growth();
  for (size_t g = 1; g < groups; ++g) {
    DivisionNowcast d;
    d.code = codes[g - 1];
    d.enterprises = static_cast<long>(divisions.at(d.code).size());
    d.days = days_read[g];
    d.electricity_growth = month_sums[g].growth();
    result.divisions.push_back(std::move(d));
  }

  Result<WindowStatistics> actual = statistics(key);
  if (!actual) return fail(actual.error());
  result.actual = actual->city;
  if (result.cut_day == 0) {
    for (DivisionNowcast& d : result.divisions) d.gap = DivisionGap::kNoReadings;
    return result;
  }

  const bool january = period.month == 1;
  Result<std::vector<WindowRegressors>> now =
      regressors_of(cache, key, january, result.cut_day, group_of, groups, options.day_weighting);
  if (!now) return fail(now.error());

  // Every window released before `key` whose year can be compared with a year of readings.
  std::vector<std::vector<WindowRegressors>> past(groups);
  Result<std::vector<int>> years = store.years();
  if (!years) return fail(years.error());
  const YearMonth first = years->empty() ? key : YearMonth{years->front() + 1, 2};
  for (YearMonth k = first; k < key; k = k.plus_months(1)) {
    if (k.month == 1) continue;
    Result<WindowStatistics> known = statistics(k);
    if (!known) return fail(known.error());
    if (!known->city && known->divisions.empty()) continue;
    Result<std::vector<WindowRegressors>> windows =
        regressors_of(cache, k, january, result.cut_day, group_of, groups, options.day_weighting);
    if (!windows) return fail(windows.error());
    for (size_t g = 0; g < groups; ++g) {
      std::optional<double> value_added = statistics_of(*known, codes, g);
      if (!value_added) continue;
      (*windows)[g].value_added_growth = value_added;
      past[g].push_back((*windows)[g]);
    }
  }

  result.aligned_electricity_growth = (*now)[0].so_far;
  GroupNowcast city = nowcast_group(past[0], (*now)[0], options);
  result.weight = city.weight;
  result.regressor = city.regressor;
  result.value_added_growth = city.value_added_growth;
  result.training_months = city.training_months;
  result.fit = city.fit;
  result.backtest = std::move(city.backtest);
  result.mean_absolute_error = city.mean_absolute_error;
  for (size_t i = 0; i < result.divisions.size(); ++i) {
    DivisionNowcast& d = result.divisions[i];
    d.aligned_electricity_growth = (*now)[i + 1].so_far;
    d.model = nowcast_group(past[i + 1], (*now)[i + 1], options);
    d.gap = division_gap(d, options);
  }
  return result;
}

Result<Nowcast> compute_nowcast(const DailyReadingsSource& store,
                                const ValueAddedGrowthOf& statistics, YearMonth period,
                                const NowcastOptions& options) {
  WindowStatisticsOf city_only = [&statistics](YearMonth key) -> Result<WindowStatistics> {
    Result<std::optional<double>> city = statistics(key);
    if (!city) return fail(city.error());
    return WindowStatistics{*city, {}};
  };
  return compute_nowcast(store, city_only, DivisionMembers{}, period, options);
}

}  // namespace zhizao
