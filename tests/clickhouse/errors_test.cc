// What zhizao says when ClickHouse cannot give the readings: a URL that is not one, a server that
// does not answer, an answer above its bound, tables never created, a reading ClickHouse's Date
// cannot hold, and a RowBinary answer cut short.
#include <gtest/gtest.h>

#include "clickhouse/clickhouse_loader.h"
#include "clickhouse/clickhouse_readings.h"
#include "clickhouse/daily_readings_of.h"
#include "clickhouse/row_binary.h"
#include "clickhouse_servers.h"
#include "readings_pair.h"
#include "store/daily_electricity_store.h"

namespace zhizao::testing_clickhouse {
namespace {

TEST(ClickHouseTarget, ParsesNodesAndParameters) {
  Result<ClickHouseTarget> t = parse_clickhouse_target(
      "http://10.0.0.1:8123,http://ch2/?cluster=province&database=meters&max_answer_bytes=1000");
  ASSERT_TRUE(t.has_value()) << t.error().to_string();
  ASSERT_EQ(t->nodes.size(), 2u);
  EXPECT_EQ(t->nodes[0].url(), "http://10.0.0.1:8123");
  EXPECT_EQ(t->nodes[1].url(), "http://ch2:8123");
  EXPECT_EQ(t->cluster, "province");
  EXPECT_EQ(t->database, "meters");
  EXPECT_EQ(t->max_answer_bytes, 1000u);
  Result<ClickHouseTarget> plain = parse_clickhouse_target("http://127.0.0.1:8123");
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->cluster, "zhizao");
  EXPECT_EQ(plain->database, "default");
}

TEST(ClickHouseTarget, RefusesWhatIsNotAUrlOfIt) {
  for (const char* spec : {"", "localhost:8123", "https://h:8123", "http://h:0", "http://h:65536",
                           "http://h:80x", "http://:8123", "http://h/path", "http://h,",
                           "http://h?cluster=a-b", "http://h?database=", "http://h?colour=red",
                           "http://h?max_answer_bytes=0", "http://h?max_answer_bytes=-5"}) {
    Result<ClickHouseTarget> t = parse_clickhouse_target(spec);
    ASSERT_FALSE(t.has_value()) << spec;
    EXPECT_EQ(t.error().code(), StatusCode::kUsage) << spec;
    EXPECT_NE(t.error().message().find("--clickhouse"), std::string::npos) << spec;
  }
}

TEST(ClickHouseTarget, ChoosesTheEmbeddedStoreWithoutAUrl) {
  ScratchDatabase scratch("choice");
  Result<std::unique_ptr<DailyReadingsSource>> embedded = daily_readings_of(scratch.db(), "");
  ASSERT_TRUE(embedded.has_value());
  EXPECT_NE(dynamic_cast<DailyElectricityStore*>(embedded->get()), nullptr);
  Result<std::unique_ptr<DailyReadingsSource>> ch =
      daily_readings_of(scratch.db(), "http://127.0.0.1:1");
  ASSERT_TRUE(ch.has_value());
  EXPECT_NE(dynamic_cast<ClickHouseReadings*>(ch->get()), nullptr);
  EXPECT_FALSE(daily_readings_of(scratch.db(), "ftp://x").has_value());
  Result<std::unique_ptr<ClickHouseDailyLoader>> none = daily_readings_sink_of("");
  ASSERT_TRUE(none.has_value());
  EXPECT_EQ(none->get(), nullptr);
}

TEST(ClickHouseErrors, AServerThatDoesNotAnswerIsNamed) {
  // Port 1 on loopback: nothing listens there (tcpmux), so the connection is refused.
  Result<ClickHouseTarget> t = parse_clickhouse_target("http://127.0.0.1:1");
  ASSERT_TRUE(t.has_value());
  Result<std::vector<int>> years = ClickHouseReadings(*t).years();
  ASSERT_FALSE(years.has_value());
  EXPECT_EQ(years.error().code(), StatusCode::kIoError);
  EXPECT_NE(years.error().message().find("ClickHouse at http://127.0.0.1:1"), std::string::npos)
      << years.error().message();
  EXPECT_NE(years.error().message().find("cannot be reached"), std::string::npos);
  ClickHouseDailyLoader loader(*t);
  Status staged = loader.stage({{"91410300MA44XXXX10", {2021, 3, 1}, 1}});
  EXPECT_EQ(staged.code(), StatusCode::kIoError);
  EXPECT_EQ(loader.commit().code(), StatusCode::kInternal);  // nothing staged
}

TEST(ClickHouseErrors, AnAnswerAboveItsBoundIsAnError) {
  ASSERT_EQ(servers().failure, "");
  ClickHouseTarget target = two_shard_target("bound");
  ScratchDatabase scratch("bound");
  std::vector<DailyElectricity> rows;
  for (int day = 1; day <= 31; ++day) rows.push_back({"91410300MA44XXXX10", {2021, 3, day}, 5});
  load_both(scratch.db(), target, rows);
  // 31 readings of 18 + 1 + 2 + 8 bytes: 899 bytes answer the year.
  target.max_answer_bytes = 899;
  Result<std::vector<DailyElectricityYear>> exact = ClickHouseReadings(target).year(2021);
  ASSERT_TRUE(exact.has_value()) << exact.error().to_string();
  EXPECT_EQ(exact->front().readings.days(), 31);
  target.max_answer_bytes = 898;
  Result<std::vector<DailyElectricityYear>> over = ClickHouseReadings(target).year(2021);
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code(), StatusCode::kIoError);
  EXPECT_NE(over.error().message().find("longer than the bound of 898 bytes"), std::string::npos)
      << over.error().message();
}

