#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <regex>

#include "store/database.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using nlohmann::json;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

using testing_support::kUsccA;
using testing_support::kUsccB;

RegionGroup default_group() {
  return {
      "luoyang-metro", "洛阳都市圈", {"410300", "419001", "410800", "410400", "411200", "410181"}};
}

MonthlyRecord monthly(const char* uscc, YearMonth period, double output) {
  MonthlyRecord row;
  row.uscc = uscc;
  row.period = period;
  row.output = output;
  return row;
}

Dataset monthly_rows(std::vector<MonthlyRecord> rows) {
  Dataset d;
  d.monthly = std::move(rows);
  return d;
}

Dataset enterprise_rows(std::vector<Enterprise> rows) {
  Dataset d;
  d.enterprises = std::move(rows);
  return d;
}

Dataset chain_rows(std::vector<Chain> rows) {
  Dataset d;
  d.chains = std::move(rows);
  return d;
}

Dataset group_rows(std::vector<RegionGroup> rows) {
  Dataset d;
  d.region_groups = std::move(rows);
  return d;
}

// Two rows of every kind, given out of key order; the first of each has every optional field,
// the second none.
Dataset every_kind() {
  Dataset d;
  d.enterprises.push_back({kUsccB, "乙公司", "3411", "34", "410305", "p1", {"c2", "c1"}, true});
  d.enterprises.push_back({kUsccA, "甲公司", "13", "13", "410302", "", {}, false});
  MonthlyRecord full{kUsccB, {2021, 4}, 123456789.123456789, 0.1, 1e-300, 99.5, 0.30000000000000004,
                     12.25,  false};
  d.monthly.push_back(full);
  d.monthly.push_back(monthly(kUsccA, {2021, 2}, 50));
  d.monthly.push_back(monthly(kUsccA, {2020, 12}, 40));
  d.deflators.push_back({"34", {2021, 4}, 101.3});
  d.deflators.push_back({"13", {2021, 4}, 98.7});
  d.va_ratios.push_back({"34", 2021, 0.25});
  d.va_ratios.push_back({"13", 2020, 1.0});
  d.parks.push_back({"p2", "伊滨园区", "", ""});
  d.parks.push_back({"p1", "洛龙园区", "410311", "6+3+X"});
  d.chains.push_back({"c2", "新材料"});
  d.chains.push_back({"c1", "装备制造"});
  Project full_project{"P2",
                       "二号项目",
                       "410305",
                       52000.5,
                       "3411",
                       "c1",
                       "p1",
                       8000.25,
                       CivilDate{2021, 3, 1},
                       CivilDate{2021, 3, 15},
                       CivilDate{2022, 12, 31},
                       CivilDate{2023, 1, 2},
                       "camp1"};
  d.projects.push_back(full_project);
  d.projects.push_back({"P1", "一号项目", "410302", 1000, "", "", "", {}, {}, {}, {}, {}, ""});
  d.project_progress.push_back({"P2", {2021, 4}, 300.5});
  d.project_progress.push_back({"P1", {2021, 4}, 10});
  d.region_groups.push_back({"zz-west", "西部", {"410381", "410323"}});
  d.region_groups.push_back({"a-north", "北部", {}});
  return d;
}

// every_kind() as load() returns it: each kind sorted by key, the default group included.
Dataset every_kind_sorted() {
  Dataset d = every_kind();
  std::swap(d.enterprises[0], d.enterprises[1]);
  d.monthly = {d.monthly[2], d.monthly[1], d.monthly[0]};
  std::swap(d.deflators[0], d.deflators[1]);
  std::swap(d.va_ratios[0], d.va_ratios[1]);
  std::swap(d.parks[0], d.parks[1]);
  std::swap(d.chains[0], d.chains[1]);
  std::swap(d.projects[0], d.projects[1]);
  std::swap(d.project_progress[0], d.project_progress[1]);
  d.region_groups = {d.region_groups[1], default_group(), d.region_groups[0]};
  return d;
}

class DatabaseApply : public ::testing::Test {
 protected:
  void SetUp() override {
    auto opened = Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
    db_ = std::move(*opened);
  }

  ApplySummary apply_ok(const std::vector<SourcedBatch>& batches) {
    Result<ApplySummary> summary = db_->apply(batches);
    EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
    return summary.value_or(ApplySummary{});
  }

  Dataset load_ok() {
    Result<Dataset> loaded = db_->load();
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    return loaded.value_or(Dataset{});
  }

