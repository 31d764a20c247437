// Secrets are never written down (docs/security.md): drives `zhizao user add` and `user passwd`,
// then a real `zhizao serve` process through good and bad logins, a user added over the API, a
// submission and logouts, and scans everything written — both commands' standard output and
// error, the server's, the audit log rows and the database file itself — for the passwords,
// session tokens and CSRF tokens used.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <regex>
#include <thread>
#include <vector>

#include "accounts/session_token.h"
#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

extern char** environ;

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kOwnUscc = "91410302MA400001XM";  // in tests/data/cli/small
constexpr const char* kAdminPassword = "Admin-Secret-7f3a9c";
constexpr const char* kFirmPassword = "Firm-Secret-1b8d2e";
constexpr const char* kFirmNewPassword = "Firm-Renewed-5c0f4a";
constexpr const char* kApiUserPassword = "Api-User-Secret-9e6b1d";
constexpr const char* kGuess = "Wrong-Guess-3d7c8f";

// Runs `zhizao ARGS` with `input` on standard input; the streams go to files under `dir`.
RunResult run_with_input(const fs::path& dir, const std::vector<std::string>& args,
                         const std::string& input) {
  static int counter = 0;
  std::string stem = (dir / ("cli" + std::to_string(counter++))).string();
  std::ofstream(stem + ".in") << input;
  std::string command = "'" + std::string(ZHIZAO_BINARY) + "'";
  for (const std::string& arg : args) command += " '" + arg + "'";
  command += " <'" + stem + ".in' >'" + stem + ".out' 2>'" + stem + ".err'";
  int status = std::system(command.c_str());
  fs::remove(stem + ".in");  // the input file holds the password; it is not output
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(stem + ".out");
  result.err = read_file(stem + ".err");
  return result;
}

// A `zhizao serve --port 0` child with its streams in files; stopped with SIGTERM.
class ServeProcess {
 public:
  ServeProcess(const fs::path& dir, const fs::path& db)
      : out_(dir / "serve.out"), err_(dir / "serve.err") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    // The web root apart from the database: serve refuses a proof folder (DB.files) inside it.
    fs::create_directories(dir / "web");
    std::vector<std::string> args = {ZHIZAO_BINARY, "serve", "--db",       db.string(),
                                     "--port",      "0",     "--web-root", (dir / "web").string()};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, ZHIZAO_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    // The port is in the first line: "zhizao serve: http://127.0.0.1:PORT/ ...".
    std::regex announced(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 300 && pid_ > 0 && port_ == 0; ++i) {
      std::smatch match;
      std::string err = read_file(err_);
      if (std::regex_search(err, match, announced)) port_ = std::stoi(match[1].str());
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServeProcess() { stop(); }

  int port() const { return port_; }
  void stop() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  std::string output() const { return read_file(out_) + read_file(err_); }

 private:
  fs::path out_, err_;
  pid_t pid_ = -1;
  int port_ = 0;
};

std::string audit_rows(const fs::path& db) {
  sqlite3* handle = nullptr;
  std::string rows;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
    sqlite3_exec(
        handle, "SELECT at, user_name, remote, action, target, detail FROM audit_log",
        [](void* out, int columns, char** values, char**) {
          for (int i = 0; i < columns; ++i)
            *static_cast<std::string*>(out) += values[i] ? values[i] : "";
          *static_cast<std::string*>(out) += "\n";
          return 0;
        },
        &rows, nullptr);
  }
  sqlite3_close(handle);
  return rows;
}

