#include "server/access_log.h"

#include <chrono>
#include <cstdio>
#include <mutex>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace zhizao::server {
namespace {

std::string utc_now() {
  auto now = std::chrono::system_clock::now();
  auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(now)), millis);
}

}  // namespace

std::string access_log_line(const http::ExchangeRecord& record) {
  nlohmann::ordered_json line = {
      {"ts", utc_now()},
      {"event", "request"},
      {"method", record.request.method},
      // The path only: a query string may carry what a user typed.
      {"path", record.request.path},
      {"status", record.status},
      {"bytes", record.bytes},
      {"ms", static_cast<double>(record.duration.count()) / 1000.0},
      {"peer", record.request.remote_addr},
  };
  if (!record.written) line["incomplete"] = true;
  // Invalid UTF-8 in a path (it is percent-decoded) is replaced, never thrown on.
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string event_log_line(std::string_view event, std::string_view detail) {
  nlohmann::ordered_json line = {
      {"ts", utc_now()}, {"event", std::string(event)}, {"detail", std::string(detail)}};
  return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void write_log_line(const std::string& line) {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  std::fwrite(line.data(), 1, line.size(), stdout);
  std::fputc('\n', stdout);
  std::fflush(stdout);
}

}  // namespace zhizao::server
