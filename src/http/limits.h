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
  // How long an idle keep-alive connection, or a new one, waits for the first byte of its next
  // request. It waits parked in the listener's poll set, holding no worker (http_server.cc).
  std::chrono::milliseconds idle_timeout{15'000};
  // Requests served on one connection before it is closed.
  int max_requests_per_connection = 100;
  // Threads that serve requests. A connection takes one only while a request of it is being
  // read (from its first byte), answered or written; the memory bound per worker is a head, a
  // body and a read buffer (about 300 KiB).
  int workers = 32;
  // Connections whose request has arrived and waits for a worker; beyond, a new connection's
  // first request gets 503 and the connection is closed.
  int max_pending_connections = 64;
  // Connections open at once (parked, waiting for a worker or being served); beyond, a new one
  // gets 503 at once and is closed. Each costs a descriptor and, parked, its head read so far.
  int max_open_connections = 512;
  // Of those, connections open at once from one client address; beyond, a new one gets 503 at
  // once and is closed, so that one address cannot take every open slot. 0: no cap (behind a
  // reverse proxy every client has the proxy's address). 128 leaves room for an office behind
  // one NAT address (a browser opens up to 6 connections to a host).
  int max_connections_per_address = 128;
  // After an early refusal (413, 431, 429...), what the server still reads and drops so that the
  // client sees the answer before the close (RFC 9112 §9.6): at most this long and this much.
  std::chrono::milliseconds linger_timeout{1'000};
  size_t linger_bytes = 1024 * 1024;
};

}  // namespace zhizao::http
