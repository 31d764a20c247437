#include "base/year_month.h"

#include <gtest/gtest.h>

namespace zhizao {
namespace {

TEST(YearMonth, ParsesTheThreeFormsOfTheContract) {
  for (const char* text : {"2021-04", "202104", "2021年4月", "2021年04月", " 2021-04 "}) {
    auto parsed = parse_year_month(text);
    ASSERT_TRUE(parsed.has_value()) << text;
    EXPECT_EQ(*parsed, (YearMonth{2021, 4})) << text;
  }
}

TEST(YearMonth, RefusesEverythingElseNamingTheText) {
  for (const char* text : {"2021-13", "2021-00", "2021-4", "21-04", "2021/04", "20214", "",
                           "2021年13月", "2021-04-01", "abcd-ef"}) {
    auto parsed = parse_year_month(text);
    ASSERT_FALSE(parsed.has_value()) << text;
    EXPECT_EQ(parsed.error().code(), StatusCode::kInvalidData);
    EXPECT_NE(parsed.error().message().find("not a period"), std::string::npos);
  }
}

TEST(YearMonth, IndexArithmeticCrossesYears) {
  YearMonth january{2021, 1};
  EXPECT_EQ(january.plus_months(-1), (YearMonth{2020, 12}));
  EXPECT_EQ(january.plus_months(-12), (YearMonth{2020, 1}));
  EXPECT_EQ(YearMonth::from_index(january.index()), january);
  EXPECT_EQ(january.to_string(), "2021-01");
}

TEST(CivilDate, ParsesRealDatesOnly) {
  EXPECT_EQ(*parse_civil_date("2021-02-28"), (CivilDate{2021, 2, 28}));
  EXPECT_EQ(*parse_civil_date("2020/2/29"), (CivilDate{2020, 2, 29}));
  EXPECT_EQ(*parse_civil_date("2021年4月30日"), (CivilDate{2021, 4, 30}));
  for (const char* text : {"2021-02-29", "2021-04-31", "2021-4", "2021-04-01x", "1900-13-01"}) {
    EXPECT_FALSE(parse_civil_date(text).has_value()) << text;
  }
  EXPECT_EQ(days_in_month(2000, 2), 29);
  EXPECT_EQ(days_in_month(1900, 2), 28);
}

}  // namespace
}  // namespace zhizao
