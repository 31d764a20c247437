// Router: the API's routes, each a method and a regular expression over the raw (still
// percent-encoded) path, so that an encoded '/' inside a name stays inside its capture
// ("/api/users/a%2Fb/disable" names the user "a/b"). Captures are decoded before the handler
// sees them. Thread-safe to dispatch once the routes are added.
#pragma once

#include <functional>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "http/message.h"

namespace zhizao::http {

using Handler = std::function<void(const Request&, Response&)>;

class Router {
 public:
  // Adds a route; `pattern` (ECMAScript) must match the whole raw path.
  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  void put(const std::string& pattern, Handler handler);
  void remove(const std::string& pattern, Handler handler);  // DELETE

  enum class Dispatch { kHandled, kNoRoute, kWrongMethod };
  // Runs the first route whose method and pattern match (HEAD runs GET's), with
  // `request.matches` set. kWrongMethod: a route has the path but not the method; `allowed`
  // then lists its methods (for the Allow header, RFC 9110 §15.5.6). A capture whose escapes are
  // malformed makes the path match no route.
  Dispatch dispatch(Request& request, Response& response, std::string& allowed) const;

  // A registered route as text: its method ("GET", "POST", "PUT", "DELETE") and the source of
  // its pattern, in registration order (for the API description's test, docs/openapi.json).
  struct RouteInfo {
    std::string method;
    std::string pattern;
  };
  std::vector<RouteInfo> list() const;

 private:
  struct Route {
    std::string method;
    std::regex pattern;
    Handler handler;
    std::string source;  // the pattern's text, for list()
  };
  void add(std::string method, const std::string& pattern, Handler handler);
  std::vector<Route> routes_;
};

}  // namespace zhizao::http
