#include "report/tables.h"

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/products_section.h"
#include "report/quality_appendix.h"
#include "report/report_selection.h"
#include "report/safety_section.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr size_t kKeyEnterpriseRows = 10;

std::string money(double wan_yuan) { return format_fixed(wan_yuan, 1); }

Table headline_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "主要指标", "Headline figures"),
              {{pick(lang, "范围", "Scope")},
               {pick(lang, "增加值增速(%)", "VA growth (%)"), Align::kRight},
               {pick(lang, "两年平均(%)", "2-year avg (%)"), Align::kRight},
               {pick(lang, "产值增速(%)", "Output growth (%)"), Align::kRight},
               {pick(lang, "用电量增速(%)", "Electricity (%)"), Align::kRight},
               {pick(lang, "企业数", "Enterprises"), Align::kRight}},
              {},
              {}};
  auto add = [&](const std::string& name, const SetFigures& set) {
    table.rows.push_back({name, format_rate(set.value_added_growth),
                          format_rate(set.two_year_average_growth), format_rate(set.output_growth),
                          format_optional(set.electricity_growth, kElectricityDecimals),
                          std::to_string(set.enterprises)});
  };
  add(pick(lang, "规模以上工业", "Industry above designated size"), report.industry);
  for (const SetFigures& section : report.sections) {
    add(section_display_name(section, lang), section);
  }
  if (report.sections.empty()) add(pick(lang, "制造业", "Manufacturing"), report.manufacturing);
  return table;
}

Table divisions_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "分行业增加值增速(按增速排序)", "Divisions, ranked by growth"),
              {{pick(lang, "代码", "Code")},
               {pick(lang, "行业", "Division")},
               {pick(lang, "增加值增速(%)", "VA growth (%)"), Align::kRight},
               {pick(lang, "贡献率(%)", "Contribution (%)"), Align::kRight},
               {pick(lang, "拉动(百分点)", "Pull (pp)"), Align::kRight},
               {pick(lang, "企业数", "Enterprises"), Align::kRight}},
              {},
              {}};
  bool marked = false;
  for (const SetFigures* d : ranked_by_growth(report.divisions)) {
    std::string name = division_display_name(*d, lang);
    if (at_current_prices(report, *d)) {
      name += "*";
      marked = true;
    }
    table.rows.push_back(
        {d->code, name, format_rate(d->value_added_growth), format_rate(d->contribution),
         format_optional(d->pull, kTablePullDecimals), std::to_string(d->enterprises)});
  }
  if (marked) {
    table.footnotes.push_back(pick(lang, "* 缺少出厂价格指数,增加值按现价计算。",
                                   "* No producer price index: value added at current prices."));
  }
  return table;
}

Table places_table(const std::vector<SetFigures>& sets, std::string title, const char* id_header,
                   const char* name_header, Language lang) {
  Table table{std::move(title),
              {{id_header},
               {name_header},
               {pick(lang, "增加值增速(%)", "VA growth (%)"), Align::kRight},
               {pick(lang, "贡献率(%)", "Contribution (%)"), Align::kRight},
               {pick(lang, "拉动(百分点)", "Pull (pp)"), Align::kRight},
               {pick(lang, "产值增速(%)", "Output growth (%)"), Align::kRight},
               {pick(lang, "企业数", "Enterprises"), Align::kRight}},
              {},
              {}};
  for (const SetFigures* s : ranked_by_growth(sets)) {
    table.rows.push_back({s->code, s->name, format_rate(s->value_added_growth),
                          format_rate(s->contribution),
                          format_optional(s->pull, kTablePullDecimals),
                          format_rate(s->output_growth), std::to_string(s->enterprises)});
  }
  return table;
}

Table key_enterprises_table(const ReportData& report, Trend trend, std::string title,
                            Language lang) {
  Table table{std::move(title),
              {{pick(lang, "企业名称", "Enterprise")},
               {pick(lang, "行业", "Division")},
               {pick(lang, "县(市、区)", "County")},
               {pick(lang, "本期产值(万元)", "Output (10k yuan)"), Align::kRight},
               {pick(lang, "上年同期(万元)", "Previous (10k yuan)"), Align::kRight},
               {pick(lang, "增速(%)", "Growth (%)"), Align::kRight},
               {pick(lang, "拉动(百分点)", "Pull (pp)"), Align::kRight}},
              {},
              {}};
  for (const auto* e :
       key_enterprises_with_trend(report.key_enterprises, trend, kKeyEnterpriseRows)) {
    table.rows.push_back({e->name, division_display_name(e->division, lang),
                          region_display_name(report, e->region), money(e->output.current),
                          money(e->output.previous), format_rate(e->output_growth),
                          format_optional(e->pull, kTablePullDecimals)});
  }
  return table;
}

