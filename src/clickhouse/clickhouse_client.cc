#include "clickhouse/clickhouse_client.h"

#include <fmt/format.h>
#include <httplib.h>

#include <utility>

namespace zhizao {
namespace {

// A statement's own answer (DDL, an INSERT's) is a few bytes; its error message a few hundred.
constexpr std::uint64_t kStatementAnswerBytes = 64 * 1024;
constexpr std::size_t kQuotedErrorChars = 300;
constexpr time_t kConnectSeconds = 5;
constexpr time_t kReadSeconds = 600;

// ClickHouse's error text, its first line, within kQuotedErrorChars.
std::string first_line(std::string_view text) {
  std::string_view line = text.substr(0, text.find('\n'));
  if (line.size() > kQuotedErrorChars) line = line.substr(0, kQuotedErrorChars);
  return std::string(line);
}

}  // namespace

std::string url_encode(std::string_view text) {
  std::string encoded;
  encoded.reserve(text.size() * 3);
  for (char c : text) {
    auto byte = static_cast<unsigned char>(c);
    bool unreserved = (byte >= 'a' && byte <= 'z') || (byte >= 'A' && byte <= 'Z') ||
                      (byte >= '0' && byte <= '9') || byte == '-' || byte == '_' || byte == '.' ||
                      byte == '~';
    if (unreserved) {
      encoded.push_back(c);
    } else {
      encoded += fmt::format("%{:02X}", byte);
    }
  }
  return encoded;
}

ClickHouseClient::ClickHouseClient(ClickHouseNode node, std::string database)
    : node_(std::move(node)), database_(std::move(database)) {}

Result<std::string> ClickHouseClient::post(const std::string& path, std::string_view body,
                                           std::uint64_t max_answer_bytes) const {
  httplib::Client client(node_.host, node_.port);
  client.set_connection_timeout(kConnectSeconds, 0);
  client.set_read_timeout(kReadSeconds, 0);
  client.set_write_timeout(kReadSeconds, 0);
  client.set_keep_alive(false);
  httplib::Request request;
  request.method = "POST";
  request.path = path;
  request.body = std::string(body);
  request.set_header("Content-Type", "application/octet-stream");
  std::string answer;
  bool too_long = false;
  request.content_receiver = [&](const char* data, size_t length, uint64_t, uint64_t) {
    if (answer.size() + length > max_answer_bytes) {
      too_long = true;
      return false;
    }
    answer.append(data, length);
    return true;
  };
  httplib::Response response;
  httplib::Error error = httplib::Error::Success;
  bool sent = client.send(request, response, error);
  // Code 396 (TOO_MANY_ROWS_OR_BYTES): the server's own check of max_result_bytes.
  bool server_bound = response.status != 200 && answer.find("Code: 396,") != std::string::npos;
  if (too_long || server_bound) {
    return fail(Status::io_error(fmt::format(
        "ClickHouse at {}: the answer is longer than the bound of {} bytes (max_answer_bytes= "
        "in --clickhouse raises it)",
        node_.url(), max_answer_bytes)));
  }
  if (!sent) {
    return fail(Status::io_error(fmt::format("ClickHouse at {}: {} ({})", node_.url(),
                                             "cannot be reached", httplib::to_string(error))));
  }
  if (response.status != 200) {
    return fail(Status::io_error(fmt::format("ClickHouse at {} answered HTTP {}: {}", node_.url(),
                                             response.status, first_line(answer))));
  }
  return answer;
}

Result<std::string> ClickHouseClient::query(std::string_view sql,
                                            std::uint64_t max_answer_bytes) const {
  // The server stops a query whose result passes a bound too (result_overflow_mode=throw), before
  // it buffers it for wait_end_of_query; it counts the bytes of its columns in memory (a String's
  // offsets, its terminating zeros), more than the answer's, hence a margin. The client's own
  // bound above is the exact one.
  std::uint64_t server_bound = max_answer_bytes * 4 + (std::uint64_t{1} << 20);
  std::string path = fmt::format(
      "/?database={}&wait_end_of_query=1&max_result_bytes={}&result_overflow_mode=throw",
      url_encode(database_), server_bound);
  return post(path, sql, max_answer_bytes);
}

Status ClickHouseClient::insert(std::string_view insert_sql, std::string_view data) const {
  std::string path = fmt::format("/?database={}&insert_distributed_sync=1&query={}",
                                 url_encode(database_), url_encode(insert_sql));
  Result<std::string> answer = post(path, data, kStatementAnswerBytes);
  return answer ? Status::ok() : answer.error();
}

}  // namespace zhizao
