// Shared steps of the black-box CLI tests: import a folder of contract files into a database.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "cli/cli_harness.h"

namespace zhizao::testing {

// Returns the CSV files of a folder, sorted by name (or reversed with kReverse).
enum class FileOrder { kByName, kReverse };
std::vector<std::string> csv_files_in(const std::filesystem::path& dir, FileOrder order);

// Runs `zhizao import --db DB FILES...` and returns the result.
RunResult import_into(const std::filesystem::path& db, const std::vector<std::string>& files);

}  // namespace zhizao::testing
