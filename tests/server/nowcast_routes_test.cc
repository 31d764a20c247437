// GET /api/nowcast and GET /api/electricity/daily on the small data with daily readings added:
// the contract's keys and the dashboard's, the day-by-day comparison, and the answers to a
// county user, a missing period and a month without readings.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "server_fixture.h"

namespace zhizao::testing {
namespace {

class NowcastRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = Database::open(server_.db_path(), OpenMode::kMustExist);
    ASSERT_TRUE(db.has_value()) << db.error().to_string();
    Dataset rows;
    for (const char* uscc : {kOwnUscc, kOtherUscc}) {
      for (int year : {2020, 2021}) {
        for (int month = 1; month <= (year == 2021 ? 4 : 12); ++month) {
          int last = year == 2021 && month == 4 ? 15 : days_in_month(year, month);
          for (int day = 1; day <= last; ++day) {
            rows.electricity_daily.push_back(
                {uscc, {year, month, day}, year == 2021 ? 110.0 : 100.0});
          }
        }
      }
    }
    ASSERT_TRUE((*db)->apply({{"electricity_daily.csv", rows}}).has_value());
  }

  httplib::Result get(const std::string& user, const std::string& path) {
    return server_.client()->Get(path.c_str(), TestServer::session(server_.login(user)));
  }

  TestServer server_;
};

TEST_F(NowcastRoutesTest, CityUsersGetTheNowcastWithItsDetails) {
  auto response = get("city", "/api/nowcast?period=2021-04");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  auto body = nlohmann::json::parse(response->body);
  EXPECT_EQ(body["period"], "2021-04");
  EXPECT_EQ(body["days"], 15);
  EXPECT_NEAR(body["electricity_growth"].get<double>(), 10, 1e-9);
  for (const char* key : {"estimate", "low", "high"}) {
    EXPECT_TRUE(body["value_added_growth"].contains(key)) << key;
  }
  EXPECT_TRUE(body["backtest"].contains("months"));
  EXPECT_TRUE(body["backtest"].contains("mean_absolute_error"));
  EXPECT_EQ(body["window"]["from"], "2021-04");
  EXPECT_EQ(body["cut_day"], 15);
  EXPECT_TRUE(body["backtest_points"].is_array());
  // The divisions of the small data: readings of 2020–2021 only, so one past window at most and
  // no division estimate, each with its reason rather than left out.
  ASSERT_TRUE(body["divisions"].is_array());
  ASSERT_FALSE(body["divisions"].empty());
  for (const auto& division : body["divisions"]) {
    EXPECT_TRUE(division["value_added_growth"]["estimate"].is_null()) << division;
    EXPECT_TRUE(division["reason"] == "too_few_months" || division["reason"] == "no_readings")
        << division;
  }
}

TEST_F(NowcastRoutesTest, TheMonthSoFarDayByDayAgainstLastYear) {
  auto response = get("admin", "/api/electricity/daily?period=2021-04");
  ASSERT_TRUE(response);
  ASSERT_EQ(response->status, 200) << response->body;
  auto body = nlohmann::json::parse(response->body);
  ASSERT_EQ(body["days"].size(), 30u);
  EXPECT_EQ(body["days"][0]["date"], "2021-04-01");
  EXPECT_DOUBLE_EQ(body["days"][0]["kwh"].get<double>(), 220);
  EXPECT_DOUBLE_EQ(body["days"][0]["paired_kwh_prev"].get<double>(), 200);
  EXPECT_NEAR(body["days"][0]["growth"].get<double>(), 10, 1e-9);
  EXPECT_TRUE(body["days"][20]["growth"].is_null());  // 21 April: not read yet
  EXPECT_TRUE(body["spring_festival"].is_null());
  auto february =
      nlohmann::json::parse(get("admin", "/api/electricity/daily?period=2021-02")->body);
  EXPECT_EQ(february["spring_festival"], "2021-02-12");
}

TEST_F(NowcastRoutesTest, CountiesMissingPeriodsAndMonthsWithoutReadings) {
  EXPECT_EQ(get("county", "/api/nowcast?period=2021-04")->status, 403);
  EXPECT_EQ(get("ent", "/api/electricity/daily?period=2021-04")->status, 403);
  EXPECT_EQ(get("city", "/api/nowcast")->status, 400);
  EXPECT_EQ(get("city", "/api/nowcast?period=2021-13")->status, 400);
  EXPECT_EQ(get("city", "/api/nowcast?period=2019-06")->status, 404);
  EXPECT_EQ(get("city", "/api/electricity/daily?period=2021-05")->status, 404);
}

}  // namespace
}  // namespace zhizao::testing
