#include "cli/cli_harness.h"

#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace zhizao::testing {
namespace {

std::string shell_quote(const std::string& arg) {
  std::string out = "'";
  for (char c : arg) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

}  // namespace

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

namespace {

// The directories handed out by fresh_directory, removed when the test process exits: each
// test runs in its own process (gtest_discover_tests), and a CLI test's folders (databases,
// exported files, 100 MB bound probes) must not pile up in /tmp run after run.
// ZHIZAO_KEEP_TEST_DIRS=1 keeps them for a post-mortem.
class DirectoriesRemovedAtExit {
 public:
  ~DirectoriesRemovedAtExit() {
    const char* keep = std::getenv("ZHIZAO_KEEP_TEST_DIRS");
    if (keep != nullptr && std::string(keep) == "1") return;
    std::error_code ignored;
    for (const std::filesystem::path& dir : directories_) {
      std::filesystem::remove_all(dir, ignored);
    }
  }
  void add(const std::filesystem::path& dir) { directories_.push_back(dir); }

 private:
  std::vector<std::filesystem::path> directories_;
};

DirectoriesRemovedAtExit& directories_removed_at_exit() {
  static DirectoriesRemovedAtExit directories;
  return directories;
}

}  // namespace

std::filesystem::path fresh_directory(const std::string& name) {
  std::filesystem::path dir = std::filesystem::temp_directory_path() /
                              ("zhizao-cli-" + std::to_string(::getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  directories_removed_at_exit().add(dir);
  return dir;
}

std::filesystem::path test_data(const std::string& relative) {
  return std::filesystem::path(ZHIZAO_TEST_DATA) / relative;
}

RunResult run_zhizao(const std::vector<std::string>& args) {
  static int counter = 0;
  std::filesystem::path dir = fresh_directory("run" + std::to_string(counter++));
  std::string command = shell_quote(ZHIZAO_BINARY);
  for (const std::string& arg : args) command += " " + shell_quote(arg);
  command +=
      " >" + shell_quote((dir / "out").string()) + " 2>" + shell_quote((dir / "err").string());
  command += " </dev/null";
  int status = std::system(command.c_str());
  RunResult result;
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  result.out = read_file(dir / "out");
  result.err = read_file(dir / "err");
  std::filesystem::remove_all(dir);
  return result;
}

std::string compare_with_golden(const std::string& actual, const std::string& relative) {
  std::filesystem::path golden = test_data(relative);
  const char* update = std::getenv("ZHIZAO_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::filesystem::create_directories(golden.parent_path());
    std::ofstream(golden, std::ios::binary) << actual;
    return "";
  }
  std::string expected = read_file(golden);
  if (expected == actual) return "";
  size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  return "differs from " + golden.string() + " at byte " + std::to_string(at) +
         " (ZHIZAO_UPDATE_GOLDEN=1 rewrites it after review); actual:\n" + actual;
}

}  // namespace zhizao::testing
