// Request limits and error forms: body size, unknown endpoints, and the dashboard's files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

TEST(HttpLimitsTest, OversizedBodiesAre413) {
  TestServer server;  // limit 4096 bytes
  std::string body = R"({"name": ")" + std::string(8000, 'x') + R"(", "password": "p"})";
  auto response = server.client()->Post("/api/login", body, "application/json");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(json::parse(response->body)["error"]["code"], "too_large");
}

TEST(HttpLimitsTest, UnknownEndpointsAreJson404) {
  TestServer server;
  auto response = server.client()->Get("/api/nothing/here");
  ASSERT_TRUE(response);
  EXPECT_EQ(response->status, 404);
  EXPECT_EQ(response->get_header_value("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(json::parse(response->body)["error"]["code"], "not_found");
  auto wrong_method = server.client()->Delete("/api/report");
  ASSERT_TRUE(wrong_method);
  EXPECT_GE(wrong_method->status, 400);
  EXPECT_TRUE(json::parse(wrong_method->body).contains("error"));
}

TEST(HttpLimitsTest, HealthAndVersionNeedNoSession) {
  TestServer server;
  auto health = server.client()->Get("/api/health");
  ASSERT_TRUE(health);
  EXPECT_EQ(json::parse(health->body), json({{"status", "ok"}}));
  auto version = server.client()->Get("/api/version");
  ASSERT_TRUE(version);
  json body = json::parse(version->body);
  EXPECT_EQ(body["version"], "test");
  EXPECT_EQ(body["schema"], Database::schema_version());
  EXPECT_EQ(health->get_header_value("X-Content-Type-Options"), "nosniff");
}

TEST(HttpLimitsTest, ServesTheDashboardAndItsRoutes) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("zhizao_web_" + std::to_string(::getpid()));
  fs::create_directories(root / "assets");
  std::ofstream(root / "index.html") << "<!doctype html><title>dash</title>";
  std::ofstream(root / "assets" / "app.js") << "console.log(1);";
  TestServer data;  // only for its database
  ServerOptions options;
  options.db_path = data.db_path();
  options.port = 0;
  options.web_root = root.string();
  ApiServer server(options);
  Result<int> port = server.bind();
  ASSERT_TRUE(port) << port.error().to_string();
  std::thread thread([&server] { (void)server.listen(); });
  for (int i = 0; i < 500 && !server.is_running(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  httplib::Client client("127.0.0.1", *port);
  auto index = client.Get("/");
  auto asset = client.Get("/assets/app.js");
  auto route = client.Get("/divisions/34");
  auto missing_asset = client.Get("/assets/none.js");
  auto api = client.Get("/api/unknown");
  server.stop();
  thread.join();
  fs::remove_all(root);
  ASSERT_TRUE(index && asset && route && missing_asset && api);
  EXPECT_EQ(index->status, 200);
  EXPECT_NE(index->body.find("dash"), std::string::npos);
  EXPECT_EQ(asset->body, "console.log(1);");
  EXPECT_EQ(route->body, index->body);  // the dashboard's own routes get index.html
  EXPECT_EQ(missing_asset->status, 404);
  EXPECT_EQ(api->status, 404);
}

TEST(HttpLimitsTest, MissingDatabaseOrWebRootFailsAtStart) {
  ServerOptions options;
  options.db_path = "/nonexistent/zhizao.db";
  options.port = 0;
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kNotFound);
  TestServer data;
  options.db_path = data.db_path();
  options.web_root = "/nonexistent/dist";
  EXPECT_EQ(ApiServer(options).bind().error().code(), StatusCode::kNotFound);
}

TEST(HttpLimitsTest, DefaultWebRootIsWebDistBesideTheBuild) {
  namespace fs = std::filesystem;
  fs::path tree = fs::temp_directory_path() / ("zhizao_tree_" + std::to_string(::getpid()));
  fs::create_directories(tree / "web" / "dist");
  fs::create_directories(tree / "build");
  std::ofstream(tree / "build" / "zhizao") << "";
  EXPECT_EQ(fs::path(default_web_root((tree / "build" / "zhizao").string())),
            fs::weakly_canonical(tree / "web" / "dist"));
  fs::remove_all(tree / "web");
  EXPECT_EQ(default_web_root((tree / "build" / "zhizao").string()), "");
  fs::remove_all(tree);
}

}  // namespace
}  // namespace zhizao::testing
