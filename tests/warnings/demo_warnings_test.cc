// The default rules on the demo (2021-04, as the article): warnings of every level, each with a
// reason in both languages, raised through the same path as `zhizao report` (ReportInput), so no
// demo data of its own is needed for them.
#include <gtest/gtest.h>

#include <set>

#include "columnar/report_input.h"
#include "demo/luoyang_demo.h"
#include "warnings/warning_rules.h"

namespace zhizao {
namespace {

TEST(DemoWarningsTest, DefaultRulesRaiseEveryLevel) {
  install_warning_rules(nullptr);  // the defaults
  Result<Dataset> demo = generate_luoyang_demo(DemoOptions{});
  ASSERT_TRUE(demo) << demo.error().message();
  ReportInput input = ReportInput::of_dataset(*std::move(demo));
  Result<ReportData> report = input.report({{2021, 4}, WindowKind::kCumulative, ""});
  ASSERT_TRUE(report) << report.error().message();
  std::set<WarningLevel> levels;
  for (const Warning& w : report->warnings) {
    levels.insert(w.level);
    EXPECT_FALSE(w.reason.empty()) << w.rule;
    EXPECT_FALSE(w.reason_en.empty()) << w.rule;
    EXPECT_EQ(w.reason.find('{'), std::string::npos) << w.reason;
  }
  EXPECT_EQ(levels, (std::set<WarningLevel>{WarningLevel::kRed, WarningLevel::kOrange,
                                            WarningLevel::kYellow, WarningLevel::kBlue}));
}

}  // namespace
}  // namespace zhizao
