// `zhizao serve --quality-rules FILE` (issue 20) with a real server process: the thresholds file
// decides /api/quality as it decides `zhizao quality --quality-rules`, also when named in the
// --config TOML; a faulty file stops serve before it listens (FILE:LINE: reason, exit 1); and a
// served document's quality appendix is exactly what `zhizao report --quality-appendix` writes.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <thread>
#include <tuple>
#include <vector>

#include "base/bounded_file.h"
#include "cli/cli_harness.h"
#include "cli/cli_test_support.h"

extern char** environ;

namespace zhizao::testing {
namespace {

namespace fs = std::filesystem;

constexpr const char* kPassword = "Quality-Reviewer-4c1e";
// Stricter than the defaults: tests/data/cli/small raises electricity_divergence with it.
constexpr const char* kStrictRules = "[electricity_divergence]\nband = 1.02\nmin_output = 0\n";

// A `zhizao serve --port 0 ARGS` child with its streams in files; stopped with SIGTERM.
class ServeProcess {
 public:
  ServeProcess(const fs::path& dir, std::vector<std::string> extra)
      : out_(dir / "serve.out"), err_(dir / "serve.err") {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&actions, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    // The web root apart from the database: serve refuses a proof folder (DB.files) inside it.
    fs::create_directories(dir / "web");
    std::vector<std::string> args = {ZHIZAO_BINARY, "serve",      "--port",
                                     "0",           "--web-root", (dir / "web").string()};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, ZHIZAO_BINARY, &actions, nullptr, argv.data(), environ) != 0) pid_ = -1;
    posix_spawn_file_actions_destroy(&actions);
    std::regex announced(R"(http://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 300 && pid_ > 0 && port_ == 0; ++i) {
      std::smatch match;
      std::string err = read_file(err_);
      if (std::regex_search(err, match, announced)) port_ = std::stoi(match[1].str());
      if (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
  }
  ~ServeProcess() {
    if (pid_ <= 0) return;
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  int port() const { return port_; }
  std::string output() const { return read_file(out_) + read_file(err_); }

  // GET `path` as `user`, after signing in; the body, or "" when the answer is not 200.
  std::string get(const std::string& user, const std::string& path) const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(std::chrono::seconds(60));
    auto login = client.Post("/api/login",
                             R"({"name": ")" + user + R"(", "password": ")" + kPassword + R"("})",
                             "application/json");
    if (!login || login->status != 200) return "";
    std::string cookie = login->get_header_value("Set-Cookie");
    auto answer = client.Get(path.c_str(), {{"Cookie", cookie.substr(0, cookie.find(';'))}});
    return answer && answer->status == 200 ? answer->body : "";
  }

 private:
  fs::path out_, err_;
  pid_t pid_ = -1;
  int port_ = 0;
};

class QualityServeCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fresh_directory("quality-serve");
    db_ = (dir_ / "city.db").string();
    std::vector<std::string> files = csv_files_in(test_data("cli/small"), FileOrder::kByName);
    for (const char* name : {"enterprises.csv", "monthly.csv"}) {
      files.push_back(test_data(std::string("cli/quality/") + name).string());
    }
    RunResult imported = import_into(db_, files);
    ASSERT_EQ(imported.exit_code, 0) << imported.err;
    std::string password = (dir_ / "password.txt").string();
    std::ofstream(password) << kPassword << "\n";
    for (const auto& [user, role] : std::vector<std::pair<std::string, std::string>>{
             {"city", "city"}, {"county", "county:410302"}}) {
      std::string command = std::string("'") + ZHIZAO_BINARY + "' user add --db '" + db_ + "' " +
                            user + " --role " + role + " < '" + password + "' > /dev/null 2>&1";
      ASSERT_EQ(std::system(command.c_str()), 0) << command;
    }
  }
  void TearDown() override { fs::remove_all(dir_); }

  std::string write(const std::string& name, const std::string& text) {
    std::string path = (dir_ / name).string();
    std::ofstream(path, std::ios::binary) << text;
    return path;
  }

  fs::path dir_;
  std::string db_;
};

// (uscc, check, months) of every finding of a quality JSON (contract or dashboard shape).
std::set<std::tuple<std::string, std::string, std::string>> keys_of(
    const nlohmann::json& findings) {
  std::set<std::tuple<std::string, std::string, std::string>> keys;
  for (const nlohmann::json& f : findings) keys.insert({f["uscc"], f["check"], f["months"].dump()});
  return keys;
}

