#include "cli/report_options.h"

#include <fmt/format.h>

#include <cstdio>
#include <fstream>

#include "base/year_month.h"
#include "store/database.h"

namespace zhizao {

void ReportOptions::add_to(CLI::App* cmd, OfficeFormats office) {
  cmd->add_option("--db", db, "Database file")->required();
  cmd->add_option("--period", period, "Report period YYYY-MM (also YYYYMM, YYYY年M月)")->required();
  cmd->add_flag("--monthly", monthly, "Month M alone (当月) instead of months 1..M (累计)");
  cmd->add_flag("--json", json, "Print the data contract's JSON object (same as --format json)");
  if (office == OfficeFormats::kIncluded) {
    cmd->add_option("--format", format,
                    "text, markdown, json, html, or xlsx or docx (these two need --output)")
        ->check(CLI::IsMember({"text", "markdown", "json", "html", "xlsx", "docx"}));
  } else {
    cmd->add_option("--format", format, "text, markdown or json")
        ->check(CLI::IsMember({"text", "markdown", "json"}));
  }
  cmd->add_option("--lang", lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));
  cmd->add_option("--scope", scope, "Restrict to a region code (any level) or a region group id");
  cmd->add_option("-o,--output", output, "Write to FILE instead of standard output");
  cmd->add_flag("--no-snapshot", no_snapshot,
                "Read every record from the database, not the columnar snapshot (to compare)");
}

Result<ReportRequest> ReportOptions::request() const {
  auto period_value = parse_year_month(period);
  if (!period_value) return fail(Status::usage(period_value.error().message()));
  ReportRequest out;
  out.period = *period_value;
  out.window = monthly ? WindowKind::kMonthly : WindowKind::kCumulative;
  out.scope = scope;
  return out;
}

ReportFormat ReportOptions::report_format() const {
  if (json || format == "json") return ReportFormat::kJson;
  if (format == "markdown") return ReportFormat::kMarkdown;
  return ReportFormat::kText;
}

std::optional<OfficeFormat> ReportOptions::office_format() const {
  if (json) return std::nullopt;
  if (format == "xlsx") return OfficeFormat::kXlsx;
  if (format == "docx") return OfficeFormat::kDocx;
  if (format == "html") return OfficeFormat::kHtml;
  return std::nullopt;
}

Result<Dataset> load_dataset(const std::string& path) {
  auto db = Database::open(path, OpenMode::kMustExist);
  if (!db) return fail(db.error());
  return (*db)->load();
}

Result<ReportInput> open_report_input(const std::string& path, bool no_snapshot) {
  auto db = Database::open(path, OpenMode::kMustExist);
  if (!db) return fail(db.error());
  return open_report_input(**db, path, no_snapshot ? SnapshotUse::kOff : SnapshotUse::kAuto);
}

Status write_output(const std::string& output, const std::string& text) {
  if (output.empty()) {
    if (std::fwrite(text.data(), 1, text.size(), stdout) != text.size()) {
      return Status::io_error("cannot write to standard output");
    }
    return Status::ok();
  }
  // Write beside the target and rename, so a reader never sees half a report.
  std::string temporary = output + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << text;
    if (!out.flush()) return Status::io_error(fmt::format("cannot write {}", temporary));
  }
  if (std::rename(temporary.c_str(), output.c_str()) != 0) {
    return Status::io_error(fmt::format("cannot rename {} to {}", temporary, output));
  }
  return Status::ok();
}

}  // namespace zhizao
