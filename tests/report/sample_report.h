// Hand-made ReportData and Explanation for the report tests: the April 2021 figures of the
// bureau's lead article where it gives them (12.7%, 20.13%, 26 of 31, 60 key enterprises,
// 225.5亿元, 154/164 starts), the rest invented to reach every wording boundary.
#pragma once

#include <optional>
#include <string>

#include "engine/engine.h"
#include "engine/report_data.h"

namespace zhizao::testing {

inline SetFigures make_set(std::string code, std::string name, std::optional<double> growth,
                           std::optional<double> contribution, std::optional<double> pull,
                           long enterprises) {
  SetFigures set;
  set.code = std::move(code);
  set.name = std::move(name);
  set.value_added_growth = growth;
  set.contribution = contribution;
  set.pull = pull;
  set.enterprises = enterprises;
  return set;
}

inline KeyEnterpriseFigures make_key(std::string uscc, std::string name, std::string division,
                                     double current, double previous, std::optional<double> growth,
                                     std::optional<double> pull) {
  KeyEnterpriseFigures key;
  key.uscc = std::move(uscc);
  key.name = std::move(name);
  key.division = std::move(division);
  key.region = "410302";
  key.output.current = current;
  key.output.previous = previous;
  key.output.pairs = 4;
  key.output_growth = growth;
  key.pull = pull;
  return key;
}

inline ReportData sample_report() {
  ReportData r;
  r.period = {2021, 4};
  r.area = {"410300", "洛阳市", AreaLevel::kCity};  // the area its enterprises lie in
  r.window = WindowKind::kCumulative;
  r.window_from = {2021, 1};
  r.window_to = {2021, 4};

  r.industry = make_set("", "规模以上工业", 12.7, 100.0, 12.7, 1850);
  r.industry.value_added = {112.7, 100.0, 7400};
  r.industry.two_year_average_growth = 6.6;
  r.industry.output_growth = 15.2;
  r.industry.electricity_growth = 20.1345;
  r.manufacturing = make_set("", "制造业", 12.5, 88.0, 11.2, 1700);
  r.previous_value_added_growth = 13.2;
  r.previous_manufacturing_growth = 12.44;

  r.sections = {make_set("B", "采矿业", -3.04, -2.0, -0.25, 60),
                make_set("C", "制造业", 12.5, 88.0, 11.2, 1700),
                make_set("D", "电力、热力、燃气及水生产和供应业", 0.04, 0.1, 0.01, 90)};
  r.manufacturing_breadth = {31, 26, 21, 26.0 / 31.0 * 100.0};

  r.divisions = {make_set("08", "黑色金属矿采选业", -0.05, -0.03, -0.004, 5),
                 make_set("13", "农副食品加工业", 9.1, 2.3, 0.29, 90),
                 make_set("26", "化学原料和化学制品制造业", -4.56, -3.1, -0.39, 70),
                 make_set("34", "通用设备制造业", 25.13, 16.5, 2.1, 120),
                 make_set("36", "汽车制造业", 18.0, 12.0, 1.52, 40),
                 make_set("41", "其他制造业", std::nullopt, std::nullopt, std::nullopt, 3),
                 make_set("44", "电力、热力生产和供应业", 0.04, 0.02, 0.003, 30)};
  r.divisions[4].at_current_prices = true;
  r.divisions_at_current_prices = {"36"};

  r.regions = {make_set("410302", "老城区", 8.4, 1.2, 0.15, 40),
               make_set("410323", "新安县", -2.2, -0.8, -0.1, 80),
               make_set("410329", "伊川县", std::nullopt, std::nullopt, std::nullopt, 2),
               make_set("410381", "偃师市", 15.63, 9.0, 1.14, 150)};
  r.parks = {make_set("P01", "洛阳高新技术产业开发区", 14.0, std::nullopt, std::nullopt, 200),
             make_set("P02", "洛龙科技园", -1.3, std::nullopt, std::nullopt, 50)};
  r.chains = {make_set("C01", "农机装备", 22.0, std::nullopt, std::nullopt, 30)};

  KeyEnterprises& key = r.key_enterprises;
  key.count = 60;
  key.output = {1310000, 1000000, 240};
  key.output_growth = 31.0;
  key.over_30 = 25;
  key.over_50 = 21;
  key.doubled = 11;
  key.growing = 42;
  key.declining = 2;
  key.enterprises = {
      make_key("91410300171150553X", "中国一拖集团有限公司", "36", 145000, 100000, 45.0, 4.5),
      make_key("91410300MA44X1234A", "中信重工机械股份有限公司", "34", 230000, 200000, 15.0, 3.0),
      make_key("91410300MA44X5678B", "洛阳鸿泰半导体有限公司", "39", 60000, 10000, 500.0, 5.0),
      make_key("91410300MA44X9999C", "洛阳某化工有限公司", "26", 40000, 50000, -20.0, -1.0),
      make_key("91410300MA44X8888D", "洛阳某矿业有限公司", "08", 9990, 10000, -0.1, -0.001),
      make_key("91410300MA44X7777E", "洛阳新建企业有限公司", "13", 5000, 0, std::nullopt,
               std::nullopt)};

  ProjectFigures& p = r.projects;
  p.projects = 300;
  p.investment = 2255000;
  p.planned_starts = 154;
  p.actual_starts = 164;
  p.year_planned_starts = 283;
  p.start_share = 164.0 / 283.0 * 100.0;
  p.planned_completions = 10;
  p.actual_completions = 17;
  p.year_planned_completions = 40;
  p.completion_share = 42.5;
  p.year_plan_investment = 6000000;
  p.investment_share = 2255000.0 / 6000000.0 * 100.0;
  p.time_progress = 120.0 / 365.0 * 100.0;
  return r;
}

inline Explanation sample_explanation() {
  Explanation e;
  e.target = {ExplainKind::kDivision, "34"};
  e.name = "通用设备制造业";
  e.measure = "value_added";
  e.totals = make_set("34", "通用设备制造业", 25.0, 16.5, 2.1, 3);
  e.totals.value_added = {125.0, 100.0, 8};
  EnterpriseShare a{"91410300MA44X1234A",
                    "中信重工机械股份有限公司",
                    "34",
                    "410302",
                    90.0,
                    70.0,
                    4,
                    90.0 / 70.0 * 100 - 100,
                    80.0,
                    20.0,
                    4,
                    ""};
  EnterpriseShare b{"91410300MA44X2222F",
                    "洛阳轴承有限公司",
                    "34",
                    "410381",
                    35.0,
                    30.0,
                    4,
                    35.0 / 30.0 * 100 - 100,
                    20.0,
                    5.0,
                    4,
                    ""};
  EnterpriseShare c{"91410300MA44X3333G",
                    "洛阳新厂有限公司",
                    "34",
                    "410323",
                    0,
                    0,
                    0,
                    std::nullopt,
                    std::nullopt,
                    std::nullopt,
                    2,
                    "no previous-year figures"};
  e.enterprises = {a, b, c};
  return e;
}

}  // namespace zhizao::testing
