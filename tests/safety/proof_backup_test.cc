// copy_proof_files (safety/proof_backup.h): sound files copied and checked, missing ones listed,
// damaged ones listed on a backup and refused (nothing copied) on a restore.
#include "safety/proof_backup.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace zhizao {
namespace {

namespace fs = std::filesystem;

class ProofBackup : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            ("zhizao_proof_backup_" +
             std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "_" +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }

  std::string put(const ProofFolder& folder, const std::string& bytes) {
    const std::string name = proof_file_name(bytes, ProofType::kPdf);
    EXPECT_TRUE(folder.store(name, bytes).is_ok());
    return name;
  }

  fs::path root_;
};

TEST_F(ProofBackup, CopiesSoundFilesAndListsMissingAndDamaged) {
  const ProofFolder from((root_ / "db.files").string());
  const ProofFolder to((root_ / "backup.db.files").string());
  const std::string sound = put(from, "%PDF-1.4 one");
  const std::string damaged = put(from, "%PDF-1.4 two");
  std::ofstream(fs::path(from.path()) / damaged, std::ios::trunc) << "%PDF-1.4 changed";
  const std::string missing = proof_file_name("%PDF-1.4 three", ProofType::kPdf);

  Result<ProofCopySummary> copied =
      copy_proof_files(from, to, {damaged, missing, sound}, DamagedProof::kReport);
  ASSERT_TRUE(copied.has_value()) << copied.error().message();
  EXPECT_EQ(copied->registered, 3);
  EXPECT_EQ(copied->copied, 1);
  EXPECT_EQ(copied->missing, std::vector<std::string>{missing});
  EXPECT_EQ(copied->damaged, std::vector<std::string>{damaged});
  EXPECT_EQ(to.read(sound).value(), "%PDF-1.4 one");
  EXPECT_FALSE(fs::exists(fs::path(to.path()) / damaged));
}

TEST_F(ProofBackup, ARestoreRefusesADamagedFileAndCopiesNothing) {
  const ProofFolder from((root_ / "backup.db.files").string());
  const ProofFolder to((root_ / "db.files").string());
  const std::string sound = put(from, "%PDF-1.4 one");
  const std::string damaged = put(from, "%PDF-1.4 two");
  std::ofstream(fs::path(from.path()) / damaged, std::ios::trunc) << "%PDF-1.4 changed";

  Result<ProofCopySummary> copied =
      copy_proof_files(from, to, {sound, damaged}, DamagedProof::kRefuse);
  ASSERT_FALSE(copied.has_value());
  EXPECT_EQ(copied.error().code(), StatusCode::kCorruption);
  EXPECT_NE(copied.error().message().find(damaged), std::string::npos);
  EXPECT_FALSE(fs::exists(fs::path(to.path()) / sound));
}

TEST_F(ProofBackup, ANameThatIsNoProofNameCountsAsDamaged) {
  const ProofFolder from((root_ / "a").string());
  const ProofFolder to((root_ / "b").string());
  Result<ProofCopySummary> copied =
      copy_proof_files(from, to, {"../../etc/passwd"}, DamagedProof::kReport);
  ASSERT_TRUE(copied.has_value());
  EXPECT_EQ(copied->damaged, std::vector<std::string>{"../../etc/passwd"});
  EXPECT_EQ(copied->copied, 0);
  EXPECT_FALSE(fs::exists(to.path()));  // nothing to copy: no folder made
}

TEST_F(ProofBackup, NoNamesNoFolder) {
  Result<ProofCopySummary> copied =
      copy_proof_files(ProofFolder((root_ / "a").string()), ProofFolder((root_ / "b").string()), {},
                       DamagedProof::kRefuse);
  ASSERT_TRUE(copied.has_value());
  EXPECT_EQ(copied->registered, 0);
  EXPECT_EQ(backup_proof_folder("/x/city.db"), "/x/city.db.files");
}

}  // namespace
}  // namespace zhizao
