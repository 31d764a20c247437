// MonthlyFileStream's window (issue 17, an import in bounded memory): whatever the lines of the
// file, the stream never holds more than a part's bytes plus one record's bound, and its parts
// together are the whole file's records.
#include "ingest/monthly_stream.h"

#include <fmt/format.h>

#include <fstream>

#include "import_fixture.h"
#include "ingest/file_parser.h"

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
    std::vector<long> lines;        // of the records parsed, in order
    std::vector<std::string> rows;  // each parsed record's code, period and output
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

  static std::string row_text(const MonthlyRecord& row) {
    return fmt::format("{} {} {}", row.uscc, row.period.to_string(), row.output);
  }

  // The records of `bytes` parsed whole, as stream() lists them.
  static std::vector<std::string> whole_file_rows(const std::string& bytes,
                                                  std::size_t record_bound) {
    ParsedFile whole =
        ::zhizao::detail::parse_file(SourceFile{"monthly.csv", bytes}, options_of(0, record_bound));
    std::vector<std::string> rows;
    for (const MonthlyRecord& row : whole.rows.monthly) rows.push_back(row_text(row));
    return rows;
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
      for (const MonthlyRecord& row : part.rows.monthly) streamed.rows.push_back(row_text(row));
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
    EXPECT_EQ(streamed.rows, whole_file_rows(bytes, 256));
    EXPECT_TRUE(streamed.errors.empty());
    EXPECT_LE(streamed.most_held, chunk + 256 + 4);
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
    EXPECT_LE(streamed.most_held, chunk + 1024 + 4);
  }
}

// A part of one byte whose window starts with a CRLF blank line: the line is passed over whole, so
// the record after the blank run is read from a window that holds all of it (a review found it
// cut in two when the blank line was taken for a record).
TEST_F(MonthlyStreamTest, ACrlfBlankLineAtAOneBytePartIsPassedOverWhole) {
  std::string bytes(kHeader);
  bytes += monthly_line(0) + "\r\n" + std::string(250, '\n') + monthly_line(1);
  for (std::size_t chunk : {1, 2, 3}) {
    SCOPED_TRACE(fmt::format("parts of {} bytes", chunk));
    Streamed streamed = stream(bytes, chunk, 256);
    EXPECT_EQ(streamed.rows, whole_file_rows(bytes, 256));
    EXPECT_EQ(streamed.lines, (std::vector<long>{2, 254}));
    EXPECT_TRUE(streamed.errors.empty());
  }
}

// Quoted fields with line breaks, CRLF records and a last line without a line feed, at every part
// size up to a few records: the records, lines and errors of the whole file.
TEST_F(MonthlyStreamTest, EveryPartSizeGivesTheWholeFilesRecords) {
  std::string bytes(kHeader);
  bytes += monthly_line(0);
  bytes += kU1 + ",2021-03,\"1\n2\",,\r\n\r\n";
  bytes += kU2 + ",2021-04,7,,\r\n";
  bytes += kU3 + ",\"2021-05\",8,,";
  for (std::size_t chunk = 1; chunk <= 120; ++chunk) {
    SCOPED_TRACE(fmt::format("parts of {} bytes", chunk));
    Streamed streamed = stream(bytes, chunk, 64);
    EXPECT_EQ(streamed.rows, whole_file_rows(bytes, 64));
    EXPECT_EQ(streamed.errors, whole_file_errors(bytes, 64));
    EXPECT_LE(streamed.most_held, chunk + 64 + 4);
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
  EXPECT_LE(streamed.most_held, 10 * line_bytes + 256 + 4);
}

}  // namespace
}  // namespace zhizao::testing_support
