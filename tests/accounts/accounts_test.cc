#include "accounts/accounts.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "accounts/session_token.h"
#include "store/account_store.h"
#include "store/audit_log.h"

namespace zhizao {
namespace {

namespace fs = std::filesystem;
using std::chrono::hours;
using std::chrono::minutes;

class AccountsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("zhizao_accounts_" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) +
            "_" + ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    db_ = std::move(Database::open((dir_ / "a.db").string(), OpenMode::kCreateIfMissing).value());
    options_.password_cost = PasswordCost::kMinimal;
    options_.max_failed_logins = 3;
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }

  Accounts accounts() { return Accounts(*db_, options_); }

  fs::path dir_;
  std::unique_ptr<Database> db_;
  AccountOptions options_;
  Clock::time_point now_ = Clock::now();
};

TEST(PasswordTest, HashVerifiesOnlyItsPassword) {
  std::string hash = hash_password("correct horse", PasswordCost::kMinimal).value();
  EXPECT_TRUE(hash.starts_with("$argon2id$"));
  EXPECT_TRUE(verify_password(hash, "correct horse"));
  EXPECT_FALSE(verify_password(hash, "correct horsE"));
  EXPECT_FALSE(verify_password("not a hash", "correct horse"));
  EXPECT_NE(hash, hash_password("correct horse", PasswordCost::kMinimal).value());  // salted
}

TEST(SessionTokenTest, RandomBase64UrlWithSha256) {
  SessionToken a = new_session_token().value();
  SessionToken b = new_session_token().value();
  EXPECT_EQ(a.token.size(), 43u);  // 32 bytes in base64 without padding
  EXPECT_NE(a.token, b.token);
  EXPECT_EQ(
      a.token.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"),
      std::string::npos);
  EXPECT_EQ(a.token_hash, session_token_hash(a.token));
  // SHA-256("abc"), FIPS 180-2 appendix B.1.
  EXPECT_EQ(session_token_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_F(AccountsTest, AddListAndRefuseDuplicates) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  ASSERT_TRUE(
      accounts().add_user("wang", parse_role("county:410302").value(), "secret-pw", now_).is_ok());
  Status again = accounts().add_user("li", parse_role("admin").value(), "secret-pw", now_);
  EXPECT_EQ(again.code(), StatusCode::kUsage);
  auto users = accounts().list_users().value();
  ASSERT_EQ(users.size(), 2u);
  EXPECT_EQ(users[0].name, "li");
  EXPECT_EQ(users[0].role.to_string(), "city");
  EXPECT_EQ(users[1].role.to_string(), "county:410302");
  auto stored = AccountStore(*db_).find_user("li").value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->password_hash.find("secret-pw"), std::string::npos);
}

TEST_F(AccountsTest, RefusesBadNamesPasswordsAndUnknownGroups) {
  Role city = parse_role("city").value();
  EXPECT_EQ(accounts().add_user("", city, "secret-pw", now_).code(), StatusCode::kUsage);
  EXPECT_EQ(accounts().add_user("a:b", city, "secret-pw", now_).code(), StatusCode::kUsage);
  EXPECT_EQ(accounts().add_user("ok", city, "short", now_).code(), StatusCode::kUsage);
  EXPECT_EQ(
      accounts().add_user("g", parse_role("county:nowhere").value(), "secret-pw", now_).code(),
      StatusCode::kUsage);
  EXPECT_TRUE(accounts()
                  .add_user("g", parse_role("county:luoyang-metro").value(), "secret-pw", now_)
                  .is_ok());
}

TEST_F(AccountsTest, LoginAuthenticateLogout) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  auto grant = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(grant.has_value());
  EXPECT_EQ(grant->actor.name, "li");
  EXPECT_EQ(grant->lifetime, hours(8));
  auto actor = accounts().authenticate(grant->token, now_ + minutes(10)).value();
  ASSERT_TRUE(actor.has_value());
  EXPECT_EQ(actor->role.kind, RoleKind::kCity);
  // Only the hash is stored.
  EXPECT_FALSE(AccountStore(*db_).find_session(grant->token).value().has_value());
  EXPECT_TRUE(AccountStore(*db_).find_session(session_token_hash(grant->token)).value());
  ASSERT_TRUE(accounts().logout(grant->token).is_ok());
  EXPECT_FALSE(accounts().authenticate(grant->token, now_).value().has_value());
}

