// render_report and render_explanation: the narrative and tables put together as terminal text
// or Markdown, or the JSON of json_writer.
#include "report/render.h"

#include "report/json_writer.h"
#include "report/narrative.h"
#include "report/table_writer.h"
#include "report/tables.h"

namespace zhizao {
namespace {

// Invalid UTF-8 in a name must not abort the report: it is replaced (U+FFFD), not thrown.
std::string dump_json(const nlohmann::ordered_json& json) {
  return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string write_table(const detail::Table& table, ReportFormat format) {
  return format == ReportFormat::kMarkdown ? detail::write_markdown_table(table)
                                           : detail::write_text_table(table);
}

std::string write_narrative(const detail::Narrative& narrative, ReportFormat format) {
  bool markdown = format == ReportFormat::kMarkdown;
  std::string out = (markdown ? "# " : "") + narrative.title + "\n";
  for (const detail::NarrativeSection& section : narrative.sections) {
    out += std::string("\n") + (markdown ? "## " : "") + section.heading + "\n";
    for (const std::string& paragraph : section.paragraphs) {
      out += "\n" + paragraph + "\n";
    }
  }
  return out;
}

}  // namespace

std::string render_report(const ReportData& report, ReportFormat format, Language language) {
  if (format == ReportFormat::kJson) return dump_json(report_to_json(report));
  detail::Narrative narrative =
      language == Language::kZh ? detail::narrative_zh(report) : detail::narrative_en(report);
  std::string out = write_narrative(narrative, format);
  std::vector<detail::Table> tables = detail::report_tables(report, language);
  if (!tables.empty()) {
    const char* heading = language == Language::kZh ? "附表" : "Tables";
    out += std::string("\n") + (format == ReportFormat::kMarkdown ? "## " : "") + heading + "\n";
  }
  for (const detail::Table& table : tables) out += "\n" + write_table(table, format);
  return out;
}

std::string render_explanation(const Explanation& explanation, ReportFormat format,
                               Language language) {
  if (format == ReportFormat::kJson) return dump_json(detail::explanation_to_json(explanation));
  std::string header = detail::explanation_header(explanation, language);
  std::string out = (format == ReportFormat::kMarkdown ? "# " : "") + header + "\n\n";
  return out + write_table(detail::explanation_table(explanation, language), format);
}

}  // namespace zhizao
