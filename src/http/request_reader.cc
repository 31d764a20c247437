#include "http/request_reader.h"

#include <boost/asio/buffer.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>
#include <optional>

#include "http/url.h"

namespace zhizao::http {
namespace {

namespace beast_http = boost::beast::http;
using Parser = beast_http::request_parser<beast_http::string_body>;

// Bytes read from the socket at a time; also the most that may wait unparsed in the body (a
// chunk-size line with extensions longer than this is refused).
constexpr size_t kReadChunk = 16 * 1024;

ReadOutcome refused(int status, std::string message) {
  return {ReadEnd::kRefused, status, std::move(message)};
}

// Maps a Beast parse error to the answer (RFC 9112 §2.2, §6.3, §7.1).
// `head_bytes`: how much of the head the parser has already consumed (0 while the request line
// is not complete).
ReadOutcome refusal_for(const boost::beast::error_code& error, std::string_view pending,
                        size_t head_bytes, const Limits& limits) {
  if (error == beast_http::error::header_limit) {
    // A request line that alone passes the limit is 414 (RFC 9110 §15.5.15), else 431.
    bool line_too_long =
        head_bytes == 0 && pending.substr(0, limits.max_head_bytes).find('\n') == std::string::npos;
    return line_too_long ? refused(414, "the request line is too long")
                         : refused(431, "the request's header fields are too large (limit " +
                                            std::to_string(limits.max_head_bytes) + " bytes)");
  }
  if (error == beast_http::error::body_limit) {
    return refused(413, "the request body is too large (limit " +
                            std::to_string(limits.max_body_bytes) + " bytes)");
  }
  if (error == beast_http::error::bad_version) {
    return refused(505, "only HTTP/1.0 and HTTP/1.1 are served");
  }
  return refused(400, "malformed request: " + error.message());
}

}  // namespace

struct RequestReader::Impl {
  Connection& connection;
  const Limits& limits;
  std::string pending;  // bytes read and not yet consumed by the parser
  std::optional<Parser> parser;
  // The head being read, kept across read_head calls that return kWaiting.
  bool head_started = false;
  std::optional<Deadline> head_deadline;
  size_t head_bytes = 0;
  Deadline idle_deadline;

  Impl(Connection& c, const Limits& l) : connection(c), limits(l) {}

  // Reads more bytes into `pending`. kDone, or kClosed/kRefused(408) on end, timeout or stop.
  ReadOutcome read_more(Deadline deadline, ReadEnd on_timeout) {
    size_t old_size = pending.size();
    pending.resize(old_size + kReadChunk);
    Result<size_t> n = connection.read_some(pending.data() + old_size, kReadChunk, deadline);
    pending.resize(old_size + (n ? *n : 0));
    if (!n) {
      if (n.error().message() == "timed out") {
        if (on_timeout == ReadEnd::kRefused)
          return refused(408, "the request was not sent in time");
        if (on_timeout == ReadEnd::kWaiting) return {ReadEnd::kWaiting, 0, ""};
      }
      return {ReadEnd::kClosed, 0, ""};
    }
    if (*n == 0) return {ReadEnd::kClosed, 0, ""};
    return {};
  }

