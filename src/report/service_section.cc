#include "report/service_section.h"

#include <fmt/format.h>

#include <algorithm>

#include "base/number_format.h"
#include "report/narrative.h"
#include "report/period_wording.h"

namespace zhizao::detail {
namespace {

// The name of unvisited enterprise i, its code when the name is unknown.
std::string unvisited_label(const ServiceFigures& service, std::size_t i) {
  const std::string& name = i < service.unvisited_names.size() ? service.unvisited_names[i] : "";
  return name.empty() ? service.city.unvisited[i] : name;
}

std::vector<std::string> first_unvisited(const ServiceFigures& service) {
  std::vector<std::string> labels;
  const std::size_t count = std::min(service.city.unvisited.size(), kServiceNamedItems);
  for (std::size_t i = 0; i < count; ++i) labels.push_back(unvisited_label(service, i));
  return labels;
}

std::string visits_zh(const ServiceFigures& service, int month, const std::string& area) {
  const ServiceGroupFigures& city = service.city;
  if (city.assigned == 0) return "";
  std::string text = fmt::format("{}月，{}包联企业{}家，当月走访{}家，走访覆盖率{}%", month, area,
                                 city.assigned, city.visited, format_rate(city.visit_coverage));
  if (city.unvisited.empty()) return text + "，实现每月必访。";
  text += fmt::format("；当月未走访企业{}家：{}", city.unvisited.size(),
                      join(first_unvisited(service), "、"));
  if (city.unvisited.size() > kServiceNamedItems) text += "等";
  return text + "。";
}

std::string overdue_zh(const OverdueCase& c) {
  const std::string who = c.name.empty() ? c.uscc : c.name;
  return fmt::format("{}（{}，{}，{}，超期{}天）", c.id, who, c.category, c.department,
                     c.days_overdue);
}

std::string cases_zh(const ServiceFigures& service, const ReportData& report) {
  const ServiceGroupFigures& city = service.city;
  std::string text;
  const std::string window = window_label(report.period.month, report.window, Language::kZh);
  if (city.cases_resolved > 0) {
    text = fmt::format("{}，办结企业诉求{}件，按期办结率{}%，办结用时中位数{}天", window,
                       city.cases_resolved, format_rate(city.on_time_rate),
                       format_rate(city.median_days));
    if (has_figure(city.mean_rating)) {
      text += fmt::format("，平均满意度{}分（满分5分）", format_fixed(*city.mean_rating, 2));
    }
    text += "。";
  } else {
    text = window + "，无办结的企业诉求。";
  }
  if (city.open_overdue == 0)
    return text + fmt::format("截至{}月底，无超期未办结诉求。", report.period.month);
  std::vector<std::string> listed;
  for (std::size_t i = 0; i < std::min(service.overdue.size(), kServiceNamedItems); ++i) {
    listed.push_back(overdue_zh(service.overdue[i]));
  }
  text += fmt::format("截至{}月底，超期未办结诉求{}件：{}", report.period.month, city.open_overdue,
                      join(listed, "；"));
  if (service.overdue.size() > kServiceNamedItems) text += "等";
  return text + "，需督促办理。";
}

std::string visits_en(const ServiceFigures& service, int month, const std::string& area) {
  const ServiceGroupFigures& city = service.city;
  if (city.assigned == 0) return "";
  std::string text = fmt::format(
      "In {}, cadres of {} were assigned to {} enterprises and visited {} of them, a visit "
      "coverage of {}%",
      english_month(month), area, city.assigned, city.visited, format_rate(city.visit_coverage));
  if (city.unvisited.empty()) return text + ": every enterprise was visited.";
  text += fmt::format("; {} {} not visited: {}", city.unvisited.size(),
                      city.unvisited.size() == 1 ? "was" : "were",
                      join(first_unvisited(service), ", "));
  if (city.unvisited.size() > kServiceNamedItems) text += " and others";
  return text + ".";
}

std::string cases_en(const ServiceFigures& service, const ReportData& report) {
  const ServiceGroupFigures& city = service.city;
  const std::string window = window_label(report.period.month, report.window, Language::kEn);
  std::string text;
  if (city.cases_resolved > 0) {
    text = fmt::format("In {}, {} resolved, {}% of them on time, in a median of {} days", window,
                       city.cases_resolved == 1
                           ? std::string("1 enterprise case was")
                           : fmt::format("{} enterprise cases were", city.cases_resolved),
                       format_rate(city.on_time_rate), format_rate(city.median_days));
    if (has_figure(city.mean_rating)) {
      text += fmt::format("; the mean rating was {} out of 5", format_fixed(*city.mean_rating, 2));
    }
    text += ".";
  } else {
    text = fmt::format("No enterprise case was resolved in {}.", window);
  }
  const std::string month = english_month(report.period.month);
  if (city.open_overdue == 0)
    return text + fmt::format(" No case was open past its deadline at the end of {}.", month);
  std::vector<std::string> listed;
  for (std::size_t i = 0; i < std::min(service.overdue.size(), kServiceNamedItems); ++i) {
    const OverdueCase& c = service.overdue[i];
    listed.push_back(fmt::format("{} ({}, {}, {}, {} days overdue)", c.id,
                                 c.name.empty() ? c.uscc : c.name, c.category, c.department,
                                 c.days_overdue));
  }
  text += fmt::format(" At the end of {}, {} open past {} deadline: {}", month,
                      city.open_overdue == 1 ? std::string("1 case was")
                                             : fmt::format("{} cases were", city.open_overdue),
                      city.open_overdue == 1 ? "its" : "their", join(listed, "; "));
  if (service.overdue.size() > kServiceNamedItems) text += " and others";
  return text + ".";
}

}  // namespace

std::vector<std::string> service_paragraphs_zh(const ReportData& report, const std::string& area) {
  if (!report.service) return {};
  return {visits_zh(*report.service, report.period.month, area), cases_zh(*report.service, report)};
}

std::vector<std::string> service_paragraphs_en(const ReportData& report, const std::string& area) {
  if (!report.service) return {};
  return {visits_en(*report.service, report.period.month, area), cases_en(*report.service, report)};
}

}  // namespace zhizao::detail
