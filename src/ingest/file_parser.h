// Parsing of one input file on its own: decoding, CSV, kind, header and every row.
#pragma once

#include "ingest/importer.h"
#include "ingest/parsed_file.h"
#include "ingest/released_pages.h"

namespace zhizao::detail {

// Parses `source` into a ParsedFile holding its rows and every error and warning found in it
// alone (the checks across files come later). Never fails: problems are findings. With
// ConsumedBytes::kReleased the pages of source.bytes (or of their conversion to UTF-8) are given
// back to the system as they are parsed (released_pages.h): the caller must not read the bytes
// afterwards, only free them.
ParsedFile parse_file(const SourceFile& source, const ImportOptions& options,
                      ConsumedBytes consumed = ConsumedBytes::kKept);

}  // namespace zhizao::detail
