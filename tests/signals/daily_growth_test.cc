// The contract's daily-electricity figures on hand-computed cases: year blocks, monthly
// electricity, calendar-aligned growth (29 February against nothing, missing days), and the
// Spring-Festival alignment of the nowcast, with a festival that moves from February to January.
#include "signals/daily_growth.h"

#include <gtest/gtest.h>

#include <cmath>

#include "signals/spring_festival.h"

namespace zhizao {
namespace {

using detail::DailyYearBlock;
using detail::day_slot;

DailyElectricityYear block(std::string uscc, int year,
                           std::initializer_list<std::pair<CivilDate, double>> readings) {
  DailyElectricityYear b{std::move(uscc), year, {}};
  for (const auto& [date, kwh] : readings) b.readings.set(day_slot(date), kwh);
  return b;
}

TEST(DailyYearBlock, SlotsFollowALeapYearSoADateHasOneSlotInEveryYear) {
  EXPECT_EQ(day_slot(1, 1), 0);
  EXPECT_EQ(day_slot(2, 28), 58);
  EXPECT_EQ(day_slot(2, 29), 59);
  EXPECT_EQ(day_slot(3, 1), 60);
  EXPECT_EQ(day_slot(12, 31), 365);
}

TEST(DailyYearBlock, EncodesTheReadingsAndDropsTrailingEmptyDays) {
  DailyYearBlock b;
  b.set(day_slot(1, 2), 12.5);
  b.set(day_slot(1, 4), 0.0);
  std::vector<unsigned char> bytes = b.encode();
  EXPECT_EQ(bytes.size(), 4u * 8);  // slots 0..3
  Result<DailyYearBlock> back = DailyYearBlock::decode("X", 2021, 2, bytes);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->at(day_slot(1, 2)), 12.5);
  EXPECT_EQ(back->at(day_slot(1, 4)), 0.0);
  EXPECT_FALSE(back->at(day_slot(1, 1)).has_value());
  EXPECT_FALSE(back->at(day_slot(1, 3)).has_value());
  EXPECT_TRUE(DailyYearBlock().encode().empty());
}

TEST(DailyYearBlock, RefusesADamagedBlob) {
  DailyYearBlock b;
  b.set(0, 1.0);
  std::vector<unsigned char> bytes = b.encode();
  EXPECT_EQ(DailyYearBlock::decode("X", 2021, 2, bytes).error().code(), StatusCode::kCorruption);
  bytes.push_back(0);
  EXPECT_EQ(DailyYearBlock::decode("X", 2021, 1, bytes).error().code(), StatusCode::kCorruption);
  std::vector<unsigned char> negative(8, 0);
  negative[7] = 0xBF;  // 0xBFF0000000000000 = -1.0, little-endian
  negative[6] = 0xF0;
  EXPECT_EQ(DailyYearBlock::decode("X", 2021, 1, negative).error().code(), StatusCode::kCorruption);
}

TEST(DailyGrowth, MonthlyElectricityIsTheMonthsKwhIn10To4Kwh) {
  DailyElectricityYear b =
      block("A", 2021, {{{2021, 3, 1}, 110}, {{2021, 3, 31}, 620}, {{2021, 4, 1}, 9}});
  EXPECT_DOUBLE_EQ(*monthly_electricity(b.readings, 2021, 3), 0.073);
  EXPECT_FALSE(monthly_electricity(b.readings, 2021, 5).has_value());
}

TEST(DailyGrowth, CalendarAlignedOverEnterpriseDaysReadInBothYears) {
  std::vector<DailyElectricityYear> y2021 = {
      block("A", 2021, {{{2021, 3, 1}, 110}, {{2021, 3, 2}, 120}, {{2021, 3, 3}, 500}}),
      block("B", 2021, {{{2021, 3, 31}, 30}}),
      block("C", 2021, {{{2021, 3, 1}, 7000}}),  // no readings a year earlier
  };
  std::vector<DailyElectricityYear> y2020 = {
      block("A", 2020, {{{2020, 3, 1}, 100}, {{2020, 3, 2}, 100}}),
      block("B", 2020, {{{2020, 3, 2}, 900}, {{2020, 3, 31}, 40}}),
  };
  DailyGrowthSums sums = pair_sums(y2021, y2020, calendar_pairs(2021, 3));
  EXPECT_EQ(sums.pairs, 3);
  EXPECT_DOUBLE_EQ(sums.current, 260);
  EXPECT_DOUBLE_EQ(sums.previous, 240);
  EXPECT_DOUBLE_EQ(*sums.growth(), 100 * (260.0 / 240 - 1));
  EXPECT_EQ(days_with_readings(y2021, 2021, 3), 4);
  EXPECT_EQ(last_day_with_readings(y2021, 2021, 3), 31);
  EXPECT_EQ(days_with_readings(y2021, 2021, 4), 0);
  // Only the days up to the 2nd.
  EXPECT_EQ(pair_sums(y2021, y2020, calendar_pairs(2021, 3, 2)).pairs, 2);
}

TEST(DailyGrowth, TwentyNinthOfFebruaryIsComparedWithNothing) {
  std::vector<DayPair> leap = calendar_pairs(2020, 2);
  EXPECT_EQ(leap.size(), 28u);
  std::vector<DailyElectricityYear> y2020 = {
      block("A", 2020, {{{2020, 2, 28}, 50}, {{2020, 2, 29}, 1000}})};
  std::vector<DailyElectricityYear> y2019 = {block("A", 2019, {{{2019, 2, 28}, 40}})};
  std::vector<DailyElectricityYear> y2021 = {block("A", 2021, {{{2021, 2, 28}, 60}})};
  EXPECT_DOUBLE_EQ(*pair_sums(y2020, y2019, leap).growth(), 25);
  // The year after: 28 February against 28 February, 29 February 2020 unused.
  EXPECT_DOUBLE_EQ(*pair_sums(y2021, y2020, calendar_pairs(2021, 2)).growth(), 20);
}

TEST(DailyGrowth, NoPairOrAZeroPreviousSumIsNull) {
  std::vector<DailyElectricityYear> now = {block("B", 2021, {{{2021, 4, 1}, 5}})};
  std::vector<DailyElectricityYear> before = {block("B", 2020, {{{2020, 4, 1}, 0}})};
  EXPECT_FALSE(pair_sums(now, before, calendar_pairs(2021, 4)).growth().has_value());
  EXPECT_FALSE(pair_sums(now, {}, calendar_pairs(2021, 4)).growth().has_value());
}

// A factory that runs at 100 kWh a day and at 30 during the festival week (the festival and the
// six days after it). The festival moves from 5 February 2019 to 25 January 2020: January 2020
// holds the festival week, January 2019 does not.
std::vector<DailyElectricityYear> festival_factory(int year) {
  DailyElectricityYear b{"A", year, {}};
  int festival = days_since_epoch(*spring_festival(year));
  for (int day = days_since_epoch({year, 1, 1}); day <= days_since_epoch({year, 12, 31}); ++day) {
    CivilDate date = date_of_epoch_day(day);
    bool holiday = day >= festival && day <= festival + 6;
    b.readings.set(day_slot(date), holiday ? 30.0 : 100.0);
  }
  return {b};
}

TEST(FestivalAlignment, AFestivalMovingFromFebruaryToJanuaryDoesNotLookLikeASlump) {
  auto y2020 = festival_factory(2020);
  auto y2019 = festival_factory(2019);
  auto y2018 = festival_factory(2018);
  // By the calendar, January 2020 fell: (24 × 100 + 7 × 30) / (31 × 100) − 1.
  DailyGrowthSums calendar = pair_sums(y2020, y2019, calendar_pairs(2020, 1));
  EXPECT_NEAR(*calendar.growth(), 100 * (2610.0 / 3100 - 1), 1e-9);
  // Aligned on the festival, January 2020 is compared with 12 January – 11 February 2019: the
  // same days counted from the festival, holiday week against holiday week. No change.
  std::vector<DayPair> aligned = festival_pairs({2020, 1, 1}, {2020, 1, 31});
  ASSERT_EQ(aligned.size(), 31u);
  EXPECT_EQ(aligned.front().previous_slot, day_slot(1, 12));
  EXPECT_EQ(aligned.back().previous_slot, day_slot(2, 11));
  EXPECT_DOUBLE_EQ(*pair_sums(y2020, y2019, aligned, nullptr, y2018).growth(), 0);
  // The same over the days so far, in the festival week itself.
  EXPECT_DOUBLE_EQ(
      *pair_sums(y2020, y2019, festival_pairs({2020, 1, 1}, {2020, 1, 27}), nullptr, y2018)
           .growth(),
      0);
}

TEST(FestivalAlignment, AFestivalMovingFromJanuaryToFebruaryReachesBackIntoDecember) {
  // 2021-02-12 against 2020-01-25: 2021's window starts 18 days later, i.e. 1 January 2021 is
  // compared with 14 December 2019 (two years back).
  std::vector<DayPair> aligned = festival_pairs({2021, 1, 1}, {2021, 2, 28});
  ASSERT_EQ(aligned.size(), 59u);
  EXPECT_EQ(aligned.front().years_back, 2);
  EXPECT_EQ(aligned.front().previous_slot, day_slot(12, 14));
  EXPECT_EQ(aligned[42].slot, day_slot(2, 12));
  EXPECT_EQ(aligned[42].previous_slot, day_slot(1, 25));
  EXPECT_EQ(aligned[42].years_back, 1);
  auto y2021 = festival_factory(2021);
  auto y2020 = festival_factory(2020);
  auto y2019 = festival_factory(2019);
  EXPECT_DOUBLE_EQ(*pair_sums(y2021, y2020, aligned, nullptr, y2019).growth(), 0);
  EXPECT_LT(*pair_sums(y2021, y2020, calendar_pairs(2021, 2)).growth(), -10);
}

TEST(FestivalAlignment, MonthsAfterFebruaryAndYearsOutsideTheTableGoByTheCalendar) {
  std::vector<DayPair> march = festival_pairs({2021, 3, 1}, {2021, 3, 31});
  ASSERT_EQ(march.size(), 31u);
  for (const DayPair& p : march) {
    EXPECT_EQ(p.slot, p.previous_slot);
    EXPECT_EQ(p.years_back, 1);
  }
  std::vector<DayPair> old = festival_pairs({2015, 1, 1}, {2015, 2, 28});  // 2014 unknown
  EXPECT_EQ(old.size(), 59u);
  EXPECT_EQ(old.back().slot, old.back().previous_slot);
}

// The divisions' sums in one pass: element 0 is pair_sums over everyone, element g over group g
// (A and C in group 1; B in none; D, read in one year only, adds nothing), by hand:
// group 1 = (10 + 30) / (8 + 20) → 100 × (40/28 − 1) = 42.857142857…%.
TEST(DailyGrowth, GroupedSumsAreThoseOfEachGroupAndOfEveryone) {
  std::vector<DailyElectricityYear> now{
      block("A", 2021, {{{2021, 3, 1}, 10}}), block("B", 2021, {{{2021, 3, 1}, 5}}),
      block("C", 2021, {{{2021, 3, 1}, 30}}), block("D", 2021, {{{2021, 3, 1}, 7}})};
  std::vector<DailyElectricityYear> before{block("A", 2020, {{{2020, 3, 1}, 8}}),
                                           block("B", 2020, {{{2020, 3, 1}, 4}}),
                                           block("C", 2020, {{{2020, 3, 1}, 20}})};
  std::vector<DayPair> pairs = calendar_pairs(2021, 3);
  EnterpriseGroups groups{{"A", 1}, {"C", 1}, {"D", 2}};
  std::vector<DailyGrowthSums> sums = grouped_pair_sums(now, before, pairs, groups, 3);
  ASSERT_EQ(sums.size(), 3u);
  DailyGrowthSums everyone = pair_sums(now, before, pairs);
  EXPECT_EQ(sums[0].current, everyone.current);  // to the last bit
  EXPECT_EQ(sums[0].previous, everyone.previous);
  EXPECT_EQ(sums[0].pairs, 3);
  EXPECT_EQ(sums[1].current, 40);
  EXPECT_EQ(sums[1].previous, 28);
  EXPECT_NEAR(*sums[1].growth(), 42.857142857142854, 1e-12);
  EXPECT_EQ(sums[2].pairs, 0);
  EXPECT_FALSE(sums[2].growth().has_value());
  EXPECT_EQ(grouped_days_with_readings(now, 2021, 3, groups, 3), (std::vector<int>{1, 1, 1}));
  EXPECT_EQ(grouped_days_with_readings(now, 2021, 4, groups, 3), (std::vector<int>{0, 0, 0}));
}

}  // namespace
}  // namespace zhizao
