// GET /api/products and /api/products/CODE on the small data plus hand-made products: the figures
// of the contract's "Products", scoped as the report (a county user sees its own area only).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

json get_json(const TestServer& server, const std::string& token, const std::string& path,
              int status = 200) {
  auto response = server.client()->Get(path, TestServer::session(token));
  EXPECT_TRUE(response);
  if (!response) return json();
  EXPECT_EQ(response->status, status) << path << ": " << response->body;
  return json::parse(response->body);
}

// Bearings: own enterprise (410302) 30 in 2021-03 against 20 a year before, 10 in 2021-04
// (no base); the other enterprise (410305) 60 in 2021-04 against quantity_prev 40.
void add_products(const TestServer& server) {
  auto db = Database::open(server.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  SourcedBatch batch{"products.csv", {}};
  batch.rows.products = {{"B1", "滚动轴承", "套", "34"}, {"T1", "拖拉机", "台", "35"}};
  batch.rows.product_output = {{kOwnUscc, {2021, 3}, "B1", 30, std::nullopt},
                               {kOwnUscc, {2020, 3}, "B1", 20, std::nullopt},
                               {kOwnUscc, {2021, 4}, "B1", 10, std::nullopt},
                               {kOtherUscc, {2021, 4}, "B1", 60, 40}};
  auto applied = (*db)->apply({batch});
  ASSERT_TRUE(applied.has_value()) << applied.error().to_string();
}

TEST(ProductEndpointTest, CityAndCountyFigures) {
  TestServer server;
  add_products(server);
  std::string city = server.login("city");
  json all = get_json(server, city, "/api/products?period=2021-04");
  ASSERT_EQ(all["products"].size(), 2u);
  const json& bearings = all["products"][0];
  EXPECT_EQ(bearings["code"], "B1");
  EXPECT_EQ(bearings["quantity"], 100.0);  // 30 + 10 + 60
  // Pairs: (30, 20) and (60, 40): 90 / 60.
  EXPECT_NEAR(bearings["growth"].get<double>(), 50.0, 1e-9);
  EXPECT_NEAR(bearings["daily_average"].get<double>(), 100.0 / 120, 1e-12);
  EXPECT_EQ(bearings["enterprises"], 2);
  EXPECT_TRUE(all["products"][1]["growth"].is_null());

  json monthly = get_json(server, city, "/api/products?period=2021-04&window=monthly");
  EXPECT_EQ(monthly["products"][0]["quantity"], 70.0);
  EXPECT_NEAR(monthly["products"][0]["growth"].get<double>(), 50.0, 1e-9);  // 60 / 40

  std::string county = server.login("county");  // 410302: the own enterprise only
  json own = get_json(server, county, "/api/products?period=2021-04");
  EXPECT_EQ(own["scope"], "410302");
  EXPECT_EQ(own["products"][0]["quantity"], 40.0);
  EXPECT_NEAR(own["products"][0]["growth"].get<double>(), 50.0, 1e-9);  // 30 / 20
  get_json(server, county, "/api/products?period=2021-04&window=weekly", 400);
}

TEST(ProductEndpointTest, EnterprisesBehindAProduct) {
  TestServer server;
  add_products(server);
  std::string city = server.login("city");
  json explained = get_json(server, city, "/api/products/B1?period=2021-04");
  EXPECT_EQ(explained["product"]["quantity"], 100.0);
  ASSERT_EQ(explained["enterprises"].size(), 2u);
  EXPECT_EQ(explained["enterprises"][0]["uscc"], kOtherUscc);  // 60 before 40
  EXPECT_EQ(explained["enterprises"][1]["quantity"], 40.0);
  EXPECT_EQ(explained["current"], 90.0);
  EXPECT_EQ(explained["previous"], 60.0);
  std::string county2 = server.login("county2");  // 410305: the other enterprise only
  json theirs = get_json(server, county2, "/api/products/B1?period=2021-04");
  ASSERT_EQ(theirs["enterprises"].size(), 1u);
  EXPECT_EQ(theirs["enterprises"][0]["uscc"], kOtherUscc);
  get_json(server, city, "/api/products/X9?period=2021-04", 404);
}

}  // namespace
}  // namespace zhizao::testing
