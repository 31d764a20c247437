#include "ingest/csv_writer.h"

#include <gtest/gtest.h>

#include <charconv>

namespace zhizao::detail {
namespace {

TEST(PlainDecimalTest, ShortestFormWithoutExponent) {
  EXPECT_EQ(plain_decimal(0), "0");
  EXPECT_EQ(plain_decimal(1234.5), "1234.5");
  EXPECT_EQ(plain_decimal(0.1), "0.1");
  EXPECT_EQ(plain_decimal(-2.5), "-2.5");
  EXPECT_EQ(plain_decimal(1e-7), "0.0000001");
  EXPECT_EQ(plain_decimal(-1.25e-6), "-0.00000125");
  EXPECT_EQ(plain_decimal(1e21), "1000000000000000000000");
  EXPECT_EQ(plain_decimal(1.2345e17), "123450000000000000");
}

TEST(PlainDecimalTest, ReadsBackToTheSameDouble) {
  for (double value : {0.1 + 0.2, 1.0 / 3, 123456789.123, 5e-324, 1.7976931348623157e308, 2.5e-5,
                       9007199254740993.0}) {
    std::string text = plain_decimal(value);
    EXPECT_EQ(text.find('e'), std::string::npos) << text;
    double back = 0;
    std::from_chars(text.data(), text.data() + text.size(), back);
    EXPECT_EQ(back, value) << text;
  }
}

TEST(CsvWriterTest, QuotesOnlyWhereNeeded) {
  CsvWriter out;
  out.field("plain");
  out.field("a,b");
  out.field("say \"hi\"");
  out.field("two\nlines");
  out.field("");
  out.number(std::optional<double>());
  out.number(1.5);
  out.end_record();
  out.field(" padded ");
  out.end_record();
  EXPECT_EQ(out.text(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,,1.5\n\" padded \"\n");
}

}  // namespace
}  // namespace zhizao::detail
