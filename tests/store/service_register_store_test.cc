// ServiceRegisterStore (issue 14): the assignments and visits changed through the API replace
// their rows, keep the record before and after as numbered revisions, append the audit row and
// move the data version, all at once.
#include "store/service_register_store.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "temp_database.h"

namespace zhizao {
namespace {

using testing_support::TempDatabasePath;

constexpr const char* kUscc = "91410302MA400001XM";

AuditEntry audit_of(const std::string& action, const std::string& target) {
  return {0, "", "county", "127.0.0.1", action, target, "{}"};
}

class ServiceRegisterStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> opened =
        Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    db_ = std::move(*opened);
    Dataset rows;
    rows.enterprises.push_back({kUscc, "洛阳甲公司", "3451", "34", "410302", "", {}, false});
    // An imported row of another department stays as it is.
    rows.assignments.push_back({kUscc, "赵六", "发改委"});
    ASSERT_TRUE(db_->apply({SourcedBatch{"enterprises.csv", rows}}).has_value());
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(ServiceRegisterStoreTest, AssignmentsReplaceTheDepartmentsCadresWithRevisions) {
  ServiceRegisterStore store(*db_);
  const std::int64_t version_before = *db_->data_version();
  Result<ServiceRevision> first = store.set_assignment(kUscc, "工信局", {"张三", "李四"}, "city",
                                                       audit_of("assignment.set", "a"));
  ASSERT_TRUE(first.has_value()) << first.error().message();
  EXPECT_EQ(first->revision, 1);
  EXPECT_EQ(first->before, "null");
  EXPECT_GT(*db_->data_version(), version_before);
  Result<ServiceRevision> second =
      store.set_assignment(kUscc, "工信局", {"王五"}, "county", audit_of("assignment.set", "b"));
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(second->revision, 2);
  EXPECT_EQ(nlohmann::json::parse(second->before)["cadres"],
            nlohmann::json::array({"张三", "李四"}));
  Result<std::vector<Assignment>> rows = store.assignments();
  ASSERT_TRUE(rows.has_value());
  EXPECT_EQ(*rows, (std::vector<Assignment>{{kUscc, "王五", "工信局"}, {kUscc, "赵六", "发改委"}}));
  ASSERT_TRUE(store.set_assignment(kUscc, "工信局", {}, "city", audit_of("assignment.set", "c")));
  EXPECT_EQ(store.assignments()->size(), 1u);
  Result<std::vector<ServiceRevision>> revisions =
      store.revisions(ServiceRegister::kAssignment, assignment_revision_key(kUscc, "工信局"));
  ASSERT_TRUE(revisions.has_value());
  ASSERT_EQ(revisions->size(), 3u);
  EXPECT_EQ(revisions->back().after, "null");
  EXPECT_EQ((*revisions)[1].user_name, "county");
  Result<std::vector<AuditEntry>> audit = AuditLog(*db_).list({std::nullopt, "assignment.set"});
  ASSERT_TRUE(audit.has_value());
  EXPECT_EQ(audit->size(), 3u);
  // The loaded Dataset (what the figures read) has the rows too.
  EXPECT_EQ(db_->load()->assignments.size(), 1u);
}

TEST_F(ServiceRegisterStoreTest, AVisitOfTheSameKeyIsReplacedAndKeptAsARevision) {
  ServiceRegisterStore store(*db_);
  Visit visit{kUscc, {2021, 4, 12}, "张三", "订单饱满"};
  Result<ServiceRevision> logged = store.write_visit(visit, "county", audit_of("visit.log", "v"));
  ASSERT_TRUE(logged.has_value());
  EXPECT_EQ(logged->revision, 1);
  visit.findings = "已协调招工";
  Result<ServiceRevision> replaced = store.write_visit(visit, "city", audit_of("visit.log", "v"));
  ASSERT_TRUE(replaced.has_value());
  EXPECT_EQ(replaced->revision, 2);
  EXPECT_EQ(nlohmann::json::parse(replaced->before)["findings"], "订单饱满");
  EXPECT_EQ(*store.visits(), std::vector<Visit>{visit});
  // Another cadre the same day is another visit.
  ASSERT_TRUE(
      store.write_visit({kUscc, {2021, 4, 12}, "李四", ""}, "city", audit_of("visit.log", "w")));
  EXPECT_EQ(store.visits()->size(), 2u);
  Result<std::vector<std::pair<std::string, long>>> latest =
      store.latest_revisions(ServiceRegister::kVisit);
  ASSERT_TRUE(latest.has_value());
  EXPECT_EQ(*latest, (std::vector<std::pair<std::string, long>>{
                         {kUscc + std::string("|2021-04-12|张三"), 2},
                         {kUscc + std::string("|2021-04-12|李四"), 1}}));
  EXPECT_EQ(store.enterprises()->size(), 1u);
}

}  // namespace
}  // namespace zhizao
