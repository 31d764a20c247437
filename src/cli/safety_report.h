// The safety figures (docs/safety.md) in the reports the command line makes: they are read from
// the database's safety tables, which the columnar snapshot does not carry, so they join a report
// after ReportInput::report (as the quality appendix does).
#pragma once

#include <string>

#include "base/status.h"
#include "columnar/report_input.h"
#include "engine/report_data.h"

namespace zhizao {

// Sets report.safety and merges the safety warnings into report.warnings from the database at
// `db_path` (safety/safety_figures.h attach_safety_figures). Errors: kNotFound, kIoError,
// kCorruption from the database; kUsage for a bad scope.
Status attach_safety_to_report(const std::string& db_path, const ReportInput& input,
                               ReportData& report);

}  // namespace zhizao
