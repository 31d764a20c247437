// The request-target (RFC 9112 §3.2, origin-form): its path and query, percent-decoded
// (RFC 3986 §2.1) and the query as application/x-www-form-urlencoded pairs (WHATWG URL §5.1,
// '+' is a space). Decoding never fails open: a malformed escape is an error, not kept as text.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "http/message.h"

namespace zhizao::http {

// Decodes %XX escapes (and '+' as a space when `plus_is_space`). std::nullopt when an escape is
// malformed (not two hex digits).
enum class PlusSign { kLiteral, kSpace };
std::optional<std::string> percent_decode(std::string_view text, PlusSign plus);

// Splits an origin-form target into Request::target/raw_path/path/params. False when the target
// is not origin-form ("/..."), or the path or a parameter has a malformed escape.
bool parse_target(std::string_view target, Request& request);

}  // namespace zhizao::http
