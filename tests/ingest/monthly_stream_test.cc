// MonthlyFileStream's window (issue 17, an import in bounded memory): whatever the lines of the
// file, the stream never holds more than a part's bytes plus one record's bound, and its parts
// together are the whole file's records.
#include "ingest/monthly_stream.h"

#include <fmt/format.h>

#include <fstream>

#include "import_fixture.h"
#include "ingest/file_parser.h"
#include "ingest/gb18030_test_text.h"

namespace zhizao::testing_support {
namespace {

using ::zhizao::detail::MonthlyFileStream;
using ::zhizao::detail::ParsedFile;

constexpr std::string_view kHeader = "uscc,period,output,value_added,electricity\n";

std::string monthly_line(int month) {
  return fmt::format("{},2021-{:02d},{},,\n", kU1, month % 12 + 1, 100 + month);
}

class MonthlyStreamTest : public ImportTest {
 protected:
  // What streaming `bytes` in parts of `chunk` bytes gave.
  struct Streamed {
    long records = 0;
    std::vector<long> lines;  // of the records parsed, in order
    std::vector<std::string> errors;
    std::size_t most_held = 0;  // the largest held_bytes() after a part
    int parts = 0;
  };

  static ImportOptions options_of(std::size_t chunk, std::size_t record_bound) {
    ImportOptions options;
    options.monthly_chunk_bytes = chunk;
    options.limits.max_record_bytes = record_bound;
    options.limits.max_field_bytes = record_bound;
    return options;
  }

  // The errors of `bytes` parsed whole, as stream() lists them.
  static std::vector<std::string> whole_file_errors(const std::string& bytes,
                                                    std::size_t record_bound) {
    ParsedFile whole =
        ::zhizao::detail::parse_file(SourceFile{"monthly.csv", bytes}, options_of(0, record_bound));
    std::vector<std::string> errors;
    for (const auto& error : whole.findings.errors) {
      errors.push_back(fmt::format("{}:{} {}", error.line, error.column, error.reason));
    }
    return errors;
  }

  Streamed stream(const std::string& bytes, std::size_t chunk, std::size_t record_bound) {
    const std::string path = (dir_ / "monthly.csv").string();
    std::ofstream(path, std::ios::binary) << bytes;
    ImportOptions options = options_of(chunk, record_bound);
    options.spill_dir = dir_.string();
    Streamed streamed;
    Result<std::unique_ptr<MonthlyFileStream>> opened = MonthlyFileStream::open(path, options);
    EXPECT_TRUE(opened.has_value());
    if (!opened) return streamed;
    MonthlyFileStream& file = **opened;
    ParsedFile part;
    while (true) {
      Result<bool> more = file.next_part(part);
      EXPECT_TRUE(more.has_value());
      if (!more || !*more) break;
      ++streamed.parts;
      streamed.records += part.records;
      streamed.lines.insert(streamed.lines.end(), part.lines.begin(), part.lines.end());
      for (const auto& error : part.findings.errors) {
        streamed.errors.push_back(fmt::format("{}:{} {}", error.line, error.column, error.reason));
      }
      streamed.most_held = std::max(streamed.most_held, file.held_bytes());
    }
    return streamed;
  }
};

// Blank lines (LF and CRLF) by the hundred thousand between records, and a file that ends in
// them: the window stays within a part plus a record's bound, and every record keeps its line.
TEST_F(MonthlyStreamTest, ARunOfBlankLinesDoesNotWidenTheWindow) {
  std::string bytes(kHeader);
  std::vector<long> expected_lines;
  long line = 2;
  for (int run = 0; run < 3; ++run) {
    bytes += monthly_line(run);
    expected_lines.push_back(line++);
    for (int blank = 0; blank < 100'000; ++blank) bytes += blank % 3 ? "\n" : "\r\n";
    line += 100'000;
  }
  for (std::size_t chunk : {1, 100, 4096}) {
    SCOPED_TRACE(fmt::format("parts of {} bytes", chunk));
    Streamed streamed = stream(bytes, chunk, 256);
    EXPECT_EQ(streamed.records, 3);
    EXPECT_EQ(streamed.lines, expected_lines);
    EXPECT_TRUE(streamed.errors.empty());
    EXPECT_LE(streamed.most_held, chunk + 256 + 2);
  }
}

// One line longer than a record's bound in the middle of the file: the reader refuses it at its
// line and stops, as it would in the whole file, and the window does not grow to hold the line.
TEST_F(MonthlyStreamTest, ALineLongerThanTheBoundIsRefusedWithoutWideningTheWindow) {
  std::string bytes(kHeader);
  for (int m = 0; m < 40; ++m) bytes += monthly_line(m);
  bytes += kU2 + ",2021-01," + std::string(300'000, '7') + "\n";
  for (int m = 0; m < 40; ++m) bytes += monthly_line(m);
  for (std::size_t chunk : {1, 100, 4096}) {
    SCOPED_TRACE(fmt::format("parts of {} bytes", chunk));
    Streamed streamed = stream(bytes, chunk, 1024);
    EXPECT_EQ(streamed.records, 40);
    ASSERT_EQ(streamed.errors.size(), 1U);
    EXPECT_EQ(streamed.errors[0], "42:output a record of more than 1024 bytes");
    EXPECT_EQ(streamed.errors, whole_file_errors(bytes, 1024));
    EXPECT_LE(streamed.most_held, chunk + 1024 + 2);
  }
}

// Ordinary records: parts of about `chunk` bytes each, every record once.
TEST_F(MonthlyStreamTest, PartsEndAtTheLastRecordWithinTheChunk) {
  std::string bytes(kHeader);
  for (int m = 0; m < 200; ++m) bytes += monthly_line(m);
  const std::size_t line_bytes = monthly_line(0).size();
  Streamed streamed = stream(bytes, 10 * line_bytes, 256);
  EXPECT_EQ(streamed.records, 200);
  ASSERT_EQ(streamed.lines.size(), 200U);
  EXPECT_EQ(streamed.lines.front(), 2);
  EXPECT_EQ(streamed.lines.back(), 201);
  EXPECT_EQ(streamed.parts, 20);
  EXPECT_LE(streamed.most_held, 10 * line_bytes + 256 + 2);
}

}  // namespace
}  // namespace zhizao::testing_support
