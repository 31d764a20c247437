// Proof files (safety/proof_file.h): the type from the first bytes, the declared type, the size
// bound, the SHA-256 name, and the folder beside the database.
#include "safety/proof_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace zhizao {
namespace {

namespace fs = std::filesystem;

const std::string kPng = std::string("\x89PNG\r\n\x1A\n", 8) + "rest of a png";
const std::string kJpeg = "\xFF\xD8\xFF\xE0rest of a jpeg";
const std::string kPdf = "%PDF-1.7\nrest of a pdf";

TEST(ProofFileTest, TypeFromTheFirstBytes) {
  EXPECT_EQ(sniff_proof_type(kPng), ProofType::kPng);
  EXPECT_EQ(sniff_proof_type(kJpeg), ProofType::kJpeg);
  EXPECT_EQ(sniff_proof_type(kPdf), ProofType::kPdf);
  EXPECT_EQ(sniff_proof_type(""), std::nullopt);
  EXPECT_EQ(sniff_proof_type("%PDF"), std::nullopt);                         // cut short
  EXPECT_EQ(sniff_proof_type(std::string("\x89PNG\r\n", 6)), std::nullopt);  // cut short
  EXPECT_EQ(sniff_proof_type("<html><script>alert(1)</script>"), std::nullopt);
  EXPECT_EQ(sniff_proof_type("GIF89a......"), std::nullopt);
  EXPECT_EQ(sniff_proof_type(" %PDF-1.7"), std::nullopt);  // not at the start
}

TEST(ProofFileTest, DeclaredType) {
  EXPECT_EQ(parse_proof_media_type("application/pdf"), ProofType::kPdf);
  EXPECT_EQ(parse_proof_media_type("Image/PNG; name=x"), ProofType::kPng);
  EXPECT_EQ(parse_proof_media_type("image/jpg"), ProofType::kJpeg);
  EXPECT_EQ(parse_proof_media_type(" image/jpeg "), ProofType::kJpeg);
  EXPECT_EQ(parse_proof_media_type("text/html"), std::nullopt);
  EXPECT_EQ(parse_proof_media_type("application/octet-stream"), std::nullopt);
  EXPECT_EQ(parse_proof_media_type(""), std::nullopt);
  EXPECT_EQ(proof_media_type(ProofType::kJpeg), "image/jpeg");
  EXPECT_EQ(proof_extension(ProofType::kPdf), "pdf");
}

TEST(ProofFileTest, RefusalsInOrder) {
  ProofType type = ProofType::kPdf;
  EXPECT_EQ(check_proof("", "image/png", type), ProofRefusal::kEmpty);
  const std::string large = kPng + std::string(kMaxProofBytes, 'x');
  EXPECT_EQ(check_proof(large, "image/png", type), ProofRefusal::kTooLarge);
  EXPECT_EQ(check_proof("plain text", "image/png", type), ProofRefusal::kUnknownType);
  EXPECT_EQ(check_proof(kPng, "text/html", type), ProofRefusal::kUnknownType);
  EXPECT_EQ(check_proof(kPng, "application/pdf", type), ProofRefusal::kTypeMismatch);
  EXPECT_EQ(check_proof(kPdf, "image/jpeg", type), ProofRefusal::kTypeMismatch);
  EXPECT_EQ(check_proof(kJpeg, "image/jpeg", type), std::nullopt);
  EXPECT_EQ(type, ProofType::kJpeg);
  // Exactly at the bound is accepted.
  const std::string at_bound = kPdf + std::string(kMaxProofBytes - kPdf.size(), 'x');
  EXPECT_EQ(check_proof(at_bound, "application/pdf", type), std::nullopt);
  EXPECT_EQ(type, ProofType::kPdf);
}

TEST(ProofFileTest, NamedBySha256) {
  // FIPS 180-4 example: SHA-256("abc").
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(proof_file_name("abc", ProofType::kPng),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad.png");
  const std::string name = proof_file_name(kPdf, ProofType::kPdf);
  EXPECT_EQ(parse_proof_file_name(name), ProofType::kPdf);
  EXPECT_EQ(parse_proof_file_name(std::string(64, 'a') + ".jpg"), ProofType::kJpeg);
  EXPECT_EQ(parse_proof_file_name(std::string(64, 'A') + ".jpg"), std::nullopt);  // upper case
  EXPECT_EQ(parse_proof_file_name(std::string(63, 'a') + ".jpg"), std::nullopt);
  EXPECT_EQ(parse_proof_file_name(std::string(64, 'a') + ".html"), std::nullopt);
  EXPECT_EQ(parse_proof_file_name(std::string(64, 'a') + ".png/x"), std::nullopt);
  EXPECT_EQ(parse_proof_file_name("../../etc/passwd"), std::nullopt);
  EXPECT_EQ(parse_proof_file_name("整改照片.jpg"), std::nullopt);  // an imported file's name
  EXPECT_EQ(parse_proof_file_name(""), std::nullopt);
}

class ProofFolderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("zhizao_proof_" + std::to_string(::getpid()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(ProofFolderTest, StoresOnceAndReadsBack) {
  EXPECT_EQ(ProofFolder::default_path("/var/lib/zhizao/city.db"), "/var/lib/zhizao/city.db.files");
  const ProofFolder folder((dir_ / "city.db.files").string());
  const std::string name = proof_file_name(kPng, ProofType::kPng);
  ASSERT_TRUE(folder.store(name, kPng).is_ok());
  ASSERT_TRUE(folder.store(name, kPng).is_ok());  // the same bytes again: nothing to do
  Result<std::string> read = folder.read(name);
  ASSERT_TRUE(read) << read.error().to_string();
  EXPECT_EQ(*read, kPng);
  // Only the file itself is left: no temporary file.
  long files = 0;
  for (const auto& entry : fs::directory_iterator(folder.path())) {
    EXPECT_EQ(entry.path().filename().string(), name);
    ++files;
  }
  EXPECT_EQ(files, 1);
  EXPECT_EQ(fs::status(folder.path()).permissions() & fs::perms::others_all, fs::perms::none);
}

TEST_F(ProofFolderTest, RefusesNamesAbsentAndAlteredFiles) {
  const ProofFolder folder(dir_.string());
  EXPECT_EQ(folder.store("../x.png", kPng).code(), StatusCode::kUsage);
  EXPECT_EQ(folder.read("../x.png").error().code(), StatusCode::kUsage);
  const std::string name = proof_file_name(kJpeg, ProofType::kJpeg);
  EXPECT_EQ(folder.read(name).error().code(), StatusCode::kNotFound);
  ASSERT_TRUE(folder.store(name, kJpeg).is_ok());
  std::ofstream(dir_ / name, std::ios::binary | std::ios::trunc) << "changed behind our back";
  EXPECT_EQ(folder.read(name).error().code(), StatusCode::kCorruption);
}

}  // namespace
}  // namespace zhizao