Table projects_table(const ReportData& report, Language lang) {
  const ProjectFigures& p = report.projects;
  Table table{pick(lang, "工业项目(年初至本月)", "Industrial projects, year to date"),
              {{pick(lang, "指标", "Item")}, {pick(lang, "数值", "Value"), Align::kRight}},
              {},
              {}};
  auto add = [&](const char* zh, const char* en, std::string value) {
    table.rows.push_back({pick(lang, zh, en), std::move(value)});
  };
  add("项目总数(个)", "Projects", std::to_string(p.projects));
  add("累计完成投资(亿元)", "Investment completed (100m yuan)", format_yi_yuan(p.investment));
  add("年度计划投资(亿元)", "Year's planned investment (100m yuan)",
      format_yi_yuan(p.year_plan_investment));
  add("完成年度计划(%)", "Share of year's plan (%)", format_rate(p.investment_share));
  add("时间进度(%)", "Time progress (%)", format_rate(p.time_progress));
  add("计划新开工(个)", "Planned starts", std::to_string(p.planned_starts));
  add("实际开工(个)", "Actual starts", std::to_string(p.actual_starts));
  add("全年计划开工(个)", "Starts planned for the year", std::to_string(p.year_planned_starts));
  add("开工占全年计划(%)", "Starts, share of year's plan (%)", format_rate(p.start_share));
  add("计划竣工(个)", "Planned completions", std::to_string(p.planned_completions));
  add("实际竣工(个)", "Actual completions", std::to_string(p.actual_completions));
  add("全年计划竣工(个)", "Completions planned for the year",
      std::to_string(p.year_planned_completions));
  add("竣工占全年计划(%)", "Completions, share of year's plan (%)",
      format_rate(p.completion_share));
  return table;
}

}  // namespace

// The regions ranked one level below the area (report_selection.h, places_below_area).
Table ranked_places_table(const ReportData& report, Language lang) {
  const RankedPlaces places = places_below_area(report);
  std::string plural = places.plural_en;
  plural[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(plural[0])));
  std::string singular = places.singular_en.substr(0, places.singular_en.find(' '));
  singular[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(singular[0])));
  const std::string noun = places.title_zh.substr(std::string_view("分").size());  // 县(市、区)
  return places_table(*places.sets, lang == Language::kZh ? places.title_zh : plural,
                      pick(lang, "代码", "Code"),
                      lang == Language::kZh ? noun.c_str() : singular.c_str(), lang);
}

std::vector<Table> report_tables(const ReportData& report, Language lang) {
  std::vector<Table> tables = {
      headline_table(report, lang),
      divisions_table(report, lang),
      ranked_places_table(report, lang),
      places_table(report.parks, pick(lang, "分园区", "Parks"), pick(lang, "编号", "Id"),
                   pick(lang, "园区", "Park"), lang),
      places_table(report.chains, pick(lang, "分产业链", "Industrial chains"),
                   pick(lang, "编号", "Id"), pick(lang, "产业链", "Chain"), lang),
      key_enterprises_table(
          report, Trend::kUp,
          pick(lang, "拉动增长居前的重点企业", "Key enterprises adding most to growth"), lang),
      key_enterprises_table(
          report, Trend::kDown,
          pick(lang, "拉低增长居前的重点企业", "Key enterprises taking most off growth"), lang),
  };
  tables.push_back(products_table(report, lang));
  bool has_projects = report.projects.projects > 0 || report.projects.investment != 0 ||
                      report.projects.planned_starts > 0 || report.projects.actual_starts > 0;
  if (has_projects) tables.push_back(projects_table(report, lang));
  append_steering_tables(report, lang, tables);
  append_safety_tables(report, lang, tables);
  tables.push_back(quality_appendix_table(report, lang));
  std::erase_if(tables, [](const Table& t) { return t.rows.empty(); });
  for (size_t i = 0; i < tables.size(); ++i) {
    tables[i].title = lang == Language::kZh ? fmt::format("表{} {}", i + 1, tables[i].title)
                                            : fmt::format("Table {}. {}", i + 1, tables[i].title);
  }
  return tables;
}

}  // namespace zhizao::detail
