#include "quality/quality_thresholds.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/bounded_file.h"

namespace zhizao {
namespace {

TEST(QualityThresholds, EmptyFileKeepsTheDefaults) {
  Result<QualityThresholds> parsed = parse_quality_thresholds("", "q.toml");
  ASSERT_TRUE(parsed);
  EXPECT_DOUBLE_EQ(parsed->jump_factor, 3);
  EXPECT_DOUBLE_EQ(parsed->ratio_robust_z, 3.5);
}

TEST(QualityThresholds, OverridesNamedThresholds) {
  Result<QualityThresholds> parsed = parse_quality_thresholds(
      "[unexplained_jump]\nfactor = 4\nhistory = 8\n[digits]\nalpha = 0.0001\n", "q.toml");
  ASSERT_TRUE(parsed) << parsed.error().message();
  EXPECT_DOUBLE_EQ(parsed->jump_factor, 4);
  EXPECT_EQ(parsed->jump_history, 8);
  EXPECT_DOUBLE_EQ(parsed->digit_alpha, 0.0001);
  EXPECT_DOUBLE_EQ(parsed->divergence_band, 1.5);
}

TEST(QualityThresholds, RefusesUnknownKeysAndBadValues) {
  Result<QualityThresholds> parsed = parse_quality_thresholds(
      "[unexplained_jump]\nfactr = 4\n[constant_series]\nmin_months = 2.5\n[nothing]\nx = 1\n",
      "q.toml");
  ASSERT_FALSE(parsed);
  EXPECT_EQ(parsed.error().code(), StatusCode::kInvalidData);
  const std::string& message = parsed.error().message();
  EXPECT_NE(message.find("q.toml:2: unknown key \"factr\""), std::string::npos) << message;
  EXPECT_NE(message.find("q.toml:4: constant_series.min_months must be a whole number"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("q.toml:5: unknown table \"nothing\""), std::string::npos) << message;
}

TEST(QualityThresholds, RefusesSyntaxErrorsAndMissingFiles) {
  EXPECT_EQ(parse_quality_thresholds("[digits\n", "q.toml").error().code(),
            StatusCode::kInvalidData);
  EXPECT_EQ(parse_quality_thresholds("[digits]\nalpha = 2\n", "q.toml").error().code(),
            StatusCode::kInvalidData);
  EXPECT_EQ(load_quality_thresholds("/nonexistent/q.toml").error().code(), StatusCode::kNotFound);
}

// The file is read within kRulesFileMaxBytes (base/bounded_file.h, docs/security.md "Bounds").
TEST(QualityThresholds, TheFileIsReadWithinItsBound) {
  std::string path = (std::filesystem::temp_directory_path() /
                      ("quality-bound-" + std::to_string(::getpid()) + ".toml"))
                         .string();
  std::string body = "[unexplained_jump]\nfactor = 4\n#";
  std::ofstream(path, std::ios::binary)
      << body << std::string(kRulesFileMaxBytes - body.size() - 1, 'x') << "\n";
  Result<QualityThresholds> at = load_quality_thresholds(path);
  ASSERT_TRUE(at.has_value()) << at.error().message();
  EXPECT_EQ(at->jump_factor, 4);
  std::ofstream(path, std::ios::app) << "\n";
  Result<QualityThresholds> over = load_quality_thresholds(path);
  ASSERT_FALSE(over.has_value());
  EXPECT_EQ(over.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(over.error().message(),
            path + ": the quality rules file is larger than 1048576 bytes, the bound for it");
  EXPECT_EQ(load_quality_thresholds("/dev/zero").error().code(), StatusCode::kInvalidData);
  std::filesystem::remove(path);
}

}  // namespace
}  // namespace zhizao
