#include "ingest/csv_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace zhizao::detail {
namespace {

struct Row {
  long line;
  std::vector<std::string> fields;
  bool operator==(const Row&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Row& row) {
  out << row.line << ":";
  for (const std::string& f : row.fields) out << "[" << f << "]";
  return out;
}

// Reads every record; stops at the first error, returning its message in `error`.
std::vector<Row> read_all(std::string_view text, std::string* error = nullptr,
                          long* error_line = nullptr, size_t* error_field = nullptr,
                          CsvLimits limits = {}) {
  CsvReader reader(text, limits);
  CsvRecord record;
  std::vector<Row> rows;
  while (true) {
    Result<bool> more = reader.next(record);
    if (!more) {
      if (error) *error = more.error().message();
      if (error_line) *error_line = record.line;
      if (error_field) *error_field = record.fields.size();
      return rows;
    }
    if (!*more) return rows;
    rows.push_back({record.line, {record.fields.begin(), record.fields.end()}});
  }
}

TEST(CsvReaderTest, PlainRecordsWithLf) {
  EXPECT_EQ(read_all("a,b\n1,2\n"), (std::vector<Row>{{1, {"a", "b"}}, {2, {"1", "2"}}}));
}

TEST(CsvReaderTest, CrlfAndNoFinalLineBreak) {
  EXPECT_EQ(read_all("a,b\r\n1,2\r\n3,4"),
            (std::vector<Row>{{1, {"a", "b"}}, {2, {"1", "2"}}, {3, {"3", "4"}}}));
}

TEST(CsvReaderTest, QuotedCommaQuoteAndNewline) {
  std::string text = "name,note\n\"Acme, Inc.\",\"say \"\"hi\"\"\"\n\"two\nlines\",x\r\nlast,y\n";
  EXPECT_EQ(read_all(text), (std::vector<Row>{{1, {"name", "note"}},
                                              {2, {"Acme, Inc.", "say \"hi\""}},
                                              {3, {"two\nlines", "x"}},
                                              {5, {"last", "y"}}}));
}

TEST(CsvReaderTest, EmptyFieldsAndTrailingComma) {
  EXPECT_EQ(read_all("a,,c,\n,\n"), (std::vector<Row>{{1, {"a", "", "c", ""}}, {2, {"", ""}}}));
  EXPECT_EQ(read_all("a,"), (std::vector<Row>{{1, {"a", ""}}}));
  EXPECT_EQ(read_all("\"\",x\n"), (std::vector<Row>{{1, {"", "x"}}}));
}

// A record without quotes is cut at its commas in one go (read_plain_record); a CR is data
// except right before the LF, as in the general path.
TEST(CsvReaderTest, CarriageReturnsInPlainRecordsAreDataButBeforeTheLineFeed) {
  EXPECT_EQ(read_all("a\r,b\r\n\r\r\nc,\r\nd\re\n"),
            (std::vector<Row>{{1, {"a\r", "b"}}, {2, {"\r"}}, {3, {"c", ""}}, {4, {"d\re"}}}));
}

// The bounds hold on plain records as on quoted ones: a field or a record of exactly its bound
// is read, one byte more is refused with the fields before it (a CR before the LF is not counted).
TEST(CsvReaderTest, PlainRecordsAtAndPastTheirBounds) {
  const CsvLimits limits{9, 4};  // record, field
  std::string error;
  long line = 0;
  size_t field = 0;
  EXPECT_EQ(read_all("abcd,efgh\r\nab,c\n", &error, &line, &field, limits),
            (std::vector<Row>{{1, {"abcd", "efgh"}}, {2, {"ab", "c"}}}));
  EXPECT_EQ(error, "");
  EXPECT_EQ(read_all("ab\nab,cdefg,h\n", &error, &line, &field, limits),
            (std::vector<Row>{{1, {"ab"}}}));
  EXPECT_EQ(error, "a field of more than 4 bytes");
  EXPECT_EQ(line, 2);
  EXPECT_EQ(field, 1U);
  error.clear();
  EXPECT_TRUE(read_all("abcd,efgh,\n", &error, &line, &field, limits).empty());
  EXPECT_EQ(error, "a record of more than 9 bytes");
  EXPECT_EQ(line, 1);
  EXPECT_EQ(field, 2U);
}

TEST(CsvReaderTest, BlankLinesAreSkippedButCounted) {
  EXPECT_EQ(read_all("\na\n\r\n\nb\n\n"), (std::vector<Row>{{2, {"a"}}, {5, {"b"}}}));
  EXPECT_TRUE(read_all("").empty());
}

TEST(CsvReaderTest, QuotedCrLfInsideFieldIsKept) {
  EXPECT_EQ(read_all("\"a\r\nb\",c\r\n"), (std::vector<Row>{{1, {"a\r\nb", "c"}}}));
}

TEST(CsvReaderTest, UnterminatedQuoteNamesRecordLineAndField) {
  std::string error;
  long line = 0;
  size_t field = 0;
  std::vector<Row> rows = read_all("a,b\n1,2\n3,\"open\n\nmore\n", &error, &line, &field);
  EXPECT_EQ(rows, (std::vector<Row>{{1, {"a", "b"}}, {2, {"1", "2"}}}));
  EXPECT_EQ(error, "unterminated quoted field");
  EXPECT_EQ(line, 3);
  EXPECT_EQ(field, 1u);
}

TEST(CsvReaderTest, TextAfterClosingQuoteIsAnError) {
  std::string error;
  long line = 0;
  read_all("a\n\"x\"y,z\n", &error, &line);
  EXPECT_EQ(error, "unexpected character after a closing quote");
  EXPECT_EQ(line, 2);
}

TEST(CsvReaderTest, ManyEscapesInOneRecordStayValid) {
  // Several unescaped fields in one record share the scratch buffer; each must keep its value.
  std::string text;
  for (int i = 0; i < 50; ++i) text += "\"q\"\"" + std::to_string(i) + "\",";
  text += "end\n";
  std::vector<Row> rows = read_all(text);
  ASSERT_EQ(rows.size(), 1u);
  ASSERT_EQ(rows[0].fields.size(), 51u);
  EXPECT_EQ(rows[0].fields[0], "q\"0");
  EXPECT_EQ(rows[0].fields[49], "q\"49");
  EXPECT_EQ(rows[0].fields[50], "end");
}

}  // namespace
}  // namespace zhizao::detail
