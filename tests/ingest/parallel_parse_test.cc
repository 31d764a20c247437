// Large files parsed in two halves on two threads (file_parser.cc, record_split.h): the result
// must be exactly that of one reader going through the whole file, wherever quoted line breaks,
// stray quotes, syntax errors and bad rows fall, in both encodings.
#include <iconv.h>

#include <cstdint>
#include <string>

#include "import_fixture.h"
#include "ingest/file_parser.h"
#include "ingest/gb18030_test_text.h"
#include "ingest/record_split.h"
#include "ingest/uscc_fast_path.h"

namespace zhizao::testing_support {
namespace {

using zhizao::detail::ParsedFile;

// Rows enough for the text to pass kParallelParseMinBytes (about 50 bytes a row).
constexpr int kRows = 100'000;

std::string uscc_of(int i) {
  constexpr std::string_view kCodeSet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  std::string first17 = "91410300MA";
  for (int k = 6; k >= 0; --k) {
    int digit = i;
    for (int j = 0; j < k; ++j) digit /= 31;
    first17.push_back(kCodeSet[static_cast<size_t>(digit % 31)]);
  }
  return valid_uscc(first17);
}

// An enterprises file whose row i (line i + 2) has name `name(i)`.
template <typename Name>
std::string enterprises_text(Name name) {
  std::string text = "uscc,name,industry,region,park,chains,key\n";
  for (int i = 0; i < kRows; ++i) text += uscc_of(i) + "," + name(i) + ",1311,410302,,,1\n";
  return text;
}

// A monthly file of `rows` rows: `months` months (from 2020-01) of each enterprise in turn, as
// uscc_of numbers them.
std::string monthly_text(int rows, int months = 2) {
  std::string text = "uscc,period,output,value_added,electricity\n";
  for (int i = 0; i < rows; ++i) {
    int month = i % months;
    text += uscc_of(i / months) + "," + std::to_string(2020 + month / 12) + "-" +
            (month % 12 < 9 ? "0" : "") + std::to_string(month % 12 + 1) + ",100.5,30,2\n";
  }
  return text;
}

std::vector<std::string> messages(const ParsedFile& file) {
  std::vector<std::string> out;
  for (const zhizao::detail::Finding& f : file.findings.errors) {
    out.push_back(std::to_string(f.line) + ": " + f.column + ": " + f.reason);
  }
  std::sort(out.begin(), out.end());
  return out;
}

ParsedFile parse(std::string name, std::string bytes) {
  return zhizao::detail::parse_file({std::move(name), std::move(bytes)}, ImportOptions{});
}

TEST(RecordSplit, SmallTextsAreNotSplit) {
  EXPECT_EQ(zhizao::detail::find_split_point("id,name\na,b\n", 8), std::nullopt);
}

TEST(RecordSplit, SplitsAfterALineFeedOutsideQuotes) {
  std::string text = enterprises_text([](int) { return std::string("\"甲\n乙\""); });
  std::optional<size_t> split = zhizao::detail::find_split_point(text, text.find('\n') + 1);
  ASSERT_TRUE(split.has_value());
  EXPECT_EQ(text[*split - 1], '\n');
  EXPECT_EQ(text.substr(*split, 10), "91410300MA");  // a record starts there
  EXPECT_EQ(zhizao::detail::line_at(text, *split),
            1 + std::count(text.begin(), text.begin() + static_cast<long>(*split), '\n'));
}

TEST(ParallelParse, EveryRowInOrderWithItsLine) {
  ParsedFile file =
      parse("enterprises.csv", enterprises_text([](int i) { return "企业" + std::to_string(i); }));
  EXPECT_EQ(messages(file), std::vector<std::string>{});
  ASSERT_EQ(file.rows.enterprises.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(file.records, kRows);
  for (int i = 0; i < kRows; i += 997) {
    EXPECT_EQ(file.rows.enterprises[static_cast<size_t>(i)].name, "企业" + std::to_string(i));
    EXPECT_EQ(file.lines[static_cast<size_t>(i)], i + 2);
  }
  EXPECT_EQ(file.lines.back(), kRows + 1);
}

TEST(ParallelParse, QuotedLineBreaksInEveryRowKeepPhysicalLines) {
  ParsedFile file = parse("enterprises.csv", enterprises_text([](int i) {
                                               return i == kRows - 1
                                                          ? std::string("\"甲\n\"\"乙\"\"\"")
                                                          : std::string("\"甲\n乙\"");
                                             }) + "bad,\"x\ny\",1311,410302,,,1\n");
  // Row i starts on line 2 + 2i; the extra row after the last one on line 2 + 2 * kRows.
  EXPECT_EQ(messages(file), std::vector<std::string>{std::to_string(2 + 2 * kRows) +
                                                     ": uscc: not 18 characters: \"BAD\""});
  ASSERT_EQ(file.rows.enterprises.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(file.rows.enterprises.back().name, "甲\n\"乙\"");
  EXPECT_EQ(file.lines[kRows / 2], 2 + 2 * (kRows / 2));
}

TEST(ParallelParse, AStrayQuoteThatFoolsTheSplitFallsBackToOneReader) {
  // Row 0's name holds one literal quote (legal in an unquoted field): quote parity is then odd
  // at every record boundary, so the split guess lands inside a quoted field.
  ParsedFile file = parse("enterprises.csv", enterprises_text([](int i) {
                            return i == 0 ? std::string("5\"寸") : std::string("\"甲\n乙\"");
                          }));
  EXPECT_EQ(messages(file), std::vector<std::string>{});
  ASSERT_EQ(file.rows.enterprises.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(file.rows.enterprises[0].name, "5\"寸");
  EXPECT_EQ(file.lines.back(), 2 + 2 * (kRows - 1) - 1);
}

TEST(ParallelParse, ASyntaxErrorInTheFirstHalfStopsReadingAsOneReaderWould) {
  std::string text = monthly_text(2 * kRows);
  size_t third_row = text.find('\n', text.find('\n', text.find('\n') + 1) + 1) + 1;
  text.replace(text.find(",100.5,", third_row), 7, ",\"100.5\"x,");
  text += uscc_of(0) + ",2021-05,-1,,\n";  // never read
  ParsedFile file = parse("monthly.csv", text);
  EXPECT_EQ(messages(file),
            std::vector<std::string>{"4: output: unexpected character after a closing quote"});
}

TEST(ParallelParse, RowErrorsOnBothSidesOfTheSplitAreAllReported) {
  std::string text = monthly_text(2 * kRows);
  std::optional<size_t> split = zhizao::detail::find_split_point(text, text.find('\n') + 1);
  ASSERT_TRUE(split.has_value());
  long split_line = zhizao::detail::line_at(text, *split);
  // Break the row just before the split and the one starting at it.
  size_t before = text.rfind('\n', *split - 2) + 1;
  text.replace(text.find("100.5", before), 5, "abc.5");
  text.replace(text.find("100.5", *split), 5, "-00.5");
  ParsedFile file = parse("monthly.csv", text);
  EXPECT_EQ(messages(file),
            (std::vector<std::string>{
                std::to_string(split_line - 1) + ": output: not a number: \"abc.5\"",
                std::to_string(split_line) + ": output: must not be negative: \"-00.5\""}));
  EXPECT_EQ(file.rows.monthly.size(), static_cast<size_t>(2 * kRows));
}

TEST(ParallelParse, Gb18030FileThroughTheSplit) {
  ParsedFile file =
      parse("enterprises.csv",
            to_gb18030(enterprises_text([](int i) { return "洛阳企业" + std::to_string(i); })));
  EXPECT_EQ(messages(file), std::vector<std::string>{});
  ASSERT_EQ(file.rows.enterprises.size(), static_cast<size_t>(kRows));
  EXPECT_EQ(file.rows.enterprises.back().name, "洛阳企业" + std::to_string(kRows - 1));
}

TEST_F(ImportTest, AnErrorInTheLastRowOfALargeFileStoresNothing) {
  constexpr int kMonths = 20;  // 10,000 enterprises keep the test short under sanitizers
  std::string enterprises = "uscc,name,industry,region,park,chains,key\n";
  for (int i = 0; i < 2 * kRows / kMonths; ++i)
    enterprises += uscc_of(i) + ",企业,1311,410302,,,1\n";
  import_ok({{"enterprises.csv", enterprises}});
  std::string monthly = monthly_text(2 * kRows, kMonths);
  monthly += uscc_of(kRows + 5) + ",2021-04,1,,\n";  // an enterprise never imported
  ImportOutcome outcome = import({{"monthly.csv", monthly}});
  EXPECT_EQ(outcome.errors,
            std::vector<std::string>{"monthly.csv:" + std::to_string(2 * kRows + 2) +
                                     ": uscc: unknown enterprise: \"" + uscc_of(kRows + 5) + "\""});
  EXPECT_TRUE(stored().monthly.empty());
  ImportOutcome clean = import_ok({{"monthly.csv", monthly_text(2 * kRows, kMonths)}});
  EXPECT_EQ(clean.summary.inserted, 2 * kRows);
  EXPECT_EQ(stored().monthly.size(), static_cast<size_t>(2 * kRows));
}

TEST(UsccFastPath, AgreesWithCheckUscc) {
  for (int i = 0; i < 5000; i += 7) {
    std::string code = uscc_of(i * 7919);
    EXPECT_TRUE(zhizao::detail::is_canonical_valid_uscc(code)) << code;
    EXPECT_EQ(check_uscc(code, default_uscc_exceptions()).value_or(""), code);
    std::string wrong = code;
    wrong[17] = wrong[17] == '0' ? '1' : '0';
    EXPECT_FALSE(zhizao::detail::is_canonical_valid_uscc(wrong)) << wrong;
    EXPECT_FALSE(check_uscc(wrong, default_uscc_exceptions()).has_value()) << wrong;
  }
  std::string lower = uscc_of(12345);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  EXPECT_FALSE(zhizao::detail::is_canonical_valid_uscc(lower));  // check_uscc normalises it
  EXPECT_FALSE(zhizao::detail::is_canonical_valid_uscc(uscc_of(1) + "0"));
  EXPECT_FALSE(zhizao::detail::is_canonical_valid_uscc(" " + uscc_of(1).substr(1)));
  EXPECT_FALSE(
      zhizao::detail::is_canonical_valid_uscc("91410300MA44IIII10"));  // I is not in the set
}

// ---- Issue 17: the parsed text given back, the later half handed over in parts ----

ParsedFile parse_releasing(std::string name, std::string bytes) {
  SourceFile source{std::move(name), std::move(bytes)};
  return zhizao::detail::parse_file(source, ImportOptions{},
                                    zhizao::detail::ConsumedBytes::kReleased);
}

void expect_same_parse(const ParsedFile& kept, const ParsedFile& released) {
  EXPECT_EQ(messages(released), messages(kept));
  EXPECT_EQ(released.rows.monthly, kept.rows.monthly);
  EXPECT_EQ(released.rows.enterprises, kept.rows.enterprises);
  EXPECT_EQ(released.lines, kept.lines);
  EXPECT_EQ(released.records, kept.records);
}

TEST(ConsumedText, GivesBackTheWholePagesBehindTheReaderOnly) {
  constexpr size_t kSize = 3 * zhizao::detail::ConsumedText::kStep;
  std::string text(kSize, 'x');
  zhizao::detail::ConsumedText kept(text, 100, zhizao::detail::ConsumedBytes::kKept);
  kept.advance_to(2 * zhizao::detail::ConsumedText::kStep);
  EXPECT_EQ(std::count(text.begin(), text.end(), 'x'), static_cast<long>(kSize));
  zhizao::detail::ConsumedText consumed(text, 100, zhizao::detail::ConsumedBytes::kReleased);
  consumed.advance_to(zhizao::detail::ConsumedText::kStep / 2);  // less than a step: nothing yet
  EXPECT_EQ(text[zhizao::detail::ConsumedText::kStep / 4], 'x');
  const size_t position = 2 * zhizao::detail::ConsumedText::kStep + 123;
  consumed.advance_to(position);
  EXPECT_EQ(text[0], 'x');                                     // before `from`
  EXPECT_EQ(text[100], 'x');                                   // on the page `from` is in
  EXPECT_EQ(text[zhizao::detail::ConsumedText::kStep], '\0');  // given back
  const size_t in_page = reinterpret_cast<std::uintptr_t>(text.data() + position) % 4096;
  EXPECT_EQ(text[position - in_page], 'x');       // the page the reader is in is kept
  EXPECT_EQ(text[position - in_page - 1], '\0');  // the page before it is given back
  EXPECT_EQ(text[position], 'x');
  EXPECT_EQ(text[kSize - 1], 'x');
}

TEST(ParallelParse, GivingTheParsedBytesBackChangesNothing) {
  std::string monthly = monthly_text(2 * kRows, 7);
  std::optional<size_t> split = zhizao::detail::find_split_point(monthly, monthly.find('\n') + 1);
  ASSERT_TRUE(split.has_value());
  monthly.replace(monthly.find("100.5", monthly.rfind('\n', *split - 2) + 1), 5, "abc.5");
  monthly.replace(monthly.find("100.5", *split), 5, "-00.5");
  ParsedFile kept = parse("monthly.csv", monthly);
  ASSERT_EQ(messages(kept).size(), 2U);
  expect_same_parse(kept, parse_releasing("monthly.csv", monthly));
  // The fallback to one reader (it reads the second half itself, so that half is kept).
  std::string stray = enterprises_text(
      [](int i) { return i == 0 ? std::string("5\"寸") : std::string("\"甲\n乙\""); });
  expect_same_parse(parse("enterprises.csv", stray), parse_releasing("enterprises.csv", stray));
  std::string converted =
      to_gb18030(enterprises_text([](int i) { return "洛阳企业" + std::to_string(i); }));
  expect_same_parse(parse("enterprises.csv", converted),
                    parse_releasing("enterprises.csv", converted));
}

TEST(ParallelParse, TheLaterHalfArrivesInPartsInFileOrder) {
  // 200,000 rows: the second reader hands over several parts of 32,768 rows.
  constexpr int kMonths = 7;
  ParsedFile file = parse_releasing("monthly.csv", monthly_text(2 * kRows, kMonths));
  EXPECT_EQ(messages(file), std::vector<std::string>{});
  ASSERT_EQ(file.rows.monthly.size(), static_cast<size_t>(2 * kRows));
  ASSERT_EQ(file.lines.size(), static_cast<size_t>(2 * kRows));
  for (int i = 0; i < 2 * kRows; ++i) {
    const MonthlyRecord& row = file.rows.monthly[static_cast<size_t>(i)];
    ASSERT_EQ(row.uscc, uscc_of(i / kMonths)) << i;
    ASSERT_EQ(row.period.month, i % kMonths + 1) << i;
    ASSERT_EQ(file.lines[static_cast<size_t>(i)], i + 2) << i;
  }
}

}  // namespace
}  // namespace zhizao::testing_support
