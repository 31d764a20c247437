// zhizao user revoke|passwd|role: each ends the user's open sessions, writes an audit row and
// refuses unknown users; `user add` takes only safe names and passwords without control
// characters, and names stored before that rule stay usable (docs/security.md).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>

#include "accounts/accounts.h"
#include "accounts/password.h"
#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"
#include "store/account_store.h"
#include "store/audit_log.h"

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

// Runs `zhizao ARGS` with `input` on standard input.
RunResult run_with_stdin(const fs::path& dir, const std::vector<std::string>& args,
                         const std::string& input) {
  fs::path in = dir / "stdin.txt";
  std::ofstream(in) << input;
  std::string command = "'" + std::string(ZHIZAO_BINARY) + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  command += " <'" + in.string() + "' >'" + (dir / "out").string() + "' 2>'" +
             (dir / "err").string() + "'";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(dir / "out");
  result.err = read_file(dir / "err");
  fs::remove(in);
  return result;
}

class UserCommandTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("user_command");
    db_ = (dir_ / "city.db").string();
    RunResult imported = import_into(db_, csv_files_in(test_data("cli/small"), FileOrder::kByName));
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    RunResult added = run_with_stdin(dir_, {"user", "add", "--db", db_, "li", "--role", "city"},
                                     "first-password\n");
    ASSERT_EQ(added.exit_code, 0) << added.err;
  }
  void TearDown() override { fs::remove_all(dir_); }

  // Logs li in directly and returns the session token.
  std::string open_session(const std::string& password) {
    auto db = Database::open(db_, OpenMode::kMustExist);
    auto grant = Accounts(**db).login("li", password, Clock::now());
    return grant && grant->has_value() ? (*grant)->token : "";
  }
  bool session_valid(const std::string& token) {
    auto db = Database::open(db_, OpenMode::kMustExist);
    auto actor = Accounts(**db).authenticate(token, Clock::now());
    return actor && actor->has_value();
  }
  std::vector<std::string> audit_actions() {
    auto db = Database::open(db_, OpenMode::kMustExist);
    std::vector<std::string> actions;
    std::vector<AuditEntry> entries = AuditLog(**db).list({}).value();
    for (const AuditEntry& entry : entries) actions.push_back(entry.action);
    return actions;
  }

  fs::path dir_;
  std::string db_;
};

TEST_F(UserCommandTest, RevokeEndsEverySessionOfTheUser) {
  std::string a = open_session("first-password");
  std::string b = open_session("first-password");
  ASSERT_TRUE(session_valid(a) && session_valid(b));
  RunResult revoked = run_zhizao({"user", "revoke", "--db", db_, "li"});
  EXPECT_EQ(revoked.exit_code, 0) << revoked.err;
  EXPECT_EQ(revoked.out, "ended 2 sessions of user li\n");
  EXPECT_FALSE(session_valid(a));
  EXPECT_FALSE(session_valid(b));
  EXPECT_NE(open_session("first-password"), "");  // the user may log in again
  RunResult unknown = run_zhizao({"user", "revoke", "--db", db_, "nobody"});
  EXPECT_NE(unknown.exit_code, 0);
  EXPECT_NE(unknown.err.find("nobody"), std::string::npos) << unknown.err;
  EXPECT_EQ(audit_actions().back(), "user.revoke");
}

TEST_F(UserCommandTest, PasswdAndRoleEndSessions) {
  std::string before = open_session("first-password");
  RunResult changed =
      run_with_stdin(dir_, {"user", "passwd", "--db", db_, "li"}, "second-password\n");
  EXPECT_EQ(changed.exit_code, 0) << changed.err;
  EXPECT_FALSE(session_valid(before));
  EXPECT_EQ(open_session("first-password"), "");
  std::string after = open_session("second-password");
  ASSERT_NE(after, "");
  RunResult role = run_zhizao({"user", "role", "--db", db_, "li", "--role", "county:410302"});
  EXPECT_EQ(role.exit_code, 0) << role.err;
  EXPECT_EQ(role.out, "user li is now county:410302; its sessions are ended\n");
  EXPECT_FALSE(session_valid(after));
  RunResult short_password = run_with_stdin(dir_, {"user", "passwd", "--db", db_, "li"}, "short\n");
  EXPECT_NE(short_password.exit_code, 0);
  RunResult bad_role = run_zhizao({"user", "role", "--db", db_, "li", "--role", "mayor"});
  EXPECT_NE(bad_role.exit_code, 0);
  std::vector<std::string> actions = audit_actions();
  ASSERT_GE(actions.size(), 3u);
  EXPECT_EQ(actions[actions.size() - 2], "user.password");
  EXPECT_EQ(actions.back(), "user.role");
}

