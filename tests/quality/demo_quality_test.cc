// The demo's planted data-quality problems (src/demo/demo_quality.cc) are each found by the check
// they were planted for, and few of the demo's ordinary enterprises are raised. physical_limit is
// the rules module's and is checked through the CLI (tests/cli/quality_cli_test.cc); the demo
// plants none (it must import again).
#include <gtest/gtest.h>

#include <set>

#include "demo/demo_quality.h"
#include "demo/luoyang_demo.h"
#include "quality/quality_checks.h"

namespace zhizao {
namespace {

TEST(DemoQuality, EveryPlantedEnterpriseIsFoundWithItsCheck) {
  Result<Dataset> demo = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(demo) << demo.error().to_string();
  detail::IndexedDataset data(*demo);
  Result<std::vector<QualityFinding>> findings = run_quality_checks(data, {{2021, 4}, ""}, {});
  ASSERT_TRUE(findings) << findings.error().to_string();
  std::set<std::pair<std::string, std::string>> raised;
  std::set<std::string> flagged;
  for (const QualityFinding& f : *findings) {
    raised.insert({f.uscc, f.check});
    flagged.insert(f.uscc);
  }
  std::set<std::string> planted;
  for (const auto& [uscc, check] : detail::quality_example_plants()) {
    planted.insert(uscc);
    EXPECT_TRUE(raised.count({uscc, check})) << uscc << " " << check;
  }
  long clean_flagged = 0;
  for (const std::string& uscc : flagged) clean_flagged += planted.count(uscc) == 0;
  // 1,800 ordinary enterprises: at most 0.5 % raised (3 when this was written).
  EXPECT_LE(clean_flagged, 9);
}

}  // namespace
}  // namespace zhizao
