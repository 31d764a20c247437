// Black-box tests of the bounds on `zhizao import`'s input (docs/security.md, "Bounds on input";
// issue 19): devices, FIFOs, long lines, values quoted in messages, the file size cap and XLSX
// bombs are refused with exit code 2 and a clear message, and the real binary's peak memory
// (ru_maxrss from wait4, so that ASan's large address space does not matter) stays under 512 MB.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>

#include "cli/cli_harness.h"
#include "xlsx/zip_builder.h"

namespace zhizao::testing {
namespace {

// The issue's bound on the peak memory of a refused import.
constexpr long kMaxPeakKb = 512L * 1024;

struct Measured {
  int exit_code = -1;
  long peak_kb = 0;  // the child's ru_maxrss
  std::string err;
};

// Runs `zhizao ARGS...` as a child (no shell between), with a 120 s alarm against a hang, and
// returns its exit code, peak resident memory and standard error.
Measured run_measured(const std::vector<std::string>& args) {
  std::filesystem::path dir = fresh_directory("measured");
  std::string err_path = (dir / "err").string();
  pid_t pid = ::fork();
  if (pid == 0) {
    int err = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int null = ::open("/dev/null", O_RDWR);
    ::dup2(null, 0);
    ::dup2(null, 1);
    ::dup2(err, 2);
    ::alarm(120);
    // In a sanitizer build, ASan keeps up to 256 MB of freed memory in quarantine: resident, but
    // not the program's. A small quarantine measures what the import holds (ignored otherwise).
    std::string asan = "quarantine_size_mb=16";
    if (const char* given = std::getenv("ASAN_OPTIONS")) asan = std::string(given) + ":" + asan;
    ::setenv("ASAN_OPTIONS", asan.c_str(), 1);
    std::vector<char*> argv;
    std::string binary = ZHIZAO_BINARY;
    argv.push_back(binary.data());
    std::vector<std::string> copies = args;
    for (std::string& arg : copies) argv.push_back(arg.data());
    argv.push_back(nullptr);
    ::execv(binary.c_str(), argv.data());
    ::_exit(127);
  }
  Measured measured;
  int status = 0;
  struct rusage usage {};
  if (pid > 0 && ::wait4(pid, &status, 0, &usage) == pid) {
    measured.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    measured.peak_kb = usage.ru_maxrss;
  }
  measured.err = read_file(err_path);
  std::filesystem::remove_all(dir);
  return measured;
}

Measured import_measured(const std::filesystem::path& dir, const std::string& file,
                         std::vector<std::string> more = {}) {
  std::vector<std::string> args = {"import", "--db", (dir / "bounds.db").string()};
  args.insert(args.end(), more.begin(), more.end());
  args.push_back(file);
  return run_measured(args);
}

const std::string kRefused = "zhizao: import refused: 1 error; nothing was stored\n";

TEST(InputBoundsCli, DevZeroIsRefusedAsADevice) {
  auto dir = fresh_directory("bounds-dev-zero");
  Measured result = import_measured(dir, "/dev/zero");
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            "zhizao: error: /dev/zero: a character device, not a regular file; import reads "
            "regular files only\n");
  EXPECT_LT(result.peak_kb, kMaxPeakKb);
}

TEST(InputBoundsCli, AFifoIsRefusedWithoutWaitingForItsWriter) {
  auto dir = fresh_directory("bounds-fifo");
  std::filesystem::path fifo = dir / "monthly.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  Measured result = import_measured(dir, fifo.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, "zhizao: error: " + fifo.string() +
                            ": a FIFO (named pipe), not a regular file; import reads regular "
                            "files only\n");
}

TEST(InputBoundsCli, AHundredMegabyteLineIsRefusedInOneShortLine) {
  auto dir = fresh_directory("bounds-long-line");
  std::filesystem::path file = dir / "monthly.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "uscc,period,output\n91410302MA400001XM,2021-04,";
    std::string block(1 << 20, '9');
    for (int i = 0; i < 100; ++i) out << block;
    out << "\n";
  }
  Measured result = import_measured(dir, file.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err,
            file.string() + ":2: output: a field of more than 131072 bytes\n" + kRefused);
  // The file is held once (100 MB); the reader stopped 128 KiB into the line.
  EXPECT_LT(result.peak_kb, kMaxPeakKb);
}

