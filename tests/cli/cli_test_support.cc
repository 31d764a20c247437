#include "cli/cli_test_support.h"

#include <algorithm>

namespace zhizao::testing {

std::vector<std::string> csv_files_in(const std::filesystem::path& dir, FileOrder order) {
  std::vector<std::string> files;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".csv") files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  if (order == FileOrder::kReverse) std::reverse(files.begin(), files.end());
  return files;
}

RunResult import_into(const std::filesystem::path& db, const std::vector<std::string>& files) {
  std::vector<std::string> args = {"import", "--db", db.string()};
  args.insert(args.end(), files.begin(), files.end());
  return run_zhizao(args);
}

}  // namespace zhizao::testing
