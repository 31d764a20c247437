#include "store/record_keys.h"

#include <nlohmann/json.hpp>

#include <optional>

#include "domain/target_indicator.h"

namespace zhizao::detail {
namespace {

// Keeps the contract's column order in the stored text, which makes revisions easy to read.
using Json = nlohmann::ordered_json;

Json optional_json(const std::optional<double>& value) {
  return value ? Json(*value) : Json(nullptr);
}

Json optional_json(const std::optional<CivilDate>& value) {
  return value ? Json(value->to_string()) : Json(nullptr);
}

template <typename Integer>
Json optional_json(const std::optional<Integer>& value) {
  return value ? Json(*value) : Json(nullptr);
}

}  // namespace

const char* kind_name(const Enterprise&) { return "enterprise"; }
const char* kind_name(const MonthlyRecord&) { return "monthly"; }
const char* kind_name(const Deflator&) { return "deflator"; }
const char* kind_name(const ValueAddedRatio&) { return "va_ratio"; }
const char* kind_name(const Park&) { return "park"; }
const char* kind_name(const Chain&) { return "chain"; }
const char* kind_name(const Project&) { return "project"; }
const char* kind_name(const ProjectProgress&) { return "project_progress"; }
const char* kind_name(const RegionGroup&) { return "region_group"; }
const char* kind_name(const Product&) { return "product"; }
const char* kind_name(const ProductOutput&) { return "product_output"; }
const char* kind_name(const Target&) { return "target"; }
const char* kind_name(const Campaign&) { return "campaign"; }
const char* kind_name(const Assignment&) { return "assignment"; }
const char* kind_name(const Visit&) { return "visit"; }
const char* kind_name(const ServiceCase&) { return "case"; }

std::string key_text(const Enterprise& row) { return row.uscc; }
std::string key_text(const MonthlyRecord& row) { return row.uscc + "|" + row.period.to_string(); }
std::string key_text(const Deflator& row) { return row.division + "|" + row.period.to_string(); }
std::string key_text(const ValueAddedRatio& row) {
  return row.division + "|" + std::to_string(row.year);
}
std::string key_text(const Park& row) { return row.id; }
std::string key_text(const Chain& row) { return row.id; }
std::string key_text(const Project& row) { return row.id; }
std::string key_text(const ProjectProgress& row) {
  return row.project_id + "|" + row.period.to_string();
}
std::string key_text(const RegionGroup& row) { return row.id; }
std::string key_text(const Product& row) { return row.code; }
std::string key_text(const ProductOutput& row) {
  return row.uscc + "|" + row.period.to_string() + "|" + row.product;
}
std::string key_text(const Target& row) { return row.id; }
std::string key_text(const Campaign& row) { return row.id; }
std::string key_text(const Assignment& row) {
  return row.uscc + "|" + row.cadre + "|" + row.department;
}
std::string key_text(const Visit& row) {
  return row.uscc + "|" + row.date.to_string() + "|" + row.cadre;
}
std::string key_text(const ServiceCase& row) { return row.id; }

std::string revision_uscc(const Enterprise& row) { return row.uscc; }
std::string revision_uscc(const MonthlyRecord& row) { return row.uscc; }
std::string revision_uscc(const ProductOutput& row) { return row.uscc; }
std::string revision_uscc(const Assignment& row) { return row.uscc; }
std::string revision_uscc(const Visit& row) { return row.uscc; }
std::string revision_uscc(const ServiceCase& row) { return row.uscc; }

std::string to_json_text(const Enterprise& row) {
  return Json{{"uscc", row.uscc},      {"name", row.name}, {"industry", row.industry},
              {"region", row.region},  {"park", row.park}, {"chains", row.chains},
              {"key", row.key ? 1 : 0}}
      .dump();
}

std::string to_json_text(const MonthlyRecord& row) {
  return Json{{"uscc", row.uscc},
              {"period", row.period.to_string()},
              {"output", row.output},
              {"value_added", optional_json(row.value_added)},
              {"electricity", optional_json(row.electricity)},
              {"output_prev", optional_json(row.output_prev)},
              {"value_added_prev", optional_json(row.value_added_prev)},
              {"electricity_prev", optional_json(row.electricity_prev)},
              {"in_scope", row.in_scope ? 1 : 0}}
      .dump();
}

std::string to_json_text(const Deflator& row) {
  return Json{{"industry", row.division}, {"period", row.period.to_string()}, {"ppi", row.ppi}}
      .dump();
}

std::string to_json_text(const ValueAddedRatio& row) {
  return Json{{"industry", row.division}, {"year", row.year}, {"ratio", row.ratio}}.dump();
}

std::string to_json_text(const Park& row) {
  return Json{
      {"id", row.id}, {"name", row.name}, {"region", row.region}, {"category", row.category}}
      .dump();
}

std::string to_json_text(const Chain& row) {
  return Json{{"id", row.id}, {"name", row.name}}.dump();
}

std::string to_json_text(const Project& row) {
  return Json{{"id", row.id},
              {"name", row.name},
              {"region", row.region},
              {"total_investment", row.total_investment},
              {"industry", row.industry},
              {"chain", row.chain},
              {"park", row.park},
              {"year_plan_investment", optional_json(row.year_plan_investment)},
              {"planned_start", optional_json(row.planned_start)},
              {"actual_start", optional_json(row.actual_start)},
              {"planned_completion", optional_json(row.planned_completion)},
              {"actual_completion", optional_json(row.actual_completion)},
              {"campaign", row.campaign}}
      .dump();
}

std::string to_json_text(const ProjectProgress& row) {
  return Json{
      {"id", row.project_id}, {"period", row.period.to_string()}, {"investment", row.investment}}
      .dump();
}

std::string to_json_text(const RegionGroup& row) {
  return Json{{"id", row.id}, {"name", row.name}, {"members", row.members}}.dump();
}

std::string to_json_text(const Product& row) {
  return Json{
      {"code", row.code}, {"name", row.name}, {"unit", row.unit}, {"division", row.division}}
      .dump();
}

std::string to_json_text(const ProductOutput& row) {
  return Json{{"uscc", row.uscc},
              {"period", row.period.to_string()},
              {"product", row.product},
              {"quantity", row.quantity},
              {"quantity_prev", optional_json(row.quantity_prev)}}
      .dump();
}

std::string to_json_text(const Target& row) {
  return Json{{"id", row.id},
              {"name", row.name},
              {"indicator", target_indicator_name(row.indicator)},
              {"scope", row.scope},
              {"year", row.year},
              {"value", row.value},
              {"threshold", optional_json(row.threshold)}}
      .dump();
}

std::string to_json_text(const Campaign& row) {
  return Json{{"id", row.id},
              {"name", row.name},
              {"from", row.from.to_string()},
              {"to", row.to.to_string()},
              {"planned_starts", optional_json(row.planned_starts)},
              {"planned_completions", optional_json(row.planned_completions)},
              {"planned_investment", optional_json(row.planned_investment)}}
      .dump();
}

std::string to_json_text(const Assignment& row) {
  return Json{{"uscc", row.uscc}, {"cadre", row.cadre}, {"department", row.department}}.dump();
}

std::string to_json_text(const Visit& row) {
  return Json{{"uscc", row.uscc},
              {"date", row.date.to_string()},
              {"cadre", row.cadre},
              {"findings", row.findings}}
      .dump();
}

std::string to_json_text(const ServiceCase& row) {
  return Json{{"id", row.id},
              {"uscc", row.uscc},
              {"raised", row.raised.to_string()},
              {"category", row.category},
              {"department", row.department},
              {"deadline", row.deadline.to_string()},
              {"resolved", optional_json(row.resolved)},
              {"rating", optional_json(row.rating)}}
      .dump();
}

}  // namespace zhizao::detail
