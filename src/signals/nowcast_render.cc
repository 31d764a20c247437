#include "signals/nowcast_render.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "domain/industry.h"
#include "signals/division_nowcast_render.h"
#include "signals/json_number.h"

namespace zhizao {
namespace {

// "12.3" or the placeholder: one decimal, rounded once, half away from zero, as the report
// (base/number_format.h; fmt's "{:.1f}" rounds the binary value: 15.45 gives "15.4").
std::string shown(const std::optional<double>& value, std::string_view none) {
  return value ? detail::format_fixed(*value, detail::kRateDecimals) : std::string(none);
}

// "12.3%" or the placeholder alone.
std::string percent(const std::optional<double>& value, std::string_view none) {
  return value ? shown(value, none) + "%" : std::string(none);
}

std::string text_zh(const Nowcast& n) {
  // A month without readings has no day to count up to ("截至7月0日" said nothing).
  std::string out =
      n.days == 0
          ? fmt::format("{}年{}月 用电看经济（本月尚无日用电量）\n", n.period.year, n.period.month)
          : fmt::format("{}年{}月 用电看经济（截至{}月{}日，{}天有日用电量）\n", n.period.year,
                        n.period.month, n.period.month, n.cut_day, n.days);
  out += fmt::format("日用电量同比增长：{}（按日历对齐，两年均有读数的企业日）\n",
                     percent(n.electricity_growth, "—"));
  std::string window = n.window_from == n.window_to
                           ? fmt::format("{}月", n.window_to.month)
                           : fmt::format("{}—{}月", n.window_from.month, n.window_to.month);
  if (n.value_added_growth) {
    const PredictionInterval& v = *n.value_added_growth;
    out += fmt::format("规上工业增加值增速估计（{}）：{}，{:.0f}%预测区间 {} ～ {}\n", window,
                       percent(v.estimate, ""), 100 * n.level, percent(v.low, ""),
                       percent(v.high, ""));
  } else if (n.days == 0) {
    out += fmt::format("规上工业增加值增速估计（{}）：本月尚无日用电量，无法估计\n", window);
  } else {
    out += fmt::format("规上工业增加值增速估计（{}）：可供拟合的月份不足，无法估计\n", window);
  }
  out += fmt::format("回测：{}个月，平均绝对误差 {}个百分点\n", n.backtest.size(),
                     shown(n.mean_absolute_error, "—"));
  if (n.weight) {
    out += fmt::format("日用电量加权：本月截至{}日的增速 × {}，上月全月增速 × {}\n", n.cut_day,
                       detail::format_fixed(*n.weight, 1), detail::format_fixed(1 - *n.weight, 1));
  }
  if (n.actual) out += fmt::format("已报统计数：{}\n", percent(n.actual, ""));
  return out + division_nowcasts_text(n, Language::kZh);
}

std::string text_en(const Nowcast& n) {
  std::string out =
      n.days == 0
          ? fmt::format("Nowcast for {}: no reading of the month yet\n", n.period.to_string())
          : fmt::format("Nowcast for {}: readings on {} days of the month, up to day {}\n",
                        n.period.to_string(), n.days, n.cut_day);
  out += fmt::format(
      "Daily electricity growth: {} (calendar-aligned, enterprise-days read in both years)\n",
      percent(n.electricity_growth, "n/a"));
  std::string window = n.window_from == n.window_to
                           ? n.window_to.to_string()
                           : n.window_from.to_string() + " to " + n.window_to.to_string();
  if (n.value_added_growth) {
    const PredictionInterval& v = *n.value_added_growth;
    out += fmt::format(
        "Industrial value-added growth, {}: estimate {}, {:.0f}% interval {} to {}\n", window,
        percent(v.estimate, ""), 100 * n.level, percent(v.low, ""), percent(v.high, ""));
  } else if (n.days == 0) {
    out += fmt::format("Industrial value-added growth, {}: no reading of the month yet\n", window);
  } else {
    out +=
        fmt::format("Industrial value-added growth, {}: too few past months to estimate\n", window);
  }
  out += fmt::format("Back-test: {} months, mean absolute error {} percentage points\n",
                     n.backtest.size(), shown(n.mean_absolute_error, "n/a"));
  if (n.weight) {
    out += fmt::format(
        "Day weighting: growth of the month up to day {} × {}, of the whole previous month × {}\n",
        n.cut_day, detail::format_fixed(*n.weight, 1), detail::format_fixed(1 - *n.weight, 1));
  }
  if (n.actual) out += fmt::format("Statistics already stored: {}\n", percent(n.actual, ""));
  return out + division_nowcasts_text(n, Language::kEn);
}

}  // namespace

nlohmann::ordered_json nowcast_json(const Nowcast& n, NowcastJson detail) {
  nlohmann::ordered_json value_added = {{"estimate", nullptr}, {"low", nullptr}, {"high", nullptr}};
  if (n.value_added_growth) {
    value_added = {{"estimate", n.value_added_growth->estimate},
                   {"low", n.value_added_growth->low},
                   {"high", n.value_added_growth->high}};
  }
  nlohmann::ordered_json json = {
      {"period", n.period.to_string()},
      {"days", n.days},
      {"electricity_growth", number_or_null(n.electricity_growth)},
      {"value_added_growth", value_added},
      {"backtest",
       {{"months", n.backtest.size()},
        {"mean_absolute_error", number_or_null(n.mean_absolute_error)}}},
  };
  json["divisions"] = division_nowcasts_json(n);
  if (detail == NowcastJson::kContract) return json;
  json["interval_level"] = n.level;
  json["window"] = {{"from", n.window_from.to_string()}, {"to", n.window_to.to_string()}};
  json["cut_day"] = n.cut_day;
  json["aligned_electricity_growth"] = number_or_null(n.aligned_electricity_growth);
  json["day_weighting"] = {{"model", n.day_weighting == DayWeighting::kFitted ? "fitted" : "none"},
                           {"weight", number_or_null(n.weight)},
                           {"regressor", number_or_null(n.regressor)}};
  json["actual"] = number_or_null(n.actual);
  json["training_months"] = n.training_months;
  nlohmann::ordered_json points = nlohmann::ordered_json::array();
  for (const BacktestPoint& p : n.backtest) {
    points.push_back(
        {{"period", p.period.to_string()}, {"estimate", p.estimate}, {"actual", p.actual}});
  }
  json["backtest_points"] = std::move(points);
  return json;
}

std::string nowcast_text(const Nowcast& nowcast, Language language) {
  return language == Language::kEn ? text_en(nowcast) : text_zh(nowcast);
}

WindowStatisticsOf window_statistics_from(
    std::function<Result<ReportData>(const ReportRequest&)> report) {
  return [report = std::move(report)](YearMonth period) -> Result<WindowStatistics> {
    ReportRequest request;
    request.period = period;
    request.window = WindowKind::kMonthly;
    Result<ReportData> data = report(request);
    if (!data) return fail(data.error());
    WindowStatistics statistics;
    statistics.city = data->industry.value_added_growth;
    for (const SetFigures& division : data->divisions) {
      if (is_manufacturing(division.code) && division.value_added_growth) {
        statistics.divisions.emplace(division.code, *division.value_added_growth);
      }
    }
    return statistics;
  };
}

}  // namespace zhizao