  std::vector<Revision> revisions_ok(const RevisionFilter& filter) {
    auto found = db_->revisions(filter);
    EXPECT_TRUE(found.has_value()) << found.error().to_string();
    return found.value_or(std::vector<Revision>{});
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(DatabaseApply, RoundTripsEveryKindSortedByKey) {
  ApplySummary summary = apply_ok({{"all.csv", every_kind()}});
  EXPECT_EQ(summary.inserted, 19);
  EXPECT_EQ(summary.replaced, 0);
  EXPECT_EQ(summary.unchanged, 0);
  EXPECT_GT(summary.import_id, 0);
  Dataset loaded = load_ok();
  EXPECT_EQ(loaded, every_kind_sorted());
  // Spot checks that operator== alone would hide in a failure message.
  EXPECT_EQ(loaded.enterprises[1].chains, (std::vector<std::string>{"c2", "c1"}));
  EXPECT_EQ(loaded.monthly[2].electricity, std::optional<double>(1e-300));
  EXPECT_EQ(loaded.monthly[0].value_added, std::nullopt);
  EXPECT_EQ(loaded.projects[1].actual_completion, (CivilDate{2023, 1, 2}));
  EXPECT_EQ(loaded.projects[0].planned_start, std::nullopt);
  EXPECT_TRUE(revisions_ok({}).empty());
}

TEST_F(DatabaseApply, SameValuesAgainAreUnchangedAndWriteNoRevision) {
  apply_ok({{"all.csv", every_kind()}});
  ApplySummary again = apply_ok({{"all_again.csv", every_kind()}});
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.replaced, 0);
  EXPECT_EQ(again.unchanged, 19);
  EXPECT_TRUE(revisions_ok({}).empty());
  EXPECT_EQ(load_ok(), every_kind_sorted());
}

TEST_F(DatabaseApply, ReplacingAMonthlyRowWritesARevision) {
  MonthlyRecord first = monthly(kUsccA, {2021, 4}, 100.5);
  apply_ok({{"monthly_april.csv", monthly_rows({first})}});
  MonthlyRecord second = first;
  second.output = 101;
  second.value_added = 20.5;
  second.in_scope = false;
  ApplySummary summary = apply_ok({{"monthly_fix.csv", monthly_rows({second})}});
  EXPECT_EQ(summary.replaced, 1);
  EXPECT_EQ(summary.inserted, 0);

  std::vector<Revision> found = revisions_ok({});
  ASSERT_EQ(found.size(), 1u);
  const Revision& revision = found[0];
  EXPECT_EQ(revision.kind, "monthly");
  EXPECT_EQ(revision.key, std::string(kUsccA) + "|2021-04");
  EXPECT_EQ(revision.uscc, kUsccA);
  EXPECT_EQ(revision.source, "monthly_fix.csv");
  EXPECT_EQ(revision.import_id, summary.import_id);
  EXPECT_TRUE(
      std::regex_match(revision.changed_at, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")))
      << revision.changed_at;
  json old_expected = {{"uscc", kUsccA},
                       {"period", "2021-04"},
                       {"output", 100.5},
                       {"value_added", nullptr},
                       {"electricity", nullptr},
                       {"output_prev", nullptr},
                       {"value_added_prev", nullptr},
                       {"electricity_prev", nullptr},
                       {"in_scope", 1}};
  json new_expected = old_expected;
  new_expected["output"] = 101.0;
  new_expected["value_added"] = 20.5;
  new_expected["in_scope"] = 0;
  EXPECT_EQ(json::parse(revision.old_value), old_expected);
  EXPECT_EQ(json::parse(revision.new_value), new_expected);
  EXPECT_EQ(load_ok().monthly, std::vector<MonthlyRecord>{second});
}

TEST_F(DatabaseApply, ReorderingAnEnterprisesChainsIsAReplacement) {
  Enterprise firm{kUsccA, "甲公司", "3411", "34", "410302", "", {"c1", "c2"}, false};
  apply_ok({{"enterprises.csv", enterprise_rows({firm})}});
  firm.chains = {"c2", "c1"};
  ApplySummary summary = apply_ok({{"enterprises_2.csv", enterprise_rows({firm})}});
  EXPECT_EQ(summary.replaced, 1);
  std::vector<Revision> found = revisions_ok({std::nullopt, "enterprise"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(json::parse(found[0].old_value)["chains"], json({"c1", "c2"}));
  EXPECT_EQ(json::parse(found[0].new_value)["chains"], json({"c2", "c1"}));
  EXPECT_EQ(json::parse(found[0].new_value)["key"], 0);
  EXPECT_EQ(load_ok().enterprises, std::vector<Enterprise>{firm});
}

TEST_F(DatabaseApply, ImportingTheDefaultGroupIdReplacesItWithARevision) {
  RegionGroup smaller{"luoyang-metro", "洛阳都市圈", {"410300", "419001"}};
  ApplySummary summary = apply_ok({{"groups.csv", group_rows({smaller})}});
  EXPECT_EQ(summary.replaced, 1);
  std::vector<Revision> found = revisions_ok({std::nullopt, "region_group"});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, "luoyang-metro");
  EXPECT_EQ(found[0].uscc, "");
  EXPECT_EQ(json::parse(found[0].old_value)["members"].size(), 6u);
  EXPECT_EQ(
      json::parse(found[0].new_value),
      json({{"id", "luoyang-metro"}, {"name", "洛阳都市圈"}, {"members", {"410300", "419001"}}}));
  EXPECT_EQ(load_ok().region_groups, std::vector<RegionGroup>{smaller});
}

TEST_F(DatabaseApply, RevisionKeysOfOtherKinds) {
  apply_ok({{"a.csv", every_kind()}});
  Dataset changed = every_kind();
  changed.deflators[0].ppi = 102;
  changed.va_ratios[0].ratio = 0.3;
  changed.project_progress[0].investment = 301;
  changed.projects[0].actual_completion.reset();
  ApplySummary summary = apply_ok({{"b.csv", changed}});
  EXPECT_EQ(summary.replaced, 4);
  EXPECT_EQ(summary.unchanged, 15);
  std::vector<Revision> found = revisions_ok({});
  ASSERT_EQ(found.size(), 4u);
  // Written in the batch's order of kinds: deflators, va_ratios, projects, progress.
  EXPECT_EQ(found[0].key, "34|2021-04");
  EXPECT_EQ(found[1].key, "34|2021");
  EXPECT_EQ(found[2].key, "P2");
  EXPECT_EQ(json::parse(found[2].old_value)["actual_completion"], "2023-01-02");
  EXPECT_TRUE(json::parse(found[2].new_value)["actual_completion"].is_null());
  EXPECT_EQ(found[3].key, "P2|2021-04");
  EXPECT_EQ(found[3].kind, "project_progress");
  EXPECT_EQ(json::parse(found[3].new_value),
            json({{"id", "P2"}, {"period", "2021-04"}, {"investment", 301.0}}));
}

// `firm` and the April 2021 rows of kUsccA and kUsccB, both with `output`.
Dataset firm_and_months(const Enterprise& firm, double output) {
  Dataset d = enterprise_rows({firm});
  d.monthly = {monthly(kUsccA, {2021, 4}, output), monthly(kUsccB, {2021, 4}, output)};
  return d;
}

TEST_F(DatabaseApply, RevisionsFilterByUsccAndKindOldestFirst) {
  Enterprise firm{kUsccA, "甲公司", "13", "13", "410302", "", {}, false};
  apply_ok({{"e1.csv", firm_and_months(firm, 1)}});
  firm.name = "甲公司（新）";
  apply_ok({{"e2.csv", firm_and_months(firm, 2)}});
  apply_ok({{"e3.csv", monthly_rows({monthly(kUsccA, {2021, 4}, 3)})}});

  std::vector<Revision> of_a = revisions_ok({kUsccA, std::nullopt});
  ASSERT_EQ(of_a.size(), 3u);
  EXPECT_EQ(of_a[0].kind, "enterprise");
  EXPECT_EQ(of_a[1].source, "e2.csv");
  EXPECT_EQ(of_a[2].source, "e3.csv");
  EXPECT_LT(of_a[0].id, of_a[1].id);
  EXPECT_LT(of_a[1].id, of_a[2].id);
  EXPECT_EQ(json::parse(of_a[2].old_value)["output"], 2.0);

  std::vector<Revision> monthly_of_a = revisions_ok({kUsccA, "monthly"});
  ASSERT_EQ(monthly_of_a.size(), 2u);
  EXPECT_EQ(monthly_of_a[0].source, "e2.csv");

  EXPECT_EQ(revisions_ok({std::nullopt, "monthly"}).size(), 3u);
  EXPECT_EQ(revisions_ok({}).size(), 4u);
  EXPECT_TRUE(revisions_ok({"nobody", std::nullopt}).empty());
  EXPECT_TRUE(revisions_ok({std::nullopt, "deflator"}).empty());
}

TEST_F(DatabaseApply, SameKeyTwiceInOneApplyIsInsertThenReplace) {
  ApplySummary summary = apply_ok({{"first.csv", monthly_rows({monthly(kUsccA, {2021, 4}, 1)})},
                                   {"second.csv", monthly_rows({monthly(kUsccA, {2021, 4}, 2)})}});
  EXPECT_EQ(summary.inserted, 1);
  EXPECT_EQ(summary.replaced, 1);
  std::vector<Revision> found = revisions_ok({});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].source, "second.csv");
  EXPECT_EQ(load_ok().monthly[0].output, 2);
}

TEST_F(DatabaseApply, SameKeyTwiceInOneBatchIsInsertThenReplace) {
  // Months are stored as year blocks: two rows of one month in one enterprise-year group.
  ApplySummary summary = apply_ok(
      {{"twice.csv", monthly_rows({monthly(kUsccA, {2021, 4}, 1), monthly(kUsccA, {2021, 5}, 3),
                                   monthly(kUsccA, {2021, 4}, 2)})}});
  EXPECT_EQ(summary.inserted, 2);
  EXPECT_EQ(summary.replaced, 1);
  std::vector<Revision> found = revisions_ok({});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].key, std::string(kUsccA) + "|2021-04");
  EXPECT_EQ(json::parse(found[0].old_value)["output"], 1);
  std::vector<MonthlyRecord> stored = load_ok().monthly;
  ASSERT_EQ(stored.size(), 2u);
  EXPECT_EQ(stored[0].output, 2);
  EXPECT_EQ(stored[1].output, 3);
}

