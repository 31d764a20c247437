// Inputs the fuzz targets (fuzz/) found to break an invariant of ingest, each kept here as a unit
// test (the raw inputs are replayed from fuzz/regressions/ too).
#include <gtest/gtest.h>

#include <string>

#include "ingest/csv_writer.h"
#include "ingest/field_parsers.h"
#include "ingest/file_parser.h"

namespace zhizao::detail {
namespace {

// fuzz/regressions/field_parsers_fuzzer/plain_decimal_subnormal: plain_decimal writes very large
// and very small numbers with hundreds of digits, which parse_number refused beyond 128
// characters, so an exported value did not import again.
TEST(FuzzRegressionTest, PlainDecimalOfExtremeValuesParsesBack) {
  for (double value : {1e300, -1.5e300, 1e-300, 5.3e-315, 1.7976931348623157e308}) {
    std::string text = plain_decimal(value);
    ASSERT_GT(text.size(), 128u) << value;
    Result<double> parsed = parse_number(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, value);
  }
  EXPECT_EQ(*parse_number("1" + std::string(200, '0')), 1e200);
}

// fuzz/regressions/csv_reader_fuzzer/blank_header_unterminated_quote: a CSV syntax error in a
// field whose header cell is blank was reported with an empty column ("monthly.csv:2: : ...").
TEST(FuzzRegressionTest, SyntaxErrorUnderABlankHeaderNamesTheRow) {
  ParsedFile file = parse_file({"monthly.csv", ",\n\""}, ImportOptions{});
  ASSERT_FALSE(file.findings.errors.empty());
  bool found = false;
  for (const Finding& finding : file.findings.errors) {
    EXPECT_FALSE(finding.column.empty()) << finding.reason;
    if (finding.reason == "unterminated quoted field") {
      found = true;
      EXPECT_EQ(finding.line, 2);
      EXPECT_EQ(finding.column, "(row)");
    }
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace zhizao::detail
