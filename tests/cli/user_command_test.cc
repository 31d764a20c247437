// zhizao user revoke|passwd|role: each ends the user's open sessions, writes an audit row and
// refuses unknown users (docs/security.md).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <fstream>

#include "accounts/accounts.h"
#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"
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

}  // namespace
}  // namespace zhizao::testing
