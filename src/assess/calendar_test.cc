#include "assess/calendar.h"

#include <gtest/gtest.h>

namespace mamori::assess {
namespace {

Date D(const char* iso) { return *ParseIsoDate(iso); }
std::string Due(const char* start, int days) {
  return FormatIsoDate(PeriodDeadline(D(start), days).due);
}
std::string End(const char* start, int days) {
  return FormatIsoDate(PeriodDeadline(D(start), days).period_end);
}

TEST(CalendarTest, ParsesOnlyRealDates) {
  EXPECT_EQ(FormatIsoDate(D("2013-04-23")), "2013-04-23");
  EXPECT_TRUE(ParseIsoDate("2024-02-29"));
  EXPECT_FALSE(ParseIsoDate("2023-02-29"));
  EXPECT_FALSE(ParseIsoDate("2013-4-23"));
  EXPECT_FALSE(ParseIsoDate("2013-04-23x"));
  EXPECT_FALSE(ParseIsoDate("2013-13-01"));
}

// Art. 140: the day of discovery is not counted, so day 30 is start + 30.
TEST(CalendarTest, PeriodSkipsTheFirstDay) {
  EXPECT_EQ(End("2013-04-23", 30), "2013-05-23");
  EXPECT_EQ(End("2013-04-23", 60), "2013-06-22");
}

TEST(CalendarTest, PeriodCrossesMonthAndYearEnds) {
  EXPECT_EQ(End("2023-01-31", 30), "2023-03-02");  // through a 28-day February
  EXPECT_EQ(End("2024-01-31", 30), "2024-03-01");  // leap year
  EXPECT_EQ(End("2023-12-15", 30), "2024-01-14");
  EXPECT_EQ(End("2023-11-30", 60), "2024-01-29");
  EXPECT_EQ(End("2024-12-31", 1), "2025-01-01");
}

// Art. 142 with the Act on Holidays of Administrative Organs: a period ending
// on a closed day ends on the next open day.
TEST(CalendarTest, DeadlineOnAHolidayMovesToTheNextOpenDay) {
  EXPECT_EQ(Due("2013-04-23", 30), "2013-05-23");  // a Thursday: stays
  EXPECT_EQ(Due("2013-04-23", 60), "2013-06-24");  // Saturday 06-22 -> Monday
  EXPECT_EQ(Due("2023-11-30", 30), "2024-01-04");  // 12-30 -> past the year-end closure
  EXPECT_EQ(Due("2024-04-03", 30), "2024-05-07");  // 05-03 -> past Golden Week's substitute holiday
  EXPECT_TRUE(PeriodDeadline(D("2013-04-23"), 60).moved());
  EXPECT_FALSE(PeriodDeadline(D("2013-04-23"), 30).moved());
}

TEST(CalendarTest, NationalHolidays) {
  EXPECT_TRUE(IsNationalHoliday(D("2013-01-14")));   // Coming of Age Day, 2nd Monday
  EXPECT_TRUE(IsNationalHoliday(D("2013-03-20")));   // vernal equinox
  EXPECT_TRUE(IsNationalHoliday(D("2013-09-23")));   // autumnal equinox
  EXPECT_TRUE(IsNationalHoliday(D("2013-05-06")));   // substitute for Sunday 05-05
  EXPECT_TRUE(IsNationalHoliday(D("2015-09-22")));   // citizens' holiday between two holidays
  EXPECT_TRUE(IsNationalHoliday(D("2019-05-01")));   // accession
  EXPECT_TRUE(IsNationalHoliday(D("2020-07-24")));   // Sports Day moved for the Olympics
  EXPECT_FALSE(IsNationalHoliday(D("2020-10-12")));  // ... so not on its usual Monday
  EXPECT_TRUE(IsNationalHoliday(D("2024-02-23")));   // Emperor's Birthday (Reiwa)
  EXPECT_FALSE(IsNationalHoliday(D("2024-12-23")));
  EXPECT_TRUE(IsNationalHoliday(D("2016-08-11")));  // Mountain Day
  EXPECT_FALSE(IsNationalHoliday(D("2013-05-07")));
  EXPECT_FALSE(IsNationalHoliday(D("2013-06-24")));
}

TEST(CalendarTest, AdministrativeHolidays) {
  EXPECT_TRUE(IsAdministrativeHoliday(D("2013-06-22")));  // Saturday
  EXPECT_TRUE(IsAdministrativeHoliday(D("2024-12-30")));  // year-end closure
  EXPECT_TRUE(IsAdministrativeHoliday(D("2025-01-03")));
  EXPECT_FALSE(IsAdministrativeHoliday(D("2025-01-06")));  // Monday, open
}

}  // namespace
}  // namespace mamori::assess
