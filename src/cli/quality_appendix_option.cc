#include "cli/quality_appendix_option.h"

#include "cli/clickhouse_option.h"
#include "clickhouse/daily_readings_of.h"
#include "quality/quality_thresholds.h"
#include "rules/rule_set.h"
#include "server/quality_service.h"

namespace zhizao {
namespace {

bool& appendix_wanted() {
  static bool wanted = false;
  return wanted;
}

// --quality-rules FILE: the thresholds of the appendix, as `zhizao quality` and `serve` take them.
std::string& thresholds_file() {
  static std::string file;
  return file;
}

// --clickhouse URL: with --quality-appendix, the electricity checks read the readings there.
std::string& clickhouse_url() {
  static std::string url;
  return url;
}

}  // namespace

void add_quality_appendix_option(CLI::App* cmd) {
  add_clickhouse_option(cmd, &clickhouse_url());
  cmd->add_flag("--quality-appendix", appendix_wanted(),
                "Append the data-quality findings still to verify (zhizao quality)");
  cmd->add_option("--quality-rules", thresholds_file(),
                  "With --quality-appendix: the data-quality thresholds file (default: built-in; "
                  "as zhizao quality --quality-rules and serve --quality-rules)");
}

Status fill_quality_appendix(const std::string& db_path, const ReportInput& input,
                             const ReportRequest& request, ReportData& report) {
  if (!appendix_wanted()) return Status::ok();
  QualityThresholds thresholds;
  if (!thresholds_file().empty()) {
    Result<QualityThresholds> loaded = load_quality_thresholds(thresholds_file());
    if (!loaded) return loaded.error();
    thresholds = *loaded;
  }
  Result<std::unique_ptr<Database>> db = Database::open(db_path, OpenMode::kMustExist);
  if (!db) return db.error();
  Result<std::unique_ptr<DailyReadingsSource>> readings = daily_readings_of(**db, clickhouse_url());
  if (!readings) return readings.error();
  return attach_open_quality_findings(**db, input, request, report, thresholds, default_rule_set(),
                                      readings->get());
}

}  // namespace zhizao