TEST_F(AccountsTest, SessionsInUseExpireAfterEightHours) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  auto grant = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(grant.has_value());
  // Used every 20 minutes, the session lives its full 8 hours and not a second longer.
  for (auto at = now_ + minutes(20); at < now_ + hours(8) - minutes(1); at += minutes(20)) {
    ASSERT_TRUE(accounts().authenticate(grant->token, at).value());
  }
  EXPECT_TRUE(accounts().authenticate(grant->token, now_ + hours(8) - minutes(1)).value());
  EXPECT_FALSE(accounts().authenticate(grant->token, now_ + hours(8)).value());
  EXPECT_FALSE(accounts().authenticate("forged", now_).value());
  EXPECT_FALSE(accounts().authenticate("", now_).value());
}

TEST_F(AccountsTest, IdleSessionsExpireAfterThirtyMinutes) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  auto grant = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(grant.has_value());
  EXPECT_EQ(parse_utc(grant->expires_at), parse_utc(format_utc(now_ + minutes(30))));
  EXPECT_TRUE(accounts().authenticate(grant->token, now_ + minutes(29)).value());
  // That use moved the deadline to 29 + 30 minutes.
  auto stored = AccountStore(*db_).find_session(session_token_hash(grant->token)).value();
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->expires_at, format_utc(now_ + minutes(59)));
  EXPECT_TRUE(accounts().authenticate(grant->token, now_ + minutes(58)).value());
  EXPECT_FALSE(accounts().authenticate(grant->token, now_ + minutes(58) + minutes(31)).value());
  // Uses less than a minute apart write nothing (no write lock per request).
  auto second = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(second.has_value());
  std::string before =
      AccountStore(*db_).find_session(session_token_hash(second->token)).value()->expires_at;
  EXPECT_TRUE(accounts().authenticate(second->token, now_ + std::chrono::seconds(30)).value());
  EXPECT_EQ(AccountStore(*db_).find_session(session_token_hash(second->token)).value()->expires_at,
            before);
}

TEST_F(AccountsTest, PasswordAndRoleChangesEndSessions) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  auto first = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(first.has_value());
  EXPECT_EQ(accounts().set_password("li", "short").code(), StatusCode::kUsage);
  EXPECT_TRUE(accounts().authenticate(first->token, now_).value());  // refused: nothing changed
  ASSERT_TRUE(accounts().set_password("li", "new-secret-pw").is_ok());
  EXPECT_FALSE(accounts().authenticate(first->token, now_).value());
  EXPECT_FALSE(accounts().login("li", "secret-pw", now_).value());
  auto second = accounts().login("li", "new-secret-pw", now_).value();
  ASSERT_TRUE(second.has_value());
  ASSERT_TRUE(accounts().set_role("li", parse_role("county:410302").value()).is_ok());
  EXPECT_FALSE(accounts().authenticate(second->token, now_).value());
  auto third = accounts().login("li", "new-secret-pw", now_).value();
  ASSERT_TRUE(third.has_value());
  EXPECT_EQ(third->actor.role.to_string(), "county:410302");
  EXPECT_EQ(accounts().set_role("li", parse_role("county:nowhere").value()).code(),
            StatusCode::kUsage);
  EXPECT_EQ(accounts().set_password("nobody", "new-secret-pw").code(), StatusCode::kNotFound);
  EXPECT_EQ(accounts().set_role("nobody", parse_role("city").value()).code(),
            StatusCode::kNotFound);
}

TEST_F(AccountsTest, RevokeSessionsEndsEveryOneAndCountsThem) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  ASSERT_TRUE(accounts().add_user("wang", parse_role("city").value(), "secret-pw", now_).is_ok());
  auto a = accounts().login("li", "secret-pw", now_).value();
  auto b = accounts().login("li", "secret-pw", now_).value();
  auto c = accounts().login("wang", "secret-pw", now_).value();
  ASSERT_TRUE(a && b && c);
  ASSERT_TRUE(accounts().logout(a->token).is_ok());
  EXPECT_EQ(accounts().revoke_sessions("li").value(), 1);  // b; a was already ended
  EXPECT_FALSE(accounts().authenticate(b->token, now_).value());
  EXPECT_TRUE(accounts().authenticate(c->token, now_).value());
  EXPECT_EQ(accounts().revoke_sessions("li").value(), 0);
  EXPECT_EQ(accounts().revoke_sessions("nobody").error().code(), StatusCode::kNotFound);
}

