// load_rule_set reads the rules file within kRulesFileMaxBytes (base/bounded_file.h,
// docs/security.md "Bounds"): at the bound it is parsed, one byte over it is refused unparsed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/bounded_file.h"
#include "rules/rule_set.h"

namespace zhizao {
namespace {

// A TOML file of exactly `size` bytes: `body` (the shipped rules), then a comment that fills it.
std::string padded_file(const std::string& name, const std::string& body, std::size_t size) {
  std::string path =
      (std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".toml"))
          .string();
  std::ofstream(path, std::ios::binary)
      << body << "#" << std::string(size - body.size() - 2, 'x') << "\n";
  return path;
}

TEST(RulesFileBound, AFileAtTheBoundIsReadAndOneByteMoreIsRefused) {
  std::string at = padded_file("rules-at", std::string(default_rules_text()), kRulesFileMaxBytes);
  ASSERT_EQ(std::filesystem::file_size(at), kRulesFileMaxBytes);
  Result<RuleSet> read = load_rule_set(at);
  EXPECT_TRUE(read.has_value()) << read.error().message();
  std::string over = padded_file("rules-over", "", kRulesFileMaxBytes + 1);
  Result<RuleSet> refused = load_rule_set(over);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(refused.error().message(),
            over + ": the rules file is larger than 1048576 bytes, the bound for it");
  EXPECT_EQ(load_rule_set("/dev/zero").error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(load_rule_set("/nonexistent/rules.toml").error().code(), StatusCode::kNotFound);
  std::filesystem::remove(at);
  std::filesystem::remove(over);
}

}  // namespace
}  // namespace zhizao
