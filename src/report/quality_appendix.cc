#include "report/quality_appendix.h"

namespace zhizao::detail {

Table quality_appendix_table(const ReportData& report, Language language) {
  bool zh = language == Language::kZh;
  Table table;
  table.title = zh ? "附录：数据质量待核实事项" : "Appendix: data-quality findings to verify";
  table.columns = {{zh ? "企业" : "Enterprise"},
                   {zh ? "统一社会信用代码" : "Credit code"},
                   {zh ? "核查项" : "Check"},
                   {zh ? "月份" : "Months"},
                   {zh ? "说明" : "Why"}};
  for (const QualityFinding& f : report.quality_findings) {
    if (f.status != QualityStatus::kOpen) continue;
    std::string months;
    for (const YearMonth& m : f.months) months += (months.empty() ? "" : ", ") + m.to_string();
    table.rows.push_back({f.name, f.uscc, f.check, months, zh ? f.reason : f.reason_en});
  }
  if (!table.rows.empty()) {
    table.footnotes.push_back(
        zh ? "以上为自动核查提示，数据未必有误，请核实后在平台标记（zhizao quality verify）。"
           : "These are automatic prompts, not errors found: verify each and mark it "
             "(zhizao quality verify).");
  }
  return table;
}

}  // namespace zhizao::detail
