// Parsing of warning rules files: the defaults, a hand-written file, and bad files refused with
// every fault at its line (kUsage: exit 1).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "warnings/warning_kinds.h"
#include "warnings/warning_rules.h"

namespace zhizao {
namespace {

std::string error_of(std::string_view text) {
  Result<WarningRules> parsed = parse_warning_rules(text, "w.toml");
  EXPECT_FALSE(parsed.has_value());
  if (parsed) return "";
  EXPECT_EQ(parsed.error().code(), StatusCode::kUsage);
  return parsed.error().message();
}

TEST(WarningRulesTest, DefaultsParseAndCoverEveryLevelAndKind) {
  Result<WarningRules> parsed = parse_warning_rules(default_warnings_text(), "default");
  ASSERT_TRUE(parsed) << parsed.error().message();
  std::set<WarningLevel> levels;
  std::set<WarningKind> kinds;
  for (const WarningRule& rule : parsed->rules) {
    levels.insert(rule.level);
    kinds.insert(rule.kind);
  }
  EXPECT_EQ(levels.size(), 4u);
  EXPECT_EQ(kinds.size(), detail::warning_kind_specs().size());  // every kind
  EXPECT_EQ(default_warning_rules()->rules.size(), parsed->rules.size());
}

TEST(WarningRulesTest, ReadsARuleWithItsParametersAndDefaults) {
  Result<WarningRules> parsed = parse_warning_rules(R"(version = 1
[[warning]]
id = "falling"
level = "orange"
kind = "output_falling"
months = 3
reason_zh = "{name}连续{months}个月下降，{growth_change}"
)",
                                                    "w.toml");
  ASSERT_TRUE(parsed) << parsed.error().message();
  ASSERT_EQ(parsed->rules.size(), 1u);
  const WarningRule& rule = parsed->rules[0];
  EXPECT_EQ(rule.id, "falling");
  EXPECT_EQ(rule.level, WarningLevel::kOrange);
  EXPECT_EQ(rule.kind, WarningKind::kOutputFalling);
  EXPECT_EQ(rule.subject, "enterprise");
  EXPECT_EQ(rule.parameter("months"), 3);
  EXPECT_EQ(rule.parameter("below"), 0);      // default
  EXPECT_EQ(rule.parameter("key_only"), 0);   // default false
  EXPECT_EQ(rule.reason_en, rule.reason_zh);  // reason_en defaults to the Chinese text
  EXPECT_EQ(rule.line, 2);
}

TEST(WarningRulesTest, SyntaxErrorGivesItsLine) {
  std::string message = error_of("version = 1\n[[warning]]\nid = \"x\"\nlevel = red\n");
  EXPECT_EQ(message.rfind("w.toml:4: ", 0), 0u) << message;
}

TEST(WarningRulesTest, EveryFaultAtItsLine) {
  std::string message = error_of(R"(version = 1
[[warning]]
id = "a"
level = "purple"
kind = "output_falling"
months = 3
reason_zh = "x"

[[warning]]
id = "b"
level = "red"
kind = "no_such_kind"
reason_zh = "x"

[[warning]]
id = "c"
level = "red"
kind = "negative_pull"
subject = "project"
beyond = -1
colour = "x"
reason_zh = "{name}{nonsense}"
)");
  EXPECT_NE(message.find("w.toml:4: warning a: level must be"), std::string::npos) << message;
  EXPECT_NE(message.find("w.toml:12: warning b: unknown kind \"no_such_kind\""), std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:19: warning c: kind negative_pull applies to division, region"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:20: warning c: \"beyond\" must be at least 0"), std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:21: warning c: unknown key \"colour\""), std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:22: warning c: unknown placeholder {nonsense}"), std::string::npos)
      << message;
}

TEST(WarningRulesTest, MissingParameterAndKeysAreFaults) {
  std::string message = error_of(R"([[warning]]
id = "a"
level = "red"
kind = "output_falling"
reason_zh = "x"

[[warning]]
level = "red"
kind = "project_lagging"
days = 3
)");
  EXPECT_NE(message.find("w.toml:1: warning a: kind output_falling needs \"months\""),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:7: warning: missing key \"id\""), std::string::npos) << message;
  EXPECT_NE(message.find("w.toml:7: warning: missing key \"reason_zh\""), std::string::npos)
      << message;
}

TEST(WarningRulesTest, WrongTypesAndDuplicateIds) {
  std::string message = error_of(R"([[warning]]
id = "a"
level = "red"
kind = "output_falling"
months = 2.5
key_only = 1
reason_zh = "x"

[[warning]]
id = "b"
level = "red"
kind = "project_lagging"
days = 30
reason_zh = "x"

[[warning]]
id = "b"
level = "blue"
kind = "project_lagging"
days = 10
reason_zh = "x"
)");
  EXPECT_NE(message.find("w.toml:5: warning a: \"months\" must be a whole number"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:6: warning a: \"key_only\" must be true or false"),
            std::string::npos)
      << message;
  EXPECT_NE(message.find("w.toml:16: warning b: duplicate id"), std::string::npos) << message;
}

TEST(WarningRulesTest, FileLevelFaults) {
  EXPECT_EQ(error_of("version = 1\n"), "w.toml:1: no rules: expected [[warning]] tables");
  EXPECT_NE(error_of("version = 2\n[[rule]]\nid = \"x\"\n").find("w.toml:1: version must be 1"),
            std::string::npos);
  EXPECT_NE(error_of("version = 1\n[[rule]]\nid = \"x\"\n").find("w.toml:2: unknown key \"rule\""),
            std::string::npos);
  EXPECT_NE(error_of("warning = 3\n").find("w.toml:1: \"warning\" must be written as [[warning]]"),
            std::string::npos);
  EXPECT_NE(error_of("[[warning]]\nid = \"Bad-Id\"\nlevel = \"red\"\nkind = \"target_pace\"\n"
                     "reason_zh = \"x\"\n")
                .find("w.toml:2: warning id \"Bad-Id\" must be lower-case"),
            std::string::npos);
}

TEST(WarningRulesTest, UnreadableFileIsNotFound) {
  Result<WarningRules> loaded = load_warning_rules("/nonexistent/warnings.toml");
  ASSERT_FALSE(loaded);
  EXPECT_EQ(loaded.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(loaded.error().message(), "cannot read warning rules file: /nonexistent/warnings.toml");
}

TEST(WarningRulesTest, InstalledRulesReplaceTheDefaultsUntilReset) {
  auto mine = std::make_shared<const WarningRules>(WarningRules{"mine", {}});
  install_warning_rules(mine);
  EXPECT_EQ(active_warning_rules()->source, "mine");
  install_warning_rules(nullptr);
  EXPECT_EQ(active_warning_rules()->source, "default");
}

}  // namespace
}  // namespace zhizao
