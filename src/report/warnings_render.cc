#include "report/warnings_render.h"

#include <fmt/format.h>

#include <cmath>

#include "report/table_writer.h"

namespace zhizao {
namespace {

using json = nlohmann::ordered_json;

std::string level_label(WarningLevel level, Language language) {
  if (language == Language::kEn) return warning_level_key(level);
  switch (level) {
    case WarningLevel::kRed:
      return "一级（红色）";
    case WarningLevel::kOrange:
      return "二级（橙色）";
    case WarningLevel::kYellow:
      return "三级（黄色）";
    case WarningLevel::kBlue:
      return "四级（蓝色）";
  }
  return "";
}

std::string kind_label(const std::string& kind, Language language) {
  if (language == Language::kEn) return kind;
  if (kind == "enterprise") return "企业";
  if (kind == "division") return "行业";
  if (kind == "region") return "县（市、区）";
  if (kind == "park") return "园区";
  if (kind == "chain") return "产业链";
  if (kind == "project") return "项目";
  if (kind == "target") return "目标";
  if (kind == "campaign") return "攻坚行动";
  return kind;
}

std::optional<double> run_months(const Warning& warning) {
  if (!warning.since) return std::nullopt;
  for (const auto& [name, value] : warning.figures) {
    if (name == "months") return value;
  }
  return std::nullopt;
}

}  // namespace

const char* warning_level_key(WarningLevel level) {
  switch (level) {
    case WarningLevel::kRed:
      return "red";
    case WarningLevel::kOrange:
      return "orange";
    case WarningLevel::kYellow:
      return "yellow";
    case WarningLevel::kBlue:
      return "blue";
  }
  return "blue";
}

json warning_to_json(const Warning& warning, Language language) {
  json figures = json::object();
  for (const auto& [name, value] : warning.figures) {
    if (!std::isfinite(value)) {
      figures[name] = nullptr;
    } else if (name == "months" || name == "days_late") {
      figures[name] = std::llround(value);  // counts, written as whole numbers
    } else {
      figures[name] = value;
    }
  }
  json out = {{"level", warning_level_key(warning.level)},
              {"rule", warning.rule},
              {"subject", {{"kind", warning.subject_kind}, {"id", warning.subject_id}}},
              {"reason", language == Language::kZh ? warning.reason : warning.reason_en},
              {"figures", figures}};
  // Extra keys beside the contract's.
  out["name"] = warning.subject_name;
  out["since"] = warning.since ? json(warning.since->to_string()) : json(nullptr);
  if (std::optional<double> months = run_months(warning)) {
    out["months"] = static_cast<long>(std::lround(*months));
  }
  return out;
}

json warnings_to_json(const std::vector<Warning>& warnings, Language language) {
  json out = json::array();
  for (const Warning& warning : warnings) out.push_back(warning_to_json(warning, language));
  return out;
}

std::string render_warnings(YearMonth period, const std::vector<Warning>& warnings,
                            ReportFormat format, Language language) {
  if (format == ReportFormat::kJson) {
    json body = {{"period", period.to_string()},
                 {"warnings", warnings_to_json(warnings, language)}};
    return body.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
  }
  bool zh = language == Language::kZh;
  bool markdown = format == ReportFormat::kMarkdown;
  std::string title = zh ? fmt::format("{}年{}月预警", period.year, period.month)
                         : fmt::format("Early warnings, {}", period.to_string());
  std::string out = (markdown ? "# " : "") + title + "\n\n";
  if (warnings.empty()) {
    return out + (zh ? "本期没有预警。\n" : "No warnings for this period.\n");
  }
  detail::Table table;
  table.title = zh ? fmt::format("共{}条", warnings.size())
                   : fmt::format("{} warning{}", warnings.size(), warnings.size() == 1 ? "" : "s");
  table.columns = {{zh ? "级别" : "Level"}, {zh ? "规则" : "Rule"},   {zh ? "对象" : "Subject"},
                   {zh ? "代码" : "Code"},  {zh ? "原因" : "Reason"}, {zh ? "起始" : "Since"}};
  for (const Warning& w : warnings) {
    table.rows.push_back(
        {level_label(w.level, language), w.rule,
         kind_label(w.subject_kind, language) + (zh ? "：" : ": ") + w.subject_name, w.subject_id,
         zh ? w.reason : w.reason_en, w.since ? w.since->to_string() : ""});
  }
  return out + (markdown ? detail::write_markdown_table(table) : detail::write_text_table(table));
}

}  // namespace zhizao
