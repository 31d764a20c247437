// The national-scale synthetic dataset (issue #3): N invented enterprises over all 41 industrial
// divisions (GB/T 4754-2017) and the county-level regions of 31 provinces (GB/T 2260), with
// monthly records for every month of a range and the awkward cases of real data (new entrants
// without previous-year figures, exits, months out of scope, missing value added, missing
// electricity), key enterprises, parks, chains and a few projects. For benchmarks and load tests;
// unlike the Luoyang demo it is not calibrated to any article. Written as the contract's CSV
// files (streamed, never held in memory: 500,000 × 60 months is 30 million rows).
#pragma once

#include <cstdint>
#include <string>

#include "base/result.h"
#include "base/year_month.h"
#include "ingest/importer.h"
#include "store/database.h"

namespace zhizao {

struct ScaleOptions {
  int64_t enterprises = 50'000;
  YearMonth from{2017, 1};
  YearMonth to{2021, 12};
  uint64_t seed = 20210430;
};

// What was written, file by file (rows, not counting headers).
struct ScaleSummary {
  int64_t enterprises = 0;
  int64_t monthly_rows = 0;
  int64_t parks = 0;
  int64_t chains = 0;
  int64_t projects = 0;
  int64_t project_progress_rows = 0;
  int64_t deflator_rows = 0;
  int64_t va_ratio_rows = 0;
};

// The eight file names written, in the order an import should list them.
inline constexpr const char* kScaleFileNames[] = {
    "enterprises.csv", "parks.csv",   "chains.csv",   "deflators.csv",
    "va_ratios.csv",   "monthly.csv", "projects.csv", "project_progress.csv"};

// Checks the options: 1 ≤ enterprises ≤ 10,000,000, from ≤ to, at most 600 months, years
// 1991..2099 (USCCs exist since 2015, but the data may be back-filled). Errors: kUsage.
Status check_scale_options(const ScaleOptions& options);

// Writes the contract's CSV files (UTF-8, English headers) into `dir` (created if missing),
// replacing files of the same names. Same options, same bytes; the first k enterprises of a
// larger N are the same enterprises with the same records. Errors: kUsage (bad options),
// kIoError. Single-threaded; uses about 100 bytes of memory per enterprise.
Result<ScaleSummary> write_scale_csv(const ScaleOptions& options, const std::string& dir);

// Imports the files write_scale_csv wrote into `dir` through the normal importer (every check,
// all or nothing, revisions kept) into `db`. Data errors are in ImportOutcome::errors (none are
// expected: that would be a bug of the generator). Errors: as import_files.
Result<ImportOutcome> import_scale_csv(Database& db, const std::string& dir,
                                       const ImportOptions& options);

}  // namespace zhizao
