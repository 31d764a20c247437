// GET /api/report/benchmark (docs/api.md, "Comparing with the city"): how the report a caller
// sees compares with the whole city — the city's headline growth rates and the rank of the
// scope's county among the counties, of each park and chain among the scope's parks and chains.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "engine/report_data.h"
#include "http/router.h"
#include "server/api_context.h"

namespace zhizao::server {

// The place of a set among its peers by value-added growth: rank 1 is the fastest; sets with the
// same growth share a rank ("1224" competition ranking); `of` counts the peers with a growth.
struct PeerRank {
  int rank = 0;
  int of = 0;
};

// Returns the rank of the set with `code` among `peers`, or nullopt when it is not among them or
// has no growth. Pure, thread-safe.
std::optional<PeerRank> rank_by_growth(std::span<const SetFigures> peers, std::string_view code);

// Registers GET /api/report/benchmark (scope rules as GET /api/report).
void add_benchmark_route(http::Router& routes, const ServerConfig& config);

}  // namespace zhizao::server
