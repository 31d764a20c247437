// The writers of the national-scale dataset's files, one per group of files (scale_*.cc).
// Internal to the demo module.
#pragma once

#include <string>

#include "base/status.h"
#include "demo/scale_dataset.h"

namespace zhizao::detail {

// enterprises.csv and monthly.csv. Errors: kIoError.
Status write_enterprises_and_monthly(const ScaleOptions& options, const std::string& dir,
                                     ScaleSummary& summary);

// parks.csv, chains.csv, deflators.csv and va_ratios.csv. Errors: kIoError.
Status write_scale_reference_tables(const ScaleOptions& options, const std::string& dir,
                                    ScaleSummary& summary);

// projects.csv and project_progress.csv. Errors: kIoError.
Status write_scale_projects(const ScaleOptions& options, const std::string& dir,
                            ScaleSummary& summary);

}  // namespace zhizao::detail
