#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "quality/quality_report.h"
#include "store/audit_log.h"
#include "store/quality_verifications.h"

namespace zhizao {
namespace {

class VerificationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("quality_verification_" + std::to_string(::getpid()) + ".db");
    std::filesystem::remove(path_);
    auto opened = Database::open(path_.string(), OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened);
    db_ = std::move(*opened);
  }
  void TearDown() override {
    db_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::filesystem::remove(path_.string() + suffix);
    }
  }

  std::filesystem::path path_;
  std::unique_ptr<Database> db_;
};

QualityFinding finding(std::vector<YearMonth> months) {
  QualityFinding f;
  f.uscc = "U1";
  f.check = "copied_last_year";
  f.months = std::move(months);
  return f;
}

TEST_F(VerificationTest, VerifiedMonthsAreKeptAndAudited) {
  QualityVerificationStore store(*db_);
  ASSERT_TRUE(store
                  .verify("U1", "copied_last_year", {{2021, 3}, {2021, 4}}, "wang",
                          "the plant was shut; figures confirmed", "cli")
                  .is_ok());
  Result<std::vector<QualityVerification>> listed = store.list({2021, 1}, {2021, 4});
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->size(), 2u);
  EXPECT_EQ((*listed)[0].month, (YearMonth{2021, 3}));
  EXPECT_EQ((*listed)[1].verified_by, "wang");
  EXPECT_TRUE(store.list({2021, 5}, {2021, 12})->empty());

  Result<std::vector<AuditEntry>> audit = AuditLog(*db_).list({});
  ASSERT_TRUE(audit);
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "quality.verify");
  EXPECT_EQ((*audit)[0].target, "U1|copied_last_year");
  EXPECT_EQ(nlohmann::json::parse((*audit)[0].detail)["months"][1], "2021-04");
}

TEST_F(VerificationTest, RefusesEmptyNotesAndNoMonths) {
  QualityVerificationStore store(*db_);
  EXPECT_EQ(store.verify("U1", "copied_last_year", {{2021, 3}}, "wang", "", "cli").code(),
            StatusCode::kInvalidData);
  EXPECT_EQ(store.verify("U1", "copied_last_year", {}, "wang", "note", "cli").code(),
            StatusCode::kInvalidData);
  EXPECT_TRUE(AuditLog(*db_).list({})->empty());
}

TEST_F(VerificationTest, AFindingIsVerifiedOnlyWhenAllItsMonthsAre) {
  QualityVerificationStore store(*db_);
  ASSERT_TRUE(store.verify("U1", "copied_last_year", {{2021, 3}}, "wang", "ok", "cli").is_ok());
  std::vector<QualityFinding> findings = {finding({{2021, 3}}), finding({{2021, 3}, {2021, 4}})};
  findings.push_back(finding({{2021, 3}}));
  findings.back().check = "constant_series";  // another check of the same month stays open
  apply_verifications(findings, *store.list({2021, 1}, {2021, 4}));
  EXPECT_EQ(findings[0].status, QualityStatus::kVerified);
  EXPECT_EQ(findings[0].note, "ok");
  EXPECT_EQ(findings[1].status, QualityStatus::kOpen);
  EXPECT_EQ(findings[2].status, QualityStatus::kOpen);

  QualityReport report{{2021, 4}, "", findings};
  nlohmann::json json = quality_report_to_json(report, QualityJsonDetail::kContract);
  EXPECT_EQ(json["period"], "2021-04");
  EXPECT_EQ(json["findings"][0]["status"], "verified");
  EXPECT_EQ(json["findings"][0]["verified_by"], "wang");
  EXPECT_EQ(json["findings"][1]["status"], "open");
  EXPECT_FALSE(json["findings"][1].contains("note"));
  EXPECT_EQ(json["findings"][1]["months"][1], "2021-04");
}

}  // namespace
}  // namespace zhizao
