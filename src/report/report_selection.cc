#include "report/report_selection.h"

#include <algorithm>
#include <cmath>

#include "domain/industry.h"

namespace zhizao::detail {
namespace {

// nullopt sorts after every figure in either order.
bool before_by_pull(const SetFigures* a, const SetFigures* b, Order order) {
  bool has_a = has_figure(a->pull);
  bool has_b = has_figure(b->pull);
  if (has_a != has_b) return has_a;
  if (has_a && *a->pull != *b->pull) {
    return order == Order::kDescending ? *a->pull > *b->pull : *a->pull < *b->pull;
  }
  return a->code < b->code;
}

const SetFigures* find_by_code(const std::vector<SetFigures>& sets, const std::string& code) {
  for (const SetFigures& set : sets) {
    if (set.code == code) return &set;
  }
  return nullptr;
}

}  // namespace

std::vector<const SetFigures*> sets_with_trend(const std::vector<SetFigures>& sets, Trend trend) {
  std::vector<const SetFigures*> out;
  for (const SetFigures& set : sets) {
    if (has_figure(set.value_added_growth) &&
        display_trend(*set.value_added_growth, kRateDecimals) == trend) {
      out.push_back(&set);
    }
  }
  return out;
}

std::vector<const SetFigures*> sets_with_growth(const std::vector<SetFigures>& sets) {
  std::vector<const SetFigures*> out;
  for (const SetFigures& set : sets) {
    if (has_figure(set.value_added_growth)) out.push_back(&set);
  }
  return out;
}

void sort_by_pull(std::vector<const SetFigures*>& sets, Order order) {
  std::stable_sort(sets.begin(), sets.end(), [order](const SetFigures* a, const SetFigures* b) {
    return before_by_pull(a, b, order);
  });
}

std::vector<const SetFigures*> ranked_by_growth(const std::vector<SetFigures>& sets) {
  std::vector<const SetFigures*> out;
  for (const SetFigures& set : sets) out.push_back(&set);
  std::stable_sort(out.begin(), out.end(), [](const SetFigures* a, const SetFigures* b) {
    bool has_a = has_figure(a->value_added_growth);
    bool has_b = has_figure(b->value_added_growth);
    if (has_a != has_b) return has_a;
    if (has_a && *a->value_added_growth != *b->value_added_growth) {
      return *a->value_added_growth > *b->value_added_growth;
    }
    return a->code < b->code;
  });
  return out;
}

std::vector<const SetFigures*> first_n(std::vector<const SetFigures*> sets, size_t limit) {
  if (sets.size() > limit) sets.resize(limit);
  return sets;
}

std::vector<const KeyEnterpriseFigures*> key_enterprises_with_trend(const KeyEnterprises& key,
                                                                    Trend trend, size_t limit) {
  std::vector<const KeyEnterpriseFigures*> out;
  for (const KeyEnterpriseFigures& e : key.enterprises) {
    if (has_figure(e.output_growth) && display_trend(*e.output_growth, kRateDecimals) == trend) {
      out.push_back(&e);
    }
  }
  // By increase, which orders like the pull and exists even when the pull has no base.
  std::stable_sort(out.begin(), out.end(),
                   [trend](const KeyEnterpriseFigures* a, const KeyEnterpriseFigures* b) {
                     double ia = a->output.increase();
                     double ib = b->output.increase();
                     if (ia != ib) return trend == Trend::kDown ? ia < ib : ia > ib;
                     return a->uscc < b->uscc;
                   });
  if (out.size() > limit) out.resize(limit);
  return out;
}

std::string division_display_name(const std::string& code, Language language) {
  return std::string(division_name(code, language));
}

std::string division_display_name(const SetFigures& division, Language language) {
  if (language == Language::kZh && !division.name.empty()) return division.name;
  std::string standard = division_display_name(division.code, language);
  if (standard != division.code) return standard;
  return division.name.empty() ? division.code : division.name;
}

std::string section_display_name(const SetFigures& section, Language language) {
  std::optional<Section> kind;
  if (section.code == "B") kind = Section::kMining;
  if (section.code == "C") kind = Section::kManufacturing;
  if (section.code == "D") kind = Section::kUtilities;
  if (kind.has_value()) return std::string(section_name(*kind, language));
  return section.name.empty() ? section.code : section.name;
}

std::optional<std::string> scope_display_name(const ReportData& report) {
  if (report.scope.empty()) return std::nullopt;
  return region_display_name(report, report.scope);
}

RankedPlaces places_below_area(const ReportData& report) {
  AreaLevel level = report.scope.empty() ? level_below(report.area.level) : AreaLevel::kCounty;
  // A municipality (北京市, a province) has no named cities: its districts are ranked.
  if (level == AreaLevel::kCity && report.area.name.ends_with("市")) level = AreaLevel::kCounty;
  switch (level) {
    case AreaLevel::kProvince:
    case AreaLevel::kCountry:
      return {&report.provinces, "分省看", "省（区、市）", "分省(区、市)", "province", "provinces"};
    case AreaLevel::kCity:
      return {&report.cities, "分市看", "市", "分市", "city", "cities"};
    case AreaLevel::kCounty:
      break;
  }
  return {&report.regions, "分县（市、区）看",   "县（市、区）",
          "分县(市、区)",  "county or district", "counties and districts"};
}

std::string whole_of_report(const ReportData& report, Language language) {
  if (std::optional<std::string> scope = scope_display_name(report)) return *scope;
  return whole_area_word(report.area, language);
}

std::string region_display_name(const ReportData& report, const std::string& code) {
  for (const auto* sets :
       {&report.regions, &report.cities, &report.provinces, &report.region_groups}) {
    const SetFigures* found = find_by_code(*sets, code);
    if (found != nullptr && !found->name.empty()) return found->name;
  }
  return code;
}

bool at_current_prices(const ReportData& report, const SetFigures& division) {
  return division.at_current_prices ||
         std::find(report.divisions_at_current_prices.begin(),
                   report.divisions_at_current_prices.end(),
                   division.code) != report.divisions_at_current_prices.end();
}

int pull_decimals(double pull) {
  return display_trend(pull, kRateDecimals) == Trend::kFlat ? kTablePullDecimals : kRateDecimals;
}

}  // namespace zhizao::detail