TEST(UtcTextTest, ParsesWhatFormatUtcWrites) {
  auto t = Clock::from_time_t(1717143300);  // 2024-05-31T08:15:00Z
  EXPECT_EQ(format_utc(t), "2024-05-31T08:15:00Z");
  EXPECT_EQ(parse_utc("2024-05-31T08:15:00Z"), t);
  EXPECT_EQ(parse_utc("2000-01-01T00:00:00Z"), Clock::from_time_t(946684800));
  for (const char* bad : {"", "2024-05-31 08:15:00Z", "2024-05-31T08:15:00", "2024-13-01T00:00:00Z",
                          "2024-05-31T08:15:0xZ", "2024-05-31T24:00:00Z", "2999-01-01T00:00:00Z",
                          "1969-12-31T23:59:59Z"}) {
    EXPECT_FALSE(parse_utc(bad).has_value()) << bad;
  }
}

TEST(CsrfTokenTest, DerivedFromTheSessionButNotRevealingIt) {
  std::string a = new_session_token().value().token;
  std::string b = new_session_token().value().token;
  std::string csrf = csrf_token_for(a);
  EXPECT_EQ(csrf.size(), 43u);
  EXPECT_EQ(csrf, csrf_token_for(a));  // stable for the session's life
  EXPECT_NE(csrf, csrf_token_for(b));
  EXPECT_NE(csrf, a);
  EXPECT_NE(csrf_token_for(""), "");
  EXPECT_TRUE(tokens_equal(csrf, csrf_token_for(a)));
  EXPECT_FALSE(tokens_equal(csrf_token_for(b), csrf));
  EXPECT_FALSE(tokens_equal(csrf.substr(0, 42), csrf));
  EXPECT_FALSE(tokens_equal("", ""));
}

TEST_F(AccountsTest, WrongPasswordUnknownUserAndDisabledAllFail) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  EXPECT_FALSE(accounts().login("li", "wrong-pw", now_).value());
  EXPECT_FALSE(accounts().login("nobody", "secret-pw", now_).value());
  auto grant = accounts().login("li", "secret-pw", now_).value();
  ASSERT_TRUE(grant.has_value());
  ASSERT_TRUE(accounts().set_disabled("li", true).is_ok());
  EXPECT_FALSE(accounts().login("li", "secret-pw", now_).value());
  EXPECT_FALSE(accounts().authenticate(grant->token, now_).value());  // sessions revoked
  ASSERT_TRUE(accounts().set_disabled("li", false).is_ok());
  EXPECT_FALSE(accounts().authenticate(grant->token, now_).value());  // and stay revoked
  EXPECT_TRUE(accounts().login("li", "secret-pw", now_).value());
  EXPECT_EQ(accounts().set_disabled("nobody", true).code(), StatusCode::kNotFound);
}

TEST_F(AccountsTest, RepeatedFailuresLockTheUserForAWhile) {
  ASSERT_TRUE(accounts().add_user("li", parse_role("city").value(), "secret-pw", now_).is_ok());
  for (int i = 0; i < 3; ++i) EXPECT_FALSE(accounts().login("li", "wrong-pw", now_).value());
  EXPECT_FALSE(accounts().login("li", "secret-pw", now_ + minutes(1)).value());
  EXPECT_TRUE(accounts().login("li", "secret-pw", now_ + minutes(16)).value());
}

TEST_F(AccountsTest, AuditLogAppendsAndFilters) {
  AuditLog log(*db_);
  AuditEntry entry;
  entry.user_name = "li";
  entry.remote = "cli";
  entry.action = "user.add";
  entry.target = "wang";
  long first = log.append(entry).value();
  entry.action = "login";
  long second = log.append(entry).value();
  EXPECT_LT(first, second);
  auto all = log.list({}).value();
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].detail, "{}");
  EXPECT_EQ(all[0].at.size(), 20u);
  AuditFilter logins;
  logins.action = "login";
  EXPECT_EQ(log.list(logins).value().size(), 1u);
  AuditFilter after;
  after.after_id = first;
  EXPECT_EQ(log.list(after).value().front().id, second);
}

}  // namespace
}  // namespace zhizao
