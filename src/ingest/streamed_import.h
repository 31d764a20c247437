// The checks and the store of an import whose monthly CSV files are streamed (issue 17: an import
// in bounded memory; ImportOptions::monthly_chunk_bytes). Pass one reads each streamed file part
// by part: the rows' own findings, duplicate keys (a bit per enterprise and month across every
// monthly file; the first line of a duplicate found afterwards in the spilled runs), references
// to enterprises, and the records spilled in sorted runs (monthly_runs.h). Pass two reads the runs
// back merged in key order, a few whole enterprises at a time: the import audit, and, when
// nothing was found so far, the year blocks written into the import's open transaction
// (StreamedApply). An error anywhere stops the writing but not the checks, and rolls back.
#pragma once

#include <memory>
#include <vector>

#include "base/result.h"
#include "ingest/importer.h"
#include "ingest/monthly_stream.h"
#include "ingest/parsed_file.h"
#include "store/database.h"

namespace zhizao::detail {

// `files`: every file of the import in the order given, those parsed whole with their rows and a
// placeholder (name and kind, no rows) for each streamed one; `streams[i]`: the stream of files[i]
// when it is streamed, else null (same size as `files`). The outcome is what check_and_store
// returns for the same files parsed whole (same findings, rows stored, counts), with
// streamed_files set; options.on_stored is not called, options.streamed_months_observer is told
// of the streamed records when one file holds them all. Errors: as import_files (kIoError when the
// database, the files or the temporary files cannot be read or written).
Result<ImportOutcome> check_and_store_streamed(
    Database& db, std::vector<ParsedFile>&& files,
    std::vector<std::unique_ptr<MonthlyFileStream>>&& streams, const ImportOptions& options);

}  // namespace zhizao::detail
