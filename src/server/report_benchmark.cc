#include "server/report_benchmark.h"

#include <algorithm>
#include <string>

#include "report/json_writer.h"
#include "server/http_support.h"
#include "server/scoped_report.h"

namespace zhizao::server {
namespace {

using nlohmann::ordered_json;

ordered_json rank_json(const std::optional<PeerRank>& rank) {
  return rank ? ordered_json(rank->rank) : ordered_json(nullptr);
}

// Each set of `sets` (parks or chains of one report) with its rank among them.
ordered_json ranked_sets(const std::vector<SetFigures>& sets) {
  ordered_json out = ordered_json::array();
  for (const SetFigures& set : sets) {
    std::optional<PeerRank> rank = rank_by_growth(sets, set.code);
    out.push_back({{"id", set.code},
                   {"name", set.name},
                   {"value_added_growth", detail::optional_number(set.value_added_growth)},
                   {"rank", rank_json(rank)},
                   {"of", rank ? rank->of : 0}});
  }
  return out;
}

ordered_json city_json(const ReportData& city) {
  return {
      {"value_added_growth", detail::optional_number(city.industry.value_added_growth)},
      {"manufacturing_value_added_growth",
       detail::optional_number(city.manufacturing.value_added_growth)},
      {"output_growth", detail::optional_number(city.industry.output_growth)},
      {"electricity_growth", detail::optional_number(city.industry.electricity_growth)},
      {"two_year_average_growth", detail::optional_number(city.industry.two_year_average_growth)},
      {"enterprises", city.industry.enterprises}};
}

// The scope's county among the city's counties; null when the scope is none or not a county of
// the city's report (a region group, a province).
ordered_json region_json(const ReportData& city, const std::string& scope) {
  if (scope.empty()) return nullptr;
  auto found = std::find_if(city.regions.begin(), city.regions.end(),
                            [&](const SetFigures& region) { return region.code == scope; });
  if (found == city.regions.end()) return nullptr;
  std::optional<PeerRank> rank = rank_by_growth(city.regions, scope);
  long peers =
      std::count_if(city.regions.begin(), city.regions.end(),
                    [](const SetFigures& region) { return region.value_added_growth.has_value(); });
  return {{"code", found->code},
          {"name", found->name},
          {"value_added_growth", detail::optional_number(found->value_added_growth)},
          {"rank", rank_json(rank)},
          {"of", peers}};
}

void get_benchmark(ApiCall& call, const std::string& db_path) {
  std::optional<ScopedReport> scoped = scoped_report(call, db_path);
  if (!scoped) return;
  Result<ReportData> report = scoped->input.report(scoped->request);
  if (!report) {
    send_status(call.res, report.error());
    return;
  }
  // The city's figures are the unrestricted report of the same period and window: a county
  // user learns the city's headline rates and its own rank, never another county's figures.
  std::optional<ReportData> unscoped;
  if (!scoped->request.scope.empty()) {
    ReportRequest whole = scoped->request;
    whole.scope.clear();
    Result<ReportData> city = scoped->input.report(whole);
    if (!city) {
      send_status(call.res, city.error());
      return;
    }
    unscoped = *std::move(city);
  }
  const ReportData& city = unscoped ? *unscoped : *report;
  ordered_json body;
  body["period"] = report->period.to_string();
  body["monthly"] = report->window == WindowKind::kMonthly;
  body["scope"] = report->scope.empty() ? ordered_json(nullptr) : ordered_json(report->scope);
  body["city"] = city_json(city);
  body["region"] = region_json(city, report->scope);
  body["parks"] = ranked_sets(report->parks);
  body["chains"] = ranked_sets(report->chains);
  send_json(call.res, 200, body);
}

}  // namespace

std::optional<PeerRank> rank_by_growth(std::span<const SetFigures> peers, std::string_view code) {
  auto self = std::find_if(peers.begin(), peers.end(),
                           [&](const SetFigures& set) { return set.code == code; });
  if (self == peers.end() || !self->value_added_growth) return std::nullopt;
  PeerRank rank{1, 0};
  for (const SetFigures& peer : peers) {
    if (!peer.value_added_growth) continue;
    ++rank.of;
    if (*peer.value_added_growth > *self->value_added_growth) ++rank.rank;
  }
  return rank;
}

void add_benchmark_route(http::Router& routes, const ServerConfig& config) {
  routes.get("/api/report/benchmark",
             authenticated(config, [db_path = config.db_path](ApiCall& call) {
               get_benchmark(call, db_path);
             }));
}

}  // namespace zhizao::server
