// The bounds of file input (ingest/input_limits.h, docs/security.md "Bounds on input"): regular
// files only, a size cap, a bound on a CSV record and field that the reader checks without
// looking further, and messages that quote a value cut to a readable length.
#include <sys/stat.h>

#include <fstream>

#include "import_fixture.h"
#include "ingest/csv_reader.h"
#include "ingest/file_parser.h"
#include "ingest/finding.h"
#include "xlsx/zip_builder.h"

namespace zhizao::testing_support {
namespace {

using zhizao::detail::CsvLimits;
using zhizao::detail::CsvReader;
using zhizao::detail::CsvRecord;

// Reads records until an error; returns its message and sets `fields` to the fields before it.
std::string first_error(CsvReader& reader, size_t* fields = nullptr, long* line = nullptr) {
  CsvRecord record;
  while (true) {
    Result<bool> more = reader.next(record);
    if (!more) {
      if (fields) *fields = record.fields.size();
      if (line) *line = record.line;
      return more.error().message();
    }
    if (!*more) return "";
  }
}

TEST(CsvBounds, AFieldLongerThanItsBoundIsRefusedAtItsIndex) {
  CsvReader reader("a,b\nx,0123456789,c\nabc,0123456789A\n", CsvLimits{100, 10});
  size_t fields = 0;
  long line = 0;
  EXPECT_EQ(first_error(reader, &fields, &line), "a field of more than 10 bytes");
  EXPECT_EQ(line, 3);
  EXPECT_EQ(fields, 1u);  // the second field of line 3 is the broken one
  // The bound counts the value: a quoted field of 10 bytes once its doubled quotes are undone.
  CsvReader quoted("\"01234567\"\"8\"\r\n\"01234567\"\"89\"\n", CsvLimits{100, 10});
  EXPECT_EQ(first_error(quoted), "a field of more than 10 bytes");
}

TEST(CsvBounds, ARecordLongerThanItsBoundIsRefused) {
  // 20 bytes before CRLF is admitted; 21 is not, split over fields or quoted line breaks.
  CsvReader exact("0123456789,012345678\r\nshort\n", CsvLimits{20, 20});
  EXPECT_EQ(first_error(exact), "");
  CsvReader over("ok\n0123456789,0123456789\n", CsvLimits{20, 20});
  long line = 0;
  EXPECT_EQ(first_error(over, nullptr, &line), "a record of more than 20 bytes");
  EXPECT_EQ(line, 2);
  CsvReader quoted("\"0123456789\n0123456789\"\n", CsvLimits{20, 100});
  EXPECT_EQ(first_error(quoted),
            "a record of more than 20 bytes (in a quoted field: is a closing quote missing?)");
}

TEST(CsvBounds, TheReaderLooksNoFurtherThanTheBound) {
  // 16 MiB without a line break, and an unterminated quote before 16 MiB: each is refused
  // having looked at the first MiB (and two bytes for a CRLF) only.
  std::string zeros(16 << 20, '\0');
  CsvReader reader(zeros);
  EXPECT_EQ(first_error(reader), "a field of more than 131072 bytes");
  EXPECT_LE(reader.position(), (size_t{128} << 10) + 2);
  std::string open_quote = "\"" + std::string(16 << 20, 'x');
  CsvReader quoted(open_quote);
  EXPECT_EQ(first_error(quoted),
            "a record of more than 1048576 bytes (in a quoted field: is a closing quote missing?)");
  EXPECT_LE(quoted.position(), (size_t{1} << 20) + 2);
  // Within the bound, an unterminated quote is still called so.
  CsvReader short_quote("\"abc\n");
  EXPECT_EQ(first_error(short_quote), "unterminated quoted field");
}

TEST_F(ImportTest, ALongLineIsRefusedWithItsLineAndColumn) {
  std::string text =
      "uscc,period,output\n" + kU1 + ",2021-04," + std::string(100 << 20, '9') + "\n";
  EXPECT_EQ(errors_of({{"monthly.csv", text}}),
            std::vector<std::string>{"monthly.csv:2: output: a field of more than 131072 bytes"});
  ImportOptions options;
  options.limits.max_record_bytes = 40;
  std::string row = kU1 + ",2021-04,1300,390,12,1200,360,11\n";
  EXPECT_EQ(errors_of({{"monthly.csv",
                        "uscc,period,output,value_added,electricity,output_prev,"
                        "value_added_prev,electricity_prev\n" +
                            row}},
                      options),
            std::vector<std::string>{"monthly.csv:1: (header): a record of more than 40 bytes"});
}

TEST_F(ImportTest, MessagesCutTheValuesTheyQuote) {
  // A value of 100,000 bytes within the field bound: quoted by its first 60 characters.
  std::string long_value(100'000, '7');
  long_value[0] = 'x';
  std::vector<std::string> errors =
      errors_of({{"enterprises.csv", "uscc,name,industry,region\n" + kU1 + ",甲,13,410302\n"},
                 {"monthly.csv", "uscc,period,output\n" + kU1 + ",2021-04," + long_value + "\n"}});
  EXPECT_EQ(errors, std::vector<std::string>{"monthly.csv:2: output: not a number: \"" +
                                             long_value.substr(0, 60) + "…(100000 bytes)\""});
  // A check outside ingest (the USCC's) quotes the value whole; the message is cut anyway.
  errors = errors_of({{"enterprises.csv", "uscc,name,industry,region\n" +
                                              std::string(100'000, 'A') + ",甲,13,410302\n"}});
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_TRUE(errors[0].starts_with("enterprises.csv:2: uscc: ")) << errors[0].substr(0, 80);
  EXPECT_TRUE(errors[0].ends_with("bytes)")) << errors[0].substr(errors[0].size() - 80);
  EXPECT_LT(errors[0].size(), 400u);
}

TEST_F(ImportTest, AFileListsItsFirstHundredThousandFindingsAndCountsTheRest) {
  std::string text = "uscc,period,output\n";
  for (int i = 0; i < 40'000; ++i) text += "x\n";  // three errors a line: USCC, period, output
  ImportOutcome outcome = import({{"monthly.csv", text}});
  ASSERT_EQ(outcome.errors.size(), 100'001u);
  EXPECT_EQ(outcome.errors[0], "monthly.csv:2: uscc: not 18 characters: \"X\"");
  // Three errors a line from line 2: the 100,000th (index 99,999) is the first of line
  // 2 + 33,333.
  EXPECT_EQ(outcome.errors[99'999], "monthly.csv:33335: uscc: not 18 characters: \"X\"");
  EXPECT_EQ(outcome.errors[100'000],
            "monthly.csv: 20000 more errors not listed (a file lists its first 100000)");
  EXPECT_EQ(outcome.errors_found, 120'000u);
}

TEST(FindingListTest, AppendKeepsTheBoundAndTheEarlierFindings) {
  zhizao::detail::FindingList first;
  zhizao::detail::FindingList later;
  constexpr long kBound = static_cast<long>(zhizao::detail::kMaxListedFindings);
  for (long line = 1; line <= 600; ++line) first.push_back({line, "uscc", "bad"});
  for (long line = 601; line <= 600 + kBound; ++line) later.emplace_back(line, "uscc", "bad");
  EXPECT_EQ(later.size(), zhizao::detail::kMaxListedFindings);
  EXPECT_EQ(later.unlisted(), 0u);
  later.push_back({601 + kBound, "uscc", "bad"});
  EXPECT_EQ(later.unlisted(), 1u);
  first.append(std::move(later));
  EXPECT_EQ(first.size(), zhizao::detail::kMaxListedFindings);
  EXPECT_EQ(first[kBound - 1].line, kBound);
  EXPECT_EQ(first.unlisted(), 601u);  // 600 of the later list's listed ones, and its 1 unlisted
  EXPECT_FALSE(first.empty());
}

TEST(ReservedRecords, AFileOfBlankLinesReservesNoRecordPerLine) {
  // 4 MiB of line feeds: once a record reserved for each (a 4 GiB file reserved hundreds of
  // gigabytes); now at most one per 24 bytes, the least a kept monthly record takes.
  std::string text = "uscc,period,output\n" + std::string(4 << 20, '\n');
  zhizao::detail::ParsedFile file = zhizao::detail::parse_file({"monthly.csv", text}, {});
  EXPECT_TRUE(file.findings.errors.empty());
  EXPECT_EQ(file.records, 0);
  EXPECT_LE(file.rows.monthly.capacity(), text.size() / 24 + 1);
  EXPECT_LE(file.lines.capacity(), text.size() / 24 + 1);
}

TEST_F(ImportTest, OnlyRegularFilesOfAtMostTheCapAreRead) {
  std::filesystem::path chains = dir_ / "chains.csv";
  std::ofstream(chains) << "id,name\nbearing,轴承\n";  // 23 bytes
  std::filesystem::path fifo = dir_ / "fifo.csv";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  struct Case {
    std::string path;
    std::string message;
  };
  for (const Case& c : std::vector<Case>{
           {fifo.string(), fifo.string() + ": a FIFO (named pipe), not a regular file; import "
                                           "reads regular files only"},
           {"/dev/zero",
            "/dev/zero: a character device, not a regular file; import reads "
            "regular files only"},
           {dir_.string(), dir_.string() + ": a directory, not a regular file; import reads "
                                           "regular files only"}}) {
    Result<ImportOutcome> refused = import_files(*db_, {chains.string(), c.path}, {});
    ASSERT_FALSE(refused.has_value()) << c.path;
    EXPECT_EQ(refused.error().code(), StatusCode::kInvalidData);
    EXPECT_EQ(refused.error().message(), c.message);
  }
  ImportOptions options;
  options.limits.max_file_bytes = 22;
  Result<ImportOutcome> too_large = import_files(*db_, {chains.string()}, options);
  ASSERT_FALSE(too_large.has_value());
  EXPECT_EQ(too_large.error().message(),
            chains.string() +
                ": 23 bytes, more than the 22 an import reads (raise it with "
                "--max-file-size)");
  EXPECT_EQ(stored(), empty_dataset());
  options.limits.max_file_bytes = 23;
  Result<ImportOutcome> done = import_files(*db_, {chains.string()}, options);
  ASSERT_TRUE(done.has_value()) << done.error().message();
  EXPECT_TRUE(done->errors.empty());
}

TEST_F(ImportTest, WorkbookBoundsComeFromTheImportOptions) {
  std::vector<GeneratedPart> parts = workbook_skeleton();
  std::string rows;
  for (int row = 1; row <= 5; ++row) {
    rows += "<row><c t=\"inlineStr\"><is><t>x</t></is></c><c><v>1</v></c></row>";
  }
  parts.push_back(sheet_part(1, "<sheetData>", rows, 1, "</sheetData>"));
  ImportOptions options;
  options.limits.workbook.max_cells = 9;
  EXPECT_EQ(errors_of({{"book.xlsx", zip_generated_parts(parts)}}, options),
            std::vector<std::string>{"book.xlsx: sheet Sheet1: xl/worksheets/sheet1.xml: B5: "
                                     "more than 9 cells (the bound per workbook)"});
}

}  // namespace
}  // namespace zhizao::testing_support
