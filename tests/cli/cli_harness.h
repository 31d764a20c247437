// Black-box harness: runs the real zhizao binary (built beside the tests) as a user would.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace zhizao::testing {

struct RunResult {
  int exit_code = -1;
  std::string out;  // standard output
  std::string err;  // standard error
};

// Runs `zhizao ARGS...` with the working directory unchanged; captures both streams.
RunResult run_zhizao(const std::vector<std::string>& args);

// Returns a fresh empty directory for one test (removed and recreated); it is removed again when
// the test process exits (kept with ZHIZAO_KEEP_TEST_DIRS=1 in the environment).
std::filesystem::path fresh_directory(const std::string& name);

// Returns the path of a file or folder under tests/data.
std::filesystem::path test_data(const std::string& relative);

// Reads a whole file. Returns "" when it does not exist.
std::string read_file(const std::filesystem::path& path);

// Compares `actual` with the golden file tests/data/<relative>; with ZHIZAO_UPDATE_GOLDEN=1 in
// the environment, rewrites the golden file instead. Returns "" on a match, else a diff hint.
std::string compare_with_golden(const std::string& actual, const std::string& relative);

}  // namespace zhizao::testing
