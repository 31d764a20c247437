// The tables of the campaigns, the targets and the lagging projects (report/steering_section.h).
#include <algorithm>

#include <fmt/format.h>

#include "base/number_format.h"
#include "report/report_selection.h"
#include "report/steering_section.h"

namespace zhizao::detail {
namespace {

constexpr size_t kLaggingRows = 20;

std::string count(const std::optional<long>& value) {
  return value ? std::to_string(*value) : std::string(kMissing);
}

Table campaigns_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "攻坚行动", "Campaigns"),
              {{pick(lang, "行动", "Campaign")},
               {pick(lang, "起止日期", "Dates")},
               {pick(lang, "项目数", "Projects"), Align::kRight},
               {pick(lang, "完成投资(万元)", "Investment (10k yuan)"), Align::kRight},
               {pick(lang, "计划投资(万元)", "Planned (10k yuan)"), Align::kRight},
               {pick(lang, "投资进度(%)", "Of plan (%)"), Align::kRight},
               {pick(lang, "时间进度(%)", "Time (%)"), Align::kRight},
               {pick(lang, "开工", "Started"), Align::kRight},
               {pick(lang, "计划开工", "Planned starts"), Align::kRight},
               {pick(lang, "竣工", "Completed"), Align::kRight},
               {pick(lang, "计划竣工", "Planned completions"), Align::kRight}},
              {},
              {}};
  for (const CampaignFigures& c : report.campaigns) {
    table.rows.push_back(
        {c.name, c.from.to_string() + "~" + c.to.to_string(), std::to_string(c.projects),
         format_fixed(c.investment, 1),
         c.planned_investment ? format_fixed(*c.planned_investment, 1) : std::string(kMissing),
         format_rate(c.investment_progress), format_fixed(c.time_progress, kRateDecimals),
         std::to_string(c.actual_starts), count(c.planned_starts),
         std::to_string(c.actual_completions), count(c.planned_completions)});
  }
  return table;
}

std::string indicator_label(const std::string& indicator, Language lang) {
  if (indicator == "output") return pick(lang, "工业总产值(万元)", "Output (10k yuan)");
  if (indicator == "manufacturing_output") {
    return pick(lang, "制造业总产值(万元)", "Manufacturing output (10k yuan)");
  }
  if (indicator == "enterprises_over") return pick(lang, "产值超限额企业(家)", "Enterprises over");
  return pick(lang, "产值超限额制造业企业(家)", "Manufacturers over");
}

Table targets_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "目标任务(近12个月)", "Targets, last 12 months"),
              {{pick(lang, "目标", "Target")},
               {pick(lang, "指标", "Indicator")},
               {pick(lang, "范围", "Scope")},
               {pick(lang, "目标年份", "Year"), Align::kRight},
               {pick(lang, "目标值", "Target value"), Align::kRight},
               {pick(lang, "当前值", "Current"), Align::kRight},
               {pick(lang, "完成进度(%)", "Progress (%)"), Align::kRight},
               {pick(lang, "尚需年均增长(%)", "Pace needed (%)"), Align::kRight},
               {pick(lang, "近12个月增长(%)", "12-month growth (%)"), Align::kRight}},
              {},
              {}};
  bool thresholds = false;
  for (const TargetFigures& t : report.targets) {
    std::string indicator = indicator_label(t.indicator, lang);
    if (t.threshold) {
      indicator += fmt::format(" ≥{}", plain_number(*t.threshold));
      thresholds = true;
    }
    const std::string area = whole_area_word(report.area, lang);
    table.rows.push_back({t.name, indicator, target_scope_name(report, t.scope, area),
                          std::to_string(t.year), plain_number(t.value), plain_number(t.current),
                          format_rate(t.progress), format_rate(t.pace_needed),
                          format_rate(t.pace_achieved)});
  }
  if (thresholds) {
    table.footnotes.push_back(pick(lang, "注：限额为近12个月产值，单位万元。",
                                   "Note: thresholds are output over the last 12 months, in "
                                   "10k yuan."));
  }
  return table;
}

const char* lag_kind_label(LagKind kind, Language lang) {
  switch (kind) {
    case LagKind::kStart:
      return pick(lang, "未按期开工", "Start");
    case LagKind::kCompletion:
      return pick(lang, "未按期竣工", "Completion");
    case LagKind::kStartAndCompletion:
      return pick(lang, "开工竣工均滞后", "Start and completion");
  }
  return "";
}

Table lagging_table(const ReportData& report, Language lang) {
  Table table{pick(lang, "滞后项目(按滞后天数排序)", "Lagging projects, most overdue first"),
              {{pick(lang, "编号", "Id")},
               {pick(lang, "项目", "Project")},
               {pick(lang, "县(市、区)", "County")},
               {pick(lang, "园区", "Park")},
               {pick(lang, "产业链", "Chain")},
               {pick(lang, "行业", "Division")},
               {pick(lang, "滞后环节", "Lags in")},
               {pick(lang, "滞后天数", "Days late"), Align::kRight}},
              {},
              {}};
  std::vector<const LaggingProject*> ranked;
  for (const LaggingProject& p : report.projects.lagging) ranked.push_back(&p);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto* a, const auto* b) { return a->days_late > b->days_late; });
  for (size_t i = 0; i < ranked.size() && i < kLaggingRows; ++i) {
    const LaggingProject& p = *ranked[i];
    std::string division = project_division(p);
    table.rows.push_back({p.id, p.name, region_display_name(report, p.region), p.park, p.chain,
                          division.empty() ? "" : division_display_name(division, lang),
                          lag_kind_label(p.kind, lang), std::to_string(p.days_late)});
  }
  if (ranked.size() > kLaggingRows) {
    table.footnotes.push_back(
        lang == Language::kZh
            ? fmt::format("注：共{}个滞后项目，仅列滞后最久的{}个。", ranked.size(), kLaggingRows)
            : fmt::format("Note: {} lagging projects; the {} most "
                          "overdue are listed.",
                          ranked.size(), kLaggingRows));
  }
  return table;
}

}  // namespace

void append_steering_tables(const ReportData& report, Language language,
                            std::vector<Table>& tables) {
  if (!report.campaigns.empty()) tables.push_back(campaigns_table(report, language));
  if (!report.targets.empty()) tables.push_back(targets_table(report, language));
  if (!report.projects.lagging.empty()) tables.push_back(lagging_table(report, language));
}

}  // namespace zhizao::detail
