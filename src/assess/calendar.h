// Dates as the law counts them: Civil Code Art. 140 (the first day is not
// counted), Art. 142 and the Act on Holidays of Administrative Organs Art. 2
// (a deadline for filing with an agency that falls on the agency's holiday
// moves to the next day the agency is open), and Japan's national holidays.
#ifndef MAMORI_ASSESS_CALENDAR_H_
#define MAMORI_ASSESS_CALENDAR_H_

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace mamori::assess {

using Date = std::chrono::sys_days;

// "2013-04-23" -> Date; nullopt unless a real date.
std::optional<Date> ParseIsoDate(std::string_view text);
std::optional<Date> MakeDate(int year, unsigned month, unsigned day);
std::string FormatIsoDate(Date date);

// National holidays under the Act on National Holidays, including the
// substitute holiday (振替休日), the citizens' holiday between two holidays
// and the one-off moves of 2019-2021. Rules are those in force since 2007;
// years outside 2007-2099 report only the fixed-date holidays.
bool IsNationalHoliday(Date date);

// Days the administrative organs are closed: Saturdays, Sundays, national
// holidays and 12-29 .. 01-03 (Act on Holidays of Administrative Organs Art. 1).
bool IsAdministrativeHoliday(Date date);

struct Deadline {
  Date period_end;  // Art. 140: day 1 is the day after `start`, so start + days
  Date due;         // period_end, moved past administrative holidays (Art. 142)
  bool moved() const { return due != period_end; }
};

// The deadline of a period of `days` days counted from the day after `start`.
Deadline PeriodDeadline(Date start, int days);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_CALENDAR_H_