TEST(SecretsNotLoggedTest, NoPasswordOrTokenInAnyOutput) {
  fs::path dir = fresh_directory("secrets");
  fs::path db = dir / "city.db";
  RunResult imported = import_into(db, csv_files_in(test_data("cli/small"), FileOrder::kByName));
  ASSERT_EQ(imported.exit_code, 0) << imported.err;
  std::vector<RunResult> cli;
  cli.push_back(run_with_input(dir, {"user", "add", "--db", db.string(), "boss", "--role", "admin"},
                               std::string(kAdminPassword) + "\n"));
  cli.push_back(run_with_input(
      dir,
      {"user", "add", "--db", db.string(), "firm", "--role", std::string("enterprise:") + kOwnUscc},
      std::string(kFirmPassword) + "\n"));
  cli.push_back(run_with_input(dir, {"user", "passwd", "--db", db.string(), "firm"},
                               std::string(kFirmNewPassword) + "\n"));
  cli.push_back(run_with_input(dir, {"user", "passwd", "--db", db.string(), "firm"}, "short\n"));
  for (size_t i = 0; i + 1 < cli.size(); ++i) ASSERT_EQ(cli[i].exit_code, 0) << cli[i].err;
  EXPECT_NE(cli.back().exit_code, 0);  // a refused password is not echoed either

  std::vector<std::string> secrets = {kAdminPassword, kFirmPassword, kFirmNewPassword,
                                      kApiUserPassword, kGuess};
  {
    ServeProcess serve(dir, db);
    ASSERT_GT(serve.port(), 0) << serve.output();
    httplib::Client client("127.0.0.1", serve.port());
    client.set_read_timeout(std::chrono::seconds(30));
    auto login = [&](const std::string& name, const std::string& password) {
      std::string body = R"({"name": ")" + name + R"(", "password": ")" + password + R"("})";
      auto response = client.Post("/api/login", body, "application/json");
      std::string token;
      if (response && response->status == 200) {
        std::string cookie = response->get_header_value("Set-Cookie");
        token = cookie.substr(15, cookie.find(';') - 15);  // after "zhizao_session="
      }
      return token;
    };
    EXPECT_EQ(login("boss", kGuess), "");
    EXPECT_EQ(login("nobody", kGuess), "");
    EXPECT_EQ(login("firm", kFirmPassword), "");  // the old password no longer works
    // A malformed body that holds a password.
    auto malformed =
        client.Post("/api/login", std::string(R"({"password": ")") + kGuess, "application/json");
    ASSERT_TRUE(malformed);
    EXPECT_EQ(malformed->status, 400);
    std::string admin = login("boss", kAdminPassword);
    std::string firm = login("firm", kFirmNewPassword);
    ASSERT_FALSE(admin.empty() || firm.empty()) << serve.output();
    auto in_session = [](const std::string& token) {
      return httplib::Headers{{"Cookie", "zhizao_session=" + token},
                              {"X-CSRF-Token", csrf_token_for(token)}};
    };
    auto added = client.Post("/api/users", in_session(admin),
                             std::string(R"({"name": "zhao", "role": "city", "password": ")") +
                                 kApiUserPassword + R"("})",
                             "application/json");
    ASSERT_TRUE(added);
    EXPECT_EQ(added->status, 201);
    auto submitted = client.Post(
        "/api/submissions", in_session(firm),
        std::string(R"({"uscc": ")") + kOwnUscc +
            R"(", "period": "2021-05", "output": 1300, "value_added": 390, "electricity": 65})",
        "application/json");
    ASSERT_TRUE(submitted);
    EXPECT_EQ(submitted->status, 201) << submitted->body;
    // A forged CSRF token is refused and not echoed.
    auto forged =
        client.Post("/api/logout", {{"Cookie", "zhizao_session=" + firm}, {"X-CSRF-Token", kGuess}},
                    "", "application/json");
    ASSERT_TRUE(forged);
    EXPECT_EQ(forged->status, 403);
    EXPECT_EQ(forged->body.find(kGuess), std::string::npos);
    std::string api_user = login("zhao", kApiUserPassword);
    ASSERT_FALSE(api_user.empty());
    for (const std::string& token : {admin, firm, api_user}) {
      secrets.push_back(token);
      secrets.push_back(csrf_token_for(token));
      auto logout = client.Post("/api/logout", in_session(token), "", "application/json");
      ASSERT_TRUE(logout);
      EXPECT_EQ(logout->status, 204);
    }
    serve.stop();
    std::string server_output = serve.output();
    EXPECT_NE(server_output.find("zhizao serve: http://"), std::string::npos);  // it did write
    for (const std::string& secret : secrets) {
      EXPECT_EQ(server_output.find(secret), std::string::npos) << "server output has " << secret;
    }
  }

  std::string audit = audit_rows(db);
  EXPECT_NE(audit.find("login.failed"), std::string::npos);
  EXPECT_NE(audit.find("user.password"), std::string::npos);
  EXPECT_NE(audit.find("submission.create"), std::string::npos);
  std::string files;
  for (const auto& entry : fs::directory_iterator(dir)) files += read_file(entry.path());
  for (const std::string& secret : secrets) {
    EXPECT_EQ(audit.find(secret), std::string::npos) << "audit log has " << secret;
    // Every file: the database (and any journal), every stream of every command.
    EXPECT_EQ(files.find(secret), std::string::npos) << "a file under " << dir << " has " << secret;
    for (const RunResult& result : cli) {
      EXPECT_EQ((result.out + result.err).find(secret), std::string::npos) << secret;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace zhizao::testing
