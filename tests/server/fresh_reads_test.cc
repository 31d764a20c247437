// The reading endpoints answer from the served snapshot, which follows every change: a month
// imported while the server runs shows in /api/periods and in the enterprise's months at once.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

json get_json(const TestServer& server, const std::string& token, const std::string& path) {
  auto response = server.client()->Get(path, TestServer::session(token));
  EXPECT_TRUE(response);
  if (!response) return json();
  EXPECT_EQ(response->status, 200) << path << ": " << response->body;
  return json::parse(response->body);
}

TEST(FreshReadsTest, AMonthImportedWhileServingShowsAtOnce) {
  TestServer server;
  std::string token = server.login("ent");
  ASSERT_FALSE(token.empty());
  const std::string months_path = std::string("/api/enterprises/") + kOwnUscc + "/months";
  EXPECT_EQ(get_json(server, token, "/api/periods")["latest_with_data"], "2021-04");
  ASSERT_EQ(get_json(server, token, months_path)["months"].size(), 8u);

  auto db = Database::open(server.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  SourcedBatch may{"monthly_2021_05.csv", {}};
  MonthlyRecord record;
  record.uscc = kOwnUscc;
  record.period = YearMonth{2021, 5};
  record.output = 1300.5;
  record.value_added = 390.25;
  may.rows.monthly.push_back(record);
  ASSERT_TRUE((*db)->apply({may}).has_value());

  json periods = get_json(server, token, "/api/periods");
  EXPECT_EQ(periods["latest_with_data"], "2021-05");
  EXPECT_EQ(periods["periods"].size(), 9u);
  // One report of six is no month to publish (issue #18, item 2): `latest` stays.
  EXPECT_EQ(periods["latest"], "2021-04");
  json months = get_json(server, token, months_path)["months"];
  ASSERT_EQ(months.size(), 9u);
  EXPECT_EQ(months[8]["period"], "2021-05");
  EXPECT_EQ(months[8]["output"], 1300.5);
  EXPECT_EQ(months[8]["value_added"], 390.25);
  EXPECT_TRUE(months[8]["electricity"].is_null());
}

}  // namespace
}  // namespace zhizao::testing
