// Helpers for the xlsx tests: build a workbook with libxlsxwriter's C API in a temporary file
// and return its bytes.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>

namespace zhizao::testing_support {

inline std::string temp_path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) /
          ("zhizao_xlsx_" + std::to_string(getpid()) + "_" + name))
      .string();
}

inline std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Writes a workbook with `fill` (which adds sheets and cells) and returns its bytes.
inline std::string build_workbook(const std::function<void(lxw_workbook*)>& fill,
                                  bool constant_memory = false) {
  std::string path = temp_path("built.xlsx");
  lxw_workbook_options options = {};
  options.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
  lxw_workbook* workbook = workbook_new_opt(path.c_str(), &options);
  fill(workbook);
  EXPECT_EQ(workbook_close(workbook), LXW_NO_ERROR);
  std::string bytes = read_bytes(path);
  std::filesystem::remove(path);
  return bytes;
}

}  // namespace zhizao::testing_support
