#include "http/router.h"

#include "http/url.h"

namespace zhizao::http {

void Router::add(std::string method, const std::string& pattern, Handler handler) {
  routes_.push_back({std::move(method), std::regex(pattern), std::move(handler), pattern});
}

std::vector<Router::RouteInfo> Router::list() const {
  std::vector<RouteInfo> listed;
  listed.reserve(routes_.size());
  for (const Route& route : routes_) listed.push_back({route.method, route.source});
  return listed;
}

void Router::get(const std::string& pattern, Handler handler) {
  add("GET", pattern, std::move(handler));
}
void Router::post(const std::string& pattern, Handler handler) {
  add("POST", pattern, std::move(handler));
}
void Router::put(const std::string& pattern, Handler handler) {
  add("PUT", pattern, std::move(handler));
}
void Router::remove(const std::string& pattern, Handler handler) {
  add("DELETE", pattern, std::move(handler));
}

Router::Dispatch Router::dispatch(Request& request, Response& response,
                                  std::string& allowed) const {
  // A std::string: the conditional of a literal and a std::string is a temporary.
  const std::string method = request.method == "HEAD" ? std::string("GET") : request.method;
  allowed.clear();
  for (const Route& route : routes_) {
    std::smatch match;
    if (!std::regex_match(request.raw_path, match, route.pattern)) continue;
    if (route.method != method) {
      if (allowed.find(route.method) == std::string::npos) {
        allowed += allowed.empty() ? route.method : ", " + route.method;
      }
      continue;
    }
    std::vector<std::string> matches;
    for (const auto& group : match) {
      std::optional<std::string> decoded = percent_decode(group.str(), PlusSign::kLiteral);
      if (!decoded) return Dispatch::kNoRoute;
      matches.push_back(std::move(*decoded));
    }
    request.matches = std::move(matches);
    route.handler(request, response);
    return Dispatch::kHandled;
  }
  return allowed.empty() ? Dispatch::kNoRoute : Dispatch::kWrongMethod;
}

}  // namespace zhizao::http
