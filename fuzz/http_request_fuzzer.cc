// Fuzz target: the HTTP/1.1 request reader of `zhizao serve` (src/http/request_reader.h) — the
// request line, header fields, Content-Length and chunked bodies (sizes, extensions, trailers)
// — under small limits, so that every limit is reached often.
// Input: one selector byte (limits: bits 0-1 the body limit 0/16/256/4096 bytes, bit 2 a head
// limit of 256 bytes instead of 16 KiB), then the bytes of the connection.
// Invariants: no crash or leak; a request read whole has a body within the limit, a method, an
// origin-form target whose raw path starts with '/'; a refusal has a 4xx/5xx status and a message.
#include <string>

#include "fuzz_support.h"
#include "http/request_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  zhizao::fuzz::FuzzInput input(data, size);
  uint8_t selector = input.byte();
  zhizao::http::Limits limits;
  constexpr size_t kBodyLimits[] = {0, 16, 256, 4096};
  limits.max_body_bytes = kBodyLimits[selector & 3];
  if ((selector & 4) != 0) limits.max_head_bytes = 256;
  zhizao::http::Request request;
  zhizao::http::ReadOutcome outcome =
      zhizao::http::parse_request_bytes(input.rest(), limits, request);
  using zhizao::fuzz::check;
  switch (outcome.end) {
    case zhizao::http::ReadEnd::kDone:
      check(request.body.size() <= limits.max_body_bytes, "a body within its limit");
      check(!request.method.empty(), "a method");
      check(request.raw_path.starts_with("/"), "an origin-form path");
      break;
    case zhizao::http::ReadEnd::kRefused:
      check(outcome.status >= 400 && outcome.status < 600, "a refusal is 4xx or 5xx");
      check(!outcome.message.empty(), "a refusal says why");
      break;
    case zhizao::http::ReadEnd::kClosed:
      break;
    case zhizao::http::ReadEnd::kWaiting:
      // Only a parked read (HeadWait::kPark) waits; parse_request_bytes reads whole bytes.
      check(false, "parse_request_bytes never parks");
      break;
  }
  return 0;
}