TEST_F(DatabaseApply, ALaterMonthJoinsTheStoredYear) {
  apply_ok(
      {{"jan.csv", monthly_rows({monthly(kUsccA, {2021, 1}, 1), monthly(kUsccB, {2021, 1}, 5)})}});
  ApplySummary summary = apply_ok(
      {{"feb.csv", monthly_rows({monthly(kUsccA, {2021, 2}, 2), monthly(kUsccB, {2021, 1}, 5)})}});
  EXPECT_EQ(summary.inserted, 1);
  EXPECT_EQ(summary.unchanged, 1);
  EXPECT_TRUE(revisions_ok({}).empty());
  EXPECT_EQ(load_ok().monthly, (std::vector<MonthlyRecord>{monthly(kUsccA, {2021, 1}, 1),
                                                           monthly(kUsccA, {2021, 2}, 2),
                                                           monthly(kUsccB, {2021, 1}, 5)}));
  EXPECT_EQ(raw_sql(file_.path(), "SELECT count(*) FROM monthly_year"), "2");
}

TEST_F(DatabaseApply, AStoredKeyAmongManyNewOnesIsReplacedAndTheRestInserted) {
  // 100 enterprise-years fill multi-row inserts; one of them is stored with another value.
  std::vector<MonthlyRecord> rows;
  for (int e = 0; e < 100; ++e) {
    std::string uscc = fmt::format("91410300MA44{:04d}{}", e, "X");
    for (int m = 1; m <= 3; ++m) rows.push_back(monthly(uscc.c_str(), {2021, m}, e * 10 + m));
  }
  MonthlyRecord stored = rows[3 * 40 + 1];
  stored.output = -1;
  apply_ok({{"one.csv", monthly_rows({stored})}});
  ApplySummary summary = apply_ok({{"all.csv", monthly_rows(rows)}});
  EXPECT_EQ(summary.inserted, 299);
  EXPECT_EQ(summary.replaced, 1);
  EXPECT_EQ(revisions_ok({}).size(), 1u);
  EXPECT_EQ(load_ok().monthly, rows);  // already in key order
}

