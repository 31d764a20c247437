// The calibration step on its own: it refuses (kInternal) what it cannot bring onto the
// article's figures instead of returning a demo that shows other ones.
#include <gtest/gtest.h>

#include "demo/demo_build.h"
#include "demo/demo_random.h"

namespace zhizao::detail {
namespace {

DemoBuild generated(uint64_t seed) {
  DemoRandom random(seed);
  DemoBuild build;
  generate_enterprises(random, build);
  generate_monthly(random, build);
  generate_projects(random, build.dataset);
  return build;
}

TEST(DemoCalibration, ReachesTheFiguresFromTheGeneratedData) {
  DemoBuild build = generated(20210430);
  EXPECT_TRUE(calibrate(build).is_ok());
}

TEST(DemoCalibration, FailsWithInternalWhenThereAreNoKeyEnterprises) {
  DemoBuild build = generated(20210430);
  for (Enterprise& e : build.dataset.enterprises) e.key = false;
  const Status status = calibrate(build);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("key enterprises 0/0/0"), std::string::npos) << status.message();
}

TEST(DemoCalibration, FailsWithInternalWithoutMonthlyRecords) {
  DemoBuild build = generated(20210430);
  build.dataset.monthly.clear();
  build.row_firm.clear();
  const Status status = calibrate(build);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("no comparable pairs"), std::string::npos) << status.message();
}

TEST(DemoCalibration, FailsWithInternalWhenADivisionCannotBeCounted) {
  // Division 19 (皮革) is one of the five declining ones; without its records 30
  // manufacturing divisions have data, which no scaling can repair.
  DemoBuild build = generated(20210430);
  std::vector<MonthlyRecord> kept;
  std::vector<size_t> kept_firms;
  for (size_t i = 0; i < build.dataset.monthly.size(); ++i) {
    const size_t firm = build.row_firm[i];
    if (build.dataset.enterprises[build.firms[firm].enterprise].division == "19") continue;
    kept.push_back(build.dataset.monthly[i]);
    kept_firms.push_back(firm);
  }
  build.dataset.monthly = std::move(kept);
  build.row_firm = std::move(kept_firms);
  const Status status = calibrate(build);
  EXPECT_EQ(status.code(), StatusCode::kInternal);
  EXPECT_NE(status.message().find("breadth 30/26/21"), std::string::npos) << status.message();
}

TEST(DemoRandom, IsFixedAcrossPlatforms) {
  // SplitMix64's published first outputs for seed 0 (Vigna's reference implementation).
  DemoRandom random(0);
  EXPECT_EQ(random.next_bits(), 0xE220A8397B1DCDAFULL);
  EXPECT_EQ(random.next_bits(), 0x6E789E6AA1B965F4ULL);
  DemoRandom bounded(1);
  for (int i = 0; i < 1000; ++i) {
    const uint64_t v = bounded.below(7);
    EXPECT_LT(v, 7u);
    const double u = bounded.unit();
    EXPECT_GE(u, 0.0);
    EXPECT_LT(u, 1.0);
  }
  constexpr int kWeights[] = {0, 5, 0};
  EXPECT_EQ(bounded.weighted(kWeights), 1u);
}

TEST(DemoRandom, RoundsToTenths) {
  EXPECT_DOUBLE_EQ(round_tenth(12.34), 12.3);
  EXPECT_DOUBLE_EQ(round_tenth(12.35001), 12.4);
  EXPECT_DOUBLE_EQ(round_tenth(-0.06), -0.1);
}

}  // namespace
}  // namespace zhizao::detail
