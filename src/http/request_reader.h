// RequestReader: reads requests off one Connection within Limits, in two steps so that the
// server can refuse a request on its head (Host, size, rate limit) before reading its body.
// Parsing is Boost.Beast's HTTP/1.1 parser (header_limit, body_limit, chunked decoding); this
// file only feeds it bounded buffers and maps its errors to status codes (RFC 9112).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "http/connection.h"
#include "http/limits.h"
#include "http/message.h"

namespace zhizao::http {

// What a step ended with. kRefused: answer `status` with `message`, then close the connection
// without reading further. kClosed: the peer closed, timed out between requests, or the server
// stops: close without an answer. kWaiting (read_head with HeadWait::kPark only): nothing more
// can be read now and the head is not complete: park the connection, and call read_head again
// once its socket is readable or head_deadline() has passed (then it answers 408).
enum class ReadEnd { kDone, kClosed, kRefused, kWaiting };
struct ReadOutcome {
  ReadEnd end = ReadEnd::kDone;
  int status = 0;
  std::string message;
};

class RequestReader {
 public:
  // `connection` and `limits` must outlive the reader.
  RequestReader(Connection& connection, const Limits& limits);
  ~RequestReader();
  RequestReader(const RequestReader&) = delete;
  RequestReader& operator=(const RequestReader&) = delete;

  // Reads the next request's line and header fields into `request` (method, target, version,
  // headers, params; body empty). kWait: waits up to idle_timeout for its first byte, then
  // head_timeout for the rest. kPark: reads only what has arrived and returns kWaiting when that
  // is not the whole head; the next call goes on where this one stopped (the head's deadline,
  // from its first byte, is kept). Refusals: 400 (malformed), 414, 431, 413 (a Content-Length
  // over the limit), 505, 408 (kPark: the head's deadline passed).
  enum class HeadWait { kWait, kPark };
  ReadOutcome read_head(Request& request, HeadWait wait = HeadWait::kWait);
  // When the head being read must be complete: set from its first byte until it is read.
  std::optional<Deadline> head_deadline() const;
  // Reads the body of the request whose head was just read into `request.body`. Refusals: 400,
  // 408 (too slow), 413 (a chunk that passes the limit).
  ReadOutcome read_body(Request& request);
  // True when the client expects the connection to stay open after this request (RFC 9112 §9.3).
  bool keep_alive() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Parses `bytes` as one whole request with the reader's rules (for the fuzz target and tests):
// returns its outcome and fills `request`.
ReadOutcome parse_request_bytes(std::string_view bytes, const Limits& limits, Request& request);

}  // namespace zhizao::http
