// benford_first_digit over an enterprise's history: raised on a long fabricated series that spans
// orders of magnitude, not on a genuine-looking one, and never run on a series within one order.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "quality_fixture.h"

namespace zhizao {
namespace {

using namespace testing_quality;
using Strings = std::vector<std::string>;

constexpr YearMonth kBenfordPeriod{2021, 12};

// Output over 36 months spanning three orders of magnitude; value added and electricity follow
// it, so that 108 figures enter the test.
Dataset spanning(bool fabricated) {
  Dataset data = ordinary_division(kBenfordPeriod);
  auto random = std::make_shared<std::mt19937>(11);
  add_planted(data, kBenfordPeriod, [random, fabricated](MonthlyRecord& r) {
    std::uniform_real_distribution<double> unit(0, 1);
    auto draw = [&] {
      if (!fabricated) return tenth(std::pow(10, 1 + 3 * unit(*random)));
      int digit = 1 + static_cast<int>(unit(*random) * 9);
      return tenth((digit + unit(*random)) * std::pow(10, 1 + static_cast<int>(unit(*random) * 3)));
    };
    r.output = draw();
    r.value_added = draw();
    r.electricity = draw();
  });
  return data;
}

TEST(BenfordCheck, RaisedOnAFabricatedLongSeries) {
  EXPECT_TRUE(has(checks_of(findings_of(spanning(true), kBenfordPeriod), kPlantedUscc),
                  "benford_first_digit"));
}

TEST(BenfordCheck, NotRaisedOnAGenuineLookingSeries) {
  EXPECT_FALSE(has(checks_of(findings_of(spanning(false), kBenfordPeriod), kPlantedUscc),
                   "benford_first_digit"));
}

TEST(BenfordCheck, NotRunBelowTheMinimumHistory) {
  QualityThresholds strict;
  strict.benford_min_figures = 200;
  EXPECT_FALSE(has(checks_of(findings_of(spanning(true), kBenfordPeriod, strict), kPlantedUscc),
                   "benford_first_digit"));
}

}  // namespace
}  // namespace zhizao
