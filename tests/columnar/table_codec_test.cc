#include "columnar/table_codec.h"

#include <gtest/gtest.h>

namespace zhizao::detail {
namespace {

Dataset every_table() {
  Dataset d;
  d.enterprises.push_back(
      {"91410300MA44A0001A", "甲公司", "3411", "34", "410305", "p1", {"c2", "c1"}, true});
  d.enterprises.push_back({"91410300MA44B0002B", "乙", "13", "13", "410302", "", {}, false});
  d.deflators.push_back({"34", {2021, 4}, 101.5});
  d.va_ratios.push_back({"13", 2021, 0.25});
  d.parks.push_back({"p1", "园区", "410300", "A"});
  d.chains.push_back({"c1", "链"});
  Project project;
  project.id = "x1";
  project.name = "项目";
  project.region = "410305";
  project.total_investment = 12.5;
  project.year_plan_investment = 3;
  project.planned_start = CivilDate{2021, 3, 1};
  d.projects.push_back(project);
  d.projects.push_back(Project{});
  d.project_progress.push_back({"x1", {2021, 3}, 1.25});
  d.region_groups.push_back({"g", "组", {"410300", "410305"}});
  d.projects[0].campaign = "c1";
  d.products = {{"P1", "轴承", "套", "34"}, {"P2", "汽车", "辆", ""}};
  d.product_output = {{"91410300MA44A0001A", {2021, 4}, "P1", 12.5, 3.0},
                      {"91410300MA44A0001A", {2021, 5}, "P2", 0, std::nullopt}};
  d.targets = {{"t1", "目标", TargetIndicator::kManufacturingEnterprisesOver, "luoyang-metro", 2025,
                30, 1000000.0},
               {"t2", "产值", TargetIndicator::kOutput, "all", 2025, 5e7, std::nullopt}};
  d.campaigns = {{"c1", "百日攻坚", CivilDate{2021, 4, 1}, CivilDate{2021, 7, 9}, 12L, 3L, 5.5},
                 {"c2", "攻坚", CivilDate{2021, 2, 1}, CivilDate{2021, 2, 2}, {}, {}, {}}};
  d.assignments = {{"91410300MA44A0001A", "张三", "工信局"}};
  d.visits = {{"91410300MA44A0001A", CivilDate{2021, 4, 2}, "张三", "用工"}};
  d.cases = {{"S1", "91410300MA44A0001A", CivilDate{2021, 3, 1}, "用地", "自然资源局",
              CivilDate{2021, 3, 31}, CivilDate{2021, 3, 20}, 5},
             {"S2",
              "91410300MA44A0001A",
              CivilDate{2021, 3, 5},
              "融资",
              "金融局",
              CivilDate{2021, 4, 5},
              {},
              {}}};
  d.area_code = "410000";
  return d;
}

TEST(TableCodec, RoundTripsEveryTableButMonthly) {
  Dataset tables = every_table();
  Dataset with_monthly = tables;
  with_monthly.monthly.push_back(MonthlyRecord{});
  with_monthly.electricity_daily.push_back({"91410300MA44A0001A", CivilDate{2021, 4, 1}, 100});
  Result<Dataset> decoded = decode_tables(encode_tables(with_monthly));
  ASSERT_TRUE(decoded.has_value()) << decoded.error().message();
  EXPECT_EQ(*decoded, tables);
}

TEST(TableCodec, EveryTruncationIsCorruption) {
  std::string bytes = encode_tables(every_table());
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    Result<Dataset> decoded = decode_tables(std::string_view(bytes).substr(0, size));
    ASSERT_FALSE(decoded.has_value()) << size;
    EXPECT_EQ(decoded.error().code(), StatusCode::kCorruption);
  }
}

TEST(TableCodec, TrailingBytesAndHugeCountsAreCorruption) {
  std::string bytes = encode_tables(every_table());
  EXPECT_FALSE(decode_tables(bytes + "x").has_value());
  std::string huge = bytes;
  huge[0] = huge[1] = huge[2] = huge[3] = '\xff';  // 4 billion enterprises
  EXPECT_FALSE(decode_tables(huge).has_value());
}

TEST(TableCodec, CarriesTheV2Tables) {
  Result<Dataset> decoded = decode_tables(encode_tables(every_table()));
  ASSERT_TRUE(decoded.has_value());
  EXPECT_EQ(decoded->projects[0].campaign, "c1");
  EXPECT_EQ(decoded->targets[0].indicator, TargetIndicator::kManufacturingEnterprisesOver);
  EXPECT_EQ(decoded->targets[1].threshold, std::nullopt);
  EXPECT_EQ(decoded->campaigns[0].planned_starts, std::optional<long>(12));
  EXPECT_EQ(decoded->cases[0].resolved, (CivilDate{2021, 3, 20}));
  EXPECT_EQ(decoded->cases[1].rating, std::nullopt);
  EXPECT_EQ(decoded->visits[0].date, (CivilDate{2021, 4, 2}));
  EXPECT_EQ(decoded->product_output[1].quantity_prev, std::nullopt);
}

TEST(TableCodec, AnUnknownTargetIndicatorIsCorruption) {
  Dataset one;
  one.targets = {{"t", "n", TargetIndicator::kManufacturingEnterprisesOver, "all", 2025, 1, {}}};
  std::string bytes = encode_tables(one);
  // The indicator is the byte right after the target's name "n" (the other tables are empty,
  // their counts zero bytes, so the first 'n' in the bytes is the name).
  std::size_t at = bytes.find("n") + 1;
  ASSERT_EQ(bytes[at], '\x03');
  bytes[at] = '\x09';
  Result<Dataset> decoded = decode_tables(bytes);
  ASSERT_FALSE(decoded.has_value());
  EXPECT_EQ(decoded.error().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace zhizao::detail

namespace zhizao::detail {
namespace {

// Enough enterprises that the two halves are decoded on two threads (table_codec.cc), with
// chains of varied length so the halves do not split at a round offset.
Dataset many_enterprises(std::size_t count) {
  Dataset d = every_table();
  d.enterprises.clear();
  for (std::size_t i = 0; i < count; ++i) {
    Enterprise e{"9141030" + std::to_string(10000000000 + i),
                 "企业" + std::to_string(i),
                 "3411",
                 "34",
                 "410305",
                 i % 3 == 0 ? "p1" : "",
                 {},
                 i % 7 == 0};
    for (std::size_t c = 0; c < i % 4; ++c) e.chains.push_back("c" + std::to_string(c));
    d.enterprises.push_back(std::move(e));
  }
  return d;
}

TEST(TableCodec, ManyEnterprisesRoundTripOnTwoThreads) {
  for (std::size_t count : {std::size_t{19'999}, std::size_t{20'000}, std::size_t{25'001}}) {
    Dataset d = many_enterprises(count);
    Result<Dataset> decoded = decode_tables(encode_tables(d));
    ASSERT_TRUE(decoded.has_value()) << count;
    EXPECT_TRUE(decoded->enterprises == d.enterprises) << count;
    EXPECT_TRUE(decoded->products == d.products) << count;
    EXPECT_EQ(decoded->area_code, d.area_code);
  }
}

TEST(TableCodec, ManyEnterprisesTruncatedOrDamagedAreCorruption) {
  std::string bytes = encode_tables(many_enterprises(25'001));
  // Cut in the first half, in the second half, and just before the end.
  for (std::size_t size : {bytes.size() / 4, bytes.size() * 3 / 5, bytes.size() - 1}) {
    EXPECT_FALSE(decode_tables(std::string_view(bytes).substr(0, size)).has_value()) << size;
  }
  std::string damaged = bytes;
  // The length of the first enterprise's USCC (right after the count) made huge.
  damaged[4 + 3] = '\x7f';
  EXPECT_FALSE(decode_tables(damaged).has_value());
}

}  // namespace
}  // namespace zhizao::detail
