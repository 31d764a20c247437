// load_warning_rules reads the warning rules file within kRulesFileMaxBytes (base/bounded_file.h,
// docs/security.md "Bounds"): at the bound it is parsed, one byte over it is refused unparsed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "base/bounded_file.h"
#include "warnings/warning_rules.h"

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

TEST(WarningRulesFileBound, AFileAtTheBoundIsReadAndOneByteMoreIsRefused) {
  std::string at =
      padded_file("warnings-at", std::string(default_warnings_text()), kRulesFileMaxBytes);
  ASSERT_EQ(std::filesystem::file_size(at), kRulesFileMaxBytes);
  Result<WarningRules> read = load_warning_rules(at);
  EXPECT_TRUE(read.has_value()) << read.error().message();
  std::string over = padded_file("warnings-over", "", kRulesFileMaxBytes + 1);
  Result<WarningRules> refused = load_warning_rules(over);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(refused.error().message(),
            over + ": the warning rules file is larger than 1048576 bytes, the bound for it");
  EXPECT_EQ(load_warning_rules("/dev/zero").error().code(), StatusCode::kInvalidData);
  EXPECT_EQ(load_warning_rules("/nonexistent/rules.toml").error().code(), StatusCode::kNotFound);
  std::filesystem::remove(at);
  std::filesystem::remove(over);
}

}  // namespace
}  // namespace zhizao
