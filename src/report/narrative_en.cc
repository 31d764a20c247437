// English narrative: the same content and the same wording rules as narrative_zh.cc.
#include <fmt/format.h>

#include "base/number_format.h"
#include "base/text.h"
#include "report/narrative.h"
#include "report/narrative_en_phrases.h"
#include "report/period_wording.h"
#include "report/products_section.h"
#include "report/report_selection.h"
#include "report/safety_section.h"
#include "report/service_section.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr size_t kListedSets = 5;
constexpr size_t kListedEnterprises = 3;

// ", with a two-year average growth of 6.6%" / "decline of 1.2%" / ", with a flat two-year
// average".
std::string two_year_clause(double growth) {
  switch (display_trend(growth, kRateDecimals)) {
    case Trend::kUp:
      return ", with a two-year average growth of " + format_magnitude(growth, kRateDecimals) + "%";
    case Trend::kDown:
      return ", with a two-year average decline of " + format_magnitude(growth, kRateDecimals) +
             "%";
    case Trend::kFlat:
      break;
  }
  return ", with a flat two-year average";
}

std::string headline(const ReportData& report, const std::string& area) {
  const std::string period = window_label(report.period.month, report.window, Language::kEn);
  const SetFigures& industry = report.industry;
  std::string subject = fmt::format(
      "In {}, value added of industrial enterprises above designated size in {}", period, area);
  std::string text = figure_en(subject, industry.value_added_growth, kRateDecimals);
  if (has_figure(industry.value_added_growth) && has_figure(industry.two_year_average_growth)) {
    text += two_year_clause(*industry.two_year_average_growth);
  }
  text +=
      change_clause_en(report, industry.value_added_growth, report.previous_value_added_growth) +
      ".";
  if (industry.enterprises > 0 || has_figure(industry.output_growth)) {
    text += fmt::format(
        " There were {} above designated size",
        count_en(industry.enterprises, "industrial enterprise", "industrial enterprises"));
    if (has_figure(industry.output_growth)) {
      text += "; " + figure_en("their gross output value", industry.output_growth, kRateDecimals);
    }
    text += ".";
  }
  return text;
}

std::string sections_paragraph(const ReportData& report, const std::string& area) {
  std::vector<std::string> parts;
  for (const SetFigures& section : report.sections) {
    std::string name = ascii_lower(section_display_name(section, Language::kEn));
    std::string part =
        figure_en("value added of " + name, section.value_added_growth, kRateDecimals);
    if (section.code == "C") {
      std::string change = change_clause_en(report, section.value_added_growth,
                                            report.previous_manufacturing_growth);
      if (!change.empty()) part += " (" + change.substr(2) + ")";
    }
    parts.push_back(part);
  }
  if (!parts.empty()) return "By section, " + join(parts, "; ") + ".";
  if (!has_figure(report.manufacturing.value_added_growth)) return "";
  return figure_en("Value added of manufacturing above designated size in " + area,
                   report.manufacturing.value_added_growth, kRateDecimals) +
         change_clause_en(report, report.manufacturing.value_added_growth,
                          report.previous_manufacturing_growth) +
         ".";
}

std::string breadth_sentence(const Breadth& breadth) {
  if (breadth.with_data == 0) return "None of the 31 manufacturing divisions had comparable data.";
  std::string text =
      fmt::format("Of the 31 manufacturing divisions, {} had data", breadth.with_data);
  if (breadth.growing == 0) return text + " and none grew.";
  text += fmt::format(" and {} grew", breadth.growing);
  if (has_figure(breadth.share)) {
    text +=
        fmt::format(", a breadth of growth of {}%", format_fixed(*breadth.share, kRateDecimals));
  }
  if (breadth.double_digit > 0) {
    text += fmt::format("; {} grew by double digits", breadth.double_digit);
  }
  return text + ".";
}

// "A (grew 25.1%, adding 2.1 percentage points to growth), B (…)".
std::string listed_with_pull(const std::vector<const SetFigures*>& sets) {
  std::vector<std::string> parts;
  for (const SetFigures* set : sets) {
    std::string inner = trend_en(*set->value_added_growth, kRateDecimals);
    std::string pull = pull_clause_en(set->pull);
    if (!pull.empty()) inner += ", " + pull;
    parts.push_back(fmt::format("{} ({})", division_display_name(*set, Language::kEn), inner));
  }
  return join(parts, "; ");
}

std::string divisions_paragraph(const ReportData& report) {
  std::string text = breadth_sentence(report.manufacturing_breadth);
  auto growing = sets_with_trend(report.divisions, Trend::kUp);
  sort_by_pull(growing, Order::kDescending);
  if (!growing.empty()) {
    text += " The largest contributions to growth came from " +
            listed_with_pull(first_n(growing, kListedSets)) + ".";
  }
  auto falling = sets_with_trend(report.divisions, Trend::kDown);
  sort_by_pull(falling, Order::kAscending);
  if (!falling.empty()) {
    text += fmt::format(" Value added fell in {}, among them ",
                        count_en(static_cast<long>(falling.size()), "division", "divisions")) +
            listed_with_pull(first_n(falling, kListedSets)) + ".";
  }
  return text;
}

