// zhizao backup and restore carry the proof files of hazard rectifications (docs/safety.md
// "Proof files", safety/proof_backup.h): backup, delete the database and its folder, restore,
// and the proof reads again (as GET /api/safety/hazards/ID/proof reads it: ProofFolder::read)
// with the same SHA-256; a damaged proof in a backup refuses the restore and leaves the database;
// a proof missing from the source is a warning, not a refusal.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/cli_harness.h"
#include "safety/proof_backup.h"
#include "safety/safety_fixture.h"
#include "safety/safety_revisions.h"
#include "safety/safety_store.h"
#include "store/database.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;
using testing_support::code;
using testing_support::day;

// A minimal PNG: its 8-byte signature, then anything (only the first bytes type a proof).
std::string png_bytes(char filler) { return std::string("\x89PNG\r\n\x1a\n", 8) + "IHDR" + filler; }

class BackupProofCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("backup_proof");
    db_ = (dir_ / "city.db").string();
    auto opened = Database::open(db_, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value()) << opened.error().message();
    std::unique_ptr<Database> db = std::move(*opened);
    ASSERT_TRUE(db->apply({SourcedBatch{"enterprises.csv", testing_support::safety_enterprises()}})
                    .has_value());
    SafetyRegister base;
    base.plans = {{"P1", "汛期", "尾矿库", {"08", "09"}, "", day(2021, 6, 1), day(2021, 9, 30)}};
    base.checks = {{"c1", "P1", code('A'), day(2021, 6, 5), "甲", ""}};
    ASSERT_TRUE(store_safety_records(*db, base).has_value());
    // Two hazards rectified with a proof each, as POST .../proof registers them.
    for (int n = 0; n < 2; ++n) {
      const std::string bytes = png_bytes(static_cast<char>('a' + n));
      const std::string name = proof_file_name(bytes, ProofType::kPng);
      ASSERT_TRUE(ProofFolder(ProofFolder::default_path(db_)).store(name, bytes).is_ok());
      Hazard hazard{"h" + std::to_string(n),   "c1",
                    HazardLevel::kMajor,       "坝体裂缝",
                    day(2021, 6, 5),           day(2021, 7, 5),
                    day(2021, 6, 20),          {},
                    ReinspectionResult::kNone, name};
      SafetyChangeNote note{
          "ent", "proof", "",
          AuditEntry{0, "", "ent", "127.0.0.1", "safety.proof", hazard.id, "{}"},
          SafetyProofRecord{name, "image/png", static_cast<long>(bytes.size()), "ent"}};
      ASSERT_EQ(write_safety_change(*db, std::nullopt, hazard, note).value(), 1);
      proofs_.emplace_back(name, bytes);
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string proof_folder() const { return ProofFolder::default_path(db_); }

  fs::path dir_;
  std::string db_;
  std::vector<std::pair<std::string, std::string>> proofs_;  // name, bytes
};

TEST_F(BackupProofCliTest, RestoreServesTheSameProofAgain) {
  const std::string backup = (dir_ / "city-backup.db").string();
  RunResult made = run_zhizao({"backup", "--db", db_, backup});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.out.find("proof files: 2 of 2 copied to " + backup + ".files"), std::string::npos)
      << made.out;
  EXPECT_TRUE(fs::exists(fs::path(backup + ".files") / proofs_[0].first));

  fs::remove(db_);
  fs::remove_all(proof_folder());
  RunResult restored = run_zhizao({"restore", "--db", db_, backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_NE(restored.out.find("proof files: 2 of 2 restored to " + proof_folder()),
            std::string::npos)
      << restored.out;
  for (const auto& [name, bytes] : proofs_) {
    Result<std::string> served = ProofFolder(proof_folder()).read(name);
    ASSERT_TRUE(served.has_value()) << served.error().message();
    EXPECT_EQ(*served, bytes);
    EXPECT_EQ(sha256_hex(*served) + ".png", name);
  }
}

TEST_F(BackupProofCliTest, RestoreToAnotherProofFolder) {
  const std::string backup = (dir_ / "b.db").string();
  const std::string elsewhere = (dir_ / "proofs").string();
  ASSERT_EQ(run_zhizao({"backup", "--db", db_, backup, "-q"}).exit_code, 0);
  RunResult restored = run_zhizao(
      {"restore", "--db", (dir_ / "new.db").string(), backup, "--proof-dir", elsewhere, "-q"});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_EQ(ProofFolder(elsewhere).read(proofs_[1].first).value(), proofs_[1].second);
}

TEST_F(BackupProofCliTest, ADamagedProofInTheBackupRefusesTheRestore) {
  const std::string backup = (dir_ / "b.db").string();
  ASSERT_EQ(run_zhizao({"backup", "--db", db_, backup, "-q"}).exit_code, 0);
  {
    std::ofstream damaged(fs::path(backup + ".files") / proofs_[0].first,
                          std::ios::binary | std::ios::trunc);
    damaged << png_bytes('z');
  }
  const std::string target = (dir_ / "target.db").string();
  RunResult refused = run_zhizao({"restore", "--db", target, backup});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find("damaged"), std::string::npos) << refused.err;
  EXPECT_NE(refused.err.find(proofs_[0].first), std::string::npos) << refused.err;
  EXPECT_FALSE(fs::exists(target));  // nothing restored
  EXPECT_FALSE(fs::exists(fs::path(ProofFolder::default_path(target)) / proofs_[0].first));
}

TEST_F(BackupProofCliTest, AProofMissingFromTheSourceIsAWarning) {
  fs::remove(fs::path(proof_folder()) / proofs_[1].first);
  const std::string backup = (dir_ / "b.db").string();
  RunResult made = run_zhizao({"backup", "--db", db_, backup});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_NE(made.err.find("warning: 1 proof file(s) registered but not in"), std::string::npos)
      << made.err;
  EXPECT_NE(made.err.find(proofs_[1].first), std::string::npos);
  EXPECT_NE(made.out.find("proof files: 1 of 2 copied"), std::string::npos) << made.out;
  EXPECT_TRUE(fs::exists(backup));
  // The restore says the same of the backup's folder and restores the rest.
  RunResult restored = run_zhizao({"restore", "--db", (dir_ / "r.db").string(), backup});
  ASSERT_EQ(restored.exit_code, 0) << restored.err;
  EXPECT_NE(restored.err.find("registered but not in " + backup + ".files"), std::string::npos)
      << restored.err;
}

TEST_F(BackupProofCliTest, ABackupWithoutProofsPrintsNoProofLine) {
  const std::string plain = (dir_ / "plain.db").string();
  {
    auto opened = Database::open(plain, OpenMode::kCreateIfMissing);
    ASSERT_TRUE(opened.has_value());
  }
  RunResult made = run_zhizao({"backup", "--db", plain, (dir_ / "p.db").string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  EXPECT_EQ(made.out.find("proof files"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir_ / "p.db.files"));
}

}  // namespace
}  // namespace zhizao::testing
