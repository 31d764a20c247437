#include "signals/division_nowcast_render.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "domain/industry.h"
#include "signals/division_nowcast.h"
#include "signals/json_number.h"

namespace zhizao {
namespace {

// One decimal, rounded once half away from zero, as the report; "—" without a figure.
std::string shown(const std::optional<double>& value) {
  return value ? detail::format_fixed(*value, detail::kRateDecimals) : std::string("—");
}

std::string percent(const std::optional<double>& value) {
  return value ? shown(value) + "%" : std::string("—");
}

std::string_view reason_text(DivisionGap gap, Language language) {
  const bool en = language == Language::kEn;
  switch (gap) {
    case DivisionGap::kNone:
      return "";
    case DivisionGap::kNoReadings:
      return en ? "no reading of the month" : "本月无日用电量";
    case DivisionGap::kTooFewMonths:
      return en ? "too few past months" : "可供拟合的月份不足";
    case DivisionGap::kNoElectricityGrowth:
      return en ? "no day read in both years" : "无两年均有读数的企业日";
    case DivisionGap::kNoFit:
      return en ? "past electricity growth all the same" : "历年用电增速相同，无法拟合";
  }
  return "";
}

}  // namespace

nlohmann::ordered_json division_nowcasts_json(const Nowcast& nowcast) {
  nlohmann::ordered_json rows = nlohmann::ordered_json::array();
  for (const DivisionNowcast& d : nowcast.divisions) {
    const std::optional<PredictionInterval>& v = d.model.value_added_growth;
    std::string_view reason = division_gap_key(d.gap);
    rows.push_back({{"code", d.code},
                    {"name", std::string(division_name(d.code, Language::kZh))},
                    {"enterprises", d.enterprises},
                    {"days", d.days},
                    {"electricity_growth", number_or_null(d.electricity_growth)},
                    {"value_added_growth",
                     {{"estimate", v ? nlohmann::ordered_json(v->estimate) : nullptr},
                      {"low", v ? nlohmann::ordered_json(v->low) : nullptr},
                      {"high", v ? nlohmann::ordered_json(v->high) : nullptr}}},
                    {"backtest",
                     {{"months", d.model.backtest.size()},
                      {"mean_absolute_error", number_or_null(d.model.mean_absolute_error)}}},
                    {"reason", reason.empty() ? nlohmann::ordered_json(nullptr)
                                              : nlohmann::ordered_json(std::string(reason))}});
  }
  return rows;
}

std::string division_nowcasts_text(const Nowcast& nowcast, Language language) {
  if (nowcast.divisions.empty()) return "";
  const bool en = language == Language::kEn;
  const int level = static_cast<int>(std::lround(100 * nowcast.level));
  std::string out =
      en ? fmt::format(
               "\nManufacturing divisions (the same model on each division's enterprises):\n"
               "| Code | Division | Electricity growth | Value-added growth | {}% interval | "
               "Back-test months | Mean absolute error (pp) |\n",
               level)
         : fmt::format(
               "\n分行业（制造业大类，各以本行业企业的用电量与增加值按同一模型估计）：\n"
               "| 代码 | 行业 | 日用电量同比 | 增加值增速估计 | {}%预测区间 | 回测月数 | "
               "平均绝对误差（百分点） |\n",
               level);
  out += "|---|---|---:|---:|---|---:|---:|\n";
  for (const DivisionNowcast& d : nowcast.divisions) {
    const std::optional<PredictionInterval>& v = d.model.value_added_growth;
    std::string estimate = v ? percent(v->estimate) : std::string(reason_text(d.gap, language));
    std::string interval =
        v ? fmt::format("{} {} {}", percent(v->low), en ? "to" : "～", percent(v->high))
          : std::string("—");
    out += fmt::format("| {} | {} | {} | {} | {} | {} | {} |\n", d.code,
                       division_name(d.code, language), percent(d.electricity_growth), estimate,
                       interval, d.model.backtest.size(), shown(d.model.mean_absolute_error));
  }
  return out;
}

}  // namespace zhizao
