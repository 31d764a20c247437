// Parsing of one input file on its own: decoding, CSV, kind, header and every row.
#pragma once

#include "ingest/importer.h"
#include "ingest/parsed_file.h"

namespace zhizao::detail {

// Parses `source` into a ParsedFile holding its rows and every error and warning found in it
// alone (the checks across files come later). Never fails: problems are findings.
ParsedFile parse_file(const SourceFile& source, const ImportOptions& options);

}  // namespace zhizao::detail
