// A client of one ClickHouse node's HTTP interface (https://clickhouse.com/docs/en/interfaces/http,
// as ClickHouse 18.16 serves it): a statement POSTed as the body, or an INSERT's data POSTed as
// the body with the statement in the URL. Every answer is read within a bound known in advance
// and refused above it; ClickHouse is asked to finish the query before answering
// (wait_end_of_query=1), so that an error arrives as an HTTP status, never after half an answer.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/result.h"
#include "clickhouse/clickhouse_target.h"

namespace zhizao {

// Talks to one node. Value type; a const method may be called from several threads at once (each
// call opens its own connection).
class ClickHouseClient {
 public:
  ClickHouseClient(ClickHouseNode node, std::string database);

  // Runs `sql` and returns its answer (the FORMAT the statement names), at most
  // `max_answer_bytes` long. Errors: kIoError when the node cannot be reached or answers an error
  // (the message names the node and quotes ClickHouse's first line) or when the answer is longer
  // than the bound (named in the message).
  Result<std::string> query(std::string_view sql, std::uint64_t max_answer_bytes) const;

  // Sends `data` as the body of `insert_sql` (INSERT INTO ... FORMAT ...), waiting until a
  // Distributed table has written it to every shard (insert_distributed_sync=1). Errors: as
  // query().
  Status insert(std::string_view insert_sql, std::string_view data) const;

  const ClickHouseNode& node() const { return node_; }

 private:
  Result<std::string> post(const std::string& path, std::string_view body,
                           std::uint64_t max_answer_bytes) const;

  ClickHouseNode node_;
  std::string database_;
};

// `text` percent-encoded for a URL's query (RFC 3986: unreserved characters kept).
std::string url_encode(std::string_view text);

}  // namespace zhizao
