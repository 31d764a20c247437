#include "cli/quality_appendix_option.h"

#include "server/quality_service.h"

namespace zhizao {
namespace {

bool& appendix_wanted() {
  static bool wanted = false;
  return wanted;
}

}  // namespace

void add_quality_appendix_option(CLI::App* cmd) {
  cmd->add_flag("--quality-appendix", appendix_wanted(),
                "Append the data-quality findings still to verify (zhizao quality)");
}

Status fill_quality_appendix(const std::string& db_path, const ReportInput& input,
                             const ReportRequest& request, ReportData& report) {
  if (!appendix_wanted()) return Status::ok();
  Result<std::unique_ptr<Database>> db = Database::open(db_path, OpenMode::kMustExist);
  if (!db) return db.error();
  return attach_open_quality_findings(**db, input, request, report);
}

}  // namespace zhizao
