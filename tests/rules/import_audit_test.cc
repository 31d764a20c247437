// Audit rules on import: ImportAuditor on one file's records (history from the same file, the
// enterprise from the import or the database, warn or refuse per rule, one or two threads), and
// through the importer's hook, where a refusal stores nothing and a warning stores the file.
#include "rules/import_audit.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "ingest/importer.h"
#include "rules/rules_test_support.h"

namespace zhizao {
namespace {

using testing::kJia;
using testing::kYi;
using testing::output_record;

RuleSet rules_from(std::string_view text) {
  Result<RuleSet> set = parse_rule_set(text, "import.toml");
  EXPECT_TRUE(set) << set.error().to_string();
  return set ? *set : RuleSet{};
}

class ImportAuditTest : public ::testing::Test {
 protected:
  ImportAuditTest() : small_(::testing::UnitTest::GetInstance()->current_test_info()->name()) {}

  ImportAuditor auditor(const RuleSet& rules, Language language = Language::kZh) {
    Result<ImportAuditor> created = ImportAuditor::create(small_.db(), rules, language);
    EXPECT_TRUE(created) << created.error().to_string();
    return *std::move(created);
  }

  testing::SmallDatabase small_;
};

TEST_F(ImportAuditTest, DefaultBoundsRefuseWithHistoryFromTheSameFile) {
  std::vector<MonthlyRecord> records = {
      output_record(kJia, 2021, 5, 6000),  // 12,000 times May 2020 below
      output_record(kYi, 2021, 5, 1e308), output_record(kJia, 2020, 5, 0.5),
      output_record(kYi, 2021, 6, 2889),  // sound
  };
  ImportAuditor audit = auditor(default_rule_set());
  EXPECT_FALSE(audit.empty());
  std::vector<ImportAuditFinding> findings = audit.audit(records, {}, {});
  ASSERT_EQ(findings.size(), 2u);
  // Key order: 甲 before 乙.
  EXPECT_EQ(findings[0].record, 0u);
  EXPECT_EQ(findings[0].rule_id, "physical_output_growth_max");
  EXPECT_EQ(findings[0].field, "output");
  EXPECT_EQ(findings[0].action, ImportAction::kRefuse);
  EXPECT_EQ(findings[0].message,
            "工业总产值 6000 万元是上年同期 0.5 万元的一万倍以上（增长超过999900%），"
            "单个企业不可能达到（规则 physical_output_growth_max）");
  EXPECT_EQ(findings[1].record, 1u);
  EXPECT_EQ(findings[1].rule_id, "physical_output_max");
  // Months stored before the import are not read: 乙's 1e308 has no base in this file.
  ImportAuditor english = auditor(default_rule_set(), Language::kEn);
  std::vector<ImportAuditFinding> en = english.audit(records, {}, {});
  ASSERT_EQ(en.size(), 2u);
  EXPECT_EQ(en[1].message,
            "Gross output of 1e308 × 10^4 yuan exceeds what one enterprise can reach in a month "
            "(10^8 × 10^4 yuan, one trillion yuan) (rule physical_output_max)");
}

TEST_F(ImportAuditTest, WarnIgnoreAndTheEnterpriseOfTheImport) {
  RuleSet rules = rules_from(R"toml([[rule]]
id = "division_bound"
severity = "hard"
field = "output"
expression = "output <= (division == 25 ? 3e8 : 1e8)"
on_import = "warn"
description_zh = "工业总产值 {value} 万元超出{division}大类的上限"

[[rule]]
id = "not_on_import"
severity = "hard"
field = "output"
expression = "output < 0"
description_zh = "从不通过"
)toml");
  ImportAuditor audit = auditor(rules);
  std::vector<MonthlyRecord> records = {output_record(kJia, 2021, 5, 2e8)};
  // As stored, 甲 is in division 34: over its bound, a warning.
  std::vector<ImportAuditFinding> stored = audit.audit(records, {}, {});
  ASSERT_EQ(stored.size(), 1u);
  EXPECT_EQ(stored[0].action, ImportAction::kWarn);
  EXPECT_EQ(stored[0].message, "工业总产值 200000000 万元超出34大类的上限（规则 division_bound）");
  // The same import re-registers 甲 in division 25: that one counts.
  Enterprise moved;
  moved.uscc = kJia;
  moved.division = "25";
  EXPECT_TRUE(audit.audit(records, {}, {moved}).empty());
  // An enterprise neither imported nor stored has no division: nothing to bound.
  EXPECT_TRUE(audit.audit({output_record("91410300MA9999999X", 2021, 5, 2e8)}, {}, {}).empty());
  // Rules without on_import are not applied.
  EXPECT_TRUE(auditor(rules_from(R"toml([[rule]]
id = "x"
severity = "hard"
field = "output"
expression = "output < 0"
description_zh = "x"
)toml"))
                  .empty());
}

TEST_F(ImportAuditTest, TwoThreadsFindWhatOneFinds) {
  // 2,600 enterprises × 48 months = 124,800 records: above the two-thread threshold. Outliers at
  // the first record, at both sides of the middle and at the last.
  std::vector<MonthlyRecord> records;
  for (int e = 0; e < 2600; ++e) {
    for (int m = 0; m < 48; ++m) {
      records.push_back(
          output_record(fmt::format("E{:05d}", e), 2018 + m / 12, 1 + m % 12, 100 + m));
    }
  }
  const std::size_t middle = records.size() / 2;
  for (std::size_t at : {std::size_t{0}, middle - 1, middle, records.size() - 1}) {
    records[at].output = 2e8;
  }
  ImportAuditor audit = auditor(default_rule_set());
  std::vector<ImportAuditFinding> findings = audit.audit(records, {}, {});
  std::vector<std::size_t> bounds;
  for (const ImportAuditFinding& f : findings) {
    if (f.rule_id == "physical_output_max") bounds.push_back(f.record);
  }
  EXPECT_EQ(bounds, (std::vector<std::size_t>{0, middle - 1, middle, records.size() - 1}));
  // The two in December 2021 are also over 10,000 times December 2020 (135); the two in January
  // 2018 have no base.
  EXPECT_EQ(findings.size() - bounds.size(), 2u);
  // The same records given with their key order (a file sorted by uscc and period).
  std::vector<uint32_t> order(records.size());
  for (uint32_t i = 0; i < order.size(); ++i) order[i] = i;
  EXPECT_EQ(audit.audit(records, order, {}).size(), findings.size());
}

// The importer's hook, wired as `zhizao import` wires it (cli/import_rules.cc).
ImportOptions audited(ImportAuditor& audit) {
  ImportOptions options;
  options.audit_monthly = [&audit](const MonthlyAuditInput& input) {
    std::vector<AuditFinding> out;
    for (ImportAuditFinding& f : audit.audit(input.records, input.key_order, input.enterprises)) {
      out.push_back(
          {f.record, f.field, f.message,
           f.action == ImportAction::kRefuse ? AuditLevel::kError : AuditLevel::kWarning});
    }
    return out;
  };
  return options;
}

TEST_F(ImportAuditTest, ImporterReportsAtTheLineAndRefusesOrWarns) {
  const std::string csv = "uscc,period,工业总产值,output_prev\n" + std::string(kJia) +
                          ",2021-05,1300,1200\n" + kJia + ",2021-06,1" + std::string(308, '0') +
                          ",\n";
  ImportAuditor refuse = auditor(default_rule_set());
  Result<ImportOutcome> refused =
      import_sources(small_.db(), {{"monthly.csv", csv}}, audited(refuse));
  ASSERT_TRUE(refused) << refused.error().to_string();
  ASSERT_TRUE(refused->refused());
  ASSERT_EQ(refused->errors.size(), 1u);
  EXPECT_EQ(refused->errors[0],
            "monthly.csv:3: 工业总产值: 工业总产值 1e308 万元超出单个企业一个月的物理上限"
            "（1亿万元，即1万亿元）（规则 physical_output_max）");
  auto before = small_.db().load();
  ASSERT_TRUE(before);
  for (const MonthlyRecord& r : before->monthly) EXPECT_LT(r.period, (YearMonth{2021, 5}));

  ImportAuditor warn = auditor(rules_from(R"toml([[rule]]
id = "output_max"
severity = "hard"
field = "output"
expression = "output <= 1e8"
on_import = "warn"
description_en = "output {value} too large"
description_zh = "产值 {value} 过大"
)toml"));
  Result<ImportOutcome> warned = import_sources(small_.db(), {{"monthly.csv", csv}}, audited(warn));
  ASSERT_TRUE(warned) << warned.error().to_string();
  EXPECT_FALSE(warned->refused());
  ASSERT_EQ(warned->warnings.size(), 1u);
  EXPECT_EQ(warned->warnings[0], "monthly.csv:3: 工业总产值: 产值 1e308 过大（规则 output_max）");
  EXPECT_EQ(warned->summary.inserted, 2);
}

}  // namespace
}  // namespace zhizao
