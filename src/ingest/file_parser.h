// Parsing of one input file on its own: decoding, CSV, kind, header and every row.
#pragma once

#include "ingest/csv_reader.h"
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

// Reads the header record of `file` from `reader` (at the text's start) as parse_file does: the
// kind from the header unless file.kind is set (from the name), the header mapped. Returns false
// when there is no usable header, the reason being then among file.findings.errors.
bool parse_header(CsvReader& reader, ParsedFile& file);

// The CSV bounds of `options` (ImportOptions::limits) as the reader takes them.
CsvLimits csv_limits_of(const ImportOptions& options);

// The most records `text` (a part of a file) can hold that are kept: one per line, but never more
// than one per kMinKeptRecordBytes, the fewest bytes of a monthly or enterprise row (an
// 18-character USCC and more fields). Room reserved for this many records is an upper bound that
// a file of blank lines or empty records cannot inflate.
size_t most_kept_records(std::string_view text);

// Whether the header of a file was read without errors: after one with errors the records are
// counted, not parsed (every row would be wrong).
enum class HeaderValidity { kValid, kBroken };

// Parses the records of `reader` that start before offset `stop` of its text into `file` (rows,
// lines, findings, records), as parse_file parses a whole file's. The reader looks at no byte
// beyond a record's bound (ImportOptions::limits), so a text that extends that far past `stop`
// gives the results of the whole file for these records. Returns false when a CSV syntax error
// stopped reading (the reader reads no further; the error is among file.findings.errors).
bool parse_records_before(CsvReader& reader, size_t stop, HeaderValidity header,
                          const ImportOptions& options, ParsedFile& file);

}  // namespace zhizao::detail
