#include "clickhouse/clickhouse_target.h"

#include <fmt/format.h>

#include <charconv>

namespace zhizao {
namespace {

constexpr std::string_view kScheme = "http://";
constexpr std::size_t kMaxSpecBytes = 4096;

bool is_identifier(std::string_view text) {
  if (text.empty() || text.size() > 64) return false;
  for (char c : text) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

Result<std::uint64_t> positive_integer(std::string_view key, std::string_view text) {
  std::uint64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc() || end != text.data() + text.size() || value == 0) {
    return fail(
        Status::usage(fmt::format("--clickhouse: {} must be a positive integer: {}", key, text)));
  }
  return value;
}

Result<ClickHouseNode> parse_node(std::string_view url) {
  if (url.substr(0, kScheme.size()) != kScheme) {
    return fail(Status::usage(
        fmt::format("--clickhouse: not an http:// URL of a ClickHouse HTTP interface: {}", url)));
  }
  std::string_view rest = url.substr(kScheme.size());
  if (!rest.empty() && rest.back() == '/') rest.remove_suffix(1);
  ClickHouseNode node;
  std::size_t colon = rest.rfind(':');
  std::string_view host = colon == std::string_view::npos ? rest : rest.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = rest.substr(colon + 1);
    auto [end, error] = std::from_chars(port.data(), port.data() + port.size(), node.port);
    if (error != std::errc() || end != port.data() + port.size() || node.port < 1 ||
        node.port > 65535) {
      return fail(Status::usage(fmt::format("--clickhouse: not a port: {}", url)));
    }
  }
  if (host.empty() || host.find_first_of("/?#@ ") != std::string_view::npos) {
    return fail(Status::usage(fmt::format("--clickhouse: not a host: {}", url)));
  }
  node.host = std::string(host);
  return node;
}

Status apply_parameter(std::string_view pair, ClickHouseTarget& target) {
  std::size_t equals = pair.find('=');
  std::string_view key = pair.substr(0, equals);
  std::string_view value = equals == std::string_view::npos ? "" : pair.substr(equals + 1);
  if (key == "cluster" || key == "database") {
    if (!is_identifier(value)) {
      return Status::usage(
          fmt::format("--clickhouse: {} must be letters, digits or _: {}", key, value));
    }
    (key == "cluster" ? target.cluster : target.database) = std::string(value);
    return Status::ok();
  }
  if (key == "max_answer_bytes" || key == "insert_batch_bytes") {
    Result<std::uint64_t> number = positive_integer(key, value);
    if (!number) return number.error();
    if (key == "max_answer_bytes") target.max_answer_bytes = *number;
    if (key == "insert_batch_bytes") target.insert_batch_bytes = static_cast<std::size_t>(*number);
    return Status::ok();
  }
  return Status::usage(
      fmt::format("--clickhouse: unknown parameter {} (cluster, database, max_answer_bytes, "
                  "insert_batch_bytes)",
                  key));
}

}  // namespace

std::string ClickHouseNode::url() const { return fmt::format("http://{}:{}", host, port); }

Result<ClickHouseTarget> parse_clickhouse_target(std::string_view spec) {
  if (spec.empty() || spec.size() > kMaxSpecBytes) {
    return fail(Status::usage("--clickhouse: expected http://HOST:PORT[,...][?cluster=NAME]"));
  }
  ClickHouseTarget target;
  std::size_t question = spec.find('?');
  std::string_view urls = spec.substr(0, question);
  while (true) {
    std::size_t comma = urls.find(',');
    Result<ClickHouseNode> node = parse_node(urls.substr(0, comma));
    if (!node) return fail(node.error());
    target.nodes.push_back(*std::move(node));
    if (comma == std::string_view::npos) break;
    urls.remove_prefix(comma + 1);
  }
  if (question == std::string_view::npos) return target;
  std::string_view parameters = spec.substr(question + 1);
  while (!parameters.empty()) {
    std::size_t amp = parameters.find('&');
    Status applied = apply_parameter(parameters.substr(0, amp), target);
    if (!applied.is_ok()) return fail(applied);
    if (amp == std::string_view::npos) break;
    parameters.remove_prefix(amp + 1);
  }
  return target;
}

}  // namespace zhizao