TEST(ClickHouseErrors, TablesNeverCreatedSayHowToCreateThem) {
  ASSERT_EQ(servers().failure, "");
  ClickHouseTarget target = two_shard_target("empty");
  Result<std::vector<int>> years = ClickHouseReadings(target).years();
  ASSERT_FALSE(years.has_value());
  EXPECT_EQ(years.error().code(), StatusCode::kIoError);
  EXPECT_NE(years.error().message().find("zhizao import --clickhouse"), std::string::npos)
      << years.error().message();
}

TEST(ClickHouseErrors, AClusterNotInTheConfigIsNamed) {
  ASSERT_EQ(servers().failure, "");
  ClickHouseTarget target = two_shard_target("nocluster");
  target.cluster = "elsewhere";
  ClickHouseDailyLoader loader(target);
  Status staged = loader.stage({{"91410300MA44XXXX10", {2021, 3, 1}, 1}});
  EXPECT_EQ(staged.code(), StatusCode::kIoError);
  EXPECT_NE(staged.message().find("elsewhere"), std::string::npos) << staged.message();
}

TEST(ClickHouseErrors, ReadingsOutsideItsDateAreRefusedBeforeAnythingIsSent) {
  Result<ClickHouseTarget> t = parse_clickhouse_target("http://127.0.0.1:1");
  ASSERT_TRUE(t.has_value());
  ClickHouseDailyLoader loader(*t);
  Status staged = loader.stage({{"91410300MA44XXXX10", {1969, 12, 31}, 1}});
  EXPECT_EQ(staged.code(), StatusCode::kInvalidData);  // not kIoError: nothing was sent
  EXPECT_NE(staged.message().find("1969-12-31"), std::string::npos);
  EXPECT_EQ(loader.stage({{"91410300MA44XXXX10", {2021, 1, 1}, -1}}).code(),
            StatusCode::kInvalidData);
}

TEST(RowBinary, RoundTripsAndRefusesATruncatedAnswer) {
  detail::RowBinaryWriter writer;
  writer.string(std::string(200, 'x'));  // a two-byte length
  writer.uint16(18687);
  writer.float64(0.1 + 0.2);
  writer.uint64(~std::uint64_t{0});
  detail::RowBinaryReader reader(writer.bytes());
  EXPECT_EQ(*reader.string(300), std::string(200, 'x'));
  EXPECT_EQ(*reader.uint16(), 18687);
  EXPECT_EQ(*reader.float64(), 0.1 + 0.2);
  EXPECT_EQ(*reader.uint64(), ~std::uint64_t{0});
  EXPECT_TRUE(reader.at_end());
  std::string cut = writer.bytes().substr(0, writer.size() - 3);
  detail::RowBinaryReader short_reader(cut);
  ASSERT_TRUE(short_reader.string(300).has_value());
  ASSERT_TRUE(short_reader.uint16().has_value());
  ASSERT_TRUE(short_reader.float64().has_value());
  Result<std::uint64_t> last = short_reader.uint64();
  ASSERT_FALSE(last.has_value());
  EXPECT_EQ(last.error().code(), StatusCode::kCorruption);
  detail::RowBinaryReader long_string(writer.bytes());
  EXPECT_EQ(long_string.string(199).error().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace zhizao::testing_clickhouse