  // Feeds `pending` to the parser until it needs more; consumed bytes leave `pending`.
  boost::beast::error_code feed() {
    boost::beast::error_code error;
    while (!pending.empty() && !parser->is_done()) {
      size_t used = parser->put(boost::asio::buffer(pending.data(), pending.size()), error);
      pending.erase(0, used);
      if (error == beast_http::error::need_more) return {};
      if (error) return error;
      if (used == 0) break;
    }
    return error;
  }
};

RequestReader::RequestReader(Connection& connection, const Limits& limits)
    : impl_(std::make_unique<Impl>(connection, limits)) {}

RequestReader::~RequestReader() = default;

ReadOutcome RequestReader::read_head(Request& request, HeadWait wait) {
  Impl& d = *impl_;
  if (!d.head_started) {
    d.parser.emplace();
    d.parser->header_limit(static_cast<std::uint32_t>(d.limits.max_head_bytes));
    d.parser->body_limit(static_cast<std::uint64_t>(d.limits.max_body_bytes));
    d.parser->eager(false);  // stop at the end of the head, so head_bytes counts only the head
    d.head_started = true;
    d.head_deadline.reset();
    d.head_bytes = 0;
    d.idle_deadline = Clock::now() + d.limits.idle_timeout;
  }
  for (;;) {
    if (!d.pending.empty()) {
      if (!d.head_deadline) d.head_deadline = Clock::now() + d.limits.head_timeout;
      // The header is parsed in one piece: Beast consumes nothing until it is complete, and
      // refuses with header_limit once more than the limit is buffered without its end.
      boost::beast::error_code error;
      size_t used = d.parser->put(boost::asio::buffer(d.pending.data(), d.pending.size()), error);
      d.pending.erase(0, used);
      if (error && error != beast_http::error::need_more) {
        return refusal_for(error, d.pending, d.head_bytes, d.limits);
      }
      d.head_bytes += used;
      // Beast 1.74 applies header_limit to each put() alone and consumes the line and each field
      // as they complete, so the head's total is bounded here.
      bool done = d.parser->is_header_done();
      if (d.head_bytes + (done ? 0 : d.pending.size()) > d.limits.max_head_bytes) {
        return refusal_for(beast_http::error::header_limit, d.pending, d.head_bytes, d.limits);
      }
      if (done) break;
    }
    ReadOutcome more;
    if (wait == HeadWait::kPark) {
      if (d.head_deadline && Clock::now() >= *d.head_deadline) {
        return refused(408, "the request was not sent in time");
      }
      // A deadline already passed: take what has arrived, wait for nothing.
      more = d.read_more(Clock::now(), ReadEnd::kWaiting);
    } else {
      more = d.read_more(d.head_deadline.value_or(d.idle_deadline),
                         d.head_deadline ? ReadEnd::kRefused : ReadEnd::kClosed);
    }
    if (more.end != ReadEnd::kDone) {
      // A client that closes mid-head gets no answer; one that stalls mid-head gets 408.
      return more;
    }
  }
  d.head_started = false;
  d.head_deadline.reset();
  const auto& message = d.parser->get();
  request = Request();
  request.method = std::string(message.method_string());
  request.version = static_cast<int>(message.version());
  if (!parse_target(std::string_view(message.target().data(), message.target().size()), request)) {
    return refused(400, "malformed request target");
  }
  for (const auto& field : message) {
    request.headers.emplace(std::string(field.name_string()), std::string(field.value()));
  }
  // Beast frames a request whose last transfer coding is not chunked as one without a body;
  // RFC 9112 §6.1 has the server refuse a coding it does not implement instead.
  if (request.has_header("Transfer-Encoding") && !d.parser->chunked()) {
    return refused(501, "only the chunked transfer coding is understood");
  }
  return {};
}

ReadOutcome RequestReader::read_body(Request& request) {
  Impl& d = *impl_;
  d.parser->eager(true);
  for (;;) {
    boost::beast::error_code error = d.feed();
    if (error) return refusal_for(error, d.pending, 1, d.limits);
    if (d.parser->is_done()) break;
    if (d.pending.size() > kReadChunk) {
      return refused(400, "malformed request: a chunk-size line is too long");
    }
    ReadOutcome more = d.read_more(Clock::now() + d.limits.io_timeout, ReadEnd::kRefused);
    if (more.end == ReadEnd::kClosed) return refused(400, "the request body ended early");
    if (more.end != ReadEnd::kDone) return more;
  }
  request.body = std::move(d.parser->get().body());
  return {};
}

std::optional<Deadline> RequestReader::head_deadline() const { return impl_->head_deadline; }

bool RequestReader::keep_alive() const {
  return impl_->parser && impl_->parser->is_header_done() && impl_->parser->keep_alive();
}

namespace {

// The bytes of one request as a Connection: reads return them, then end of data.
class BytesConnection final : public Connection {
 public:
  explicit BytesConnection(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> read_some(char* data, size_t size, Deadline) override {
    size_t n = std::min(size, bytes_.size());
    std::copy_n(bytes_.data(), n, data);
    bytes_.remove_prefix(n);
    return n;
  }
  Status write_all(std::string_view, Deadline) override { return Status::ok(); }
  void close_after_answer(std::chrono::milliseconds, size_t) override {}
  const std::string& remote_addr() const override { return addr_; }
  int remote_port() const override { return 0; }
  int socket_fd() const override { return -1; }

 private:
  std::string_view bytes_;
  std::string addr_ = "memory";
};

}  // namespace

ReadOutcome parse_request_bytes(std::string_view bytes, const Limits& limits, Request& request) {
  BytesConnection connection(bytes);
  RequestReader reader(connection, limits);
  ReadOutcome head = reader.read_head(request);
  if (head.end != ReadEnd::kDone) return head;
  return reader.read_body(request);
}

}  // namespace zhizao::http