TEST_F(QualityServeCliTest, ServeUsesTheQualityRulesFileAlsoFromItsConfig) {
  std::string rules = write("strict.toml", kStrictRules);
  RunResult cli = run_zhizao(
      {"quality", "--db", db_, "--period", "2021-04", "--quality-rules", rules, "--json"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  nlohmann::json expected = nlohmann::json::parse(cli.out)["findings"];
  RunResult defaults = run_zhizao({"quality", "--db", db_, "--period", "2021-04", "--json"});
  ASSERT_EQ(defaults.exit_code, 0);
  ASSERT_NE(keys_of(expected), keys_of(nlohmann::json::parse(defaults.out)["findings"]));
  {
    ServeProcess serve(dir_, {"--db", db_, "--quality-rules", rules});
    ASSERT_GT(serve.port(), 0) << serve.output();
    std::string body = serve.get("city", "/api/quality?period=2021-04");
    ASSERT_FALSE(body.empty()) << serve.output();
    EXPECT_EQ(keys_of(nlohmann::json::parse(body)["findings"]), keys_of(expected));
  }
  // The same from the --config file (`quality-rules = "FILE"`).
  std::string config =
      write("zhizao.toml", "db = \"" + db_ + "\"\nquality-rules = \"" + rules + "\"\n");
  ServeProcess serve(dir_, {"--config", config});
  ASSERT_GT(serve.port(), 0) << serve.output();
  std::string body = serve.get("city", "/api/quality?period=2021-04");
  ASSERT_FALSE(body.empty()) << serve.output();
  EXPECT_EQ(keys_of(nlohmann::json::parse(body)["findings"]), keys_of(expected));
}

TEST_F(QualityServeCliTest, AFaultyQualityRulesFileStopsServeBeforeItListens) {
  std::string bad = write("q.toml", "[unexplained_jump]\nfactr = 4\n");
  RunResult refused = run_zhizao({"serve", "--db", db_, "--port", "0", "--quality-rules", bad});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_NE(refused.err.find(bad + ":2: unknown key \"factr\" in [unexplained_jump]"),
            std::string::npos)
      << refused.err;
  EXPECT_EQ(refused.err.find("zhizao serve: http"), std::string::npos) << refused.err;

  std::string config =
      write("zhizao.toml", "db = \"" + db_ + "\"\nquality-rules = \"" + bad + "\"\nport = 0\n");
  RunResult from_config = run_zhizao({"serve", "--config", config});
  EXPECT_EQ(from_config.exit_code, 1);
  EXPECT_NE(from_config.err.find(bad + ":2: unknown key"), std::string::npos) << from_config.err;

  std::string missing = (dir_ / "none.toml").string();
  RunResult absent = run_zhizao({"serve", "--db", db_, "--port", "0", "--quality-rules", missing});
  EXPECT_EQ(absent.exit_code, 1);
  EXPECT_NE(absent.err.find("cannot read quality rules file: " + missing), std::string::npos)
      << absent.err;

  std::string huge = write("huge.toml", std::string(kRulesFileMaxBytes + 1, '#'));
  RunResult too_large = run_zhizao({"serve", "--db", db_, "--port", "0", "--quality-rules", huge});
  EXPECT_EQ(too_large.exit_code, 1);
  EXPECT_NE(too_large.err.find(huge + ": the quality rules file is larger than 1048576 bytes"),
            std::string::npos)
      << too_large.err;
}

TEST_F(QualityServeCliTest, TheServedAppendixIsTheCommandLinesAppendix) {
  RunResult cli = run_zhizao(
      {"report", "--db", db_, "--period", "2021-04", "--format", "markdown", "--quality-appendix"});
  ASSERT_EQ(cli.exit_code, 0) << cli.err;
  ASSERT_NE(cli.out.find("附录：数据质量待核实事项"), std::string::npos);
  RunResult county = run_zhizao({"report", "--db", db_, "--period", "2021-04", "--scope", "410302",
                                 "--format", "markdown", "--quality-appendix"});
  ASSERT_EQ(county.exit_code, 0) << county.err;
  ServeProcess serve(dir_, {"--db", db_});
  ASSERT_GT(serve.port(), 0) << serve.output();
  EXPECT_EQ(
      serve.get("city", "/api/report/document?period=2021-04&format=markdown&quality_appendix=1"),
      cli.out);
  EXPECT_EQ(
      serve.get("county", "/api/report/document?period=2021-04&format=markdown&quality_appendix=1"),
      county.out);
  EXPECT_NE(county.out, cli.out);
}

}  // namespace
}  // namespace zhizao::testing
