#include "assess/calendar.h"

#include <cmath>
#include <cstdio>

namespace mamori::assess {
namespace {

using std::chrono::day;
using std::chrono::days;
using std::chrono::Monday;
using std::chrono::month;
using std::chrono::Saturday;
using std::chrono::Sunday;
using std::chrono::weekday;
using std::chrono::year;
using std::chrono::year_month_day;

// The n-th Monday of a month (Happy Monday holidays).
unsigned NthMonday(int y, unsigned m, unsigned n) {
  const Date first = std::chrono::sys_days(year(y) / month(m) / day(1));
  const unsigned offset = (weekday(Monday) - weekday(first)).count();
  return 1 + offset + 7 * (n - 1);
}

// Equinox days by the formula of the National Astronomical Observatory's
// almanac, valid 1980-2099.
unsigned VernalEquinox(int y) {
  return static_cast<unsigned>(std::floor(20.8431 + 0.242194 * (y - 1980)) -
                               std::floor((y - 1980) / 4.0));
}
unsigned AutumnalEquinox(int y) {
  return static_cast<unsigned>(std::floor(23.2488 + 0.242194 * (y - 1980)) -
                               std::floor((y - 1980) / 4.0));
}

// Holidays named by the Act (no substitute or in-between days).
bool IsNamedHoliday(int y, unsigned m, unsigned d) {
  const auto on = [&](unsigned hm, unsigned hd) { return m == hm && d == hd; };
  if (on(1, 1) || on(2, 11) || on(4, 29) || on(5, 3) || on(5, 4) || on(5, 5) || on(11, 3) ||
      on(11, 23)) {
    return true;
  }
  if (y < 2007 || y > 2099) return false;
  if (on(2, 23) && y >= 2020) return true;   // Emperor's Birthday (Reiwa)
  if (on(12, 23) && y <= 2018) return true;  // Emperor's Birthday (Heisei)
  if (y == 2019 && (on(4, 30) || on(5, 1) || on(5, 2) || on(10, 22))) return true;  // accession
  if (on(1, NthMonday(y, 1, 2))) return true;  // Coming of Age Day
  if (on(3, VernalEquinox(y)) || on(9, AutumnalEquinox(y))) return true;
  if (on(9, NthMonday(y, 9, 3))) return true;  // Respect for the Aged Day
  // Marine, Mountain and Sports Day moved for the Olympic Games in 2020 and 2021.
  if (y == 2020) return on(7, 23) || on(7, 24) || on(8, 10);
  if (y == 2021) return on(7, 22) || on(7, 23) || on(8, 8);
  if (on(7, NthMonday(y, 7, 3))) return true;  // Marine Day
  if (y >= 2016 && on(8, 11)) return true;     // Mountain Day
  return on(10, NthMonday(y, 10, 2));          // Sports Day
}

bool IsNamedHoliday(Date date) {
  const year_month_day ymd(date);
  return IsNamedHoliday(static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                        static_cast<unsigned>(ymd.day()));
}

}  // namespace

std::optional<Date> MakeDate(int y, unsigned m, unsigned d) {
  const year_month_day ymd{year{y}, month{m}, day{d}};
  if (!ymd.ok()) return std::nullopt;
  return Date(ymd);
}

std::optional<Date> ParseIsoDate(std::string_view text) {
  int y = 0;
  unsigned m = 0, d = 0;
  char tail = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  const std::string s(text);
  if (std::sscanf(s.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  return MakeDate(y, m, d);
}

std::string FormatIsoDate(Date date) {
  const year_month_day ymd(date);
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return buf;
}

bool IsNationalHoliday(Date date) {
  if (IsNamedHoliday(date)) return true;
  const int y = static_cast<int>(year_month_day(date).year());
  if (y < 2007 || y > 2099) return false;
  // Substitute holiday: the first day after a Sunday holiday that is not a holiday itself.
  for (Date back = date - days(1); IsNamedHoliday(back); back -= days(1)) {
    if (weekday(back) == Sunday) return true;
  }
  // Citizens' holiday: an ordinary day between two holidays.
  return weekday(date) != Sunday && IsNamedHoliday(date - days(1)) &&
         IsNamedHoliday(date + days(1));
}

bool IsAdministrativeHoliday(Date date) {
  const weekday wd(date);
  if (wd == Saturday || wd == Sunday) return true;
  const year_month_day ymd(date);
  const unsigned m = static_cast<unsigned>(ymd.month()), d = static_cast<unsigned>(ymd.day());
  if ((m == 12 && d >= 29) || (m == 1 && d <= 3)) return true;
  return IsNationalHoliday(date);
}

Deadline PeriodDeadline(Date start, int n) {
  Deadline deadline;
  deadline.period_end = start + days(n);
  deadline.due = deadline.period_end;
  while (IsAdministrativeHoliday(deadline.due)) deadline.due += days(1);
  return deadline;
}

}  // namespace mamori::assess