// Records what an apply tells it; optionally ends the transaction under the apply's feet, as a
// failed read on the connection can make SQLite do.
class RecordingObserver : public ApplyObserver {
 public:
  RecordingObserver(Database& db, bool end_transaction) : db_(db), end_(end_transaction) {}
  void tables_written(const std::vector<SourcedBatch>&) override {
    calls += "tables;";
    // Through the apply's own connection, inside its transaction.
    enterprises_seen = count("SELECT count(*) FROM enterprise");
    monthly_seen = count("SELECT count(*) FROM monthly");
    if (end_) sqlite3_exec(db_.native_handle(), "ROLLBACK", nullptr, nullptr, nullptr);
  }
  void committed(const ApplySummary&) override { calls += "committed;"; }
  void abandoned() override { calls += "abandoned;"; }

  std::string calls;
  long enterprises_seen = -1;
  long monthly_seen = -1;

 private:
  long count(const char* sql) {
    long n = -1;
    auto first = [](void* out, int, char** values, char**) {
      *static_cast<long*>(out) = std::stol(values[0]);
      return 0;
    };
    sqlite3_exec(db_.native_handle(), sql, first, &n, nullptr);
    return n;
  }

  Database& db_;
  bool end_;
};

TEST_F(DatabaseApply, AnObserverSeesTheTablesBeforeTheMonthlyRowsThenTheCommit) {
  Dataset rows = every_kind();
  RecordingObserver observer(*db_, false);
  ASSERT_TRUE(db_->apply({{"all.csv", rows}}, ApplyProgress(), &observer).has_value());
  EXPECT_EQ(observer.calls, "tables;committed;");
  EXPECT_EQ(observer.enterprises_seen, static_cast<long>(rows.enterprises.size()));
  EXPECT_EQ(observer.monthly_seen, 0);
  EXPECT_EQ(load_ok().monthly.size(), rows.monthly.size());
}

