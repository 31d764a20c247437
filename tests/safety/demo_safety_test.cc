// The demo's safety files (demo/demo_safety.h) import cleanly for the demo's enterprises and give
// the designed figures at the end of June 2021: one major hazard overdue (red), the roster's gap on
// 19 June; nothing at the article's period (2021-04).
#include "demo/demo_safety.h"

#include <gtest/gtest.h>

#include "demo/luoyang_demo.h"
#include "safety/safety_figures.h"
#include "safety/safety_import.h"
#include "safety/safety_store.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

TEST(DemoSafety, ImportsAndShowsTheDesignedFigures) {
  Result<Dataset> demo = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(demo.has_value());
  Dataset enterprises;
  enterprises.enterprises = demo->enterprises;
  testing_support::TempDatabasePath path;
  auto db = Database::open(path.path(), OpenMode::kCreateIfMissing);
  ASSERT_TRUE(db.has_value());
  ASSERT_TRUE((*db)->apply({SourcedBatch{"demo", enterprises}}).has_value());
  std::vector<SourceFile> files = detail::demo_safety_files(*demo);
  ASSERT_EQ(files.size(), 4u);
  EXPECT_NE(files[0].bytes.find("（演示）"), std::string::npos);  // marked synthetic
  Result<SafetyImportOutcome> outcome = import_safety_sources(**db, files, std::nullopt);
  ASSERT_TRUE(outcome.has_value());
  ASSERT_TRUE(outcome->errors.empty()) << outcome->errors.front();
  EXPECT_TRUE(outcome->warnings.empty());
  Result<SafetyRegister> records = load_safety_register(**db);
  ASSERT_TRUE(records.has_value());

  Result<std::optional<SafetyFigures>> june =
      compute_safety_figures(*records, *demo, {{2021, 6, 30}, {2021, 1, 1}, ""});
  ASSERT_TRUE(june.has_value() && june->has_value());
  ASSERT_EQ((*june)->plans.size(), 1u);
  const SafetyPlanFigures& plan = (*june)->plans[0];
  EXPECT_EQ(plan.divisions, (std::vector<std::string>{"08", "09", "10"}));
  EXPECT_EQ(plan.enterprises, 97);  // every mining enterprise of the demo (docs/demo.md)
  EXPECT_EQ(plan.checked, 65);      // two of every three, all in June
  EXPECT_EQ(plan.unchecked.size(), 32u);
  EXPECT_EQ(plan.hazards.found, 5);
  EXPECT_EQ(plan.hazards.rectified, 2);  // 002 passed, 003 awaiting re-inspection
  EXPECT_EQ(plan.hazards.awaiting_reinspection, 1);
  EXPECT_EQ(plan.major.open, 2);  // 001 overdue, 004 failed its re-inspection
  EXPECT_EQ(plan.major.overdue, 1);
  EXPECT_EQ(plan.ordinary.overdue, 0);
  ASSERT_EQ(plan.overdue_hazards.size(), 1u);
  EXPECT_EQ(plan.overdue_hazards[0].id, "YH2021-001");
  EXPECT_EQ(plan.overdue_hazards[0].days_overdue, 10);
  ASSERT_EQ(plan.roster_gaps.size(), 1u);
  EXPECT_EQ(plan.roster_gaps[0], (CivilDate{2021, 6, 19}));
  std::vector<Warning> warnings = safety_warnings(**june);
  ASSERT_EQ(warnings.size(), 1u);  // coverage is ahead of time progress: no yellow
  EXPECT_EQ(warnings[0].rule, "safety_overdue_major_hazard");

  Result<std::optional<SafetyFigures>> april =
      compute_safety_figures(*records, *demo, {{2021, 4, 30}, {2021, 1, 1}, ""});
  ASSERT_TRUE(april.has_value());
  EXPECT_FALSE(april->has_value());
}

}  // namespace
}  // namespace zhizao
