// Decoding of input files to UTF-8: UTF-8 with or without BOM when the bytes are valid UTF-8,
// otherwise GB18030 (a superset of GBK, what Excel and WPS write on a Chinese system).
#pragma once

#include <optional>
#include <string>

#include "ingest/finding.h"
#include "ingest/importer.h"
#include "tl/expected.hpp"

namespace zhizao::detail {

// Returns `bytes` as UTF-8 text without a byte order mark, decoding them as `forced` or, when
// absent, as detected. Errors: a Finding at the physical line of the first byte that cannot be
// decoded (column "(encoding)"). Thread-safe.
tl::expected<std::string, Finding> decode_to_utf8(std::string bytes,
                                                  std::optional<Encoding> forced);

}  // namespace zhizao::detail
