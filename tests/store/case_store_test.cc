#include "store/case_store.h"

#include <gtest/gtest.h>

#include <string>

#include "temp_database.h"

namespace zhizao {
namespace {

using testing_support::raw_sql;
using testing_support::TempDatabasePath;

constexpr const char* kUscc = "91410302MA400001XM";

StoredCase new_case(const std::string& id) {
  StoredCase stored;
  stored.row = {id, kUscc, {2021, 4, 1}, "用电", "", {2021, 4, 8}, std::nullopt, std::nullopt};
  stored.region = "410302";
  stored.title = "变压器增容";
  stored.description = "申请增容";
  stored.state = "raised";
  stored.level = "county";
  stored.remind_days = 2;
  stored.raised_by = "ent";
  stored.updated_at = "2021-04-01T08:00:00Z";
  stored.revision = 1;
  return stored;
}

AuditEntry audit_of(const std::string& action, const std::string& id) {
  return {0, "", "ent", "127.0.0.1", action, id, "{}"};
}

class CaseStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<Database>> opened =
        Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    db_ = std::move(*opened);
    Dataset rows;
    rows.enterprises.push_back({kUscc, "洛阳甲公司", "3451", "34", "410302", "", {}, false});
    ASSERT_TRUE(db_->apply({SourcedBatch{"enterprises.csv", rows}}).has_value());
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(CaseStoreTest, SeededDeadlinesAreData) {
  Result<std::vector<CaseDeadlineRule>> rules = CaseStore(*db_).deadline_rules();
  ASSERT_TRUE(rules.has_value());
  ASSERT_FALSE(rules->empty());
  EXPECT_EQ(rules->front().category, "*");
  EXPECT_EQ(rules->front().days, 15);
  raw_sql(file_.path(), "UPDATE case_deadline SET days = 9 WHERE category = '*'");
  EXPECT_EQ(CaseStore(*db_).deadline_rules()->front().days, 9);
}

TEST_F(CaseStoreTest, WriteKeepsRevisionsAuditAndTheContractRow) {
  CaseStore store(*db_);
  const std::int64_t version_before = *db_->data_version();
  StoredCase raised = new_case("SQ20210401-001");
  ASSERT_EQ(store.write(raised, {0, "2021-04-01T08:00:00Z", "ent", "raise", "", "raised", "", ""},
                        audit_of("case.raise", raised.row.id)),
            true);
  EXPECT_GT(*db_->data_version(), version_before);

  StoredCase resolved = raised;
  resolved.state = "resolved";
  resolved.row.department = "工信局";
  resolved.row.resolved = CivilDate{2021, 4, 6};
  resolved.revision = 2;
  ASSERT_EQ(
      store.write(resolved,
                  {0, "2021-04-06T08:00:00Z", "city", "resolve", "raised", "resolved", "done", ""},
                  audit_of("case.resolve", raised.row.id)),
      true);
  // A stale writer (still at revision 1) writes nothing.
  StoredCase stale = raised;
  stale.revision = 2;
  stale.title = "stale";
  EXPECT_EQ(store.write(stale, {}, audit_of("case.progress", raised.row.id)), false);

  Result<std::optional<StoredCase>> found = store.find(raised.row.id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ(**found, resolved);
  Result<std::vector<CaseEvent>> events = store.events(raised.row.id);
  ASSERT_TRUE(events.has_value());
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[1].action, "resolve");
  EXPECT_NE((*events)[1].record.find("\"resolved\":\"2021-04-06\""), std::string::npos);
  EXPECT_EQ(raw_sql(file_.path(), "SELECT count(*) FROM audit_log WHERE action LIKE 'case.%'"),
            "2");
  // The figures read the contract's row like an imported one.
  Result<Dataset> loaded = db_->load();
  ASSERT_TRUE(loaded.has_value());
  ASSERT_EQ(loaded->cases.size(), 1u);
  EXPECT_EQ(loaded->cases[0], resolved.row);
}

TEST_F(CaseStoreTest, NewIdsSkipImportedCasesAndANewCaseNeverReplacesOne) {
  CaseStore store(*db_);
  Dataset rows;
  rows.cases.push_back({"SQ20210401-001",
                        kUscc,
                        {2021, 4, 1},
                        "用地",
                        "工信局",
                        {2021, 5, 1},
                        std::nullopt,
                        std::nullopt});
  ASSERT_TRUE(db_->apply({SourcedBatch{"cases.csv", rows}}).has_value());
  Result<std::string> id = store.next_id({2021, 4, 1});
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(*id, "SQ20210401-002");
  EXPECT_EQ(store.write(new_case("SQ20210401-001"), {}, audit_of("case.raise", "x")), false);
  EXPECT_FALSE(store.find("SQ20210401-001")->has_value());  // imported only: no workflow
}

TEST_F(CaseStoreTest, EnterpriseLookup) {
  CaseStore store(*db_);
  Result<std::optional<CaseEnterprise>> found = store.enterprise(kUscc);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->region, "410302");
  EXPECT_FALSE(store.enterprise("91410305MA400002X2")->has_value());
}

}  // namespace
}  // namespace zhizao
