// Splitting the records of a large CSV text in two, so that two threads parse its halves: where
// to split, and how to join what the halves found. The split is only a guess (a quoted field
// may hold line breaks); the parser confirms it by checking that reading the first half ends
// exactly at the split, and parses sequentially otherwise.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

#include "ingest/parsed_file.h"

namespace zhizao::detail {

// Texts smaller than this are parsed by one thread: starting a thread would cost more.
inline constexpr size_t kParallelParseMinBytes = size_t{4} << 20;

// Where the second half should start: just after a line feed near the middle of
// text[body, size), with an even number of '"' before it in that range (so outside any quoted
// field of well-formed RFC 4180 text). std::nullopt when the text is small or no such line feed
// lies near the middle. Thread-safe.
std::optional<size_t> find_split_point(std::string_view text, size_t body);

// The 1-based line of the byte at `offset` of `text`.
long line_at(std::string_view text, size_t offset);

// Appends `rows` and their `lines` (a part of a later half's monthly rows, file_parser.cc) to the
// monthly rows and lines of `file`, then frees them.
void append_monthly_part(ParsedFile& file, std::vector<MonthlyRecord>&& rows,
                         std::vector<long>&& lines);

// Appends the rows, lines, record count and findings of `later` (the records after those of
// `file`) to `file`.
void append_parsed(ParsedFile& file, ParsedFile&& later);

}  // namespace zhizao::detail
