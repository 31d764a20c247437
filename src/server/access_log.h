// The server's event log for the system journal (issue #16: "logs as one structured line per
// event on stdout"): one JSON object per line, so journalctl -o cat | jq reads it. Each answered
// request is an event; so are the server's start and stop. A line never carries a request's
// body, query string, cookies or headers: they may hold passwords, tokens or personal data
// (docs/security.md, "Secrets").
#pragma once

#include <string>
#include <string_view>

#include "http/exchange.h"

namespace zhizao::server {

// Returns the line (without its newline) for one answered request: ts (UTC, RFC 3339 with
// milliseconds), event "request", method, path, status, bytes, ms, peer, and "incomplete": true
// when the client did not get the whole answer.
std::string access_log_line(const http::ExchangeRecord& record);

// Returns the line for a server event (e.g. "listening", "stopped") with `detail` as its
// message.
std::string event_log_line(std::string_view event, std::string_view detail);

// Writes `line` and a newline to stdout at once (one write under a lock, so lines of concurrent
// workers never interleave) and flushes it. Thread-safe.
void write_log_line(const std::string& line);

}  // namespace zhizao::server
