// GET /api/openapi.json: the OpenAPI 3.1 description of this API (docs/openapi.json, compiled in
// by the root CMakeLists.txt). No session is needed: the description holds no data, and a client
// reads it before it logs in.
#include "server/api_context.h"
#include "server/http_support.h"

namespace zhizao::server {

void add_openapi_routes(http::Router& routes) {
  routes.get("/api/openapi.json", [](const http::Request&, http::Response& res) {
    send_json_text(res, 200, std::string(openapi_text()));
  });
}

}  // namespace zhizao::server
