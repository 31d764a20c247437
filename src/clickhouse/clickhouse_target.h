// Where zhizao finds ClickHouse (`--clickhouse URL`, docs/operations.md "ClickHouse"): one or more
// nodes' HTTP interfaces, comma-separated, the first of which answers the queries and takes the
// inserts; the cluster (a `remote_servers` entry of the nodes' config) the Distributed tables
// span; the database; and the bound on an answer. Example:
//   http://10.0.0.1:8123,http://10.0.0.2:8123?cluster=zhizao&database=default
// Every node listed gets the tables when an import creates them (ClickHouse 18.16 without
// ZooKeeper has no distributed DDL); nodes not listed must have them already.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"

namespace zhizao {

// A node's HTTP interface (plain HTTP, as ClickHouse 18.16 serves it on its http_port).
struct ClickHouseNode {
  std::string host;
  int port = 8123;

  // "http://HOST:PORT", for messages.
  std::string url() const;
};

// The bound on one answer of ClickHouse: the readings of a year of 2 million enterprise-days
// (a city: 1,800 enterprises × 3 years is the demo) are ~70 MB in RowBinary; a province's
// meters need more and say so with max_answer_bytes=.
inline constexpr std::uint64_t kDefaultMaxAnswerBytes = std::uint64_t{1} << 30;
// The bound on one insert's body: bounded batches keep the client's and the server's memory
// flat however large the file (ClickHouse writes a part per insert, so batches not too small).
inline constexpr std::size_t kDefaultInsertBatchBytes = std::size_t{8} << 20;

struct ClickHouseTarget {
  std::vector<ClickHouseNode> nodes;  // at least one; nodes[0] answers
  std::string cluster = "zhizao";
  std::string database = "default";
  std::uint64_t max_answer_bytes = kDefaultMaxAnswerBytes;
  std::size_t insert_batch_bytes = kDefaultInsertBatchBytes;
};

// Parses `spec`: comma-separated http://HOST[:PORT][/] URLs, then optionally ?key=value&...
// with the keys cluster, database (letters, digits, '_'), max_answer_bytes and
// insert_batch_bytes (positive integers). Errors: kUsage naming what is wrong.
Result<ClickHouseTarget> parse_clickhouse_target(std::string_view spec);

}  // namespace zhizao
