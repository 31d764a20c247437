// docs/openapi.json against the server: GET /api/openapi.json serves it, and the routes the
// server registers and the paths it describes agree both ways (issue 16, item 3). A path of the
// description stands for the sample path made of its parameters' examples; a route's pattern
// must match such a sample whole, as the router does (http/router.h).
#include <gtest/gtest.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "server/api_server.h"
#include "server_fixture.h"

namespace zhizao::testing {
namespace {

struct Operation {
  std::string method;  // upper case, as the router names it
  std::string path;    // the description's template, e.g. /api/cases/{id}/assign
  std::string sample;  // with every {param} replaced by its example
};

// Resolves a local "$ref" (#/components/...) of `document`, or returns `node` itself.
const nlohmann::json& resolved(const nlohmann::json& document, const nlohmann::json& node) {
  if (!node.contains("$ref")) return node;
  return document.at(nlohmann::json::json_pointer(node["$ref"].get<std::string>().substr(1)));
}

// Returns `path` with each {name} replaced by the example of the path parameter `name` of the
// operation (or of the path item); "" when a parameter has no example.
std::string sample_path(const nlohmann::json& document, const std::string& path,
                        const nlohmann::json& item, const nlohmann::json& operation) {
  std::string sample;
  size_t at = 0;
  while (at < path.size()) {
    size_t open = path.find('{', at);
    if (open == std::string::npos) {
      sample += path.substr(at);
      break;
    }
    size_t close = path.find('}', open);
    if (close == std::string::npos) return "";
    sample += path.substr(at, open - at);
    const std::string name = path.substr(open + 1, close - open - 1);
    std::string example;
    for (const nlohmann::json* list : {&operation, &item}) {
      if (!list->contains("parameters")) continue;
      for (const nlohmann::json& entry : (*list)["parameters"]) {
        const nlohmann::json& parameter = resolved(document, entry);
        if (parameter.value("in", "") == "path" && parameter.value("name", "") == name &&
            parameter.contains("example")) {
          example = parameter["example"].get<std::string>();
        }
      }
      if (!example.empty()) break;
    }
    if (example.empty()) return "";
    sample += example;
    at = close + 1;
  }
  return sample;
}

std::vector<Operation> operations_of(const nlohmann::json& document) {
  std::vector<Operation> operations;
  for (const auto& [path, item] : document.at("paths").items()) {
    for (const char* method : {"get", "post", "put", "delete", "patch"}) {
      if (!item.contains(method)) continue;
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(c - 'a' + 'A');
      operations.push_back({upper, path, sample_path(document, path, item, item[method])});
    }
  }
  return operations;
}

class OpenApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto response = server_.client()->Get("/api/openapi.json");
    ASSERT_TRUE(response);
    ASSERT_EQ(response->status, 200) << response->body;
    document_ = nlohmann::json::parse(response->body, nullptr, false);
    ASSERT_FALSE(document_.is_discarded()) << "the description is not JSON";
    // A second server over the same database, bound but never listening: its route table.
    ServerOptions options;
    options.db_path = server_.db_path();
    options.port = 0;
    listing_ = std::make_unique<ApiServer>(options);
    ASSERT_TRUE(listing_->bind().has_value());
    for (const http::Router::RouteInfo& route : listing_->routes()) {
      if (route.pattern.starts_with("/api/")) routes_.push_back(route);
    }
  }

  TestServer server_;
  std::unique_ptr<ApiServer> listing_;
  nlohmann::json document_;
  std::vector<http::Router::RouteInfo> routes_;
};

TEST_F(OpenApiTest, IsServedWithoutASessionAsOpenApi31) {
  auto response = server_.client()->Get("/api/openapi.json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->get_header_value("Content-Type").rfind("application/json", 0), 0u);
  EXPECT_EQ(document_["openapi"], "3.1.0");
  EXPECT_TRUE(document_["components"]["securitySchemes"].contains("session"));
  EXPECT_TRUE(document_["components"]["schemas"].contains("Error"));
  // Every operation answers something and names its errors' body.
  for (const Operation& operation : operations_of(document_)) {
    const nlohmann::json& entry =
        document_["paths"][operation.path][std::string(operation.method == "GET"    ? "get"
                                                       : operation.method == "POST" ? "post"
                                                       : operation.method == "PUT"  ? "put"
                                                                                    : "delete")];
    EXPECT_TRUE(entry.contains("responses")) << operation.method << " " << operation.path;
    EXPECT_TRUE(entry["responses"].contains("500")) << operation.method << " " << operation.path;
  }
}

TEST_F(OpenApiTest, EveryPathParameterHasAnExample) {
  for (const Operation& operation : operations_of(document_)) {
    EXPECT_FALSE(operation.sample.empty())
        << operation.method << " " << operation.path << ": a {param} without an example";
  }
}

TEST_F(OpenApiTest, EveryRegisteredRouteIsDescribed) {
  ASSERT_GT(routes_.size(), 40u) << "the server's route table looks empty";
  const std::vector<Operation> operations = operations_of(document_);
  for (const http::Router::RouteInfo& route : routes_) {
    const std::regex pattern(route.pattern);
    bool described = false;
    for (const Operation& operation : operations) {
      if (operation.method == route.method && !operation.sample.empty() &&
          std::regex_match(operation.sample, pattern)) {
        described = true;
        break;
      }
    }
    EXPECT_TRUE(described) << route.method << " " << route.pattern
                           << " is registered but not in docs/openapi.json";
  }
}

TEST_F(OpenApiTest, EveryDescribedOperationIsRegistered) {
  for (const Operation& operation : operations_of(document_)) {
    bool registered = false;
    for (const http::Router::RouteInfo& route : routes_) {
      if (route.method == operation.method &&
          std::regex_match(operation.sample, std::regex(route.pattern))) {
        registered = true;
        break;
      }
    }
    EXPECT_TRUE(registered) << operation.method << " " << operation.path << " (sample "
                            << operation.sample << ") is described but no route answers it";
  }
}

// The listing itself: nothing before bind(), and a route the server is known to have after it.
TEST(ApiServerRoutesTest, ListsTheRoutesOnlyAfterBind) {
  TestServer server;
  ServerOptions options;
  options.db_path = server.db_path();
  options.port = 0;
  ApiServer api(options);
  EXPECT_TRUE(api.routes().empty());
  ASSERT_TRUE(api.bind().has_value());
  bool found = false;
  for (const http::Router::RouteInfo& route : api.routes()) {
    found = found || (route.method == "POST" && route.pattern == "/api/login");
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace zhizao::testing
