// User names and passwords (accounts/credential_rules.h, issue 19 item 8): the safe set of
// names, passwords without control characters, and names stored before the rule still usable.
#include "accounts/credential_rules.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "accounts/accounts.h"
#include "store/account_store.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;

TEST(UserNameRuleTest, AcceptsLettersDigitsDotUnderscoreDashAndCjk) {
  for (const std::string& name : std::vector<std::string>{
           "li", "张三", "county.admin-2", "a_b", "A9", "x.y.z", "_first", "9", "李.四",
           "欧阳-娜娜", "\xF0\xA0\x80\x80" /* U+20000, Extension B */,
           "\xE3\x90\x80" /* U+3400, Extension A */,
           "\xEF\xA8\x8E" /* U+FA0E, a unified ideograph in the compatibility block */,
           std::string(64, 'a')}) {
    EXPECT_TRUE(check_user_name(name).is_ok()) << name << ": " << check_user_name(name).message();
  }
  std::string sixty_four_han;
  for (int i = 0; i < 64; ++i) sixty_four_han += "汉";
  EXPECT_TRUE(check_user_name(sixty_four_han).is_ok());
}

TEST(UserNameRuleTest, RefusesEverythingElseWithAClearMessage) {
  struct Case {
    std::string name;
    std::string message_part;
  };
  const std::vector<Case> cases = {
      {"", "a user name is required (1 to 64 characters)"},
      {"a/b", "user name \"a/b\": '/' (U+002F) is not allowed"},
      {"..", "user name \"..\" must not begin with '.' or '-'"},
      {".", "must not begin with '.' or '-'"},
      {".hidden", "must not begin with '.' or '-'"},
      {"-rf", "must not begin with '.' or '-'"},
      {"a..b", "user name \"a..b\" must not contain \"..\""},
      {"\u202Eabc", "user name \"<U+202E>abc\": U+202E is not allowed"},
      {"<script>", "user name \"<script>\": '<' (U+003C) is not allowed"},
      {"li si", "' ' (U+0020) is not allowed"},
      {"a:b", "':' (U+003A) is not allowed"},
      {"a\\b", "'\\' (U+005C) is not allowed"},
      {"a%2Fb", "'%' (U+0025) is not allowed"},
      {std::string("a\0b", 3), "user name \"a<U+0000>b\": U+0000 is not allowed"},
      {"tab\there", "U+0009 is not allowed"},
      {"张三\u3000", "U+3000 is not allowed"},   // ideographic space
      {"\uFF41dmin", "U+FF41 is not allowed"},   // full-width Latin ａ
      {"caf\u00E9", "U+00E9 is not allowed"},    // a Latin letter outside ASCII
      {"\u3007", "U+3007 is not allowed"},       // 〇: ideographic, but not a unified ideograph
      {"\u3042", "U+3042 is not allowed"},       // Hiragana
      {"\uAC00", "U+AC00 is not allowed"},       // Hangul
      {"\U0001F600", "U+1F600 is not allowed"},  // an emoji
      {"a\u200Bb", "U+200B is not allowed"},     // zero-width space
      {"\xFF", "a user name must be UTF-8 text"},
      {"\xC0\xAF", "a user name must be UTF-8 text"},  // an overlong '/'
      {std::string(65, 'a'), "has 65 characters: at most 64"},
  };
  for (const Case& c : cases) {
    Status status = check_user_name(c.name);
    EXPECT_EQ(status.code(), StatusCode::kUsage) << c.name;
    EXPECT_NE(status.message().find(c.message_part), std::string::npos)
        << "name " << ::testing::PrintToString(c.name) << ": " << status.message();
    // The message never carries an invisible or control character of the name.
    EXPECT_EQ(status.message().find('\0'), std::string::npos);
    EXPECT_EQ(status.message().find("\u202E"), std::string::npos);
  }
}

TEST(PasswordRuleTest, AcceptsPrintableUtf8Of8To1024Bytes) {
  for (const std::string& password :
       std::vector<std::string>{"correct horse", "12345678", "密码密码密码", "pässwörd",
                                "  spaces  ", std::string(1024, 'p')}) {
    EXPECT_TRUE(check_password(password).is_ok()) << password;
  }
}

