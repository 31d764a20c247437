#include "signals/spring_festival.h"

#include <gtest/gtest.h>

namespace zhizao {
namespace {

TEST(SpringFestival, TableHoldsEachYearFrom2015To2030) {
  EXPECT_EQ(spring_festival(2020), (CivilDate{2020, 1, 25}));
  EXPECT_EQ(spring_festival(2021), (CivilDate{2021, 2, 12}));
  EXPECT_EQ(spring_festival(2015), (CivilDate{2015, 2, 19}));
  EXPECT_EQ(spring_festival(2030), (CivilDate{2030, 2, 3}));
  for (int year = kFirstFestivalYear; year <= kLastFestivalYear; ++year) {
    std::optional<CivilDate> day = spring_festival(year);
    ASSERT_TRUE(day.has_value()) << year;
    // Always between 21 January and 20 February.
    EXPECT_TRUE((day->month == 1 && day->day >= 21) || (day->month == 2 && day->day <= 20))
        << day->to_string();
  }
}

TEST(SpringFestival, OutsideTheTableIsUnknown) {
  EXPECT_FALSE(spring_festival(2014).has_value());
  EXPECT_FALSE(spring_festival(2031).has_value());
}

TEST(SpringFestival, EpochDaysRoundTrip) {
  EXPECT_EQ(days_since_epoch({1970, 1, 1}), 0);
  EXPECT_EQ(days_since_epoch({2021, 2, 12}) - days_since_epoch({2020, 1, 25}), 384);
  EXPECT_EQ(date_of_epoch_day(days_since_epoch({2020, 2, 29}) + 1), (CivilDate{2020, 3, 1}));
  EXPECT_EQ(date_of_epoch_day(-1), (CivilDate{1969, 12, 31}));
}

}  // namespace
}  // namespace zhizao
