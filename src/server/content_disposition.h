// The Content-Disposition of a download: an ASCII file name every client understands and the
// real (e.g. Chinese) name for the clients that read RFC 6266's filename* (RFC 8187 encoding).
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace zhizao::server {

// Returns `name` made safe as a file name on Windows, macOS and Linux: control characters and
// / \ : * ? " < > | become '_', leading and trailing spaces and dots are dropped, and it is cut
// (at a UTF-8 character boundary) to at most `max_bytes` bytes. Invalid UTF-8 bytes become '_'.
// Returns "" when nothing is left.
std::string safe_file_name(std::string_view name, size_t max_bytes = 180);

// Returns `attachment; filename="ASCII"; filename*=UTF-8''PERCENT-ENCODED` (RFC 6266 §4.3):
// `ascii_name` keeps only the characters [A-Za-z0-9._-] (others become '_'); `utf8_name` is
// safe_file_name'd and percent-encoded outside RFC 8187's attr-char. Without a usable UTF-8
// name only the ASCII one is given.
std::string attachment_disposition(std::string_view ascii_name, std::string_view utf8_name);

}  // namespace zhizao::server
