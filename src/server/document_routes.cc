// The monthly analysis as documents (docs/api.md, "The analysis as documents"): the narrative
// report of GET /api/report's period, window and scope as Word, Excel, HTML, Markdown or text
// (each exactly what `zhizao report --format F` writes), and as JSON for the dashboard's page.
// `quality_appendix=1` adds the appendix of data-quality findings still to verify, as `zhizao
// report --quality-appendix` does, over the caller's scope (a county user's county only) with the
// server's thresholds and rules (`serve --quality-rules`, `--rules`).
#include <fmt/format.h>
#include <stdlib.h>

#include <array>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <string>
#include <system_error>

#include "clickhouse/daily_readings_of.h"
#include "document/office_report.h"
#include "document/report_charts.h"
#include "report/render.h"
#include "report/report_document.h"
#include "server/api_context.h"
#include "server/content_disposition.h"
#include "server/http_support.h"
#include "server/quality_service.h"
#include "server/report_benchmark.h"
#include "server/scoped_report.h"

namespace zhizao::server {
namespace {

enum class DocumentFormat { kDocx, kXlsx, kHtml, kMarkdown, kText };

struct FormatInfo {
  DocumentFormat format;
  const char* name;  // the `format` query value, as `zhizao report --format`
  const char* extension;
  const char* media_type;
};

constexpr std::array<FormatInfo, 5> kFormats = {{
    {DocumentFormat::kDocx, "docx", "docx",
     "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {DocumentFormat::kXlsx, "xlsx", "xlsx",
     "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {DocumentFormat::kHtml, "html", "html", "text/html; charset=utf-8"},
    // RFC 7763.
    {DocumentFormat::kMarkdown, "markdown", "md", "text/markdown; charset=utf-8"},
    {DocumentFormat::kText, "text", "txt", "text/plain; charset=utf-8"},
}};

// The `lang` query parameter: zh (default) or en; nullopt after answering 400 for another value.
std::optional<Language> language_of(ApiCall& call) {
  std::string lang = query_param(call.req, "lang").value_or("zh");
  if (lang == "zh") return Language::kZh;
  if (lang == "en") return Language::kEn;
  send_error(call.res, 400, "bad_request", "lang is zh or en");
  return std::nullopt;
}

// The workbook's bytes: write_xlsx_report writes a file (libxlsxwriter), so it goes to a private
// temporary folder that is removed afterwards.
Result<std::string> xlsx_bytes(const ReportData& report, const OfficeOptions& options) {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path base = fs::temp_directory_path(error);
  if (error) return fail(Status::io_error("no temporary folder: " + error.message()));
  std::string pattern = (base / "zhizao-xlsx-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) {
    return fail(Status::io_error("cannot create a temporary folder under " + base.string()));
  }
  fs::path dir(pattern);
  fs::path file = dir / "report.xlsx";
  Result<std::string> bytes = fail(Status::io_error("the workbook was not written"));
  if (Status written = write_xlsx_report(report, file.string(), options); !written.is_ok()) {
    bytes = fail(written);
  } else if (std::ifstream in(file, std::ios::binary); in) {
    bytes = std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  fs::remove_all(dir, error);
  return bytes;
}

// Returns the document's bytes, as command_report.cc writes them for `zhizao report --format`.
Result<std::string> render_document(const ScopedReport& scoped, const ReportData& report,
                                    DocumentFormat format, Language language) {
  OfficeOptions office{language, today_label(language)};
  switch (format) {
    case DocumentFormat::kMarkdown:
      return render_report(report, ReportFormat::kMarkdown, language);
    case DocumentFormat::kText:
      return render_report(report, ReportFormat::kText, language);
    case DocumentFormat::kXlsx:
      return xlsx_bytes(report, office);
    case DocumentFormat::kDocx:
    case DocumentFormat::kHtml:
      break;
  }
  Result<std::vector<TrendPoint>> trend = scoped.input.trend(scoped.request, kTrendMonths);
  if (!trend) return fail(trend.error());
  return format == DocumentFormat::kDocx ? render_docx_report(report, *trend, office)
                                         : render_html_report(report, *trend, office);
}

// The report of `scoped`, with the appendix of open data-quality findings when the query asks
// for it (quality_appendix=1 or true), or nullopt after answering.
std::optional<ReportData> report_of(ApiCall& call, const ServerConfig& config,
                                    const ScopedReport& scoped) {
  Result<ReportData> report = complete_report(call.db, scoped.input, scoped.request);
  if (!report) {
    send_status(call.res, report.error());
    return std::nullopt;
  }
  if (query_flag(call.req, "quality_appendix")) {
    Result<std::unique_ptr<DailyReadingsSource>> readings =
        daily_readings_of(call.db, config.clickhouse);
    if (!readings) {
      send_status(call.res, readings.error());
      return std::nullopt;
    }
    Status attached =
        attach_open_quality_findings(call.db, scoped.input, scoped.request, *report,
                                     config.quality_thresholds, *config.rules, readings->get());
    if (!attached.is_ok()) {
      send_status(call.res, attached);
      return std::nullopt;
    }
  }
  return std::move(*report);
}

// "zhizao-analysis-2021-04[-monthly][-SCOPE]-zh.docx": the name for clients without filename*.
std::string ascii_file_name(const ReportData& report, Language language, const char* extension) {
  return fmt::format("zhizao-analysis-{}{}{}{}-{}.{}", report.period.to_string(),
                     report.window == WindowKind::kMonthly ? "-monthly" : "",
                     report.scope.empty() ? "" : "-", report.scope,
                     language == Language::kZh ? "zh" : "en", extension);
}

void get_document(ApiCall& call, const ServerConfig& config) {
  const std::string& db_path = config.db_path;
  std::optional<std::string> format_name = query_param(call.req, "format");
  const FormatInfo* info = nullptr;
  for (const FormatInfo& candidate : kFormats) {
    if (format_name && *format_name == candidate.name) info = &candidate;
  }
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  if (info == nullptr) {
    send_error(call.res, 400, "bad_request", "format is docx, xlsx, html, markdown or text");
    return;
  }
  std::optional<Language> language = language_of(call);
  if (!language) return;
  std::optional<ReportData> report = report_of(call, config, *scoped);
  if (!report) return;
  Result<std::string> bytes = render_document(*scoped, *report, info->format, *language);
  if (!bytes) {
    send_status(call.res, bytes.error());
    return;
  }
  std::string title = report_document(*report, *language).narrative.title;
  call.res.status = 200;
  call.res.set_content(*std::move(bytes), info->media_type);
  call.res.set_header("Content-Disposition",
                      attachment_disposition(ascii_file_name(*report, *language, info->extension),
                                             title + "." + info->extension));
}

nlohmann::ordered_json table_json(const detail::Table& table) {
  nlohmann::ordered_json columns = nlohmann::ordered_json::array();
  for (const detail::Column& column : table.columns) {
    columns.push_back({{"header", column.header}, {"numeric", column.align == Align::kRight}});
  }
  return {{"title", table.title},
          {"columns", std::move(columns)},
          {"rows", table.rows},
          {"footnotes", table.footnotes}};
}

// The analysis as the dashboard lays it out: report_document's narrative and tables, the same
// strings render_report writes (so the page's paragraphs are the Markdown's paragraphs).
void get_analysis(ApiCall& call, const ServerConfig& config) {
  std::optional<ScopedReport> scoped = scoped_report(call, config.db_path);
  if (!scoped) return;
  std::optional<Language> language = language_of(call);
  if (!language) return;
  std::optional<ReportData> report = report_of(call, config, *scoped);
  if (!report) return;
  ReportDocument document = report_document(*report, *language);
  nlohmann::ordered_json sections = nlohmann::ordered_json::array();
  for (const detail::NarrativeSection& section : document.narrative.sections) {
    sections.push_back({{"heading", section.heading}, {"paragraphs", section.paragraphs}});
  }
  nlohmann::ordered_json tables = nlohmann::ordered_json::array();
  for (const detail::Table& table : document.tables) tables.push_back(table_json(table));
  nlohmann::ordered_json body;
  body["period"] = report->period.to_string();
  body["monthly"] = report->window == WindowKind::kMonthly;
  body["scope"] = report->scope.empty() ? nlohmann::ordered_json(nullptr)
                                        : nlohmann::ordered_json(report->scope);
  body["lang"] = *language == Language::kZh ? "zh" : "en";
  body["title"] = document.narrative.title;
  body["period_label"] = document.period_label;
  body["sections"] = std::move(sections);
  body["tables_heading"] = document.tables_heading;
  body["tables"] = std::move(tables);
  send_json(call.res, 200, body);
}

}  // namespace

void add_document_routes(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/report/document",
             authenticated(config, [&config](ApiCall& call) { get_document(call, config); }));
  routes.get("/api/report/analysis",
             authenticated(config, [&config](ApiCall& call) { get_analysis(call, config); }));
  add_benchmark_route(routes, config);
}

}  // namespace zhizao::server