// The rules of accounts/credential_rules.h, through the command line: each refused name and
// password, said before the password is read, and the accepted ones.
TEST_F(UserCommandTest, AddRefusesUnsafeNamesAndPasswordsWithControlCharacters) {
  const std::vector<std::pair<std::string, std::string>> refused = {
      {"a/b", "user name \"a/b\": '/' (U+002F) is not allowed"},
      {"..", "user name \"..\" must not begin with '.' or '-'"},
      {"\u202Eabc", "user name \"<U+202E>abc\": U+202E is not allowed"},
      {"<script>", "user name \"<script>\": '<' (U+003C) is not allowed"},
      {"-x", "must not begin with '.' or '-'"},
      {"a..b", "must not contain \"..\""},
      {std::string(65, 'n'), "has 65 characters: at most 64"},
  };
  for (const auto& [name, message] : refused) {
    // No password on stdin: the name is refused first. ("--": "-x" is not an option.)
    RunResult added =
        run_with_stdin(dir_, {"user", "add", "--db", db_, "--role", "city", "--", name}, "");
    EXPECT_EQ(added.exit_code, 1) << name;
    EXPECT_NE(added.err.find(message), std::string::npos) << name << ": " << added.err;
  }
  RunResult nul = run_with_stdin(dir_, {"user", "add", "--db", db_, "zhao", "--role", "city"},
                                 std::string(9, '\0') + "\n");
  EXPECT_EQ(nul.exit_code, 1);
  EXPECT_NE(nul.err.find("a password must not contain control characters"), std::string::npos)
      << nul.err;
  RunResult tab = run_with_stdin(dir_, {"user", "passwd", "--db", db_, "li"}, "pass\tword-1\n");
  EXPECT_EQ(tab.exit_code, 1);
  EXPECT_NE(tab.err.find("control characters"), std::string::npos) << tab.err;
  EXPECT_EQ(open_session("pass\tword-1"), "");
  EXPECT_NE(open_session("first-password"), "");  // unchanged

  for (std::string name : {"张三", "county.admin-2"}) {
    RunResult added = run_with_stdin(
        dir_, {"user", "add", "--db", db_, name, "--role", "county:410302"}, "long-enough\n");
    EXPECT_EQ(added.exit_code, 0) << name << ": " << added.err;
  }
  RunResult list = run_zhizao({"user", "list", "--db", db_});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("张三\tcounty:410302\t"), std::string::npos) << list.out;
  EXPECT_NE(list.out.find("county.admin-2\tcounty:410302\t"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("zhao"), std::string::npos) << list.out;
  EXPECT_EQ(list.out.find("a/b"), std::string::npos) << list.out;
}

// A database made before the rule may hold such names: `user list` shows them and `user
// disable`/`enable` still reach them.
TEST_F(UserCommandTest, NamesStoredBeforeTheRuleCanBeListedAndDisabled) {
  {
    auto db = Database::open(db_, OpenMode::kMustExist);
    ASSERT_TRUE(db.has_value());
    for (std::string name : {"a/b", "<script>"}) {
      UserRow row;
      row.name = name;
      row.password_hash = hash_password("old password", PasswordCost::kMinimal).value();
      row.role = "city";
      row.created_at = "2024-01-01T00:00:00Z";
      ASSERT_TRUE(AccountStore(**db).insert_user(row).is_ok());
    }
  }
  RunResult list = run_zhizao({"user", "list", "--db", db_});
  EXPECT_EQ(list.exit_code, 0);
  EXPECT_NE(list.out.find("a/b\tcity\t2024-01-01T00:00:00Z\tactive\n"), std::string::npos)
      << list.out;
  RunResult disabled = run_zhizao({"user", "disable", "--db", db_, "a/b"});
  EXPECT_EQ(disabled.exit_code, 0) << disabled.err;
  EXPECT_EQ(disabled.out, "disabled user a/b\n");
  RunResult also = run_zhizao({"user", "disable", "--db", db_, "<script>"});
  EXPECT_EQ(also.exit_code, 0) << also.err;
  list = run_zhizao({"user", "list", "--db", db_});
  EXPECT_NE(list.out.find("a/b\tcity\t2024-01-01T00:00:00Z\tdisabled\n"), std::string::npos)
      << list.out;
  EXPECT_NE(list.out.find("<script>\tcity\t2024-01-01T00:00:00Z\tdisabled\n"), std::string::npos)
      << list.out;
  EXPECT_EQ(run_zhizao({"user", "enable", "--db", db_, "a/b"}).exit_code, 0);
  EXPECT_EQ(audit_actions().back(), "user.enable");
}

}  // namespace
}  // namespace zhizao::testing
