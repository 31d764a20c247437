// Issue #18, items 2 and 9: /api/periods says how completely each month is reported and which
// is the latest publishable one; a period without data is a 404, not another period's figures.
// tests/data/cli/small: six enterprises; 2020-01 has four records, 2020-02..04 five (the sixth
// enters in 2021), 2021-01 five (one reports January with February), 2021-02..04 six.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

using nlohmann::json;

std::pair<int, json> get(const TestServer& server, const std::string& user,
                         const std::string& path) {
  auto response = server.client()->Get(path, TestServer::session(server.login(user)));
  EXPECT_TRUE(response) << path;
  if (!response) return {0, json()};
  return {response->status, json::parse(response->body)};
}

json month_of(const json& periods, const std::string& period) {
  for (const json& month : periods["months"]) {
    if (month["period"] == period) return month;
  }
  ADD_FAILURE() << "no month " << period;
  return json();
}

// Applies one enterprise's record of 2021-05, as a published submission would.
void add_one_may_record(const TestServer& server) {
  auto db = Database::open(server.db_path(), OpenMode::kMustExist);
  ASSERT_TRUE(db.has_value()) << db.error().to_string();
  SourcedBatch may{"monthly_2021_05.csv", {}};
  MonthlyRecord record;
  record.uscc = kOwnUscc;
  record.period = YearMonth{2021, 5};
  record.output = 1300;
  record.value_added = 390;
  may.rows.monthly.push_back(record);
  ASSERT_TRUE((*db)->apply({may}).has_value());
}

TEST(IncompleteMonthsTest, EachMonthHasItsReportsAgainstTheExpected) {
  TestServer server;
  auto [status, periods] = get(server, "city", "/api/periods");
  ASSERT_EQ(status, 200) << periods;
  EXPECT_EQ(periods["publish_threshold"], 90.0);
  ASSERT_EQ(periods["months"].size(), periods["periods"].size());
  // 2020-01: nothing publishable before it, so the year's five reporters are expected: 4 of 5.
  EXPECT_EQ(month_of(periods, "2020-01"), json({{"period", "2020-01"},
                                                {"reported", 4},
                                                {"expected", 5},
                                                {"coverage", 80.0},
                                                {"publishable", false},
                                                {"expected_from", nullptr}}));
  EXPECT_EQ(month_of(periods, "2020-02")["publishable"], true);  // 5 of 5
  // 2021-01 against 2020-04: five reporters plus the one that folds January into February.
  json january = month_of(periods, "2021-01");
  EXPECT_EQ(january["reported"], 5);
  EXPECT_EQ(january["expected"], 6);
  EXPECT_EQ(january["expected_from"], "2020-04");
  EXPECT_EQ(january["publishable"], false);
  // 2021-02 against 2020-04 (January was not publishable): all six.
  json february = month_of(periods, "2021-02");
  EXPECT_EQ(february["expected_from"], "2020-04");
  EXPECT_EQ(february["reported"], 6);
  EXPECT_EQ(february["expected"], 6);
  EXPECT_EQ(february["publishable"], true);
  EXPECT_EQ(periods["latest"], "2021-04");
  EXPECT_EQ(periods["latest_with_data"], "2021-04");
  // Every role reads it (the enterprise's submit form picks periods from it).
  EXPECT_EQ(get(server, "ent", "/api/periods").second, periods);
  EXPECT_EQ(get(server, "county", "/api/periods").second, periods);
}

// The case: one enterprise's record of a new month does not make it the headline.
TEST(IncompleteMonthsTest, OneEarlyRecordDoesNotMoveTheLatestMonth) {
  TestServer server;
  add_one_may_record(server);
  auto [status, periods] = get(server, "city", "/api/periods");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(periods["latest"], "2021-04");
  EXPECT_EQ(periods["latest_with_data"], "2021-05");
  json may = month_of(periods, "2021-05");
  EXPECT_EQ(may["reported"], 1);
  EXPECT_EQ(may["expected"], 6);
  EXPECT_DOUBLE_EQ(may["coverage"].get<double>(), 100.0 / 6);
  EXPECT_EQ(may["publishable"], false);
  EXPECT_EQ(may["expected_from"], "2021-04");
  // The month can still be looked at (marked unpublished by the dashboard).
  EXPECT_EQ(get(server, "city", "/api/report?period=2021-05").first, 200);
}

TEST(IncompleteMonthsTest, TheThresholdIsASetting) {
  TestServer lenient([](ServerOptions& options) { options.publish_threshold = 15; });
  add_one_may_record(lenient);
  auto [status, periods] = get(lenient, "city", "/api/periods");
  ASSERT_EQ(status, 200);
  EXPECT_EQ(periods["publish_threshold"], 15.0);
  EXPECT_EQ(month_of(periods, "2021-05")["publishable"], true);  // 16.7% ≥ 15%
  EXPECT_EQ(periods["latest"], "2021-05");
  EXPECT_EQ(month_of(periods, "2020-01")["publishable"], true);  // 80%

  for (double bad : {-1.0, 100.5}) {
    ServerOptions options;
    options.db_path = lenient.db_path();
    options.port = 0;
    options.publish_threshold = bad;
    ApiServer refused(options);
    Result<int> bound = refused.bind();
    ASSERT_FALSE(bound.has_value()) << bad;
    EXPECT_EQ(bound.error().code(), StatusCode::kUsage);
  }
}

TEST(IncompleteMonthsTest, APeriodWithoutDataIs404) {
  TestServer server;
  // 2021-12 is after the data, 2020-06 a gap between its years, 2019-02 before it.
  for (const char* path :
       {"/api/report?period=2021-12", "/api/report?period=2020-06&monthly=1",
        "/api/report?period=2019-02", "/api/trend?period=2021-12", "/api/industry?period=2021-12",
        "/api/manufacturing?period=2021-12", "/api/key-enterprises?period=2021-12",
        "/api/divisions/34?period=2021-12", "/api/regions/410302?period=2021-12",
        "/api/parks/P1?period=2021-12", "/api/chains/C1?period=2021-12"}) {
    auto [status, body] = get(server, "city", path);
    EXPECT_EQ(status, 404) << path << body;
    EXPECT_EQ(body["error"]["code"], "not_found") << path;
    EXPECT_NE(body["error"]["message"].get<std::string>().find("no data for"), std::string::npos)
        << path;
  }
  // A county user's own county: the same 404.
  EXPECT_EQ(get(server, "county", "/api/report?period=2021-12").first, 404);
  // Refusals that do not depend on the period come first: enterprises and other counties 403.
  EXPECT_EQ(get(server, "ent", "/api/report?period=2021-12").first, 403);
  EXPECT_EQ(get(server, "county", "/api/report?period=2021-12&scope=410305").first, 403);
  // A January stays 400 (released with February), with or without data.
  EXPECT_EQ(get(server, "city", "/api/report?period=2021-01").first, 400);
  EXPECT_EQ(get(server, "city", "/api/report?period=2022-01").first, 400);
  // A period with data but an empty county is still an answer (its figures are null).
  EXPECT_EQ(get(server, "city", "/api/report?period=2021-04&scope=410327").first, 200);
}

}  // namespace
}  // namespace zhizao::testing