TEST_F(DatabaseApply, ATransactionEndedUnderTheApplyFailsItAndStoresNothing) {
  RecordingObserver observer(*db_, true);
  Result<ApplySummary> failed = db_->apply({{"all.csv", every_kind()}}, ApplyProgress(), &observer);
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), StatusCode::kIoError);
  EXPECT_EQ(observer.calls, "tables;abandoned;");
  Dataset stored = load_ok();
  EXPECT_TRUE(stored.monthly.empty());
  EXPECT_TRUE(stored.enterprises.empty());
  EXPECT_EQ(raw_sql(file_.path(), "SELECT count(*) FROM import_batch"), "0");
}

TEST_F(DatabaseApply, RecordsEachImportBatch) {
  ApplySummary first = apply_ok(
      {{"a.csv", chain_rows({{"c1", "x"}})}, {"b.csv", chain_rows({{"c1", "y"}, {"c2", "z"}})}});
  ApplySummary second = apply_ok({});
  EXPECT_EQ(second.import_id, first.import_id + 1);
  db_.reset();
  std::string where = " FROM import_batch WHERE id = " + std::to_string(first.import_id);
  EXPECT_EQ(raw_sql(file_.path(), "SELECT sources" + where), R"(["a.csv","b.csv"])");
  EXPECT_EQ(raw_sql(file_.path(), "SELECT counts" + where),
            R"({"inserted":2,"replaced":1,"unchanged":0})");
  EXPECT_EQ(raw_sql(file_.path(), "SELECT count(*) FROM import_batch"), "2");
}

TEST_F(DatabaseApply, AFailingBatchLeavesTheDatabaseAsBefore) {
  apply_ok({{"all.csv", every_kind()}});
  Dataset before = load_ok();
  std::vector<Revision> revisions_before = revisions_ok({});

  Dataset good = every_kind();
  good.monthly[0].output = 1;  // a replacement, with a revision, before the failure
  good.chains.push_back({"c3", "新链"});
  Dataset bad;
  bad.va_ratios.push_back({"13", 2022, 1.5});  // the schema refuses ratios above 1
  Result<ApplySummary> failed = db_->apply({{"good.csv", good}, {"bad.csv", bad}});
  ASSERT_FALSE(failed.has_value());
  EXPECT_EQ(failed.error().code(), StatusCode::kIoError);
  EXPECT_NE(failed.error().message().find("bad.csv"), std::string::npos)
      << failed.error().message();

  EXPECT_EQ(load_ok(), before);
  EXPECT_EQ(revisions_ok({}).size(), revisions_before.size());
  // The connection is usable again and the failed import left no import_batch row.
  ApplySummary next = apply_ok({{"c.csv", chain_rows({{"c3", "新链"}})}});
  EXPECT_EQ(next.inserted, 1);
  db_.reset();
  EXPECT_EQ(raw_sql(file_.path(), "SELECT count(*) FROM import_batch"), "2");
}

}  // namespace
}  // namespace zhizao
