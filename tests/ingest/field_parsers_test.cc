#include "ingest/field_parsers.h"

#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdint>
#include <string>

namespace zhizao::detail {
namespace {

std::string error_of(const Result<double>& r) { return r ? "" : r.error().message(); }

TEST(ParseNumberTest, AcceptsPlainDecimals) {
  EXPECT_EQ(*parse_number("1234.5"), 1234.5);
  EXPECT_EQ(*parse_number("0"), 0);
  EXPECT_EQ(*parse_number("007"), 7);
  EXPECT_EQ(*parse_number("-3.25"), -3.25);
  EXPECT_EQ(*parse_number("+2"), 2);
  EXPECT_EQ(*parse_number("0.1"), 0.1);
}

TEST(ParseNumberTest, AcceptsCorrectThousandsGrouping) {
  EXPECT_EQ(*parse_number("1,234.5"), 1234.5);
  EXPECT_EQ(*parse_number("12,345,678"), 12345678);
  EXPECT_EQ(*parse_number("-1,000"), -1000);
}

TEST(ParseNumberTest, RefusesEverythingElse) {
  for (const char* text : {"12,3a", "1,23", "1234,567",  ",123", "1,",  "1,2345", "0,123", "1.",
                           ".5",    "1e5",  "1 234",     "abc",  "",    "-",      "+",     "--1",
                           "1.2.3", "１２", "1,234.5,6", "nan",  "inf", "0x10"}) {
    EXPECT_EQ(error_of(parse_number(text)), std::string("not a number: \"") + text + "\"") << text;
  }
}

// A plain number ("-12.5") is read straight from the text, any other form from a copy without
// its '+' and commas: both give the same bits.
TEST(ParseNumberTest, PlainAndOtherFormsGiveTheSameBits) {
  for (std::string digits : {"1234567.891", "0.1", "9007199254740993", "1.0000000000000002"}) {
    Result<double> plain = parse_number(digits);
    Result<double> signed_copy = parse_number("+" + digits);
    ASSERT_TRUE(plain && signed_copy) << digits;
    EXPECT_EQ(std::bit_cast<std::uint64_t>(*plain), std::bit_cast<std::uint64_t>(*signed_copy))
        << digits;
  }
  EXPECT_EQ(*parse_number("1234567.891"), *parse_number("1,234,567.891"));
  EXPECT_TRUE(std::signbit(*parse_number("-0")));
  EXPECT_TRUE(std::signbit(*parse_number("-0.0")));
  // Longer than the general path's stack buffer: 1e200 either way; 1e400 is out of range.
  const std::string e200 = "1" + std::string(200, '0');
  EXPECT_EQ(*parse_number(e200), 1e200);
  EXPECT_EQ(*parse_number("+" + e200), 1e200);
  const std::string e400 = "1" + std::string(400, '0');
  EXPECT_FALSE(parse_number(e400));
  EXPECT_FALSE(parse_number("+" + e400));
}

TEST(ParseNumberTest, RangeChecks) {
  EXPECT_EQ(error_of(parse_number_in("-1", NumberRange::kNonNegative)),
            "must not be negative: \"-1\"");
  EXPECT_EQ(*parse_number_in("0", NumberRange::kNonNegative), 0);
  EXPECT_EQ(error_of(parse_number_in("0", NumberRange::kPositive)),
            "must be greater than 0: \"0\"");
  EXPECT_EQ(*parse_number_in("98.7", NumberRange::kPositive), 98.7);
  EXPECT_EQ(error_of(parse_number_in("0", NumberRange::kRatio)),
            "must be greater than 0 and at most 1: \"0\"");
  EXPECT_EQ(error_of(parse_number_in("1.01", NumberRange::kRatio)),
            "must be greater than 0 and at most 1: \"1.01\"");
  EXPECT_EQ(*parse_number_in("1", NumberRange::kRatio), 1);
  EXPECT_EQ(*parse_number_in("-5", NumberRange::kAny), -5);
  EXPECT_EQ(error_of(parse_number_in("x", NumberRange::kRatio)), "not a number: \"x\"");
}

TEST(ParseFlagTest, ZeroOneAndChinese) {
  EXPECT_TRUE(*parse_flag("1"));
  EXPECT_FALSE(*parse_flag("0"));
  EXPECT_TRUE(*parse_flag("是"));
  EXPECT_FALSE(*parse_flag("否"));
  EXPECT_EQ(parse_flag("yes").error().message(), "not 0 or 1: \"yes\"");
  EXPECT_EQ(parse_flag("2").error().message(), "not 0 or 1: \"2\"");
}

TEST(ParseYearTest, FourDigitYears) {
  EXPECT_EQ(*parse_year("2021"), 2021);
  EXPECT_EQ(*parse_year("2021年"), 2021);
  EXPECT_EQ(parse_year("21").error().message(), "not a year: \"21\"");
  EXPECT_EQ(parse_year("20211").error().message(), "not a year: \"20211\"");
  EXPECT_EQ(parse_year("1800").error().message(), "not a year: \"1800\"");
  EXPECT_EQ(parse_year("2021-01").error().message(), "not a year: \"2021-01\"");
}

TEST(SplitIdListTest, SemicolonsAsciiAndFullWidth) {
  EXPECT_EQ(split_id_list(" bearing; farm-machinery ；robots;;"),
            (std::vector<std::string_view>{"bearing", "farm-machinery", "robots"}));
  EXPECT_TRUE(split_id_list("").empty());
  EXPECT_TRUE(split_id_list(" ; ；").empty());
  EXPECT_EQ(split_id_list("one"), (std::vector<std::string_view>{"one"}));
}

}  // namespace
}  // namespace zhizao::detail
