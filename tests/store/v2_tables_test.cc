// The v2 input tables (products, product output, targets, campaigns, assignments, visits,
// cases) and Project::campaign: stored by Database::apply, loaded back by Database::load, with a
// revision for every replaced value, and the migration that adds them to an older file.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <nlohmann/json.hpp>

#include "store/database.h"
#include "store/migrations.h"
#include "store/temp_database.h"

namespace zhizao {
namespace {

using nlohmann::json;
using testing_support::raw_sql;
using testing_support::TempDatabasePath;

using testing_support::kUsccA;
using testing_support::kUsccB;

// Two rows of each v2 kind, out of key order; the first of each has every optional value.
Dataset v2_rows() {
  Dataset d;
  d.products = {{"P200", "汽车", "辆", "36"}, {"P100", "轴承", "套", ""}};
  d.product_output = {{kUsccB, {2021, 4}, "P200", 12.5, 10.0},
                      {kUsccA, {2021, 4}, "P100", 0, std::nullopt}};
  d.targets = {{"t2", "都市圈百亿企业", TargetIndicator::kManufacturingEnterprisesOver,
                "luoyang-metro", 2025, 30, 1000000.0},
               {"t1", "工业总产值", TargetIndicator::kOutput, "all", 2025, 5e7, std::nullopt}};
  d.campaigns = {{"c2", "百日攻坚", CivilDate{2021, 4, 1}, CivilDate{2021, 7, 9}, 12L, 3L, 50000.5},
                 {"c1", "春季攻坚", CivilDate{2021, 2, 1}, CivilDate{2021, 2, 1}, {}, {}, {}}};
  d.assignments = {{kUsccB, "张三", "工信局"}, {kUsccA, "李四", "发改委"}};
  d.visits = {{kUsccB, CivilDate{2021, 4, 2}, "张三", "用工紧张, \"急\""},
              {kUsccA, CivilDate{2021, 4, 1}, "李四", ""}};
  d.cases = {
      {"S2", kUsccB, CivilDate{2021, 3, 1}, "用地", "自然资源局", CivilDate{2021, 3, 31},
       CivilDate{2021, 3, 20}, 5},
      {"S1", kUsccA, CivilDate{2021, 3, 5}, "融资", "金融局", CivilDate{2021, 4, 5}, {}, {}}};
  Project project;
  project.id = "X1";
  project.name = "项目";
  project.region = "410302";
  project.total_investment = 100;
  project.campaign = "c2";
  d.projects = {project};
  return d;
}

// Rows shaped like v2_rows() as load() returns them: each kind in key order.
Dataset in_key_order(Dataset d) {
  std::swap(d.products[0], d.products[1]);
  std::swap(d.product_output[0], d.product_output[1]);
  std::swap(d.targets[0], d.targets[1]);
  std::swap(d.campaigns[0], d.campaigns[1]);
  std::swap(d.assignments[0], d.assignments[1]);
  std::swap(d.visits[0], d.visits[1]);
  std::swap(d.cases[0], d.cases[1]);
  return d;
}

Dataset v2_rows_sorted() { return in_key_order(v2_rows()); }

class V2Tables : public ::testing::Test {
 protected:
  void SetUp() override { open(); }
  void open() {
    db_.reset();
    auto opened = Database::open(file_.path(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
    db_ = std::move(*opened);
  }
  ApplySummary apply_ok(const Dataset& rows, const std::string& source) {
    Result<ApplySummary> summary = db_->apply({{source, rows}});
    EXPECT_TRUE(summary.has_value()) << summary.error().to_string();
    return summary.value_or(ApplySummary{});
  }
  // The loaded tables this test is about (the default region group left out).
  Dataset load_v2() {
    Result<Dataset> loaded = db_->load();
    EXPECT_TRUE(loaded.has_value()) << loaded.error().to_string();
    Dataset d = loaded.value_or(Dataset{});
    d.region_groups.clear();
    return d;
  }
  std::vector<Revision> revisions_of(const std::string& kind) {
    auto found = db_->revisions({std::nullopt, kind});
    EXPECT_TRUE(found.has_value());
    return found.value_or(std::vector<Revision>{});
  }

  TempDatabasePath file_;
  std::unique_ptr<Database> db_;
};

TEST_F(V2Tables, RoundTripEveryKindInKeyOrder) {
  ApplySummary summary = apply_ok(v2_rows(), "v2.csv");
  EXPECT_EQ(summary.inserted, 15);
  Dataset loaded = load_v2();
  EXPECT_EQ(loaded, v2_rows_sorted());
  EXPECT_EQ(loaded.projects[0].campaign, "c2");
  EXPECT_EQ(loaded.campaigns[1].planned_starts, std::optional<long>(12));
  EXPECT_EQ(loaded.cases[0].resolved, std::nullopt);
  EXPECT_EQ(loaded.cases[1].rating, std::optional<int>(5));
  EXPECT_EQ(loaded.targets[1].indicator, TargetIndicator::kManufacturingEnterprisesOver);
}

TEST_F(V2Tables, SameRowsAgainAreUnchanged) {
  apply_ok(v2_rows(), "v2.csv");
  ApplySummary again = apply_ok(v2_rows(), "v2_again.csv");
  EXPECT_EQ(again.inserted, 0);
  EXPECT_EQ(again.replaced, 0);
  EXPECT_EQ(again.unchanged, 15);
  auto all = db_->revisions({});
  ASSERT_TRUE(all.has_value());
  EXPECT_TRUE(all->empty());
}

TEST_F(V2Tables, EveryReplacedValueWritesARevision) {
  apply_ok(v2_rows(), "v2.csv");
  Dataset changed = v2_rows();
  changed.products[0].unit = "万辆";
  changed.product_output[0].quantity = 13;
  changed.targets[0].threshold = 500000.0;
  changed.campaigns[0].to = CivilDate{2021, 7, 10};
  changed.visits[0].findings = "已解决";
  changed.cases[1].resolved = CivilDate{2021, 4, 1};
  changed.cases[1].rating = 4;
  changed.projects[0].campaign = "c1";
  ApplySummary summary = apply_ok(changed, "fix.csv");
  EXPECT_EQ(summary.replaced, 7);
  EXPECT_EQ(summary.unchanged, 8);  // incl. both assignments: their key is their whole value

  std::vector<Revision> output = revisions_of("product_output");
  ASSERT_EQ(output.size(), 1u);
  EXPECT_EQ(output[0].key, std::string(kUsccB) + "|2021-04|P200");
  EXPECT_EQ(output[0].uscc, kUsccB);
  EXPECT_EQ(output[0].source, "fix.csv");
  EXPECT_EQ(json::parse(output[0].old_value), json({{"uscc", kUsccB},
                                                    {"period", "2021-04"},
                                                    {"product", "P200"},
                                                    {"quantity", 12.5},
                                                    {"quantity_prev", 10.0}}));
  EXPECT_EQ(json::parse(output[0].new_value)["quantity"], 13.0);

  std::vector<Revision> cases = revisions_of("case");
  ASSERT_EQ(cases.size(), 1u);
  EXPECT_EQ(cases[0].key, "S1");
  EXPECT_EQ(cases[0].uscc, kUsccA);
  EXPECT_EQ(json::parse(cases[0].old_value)["resolved"], nullptr);
  EXPECT_EQ(json::parse(cases[0].new_value)["resolved"], "2021-04-01");
  EXPECT_EQ(json::parse(cases[0].new_value)["rating"], 4);

  std::vector<Revision> targets = revisions_of("target");
  ASSERT_EQ(targets.size(), 1u);
  EXPECT_EQ(json::parse(targets[0].old_value)["indicator"], "manufacturing_enterprises_over");
  EXPECT_EQ(json::parse(targets[0].new_value)["threshold"], 500000.0);

  std::vector<Revision> visits = revisions_of("visit");
  ASSERT_EQ(visits.size(), 1u);
  EXPECT_EQ(visits[0].key, std::string(kUsccB) + "|2021-04-02|张三");
  EXPECT_EQ(revisions_of("product").size(), 1u);
  EXPECT_EQ(json::parse(revisions_of("campaign").at(0).new_value)["to"], "2021-07-10");
  EXPECT_EQ(json::parse(revisions_of("project").at(0).old_value)["campaign"], "c2");
  EXPECT_TRUE(revisions_of("assignment").empty());

  Dataset loaded = load_v2();
  EXPECT_EQ(loaded, in_key_order(changed));
  EXPECT_EQ(loaded.products[1].unit, "万辆");
  EXPECT_EQ(loaded.cases[0].rating, std::optional<int>(4));
  EXPECT_EQ(loaded.projects[0].campaign, "c1");
}

TEST_F(V2Tables, ARowTheSchemaRefusesStoresNothing) {
  Dataset rows = v2_rows();
  rows.cases[0].rating = 6;  // the importer refuses it; the schema's CHECK is the last guard
  Result<ApplySummary> refused = db_->apply({{"bad.csv", rows}});
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(load_v2(), Dataset{});
}

// A file of schema 5 (before the v2 inputs), made by running the first five migrations through
// a raw connection, with one v1 project stored.
void write_schema_5_file(const std::string& path) {
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(path.c_str(), &raw), SQLITE_OK);
  for (size_t i = 0; i < 5; ++i) {
    const detail::Migration& migration = detail::migrations()[i];
    ASSERT_EQ(sqlite3_exec(raw, migration.sql, nullptr, nullptr, nullptr), SQLITE_OK) << i;
    if (migration.step != nullptr) {
      ASSERT_TRUE(migration.step(raw).is_ok()) << i;
    }
  }
  std::string stamp = "PRAGMA application_id = " + std::to_string(detail::kApplicationId) +
                      "; PRAGMA user_version = 5; "
                      "INSERT INTO project (id, name, region, total_investment, industry, chain, "
                      "park) VALUES ('OLD', '旧项目', '410302', 5.0, '', '', '')";
  ASSERT_EQ(sqlite3_exec(raw, stamp.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(raw);
}

TEST(V2TablesMigration, AddsTheTablesToAnOlderFile) {
  TempDatabasePath file;
  write_schema_5_file(file.path());
  auto opened = Database::open(file.path(), OpenMode::kMustExist);
  ASSERT_TRUE(opened.has_value()) << opened.error().to_string();
  EXPECT_EQ(raw_sql(file.path(), "PRAGMA user_version"),
            std::to_string(Database::schema_version()));
  Result<Dataset> loaded = (*opened)->load();
  ASSERT_TRUE(loaded.has_value()) << loaded.error().to_string();
  ASSERT_EQ(loaded->projects.size(), 1u);
  EXPECT_EQ(loaded->projects[0].id, "OLD");
  EXPECT_EQ(loaded->projects[0].campaign, "");
  EXPECT_TRUE(loaded->products.empty());
  ASSERT_TRUE((*opened)->apply({{"v2.csv", v2_rows()}}).has_value());
  Result<Dataset> after = (*opened)->load();
  ASSERT_TRUE(after.has_value());
  EXPECT_EQ(after->products, v2_rows_sorted().products);
  EXPECT_EQ(after->cases, v2_rows_sorted().cases);
}

}  // namespace
}  // namespace zhizao