TEST(InputBoundsCli, AMillionBrokenLinesAreCountedNotKept) {
  auto dir = fresh_directory("bounds-many-errors");
  std::filesystem::path file = dir / "monthly.csv";
  {
    std::ofstream out(file, std::ios::binary);
    out << "uscc,period,output\n";
    std::string block;
    for (int i = 0; i < 1000; ++i) block += "x\n";
    for (int i = 0; i < 1000; ++i) out << block;
  }
  Measured result = import_measured(dir, file.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(result.err.find(file.string() +
                            ": 2900000 more errors not listed (a file lists its first 100000)\n"
                            "zhizao: import refused: 3000000 errors; nothing was stored\n"),
            std::string::npos)
      << result.err.substr(result.err.size() > 300 ? result.err.size() - 300 : 0);
  EXPECT_LT(result.peak_kb, kMaxPeakKb);
}

TEST(InputBoundsCli, AQuotedValueIsCutToSixtyCharacters) {
  auto dir = fresh_directory("bounds-cut");
  std::filesystem::path file = dir / "monthly.csv";
  std::string value = "x" + std::string(99'999, '7');
  std::ofstream(file) << "uscc,period,output\n91410302MA400001XM,2021-04," << value << "\n";
  Measured result = import_measured(dir, file.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_NE(
      result.err.find(":2: output: not a number: \"" + value.substr(0, 60) + "…(100000 bytes)\"\n"),
      std::string::npos)
      << result.err.substr(0, 300);
  EXPECT_LT(result.err.size(), 1000u);
}

TEST(InputBoundsCli, TheFileSizeCapIsAnOptionThatAcceptsUnits) {
  auto dir = fresh_directory("bounds-size");
  std::filesystem::path file = dir / "chains.csv";
  std::ofstream(file) << "id,name\nbearing,轴承\n";  // 23 bytes
  Measured refused = import_measured(dir, file.string(), {"--max-file-size", "22"});
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_EQ(refused.err, "zhizao: error: " + file.string() +
                             ": 23 bytes, more than the 22 an import reads (raise it with "
                             "--max-file-size)\n");
  Measured admitted = import_measured(dir, file.string(), {"--max-file-size", "1KiB", "-q"});
  EXPECT_EQ(admitted.exit_code, 0) << admitted.err;
  EXPECT_EQ(admitted.err, "");
}

// Imports a bomb workbook of `piece` repeated `times` times in its sheet and checks that it is
// refused for `reason` with a peak under the bound.
void expect_bomb_refused(const std::string& name, const std::string& piece, uint64_t times,
                         const std::string& reason) {
  auto dir = fresh_directory("bounds-" + name);
  std::filesystem::path file = dir / name;
  {
    std::string bytes = testing_support::bomb_workbook(piece, times);
    ASSERT_LT(bytes.size(), 4u << 20);
    std::ofstream(file, std::ios::binary) << bytes;
  }
  Measured result = import_measured(dir, file.string());
  EXPECT_EQ(result.exit_code, 2);
  EXPECT_EQ(result.err, file.string() + ": sheet Sheet1: xl/worksheets/sheet1.xml: " + reason +
                            "\n" + kRefused);
  EXPECT_LT(result.peak_kb, kMaxPeakKb);
  ::testing::Test::RecordProperty("peak_kb", std::to_string(result.peak_kb));
}

TEST(InputBoundsCli, TheIssuesElementBombIsRefusedWithBoundedMemory) {
  // 512 MiB of <x/> in half a megabyte (9.48 GB peak before): its declared size refuses it.
  expect_bomb_refused("elements512.xlsx", "<x/>", uint64_t{128} << 20,
                      "unpacks to more than 268435456 bytes");
}

TEST(InputBoundsCli, AnElementBombDeclaredBelowThePartBoundIsStreamedToTheElementBound) {
  // 200 MiB of <x/>: parsed as a stream until the 16 Mi elements bound.
  expect_bomb_refused("elements200.xlsx", "<x/>", uint64_t{50} << 20,
                      "more than 16777216 XML elements (the bound per part)");
}

TEST(InputBoundsCli, ASpacesBombIsRefusedAtThePartBound) {
  // 300 MiB of spaces in a sheet (1 GB of them in 1 MB imported with a 2.05 GB peak before).
  expect_bomb_refused("spaces.xlsx", " ", uint64_t{300} << 20,
                      "unpacks to more than 268435456 bytes");
}

TEST(InputBoundsCli, CellsFarRightInManyRowsCostTheCellsNotTheGrid) {
  // 8,000 rows with a cell in column XFD: the sheet's grid once held 16,384 slots a row (1 GB).
  auto dir = fresh_directory("bounds-far-cells");
  std::string rows;
  for (int row = 1; row <= 8000; ++row) {
    std::string n = std::to_string(row);
    rows += "<row r=\"" + n + "\"><c r=\"XFD" + n + "\"><v>1</v></c></row>";
  }
  std::vector<testing_support::GeneratedPart> parts = testing_support::workbook_skeleton();
  parts.push_back(testing_support::sheet_part(1, "<sheetData>", rows, 1, "</sheetData>"));
  std::filesystem::path file = dir / "far.xlsx";
  std::ofstream(file, std::ios::binary) << testing_support::zip_generated_parts(parts);
  Measured result = import_measured(dir, file.string());
  EXPECT_EQ(result.exit_code, 2);  // no table in it
  EXPECT_NE(result.err.find("far.xlsx!Sheet1"), std::string::npos) << result.err;
  EXPECT_LT(result.peak_kb, kMaxPeakKb);
}

}  // namespace
}  // namespace zhizao::testing