std::string key_enterprises_sentence(const KeyEnterprises& key) {
  if (key.count == 0) return "";
  std::string text =
      figure_en("Output of the " + count_en(key.count, "key enterprise", "key enterprises"),
                key.output_growth, kRateDecimals);
  if (key.growing > 0) text += fmt::format("; {} of them grew", key.growing);
  std::vector<std::string> fast;
  if (key.over_50 > 0) fast.push_back(fmt::format("{} by more than 50%", key.over_50));
  if (key.doubled > 0) fast.push_back(fmt::format("{} doubled their output", key.doubled));
  if (!fast.empty()) text += (key.growing > 0 ? ", " : "; ") + join(fast, " and ");
  if (key.declining > 0) text += fmt::format("; output fell at {} of them", key.declining);
  text += ".";
  auto leaders = key_enterprises_with_trend(key, Trend::kUp, kListedEnterprises);
  if (!leaders.empty()) {
    std::vector<std::string> names;
    for (const auto* e : leaders) {
      names.push_back(fmt::format("{} ({})", e->name, trend_en(*e->output_growth, kRateDecimals)));
    }
    text += " The largest increases came from " + join(names, ", ") + ".";
  }
  return text;
}

std::string electricity_and_key_paragraph(const ReportData& report, const std::string& area) {
  std::string text;
  if (has_figure(report.industry.electricity_growth)) {
    text += figure_en("Industrial electricity consumption in " + area,
                      report.industry.electricity_growth, kElectricityDecimals) +
            ". ";
  }
  text += key_enterprises_sentence(report.key_enterprises);
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

// "Of the 5 parks with data, 3 grew; the fastest was A (grew X%), the slowest B (fell Y%)."
std::string spread_sentence(const std::vector<SetFigures>& sets, const std::string& singular,
                            const std::string& plural) {
  auto with_growth = sets_with_growth(sets);
  if (with_growth.empty()) return "";
  if (with_growth.size() == 1) {
    const SetFigures* only = with_growth.front();
    return figure_en("Value added of " + only->name, only->value_added_growth, kRateDecimals) +
           ". ";
  }
  auto ranked = ranked_by_growth(sets);
  const SetFigures* highest = ranked.front();
  const SetFigures* lowest = ranked[with_growth.size() - 1];  // growth figures rank first
  size_t up = sets_with_trend(sets, Trend::kUp).size();
  return fmt::format("Of the {} with data, {} grew; the fastest was {} ({}), the slowest {} ({}). ",
                     count_en(static_cast<long>(with_growth.size()), singular, plural),
                     up == 0 ? std::string("none") : std::to_string(up), highest->name,
                     trend_en(*highest->value_added_growth, kRateDecimals), lowest->name,
                     trend_en(*lowest->value_added_growth, kRateDecimals));
}

// "Counties, parks and chains", "Cities, parks and chains", …
std::string places_heading_en(const ReportData& report) {
  std::string plural = places_below_area(report).plural_en;
  plural = plural.substr(0, plural.find(' '));  // "counties and districts" → "counties"
  plural[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(plural[0])));
  return plural + ", parks and chains";
}

std::string places_paragraph(const ReportData& report) {
  const RankedPlaces places = places_below_area(report);
  std::string text = spread_sentence(*places.sets, places.singular_en, places.plural_en) +
                     spread_sentence(report.parks, "park", "parks") +
                     spread_sentence(report.chains, "industrial chain", "industrial chains");
  while (!text.empty() && text.back() == ' ') text.pop_back();
  return text;
}

}  // namespace

Narrative narrative_en(const ReportData& report) {
  std::optional<std::string> scope = scope_display_name(report);
  const std::string area = whole_of_report(report, Language::kEn);
  std::string whole = whole_area_word(report.area, Language::kEn);  // "the city" → "the City"
  if (whole.size() > 4)
    whole[4] = static_cast<char>(std::toupper(static_cast<unsigned char>(whole[4])));
  Narrative narrative;
  narrative.title =
      fmt::format("Industrial Economy of {}, {}", scope.value_or(whole),
                  window_label_with_year(report.period, report.window, Language::kEn));
  std::vector<std::pair<std::string, std::vector<std::string>>> sections = {
      {"Overview", {headline(report, area), sections_paragraph(report, area)}},
      {"Divisions", {divisions_paragraph(report)}},
      {"Electricity and key enterprises", {electricity_and_key_paragraph(report, area)}},
      {"Main products' output", {products_paragraph_en(report, area)}},
      {places_heading_en(report), {places_paragraph(report)}},
      {"Industrial projects", {projects_paragraph_en(report, area)}},
      {"Campaigns, lagging projects and targets", steering_paragraphs_en(report, area)},
      {"Enterprise service", service_paragraphs_en(report, area)},
      {"Flood-season safety checks", safety_paragraphs_en(report, area)},
      {"Points to watch", {watch_paragraph_en(report, area)}},
  };
  for (auto& [heading, paragraphs] : sections) {
    NarrativeSection section;
    for (std::string& paragraph : paragraphs) {
      if (!paragraph.empty()) section.paragraphs.push_back(std::move(paragraph));
    }
    if (section.paragraphs.empty()) continue;
    section.heading = fmt::format("{}. {}", narrative.sections.size() + 1, heading);
    narrative.sections.push_back(std::move(section));
  }
  return narrative;
}

}  // namespace zhizao::detail
