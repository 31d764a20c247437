// The steps every import ends with, whether its monthly files were parsed whole or streamed:
// the findings into the outcome, the batches in dependency order, the daily readings to a sink.
#pragma once

#include <vector>

#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "store/database.h"

namespace zhizao::detail {

// Puts every file's findings, sorted by line and column, into `outcome` in the order the files
// came, with one line per file for what its bound left unlisted; and each file's count.
void collect_findings(std::vector<ParsedFile>& files, ImportOutcome& outcome);

// One batch per file (its rows moved out of `files`), kinds in dependency order, files of a kind
// in the order given.
std::vector<SourcedBatch> batches_in_dependency_order(std::vector<ParsedFile>& files);

// Moves every electricity_daily reading out of `batches` into `sink` (DailyReadingsSink::stage).
Status stage_daily_readings(std::vector<SourcedBatch>& batches, DailyReadingsSink& sink);

}  // namespace zhizao::detail
