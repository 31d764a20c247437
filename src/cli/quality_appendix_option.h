// --quality-appendix on `zhizao report`: the report gains the appendix of data-quality findings
// still to verify (report/quality_appendix.h), computed here because the verifications live in
// the database (server/quality_service.h). Off by default: the checks read every enterprise's
// whole history, which a report of the figures alone does not need.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "base/status.h"
#include "columnar/report_input.h"
#include "engine/report_data.h"

namespace zhizao {

// Adds --quality-appendix, --quality-rules FILE and --clickhouse URL (where the electricity
// checks read the daily readings) to `cmd`; they are the process's (one report per process).
void add_quality_appendix_option(CLI::App* cmd);

// When --quality-appendix was given, fills report.quality_findings with the open findings of the
// report's period and scope from the database at `db_path` and `input`, with the thresholds of
// --quality-rules (the defaults without one); nothing otherwise. Errors: as
// load_quality_thresholds for the file (FILE:LINE: reason); kNotFound, kIoError opening the
// database; as quality_report_of.
Status fill_quality_appendix(const std::string& db_path, const ReportInput& input,
                             const ReportRequest& request, ReportData& report);

}  // namespace zhizao
