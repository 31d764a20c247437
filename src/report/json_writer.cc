#include "report/json_writer.h"

#include <cmath>
#include <string>
#include <vector>

#include "report/json_service.h"
#include "report/products_section.h"
#include "report/render.h"
#include "report/safety_section.h"
#include "report/steering_section.h"
#include "report/warnings_render.h"

namespace zhizao {
namespace detail {
namespace {

using json = nlohmann::ordered_json;

json sums_to_json(const ComparableSums& sums) {
  return {{"current", sums.current}, {"previous", sums.previous}, {"pairs", sums.pairs}};
}

json sets_to_json(const std::vector<SetFigures>& sets, const char* id_key) {
  json out = json::array();
  for (const SetFigures& set : sets) out.push_back(set_to_json(set, id_key));
  return out;
}

json breadth_to_json(const Breadth& breadth) {
  return {{"with_data", breadth.with_data},
          {"growing", breadth.growing},
          {"double_digit", breadth.double_digit},
          {"share", optional_number(breadth.share)}};
}

json industry_to_json(const ReportData& report) {
  const SetFigures& industry = report.industry;
  json out = {
      {"value_added_growth", optional_number(industry.value_added_growth)},
      {"manufacturing_value_added_growth",
       optional_number(report.manufacturing.value_added_growth)},
      {"output_growth", optional_number(industry.output_growth)},
      {"electricity_growth", optional_number(industry.electricity_growth)},
      {"enterprises", industry.enterprises},
      {"manufacturing_breadth", breadth_to_json(report.manufacturing_breadth)},
      {"divisions", sets_to_json(report.divisions, "code")},
      {"regions", sets_to_json(report.regions, "code")},
      {"parks", sets_to_json(report.parks, "id")},
      {"chains", sets_to_json(report.chains, "id")},
  };
  // Extra keys, beyond the contract.
  out["two_year_average_growth"] = optional_number(industry.two_year_average_growth);
  out["previous_value_added_growth"] = optional_number(report.previous_value_added_growth);
  out["previous_manufacturing_value_added_growth"] =
      optional_number(report.previous_manufacturing_growth);
  out["value_added"] = sums_to_json(industry.value_added);
  out["output"] = sums_to_json(industry.output);
  out["electricity"] = sums_to_json(industry.electricity);
  out["manufacturing"] = set_to_json(report.manufacturing, "code");
  out["sections"] = sets_to_json(report.sections, "code");
  out["cities"] = sets_to_json(report.cities, "code");
  out["provinces"] = sets_to_json(report.provinces, "code");
  out["region_groups"] = sets_to_json(report.region_groups, "id");
  out["divisions_at_current_prices"] = report.divisions_at_current_prices;
  return out;
}

json key_enterprises_to_json(const KeyEnterprises& key) {
  json enterprises = json::array();
  for (const KeyEnterpriseFigures& e : key.enterprises) {
    enterprises.push_back({{"uscc", e.uscc},
                           {"name", e.name},
                           {"division", e.division},
                           {"region", e.region},
                           {"output", sums_to_json(e.output)},
                           {"output_growth", optional_number(e.output_growth)},
                           {"pull", optional_number(e.pull)}});
  }
  return {{"count", key.count},         {"output_growth", optional_number(key.output_growth)},
          {"over_50", key.over_50},     {"doubled", key.doubled},
          {"over_30", key.over_30},     {"growing", key.growing},
          {"declining", key.declining}, {"output", sums_to_json(key.output)},
          {"enterprises", enterprises}};
}

json projects_to_json(const ProjectFigures& p) {
  return {{"investment", p.investment},
          {"planned_starts", p.planned_starts},
          {"actual_starts", p.actual_starts},
          {"year_planned_starts", p.year_planned_starts},
          {"start_share", optional_number(p.start_share)},
          {"planned_completions", p.planned_completions},
          {"actual_completions", p.actual_completions},
          {"projects", p.projects},
          {"year_planned_completions", p.year_planned_completions},
          {"completion_share", optional_number(p.completion_share)},
          {"year_plan_investment", p.year_plan_investment},
          {"investment_share", optional_number(p.investment_share)},
          {"time_progress", optional_number(p.time_progress)}};
}

const char* explain_kind_name(ExplainKind kind) {
  switch (kind) {
    case ExplainKind::kIndustry:
      return "industry";
    case ExplainKind::kManufacturing:
      return "manufacturing";
    case ExplainKind::kDivision:
      return "division";
    case ExplainKind::kRegion:
      return "region";
    case ExplainKind::kPark:
      return "park";
    case ExplainKind::kChain:
      return "chain";
    case ExplainKind::kKeyEnterprises:
      return "key_enterprises";
  }
  return "unknown";
}

}  // namespace

json optional_number(const std::optional<double>& value) {
  if (!value.has_value() || !std::isfinite(*value)) return nullptr;
  return *value;
}

json set_to_json(const SetFigures& set, const char* id_key) {
  return {{id_key, set.code},
          {"name", set.name},
          {"value_added_growth", optional_number(set.value_added_growth)},
          {"contribution", optional_number(set.contribution)},
          {"pull", optional_number(set.pull)},
          {"output_growth", optional_number(set.output_growth)},
          {"electricity_growth", optional_number(set.electricity_growth)},
          {"two_year_average_growth", optional_number(set.two_year_average_growth)},
          {"enterprises", set.enterprises},
          {"at_current_prices", set.at_current_prices},
          {"value_added", sums_to_json(set.value_added)},
          {"output", sums_to_json(set.output)},
          {"electricity", sums_to_json(set.electricity)}};
}

json explanation_to_json(const Explanation& explanation) {
  json enterprises = json::array();
  for (const EnterpriseShare& e : explanation.enterprises) {
    enterprises.push_back({{"uscc", e.uscc},
                           {"name", e.name},
                           {"division", e.division},
                           {"region", e.region},
                           {"current", e.current},
                           {"previous", e.previous},
                           {"pairs", e.pairs},
                           {"growth", optional_number(e.growth)},
                           {"contribution", optional_number(e.contribution)},
                           {"pull", optional_number(e.pull)},
                           {"months_in_scope", e.months_in_scope},
                           {"note", e.note}});
  }
  return {
      {"target",
       {{"kind", explain_kind_name(explanation.target.kind)}, {"code", explanation.target.code}}},
      {"name", explanation.name},
      {"measure", explanation.measure},
      {"totals", set_to_json(explanation.totals, "code")},
      {"enterprises", enterprises}};
}

}  // namespace detail

nlohmann::ordered_json report_to_json(const ReportData& report) {
  nlohmann::ordered_json out = {
      {"period", report.period.to_string()},
      {"window", {{"from", report.window_from.to_string()}, {"to", report.window_to.to_string()}}},
      {"industry", detail::industry_to_json(report)},
      {"key_enterprises", detail::key_enterprises_to_json(report.key_enterprises)},
      {"projects", detail::projects_to_json(report.projects)},
  };
  if (!report.products.empty()) out["products"] = detail::products_to_json(report);
  detail::add_steering_json(report, out);
  if (report.service) out["service"] = detail::service_to_json(*report.service);
  if (report.safety) out["safety"] = detail::safety_to_json(*report.safety);  // docs/safety.md
  if (!report.warnings.empty()) {
    out["warnings"] = warnings_to_json(report.warnings, Language::kZh);
  }
  out["monthly"] = report.window == WindowKind::kMonthly;
  out["scope"] =
      report.scope.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(report.scope);
  // The installation's area (issue 16, area/installation_area.h): an extra key beyond the
  // contract, which names the dashboard's title and map.
  constexpr const char* kLevels[] = {"country", "province", "city", "county"};
  out["area"] = {{"code", report.area.code},
                 {"name", report.area.name},
                 {"level", kLevels[static_cast<int>(report.area.level)]},
                 {"word", whole_area_word(report.area, Language::kZh)},
                 {"word_en", whole_area_word(report.area, Language::kEn)}};
  return out;
}

}  // namespace zhizao