TEST(PasswordRuleTest, RefusesControlCharactersBadUtf8AndBadLengths) {
  const std::string controls = "a password must not contain control characters";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {std::string(9, '\0'), controls},
      {"password\n", controls},
      {"pass\tword", controls},
      {"\rpassword", controls},
      {"password\x7F", controls},
      {"password\xC2\x85", controls},  // NEL (U+0085), a C1 control
      {"password\x1B[2J", controls},   // an escape sequence
      {"password\xFF", "a password must be UTF-8 text"},
      {"short", "a password has at least 8 bytes (and at most 1024)"},
      {std::string(1025, 'p'), "a password has at least 8 bytes (and at most 1024)"},
  };
  for (const auto& [password, message] : cases) {
    Status status = check_password(password);
    EXPECT_EQ(status.code(), StatusCode::kUsage) << ::testing::PrintToString(password);
    EXPECT_NE(status.message().find(message), std::string::npos) << status.message();
  }
  // The message never repeats the password.
  EXPECT_EQ(check_password("secret\x01word").message().find("secret"), std::string::npos);
}

class LegacyNamesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ =
        fs::temp_directory_path() /
        ("zhizao_credentials_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
         "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = std::move(Database::open((dir_ / "a.db").string(), OpenMode::kCreateIfMissing).value());
    options_.password_cost = PasswordCost::kMinimal;
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  Accounts accounts() { return Accounts(*db_, options_); }

  fs::path dir_;
  std::unique_ptr<Database> db_;
  AccountOptions options_;
};

TEST_F(LegacyNamesTest, AddUserAndSetPasswordApplyTheRules) {
  Role city = parse_role("city").value();
  Clock::time_point now = Clock::now();
  for (std::string name : {"a/b", "..", "\u202Eabc", "<script>"}) {
    EXPECT_EQ(accounts().add_user(name, city, "secret-pw", now).code(), StatusCode::kUsage) << name;
  }
  EXPECT_EQ(accounts().add_user("nul", city, std::string(9, '\0'), now).code(), StatusCode::kUsage);
  ASSERT_TRUE(accounts().add_user("张三", city, "secret-pw", now).is_ok());
  ASSERT_TRUE(accounts().add_user("county.admin-2", city, "secret-pw", now).is_ok());
  EXPECT_EQ(accounts().set_password("张三", "new\npassword").code(), StatusCode::kUsage);
  EXPECT_TRUE(accounts().set_password("张三", "new password").is_ok());
  auto users = accounts().list_users().value();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].name, "county.admin-2");
  EXPECT_EQ(users[1].name, "张三");
  EXPECT_TRUE(accounts().login("张三", "new password", now).value().has_value());
}

// Databases made before the rule may hold any name: they stay listable, can be disabled and
// enabled, get a new password, lose their sessions, and log in.
TEST_F(LegacyNamesTest, NamesStoredBeforeTheRuleStayUsable) {
  const std::vector<std::string> legacy = {"a/b", "..", "\u202Eabc", "<script>", "li si"};
  for (const std::string& name : legacy) {
    UserRow row;
    row.name = name;
    row.password_hash = hash_password("old password", PasswordCost::kMinimal).value();
    row.role = "city";
    row.created_at = "2024-01-01T00:00:00Z";
    ASSERT_TRUE(AccountStore(*db_).insert_user(row).is_ok()) << name;
  }
  auto users = accounts().list_users().value();
  ASSERT_EQ(users.size(), legacy.size());
  Clock::time_point now = Clock::now();
  for (const std::string& name : legacy) {
    auto grant = accounts().login(name, "old password", now).value();
    ASSERT_TRUE(grant.has_value()) << name;
    EXPECT_TRUE(accounts().set_disabled(name, true).is_ok()) << name;
    EXPECT_FALSE(accounts().authenticate(grant->token, now).value().has_value()) << name;
    EXPECT_TRUE(accounts().set_disabled(name, false).is_ok()) << name;
    EXPECT_TRUE(accounts().set_password(name, "new password").is_ok()) << name;
    EXPECT_TRUE(accounts().login(name, "new password", now).value().has_value()) << name;
    EXPECT_GE(accounts().revoke_sessions(name).value(), 1) << name;
  }
  std::vector<UserInfo> after = accounts().list_users().value();
  for (const UserInfo& user : after) EXPECT_FALSE(user.disabled);
}

}  // namespace
}  // namespace zhizao
