// The bounds of the HTTP transport, known before a byte is read (docs/security.md, "Bounds").
// Every request is refused as soon as it passes one, before any route, session lookup or
// password hash runs, and memory per connection stays below head + body + one read buffer.
#pragma once

#include <chrono>
#include <cstddef>

namespace zhizao::http {

struct Limits {
  // Request line and header fields together (RFC 9112 §2.3 leaves it to the server; 16 KiB is
  // twice what browsers send with the longest cookies we set). Beyond: 431, or 414 when the
  // request line alone is too long.
  size_t max_head_bytes = 16 * 1024;
  // The body after chunked decoding (RFC 9112 §7.1). Beyond: 413 as soon as a Content-Length or
  // a chunk size says so, without reading the rest.
  size_t max_body_bytes = 256 * 1024;
  // Time for a whole request head, counted from its first byte (slow-header clients).
  std::chrono::milliseconds head_timeout{10'000};
  // Time between two reads of a body, and between two writes of an answer.
  std::chrono::milliseconds io_timeout{10'000};
  // How long an idle keep-alive connection waits for its next request. It holds its worker
  // meanwhile, so this is short: a browser's burst of requests reuses it, a second visitor does
  // not wait long behind idle connections (see `workers`).
  std::chrono::milliseconds idle_timeout{2'000};
  // Requests served on one connection before it is closed.
  int max_requests_per_connection = 100;
  // Threads that serve connections; a connection holds one while it is open, idle keep-alive
  // included, and a browser keeps up to 6 open per page: 32 serve several visitors at once. The
  // memory bound per worker is a head, a body and a read buffer (about 300 KiB).
  int workers = 32;
  // Accepted connections waiting for a worker; beyond, new ones get 503 and are closed.
  int max_pending_connections = 64;
  // After an early refusal (413, 431, 429...), what the server still reads and drops so that the
  // client sees the answer before the close (RFC 9112 §9.6): at most this long and this much.
  std::chrono::milliseconds linger_timeout{1'000};
  size_t linger_bytes = 1024 * 1024;
};

}  // namespace zhizao::http
