// Revisions of safety rows (safety/safety_revisions.h): a change keeps the row before it, is
// refused when the stored row moved on, lands in the audit log; an import that replaces a row by a
// different one keeps the prior version too; ids of new checks and hazards.
#include "safety/safety_revisions.h"

#include <gtest/gtest.h>

#include "safety/safety_fixture.h"
#include "safety/safety_store.h"
#include "store/audit_log.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using testing_support::code;
using testing_support::day;

class SafetyRevisions : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(path_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    db_ = std::move(*opened);
    auto applied =
        db_->apply({SourcedBatch{"enterprises.csv", testing_support::safety_enterprises()}});
    ASSERT_TRUE(applied.has_value()) << applied.error().message();
    SafetyRegister base;
    base.plans = {plan_};
    base.checks = {check_};
    ASSERT_TRUE(store_safety_records(*db_, base).has_value());
  }

  SafetyChangeNote note(const std::string& action) {
    return {"county", action, "n",
            AuditEntry{0, "", "county", "127.0.0.1", "safety." + action, "h1", "{}"}, std::nullopt};
  }

  testing_support::TempDatabasePath path_;
  std::unique_ptr<Database> db_;
  SafetyPlan plan_{"P1", "汛期", "尾矿库", {"08", "09"}, "", day(2021, 6, 1), day(2021, 9, 30)};
  SafetyCheck check_{"c1", "P1", code('A'), day(2021, 6, 5), "甲", ""};
};

TEST_F(SafetyRevisions, EveryChangeKeepsThePriorVersion) {
  Hazard hazard{"h1", "c1", HazardLevel::kMajor,       "坝体裂缝", day(2021, 6, 5), day(2021, 7, 5),
                {},   {},   ReinspectionResult::kNone, ""};
  Result<long> first = write_safety_change(*db_, std::nullopt, hazard, note("hazard"));
  ASSERT_TRUE(first) << first.error().to_string();
  EXPECT_EQ(*first, 1);
  Hazard rectified = hazard;
  rectified.rectified = day(2021, 6, 20);
  rectified.proof = std::string(64, 'a') + ".png";
  Result<long> second = write_safety_change(*db_, hazard, rectified, note("rectify"));
  ASSERT_TRUE(second);
  EXPECT_EQ(*second, 2);

  Result<std::vector<SafetyEvent>> events = safety_events(*db_, "hazard", "h1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].before, "");
  EXPECT_EQ((*events)[1].action, "rectify");
  EXPECT_EQ((*events)[1].user_name, "county");
  auto before = nlohmann::json::parse((*events)[1].before);
  auto after = nlohmann::json::parse((*events)[1].after);
  EXPECT_TRUE(before["rectified"].is_null());
  EXPECT_EQ(after["rectified"], "2021-06-20");
  EXPECT_EQ(after["level"], "major");

  Result<SafetyRegister> stored = load_safety_register(*db_);
  ASSERT_TRUE(stored);
  ASSERT_EQ(stored->hazards.size(), 1u);
  EXPECT_EQ(stored->hazards[0], rectified);
  Result<std::vector<AuditEntry>> audit = AuditLog(*db_).list({});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 2u);
  EXPECT_EQ((*audit)[1].action, "safety.rectify");
}

TEST_F(SafetyRevisions, AChangeFromAStaleRowWritesNothing) {
  Hazard hazard{"h1", "c1", HazardLevel::kOrdinary,    "", day(2021, 6, 5), day(2021, 6, 20),
                {},   {},   ReinspectionResult::kNone, ""};
  ASSERT_EQ(write_safety_change(*db_, std::nullopt, hazard, note("hazard")).value(), 1);
  // A second "new" row of the same id, and a change from a row that is no longer stored.
  EXPECT_EQ(write_safety_change(*db_, std::nullopt, hazard, note("hazard")).value(), 0);
  Hazard stale = hazard;
  stale.description = "another";
  Hazard after = hazard;
  after.rectified = day(2021, 6, 10);
  EXPECT_EQ(write_safety_change(*db_, stale, after, note("rectify")).value(), 0);
  EXPECT_EQ(safety_events(*db_, "hazard", "h1").value().size(), 1u);
  EXPECT_EQ(AuditLog(*db_).list({}).value().size(), 1u);
  EXPECT_FALSE(load_safety_register(*db_).value().hazards[0].rectified);
}

TEST_F(SafetyRevisions, ProofsAreRegisteredWithTheChange) {
  Hazard hazard{"h1", "c1", HazardLevel::kOrdinary,    "", day(2021, 6, 5), day(2021, 6, 20),
                {},   {},   ReinspectionResult::kNone, ""};
  ASSERT_EQ(write_safety_change(*db_, std::nullopt, hazard, note("hazard")).value(), 1);
  const std::string name = std::string(64, 'b') + ".pdf";
  Hazard proved = hazard;
  proved.proof = name;
  SafetyChangeNote with_proof = note("proof");
  with_proof.proof = SafetyProofRecord{name, "application/pdf", 1234, "ent"};
  ASSERT_EQ(write_safety_change(*db_, hazard, proved, with_proof).value(), 2);
  EXPECT_EQ(registered_proof_type(*db_, name).value(),
            std::optional<std::string>("application/pdf"));
  EXPECT_EQ(registered_proof_type(*db_, "h2.jpg").value(), std::nullopt);
}

TEST_F(SafetyRevisions, AnImportThatReplacesARowKeepsItsPriorVersion) {
  SafetyCheck changed = check_;
  changed.findings = "排洪井堵塞";
  SafetyRegister again;
  again.plans = {plan_};     // the same row: no revision
  again.checks = {changed};  // a different row of the same key: one revision
  ASSERT_TRUE(store_safety_records(*db_, again).has_value());
  EXPECT_TRUE(safety_events(*db_, "plan", "P1").value().empty());
  Result<std::vector<SafetyEvent>> events = safety_events(*db_, "check", "c1");
  ASSERT_TRUE(events);
  ASSERT_EQ(events->size(), 1u);
  EXPECT_EQ((*events)[0].action, "import");
  EXPECT_EQ(nlohmann::json::parse((*events)[0].before)["findings"], "");
  EXPECT_EQ(nlohmann::json::parse((*events)[0].after)["findings"], "排洪井堵塞");
}

TEST_F(SafetyRevisions, NewIdsPerDay) {
  EXPECT_EQ(next_safety_id(*db_, "check", day(2021, 6, 5)).value(), "JC20210605-001");
  SafetyCheck numbered = check_;
  numbered.id = "JC20210605-001";
  ASSERT_EQ(write_safety_change(*db_, std::nullopt, numbered, note("check")).value(), 1);
  EXPECT_EQ(next_safety_id(*db_, "check", day(2021, 6, 5)).value(), "JC20210605-002");
  EXPECT_EQ(next_safety_id(*db_, "hazard", day(2021, 6, 5)).value(), "YH20210605-001");
}

}  // namespace
}  // namespace zhizao
