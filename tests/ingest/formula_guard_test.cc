// The formula guard of CSV text cells (ingest/formula_guard.h): which values are guarded, the
// escape both ways, and that it is a round trip for every value.
#include "ingest/formula_guard.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ingest/csv_writer.h"

namespace zhizao::detail {
namespace {

TEST(FormulaGuardTest, GuardsOwaspTriggersAndTheirFullWidthForms) {
  // OWASP "CSV Injection": = + - @ tab CR LF; and ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20).
  for (std::string value :
       {"=HYPERLINK(\"http://x\",\"y\")", "+cmd|' /C calc'!A0", "@SUM(1)", "-2+3", "\t=1+1",
        "\r=1+1", "\n=1+1", "=", "-", "＝1+1", "＋1", "－2", "＠SUM(1)"}) {
    EXPECT_TRUE(is_formula_like(value)) << value;
    EXPECT_EQ(neutralise_formula(value), "'" + value) << value;
  }
}

TEST(FormulaGuardTest, ApostrophesBeforeATriggerAreGuardedToo) {
  EXPECT_EQ(neutralise_formula("'=1+1"), "''=1+1");
  EXPECT_EQ(neutralise_formula("'''@x"), "''''@x");
}

TEST(FormulaGuardTest, LeavesOtherValuesAsTheyAre) {
  for (std::string value :
       {"", "甲公司", "abc", "a=b", "'abc", "'", "''", " =1+1", "1+1", "6+3+X", "(=)", "５"}) {
    EXPECT_FALSE(is_formula_like(value)) << value;
    EXPECT_EQ(neutralise_formula(value), value) << value;
  }
  // U+FF1C (＜, EF BC 9C) and U+FF3D (］, EF BC BD) share bytes with the triggers but are not.
  EXPECT_FALSE(is_formula_like("＜1"));
  EXPECT_FALSE(is_formula_like("］1"));
  EXPECT_FALSE(is_formula_like("\xEF\xBC"));  // a truncated sequence
}

TEST(FormulaGuardTest, RestoresOnlyGuardedCells) {
  EXPECT_EQ(restore_formula_text("'=1+1"), "=1+1");
  EXPECT_EQ(restore_formula_text("''=1+1"), "'=1+1");
  EXPECT_EQ(restore_formula_text("'-2+3"), "-2+3");
  EXPECT_EQ(restore_formula_text("'\t=1"), "\t=1");
  EXPECT_EQ(restore_formula_text("'＝1"), "＝1");
  // Not written by the guard: read as they are.
  EXPECT_EQ(restore_formula_text("'abc"), "'abc");
  EXPECT_EQ(restore_formula_text("''abc"), "''abc");
  EXPECT_EQ(restore_formula_text("'"), "'");
  EXPECT_EQ(restore_formula_text("=1+1"), "=1+1");  // a hand-written formula stays text
  EXPECT_EQ(restore_formula_text(""), "");
  EXPECT_EQ(restore_formula_text("甲公司"), "甲公司");
}

// Every string of up to five tokens over an alphabet of apostrophes, triggers and plain text:
// restore(neutralise(v)) == v, and what is written never begins with a trigger.
TEST(FormulaGuardTest, IsARoundTripForEveryValue) {
  const std::vector<std::string> tokens = {"'", "=", "-", "@", "\t", "a", "＝", " ", "1"};
  std::vector<std::string> values = {""};
  size_t begin = 0;
  for (int length = 1; length <= 5; ++length) {
    size_t end = values.size();
    for (size_t i = begin; i < end; ++i) {
      for (const std::string& token : tokens) values.push_back(values[i] + token);
    }
    begin = end;
  }
  ASSERT_EQ(values.size(), 1u + 9 + 81 + 729 + 6561 + 59049);
  for (const std::string& value : values) {
    std::string written = neutralise_formula(value);
    ASSERT_EQ(restore_formula_text(written), value) << written;
    // Not beginning with an apostrophe, a formula-like text would begin with a trigger.
    bool begins_with_apostrophe = !written.empty() && written.front() == '\'';
    ASSERT_TRUE(begins_with_apostrophe || !is_formula_like(written)) << written;
  }
}

TEST(CsvWriterGuardTest, TextFieldsAreGuardedAndNumbersAreNot) {
  CsvWriter out;
  out.field("=HYPERLINK(\"http://x\",\"y\")");
  out.field("+cmd|' /C calc'!A0");
  out.field("@SUM(1)");
  out.field("-2+3");
  out.field("'=x");
  out.field("'abc");
  out.number(-5);
  out.number(std::optional<double>(-0.5));
  out.end_record();
  out.field("\r=1");
  out.field("=a,b");
  out.end_record();
  EXPECT_EQ(out.text(),
            "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'+cmd|' /C calc'!A0,'@SUM(1),'-2+3,"
            "''=x,'abc,-5,-0.5\n"
            "\"'\r=1\",\"'=a,b\"\n");
}

}  // namespace
}  // namespace zhizao::detail
