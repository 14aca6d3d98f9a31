// Dates as people write them in Japan: 1985/04/12, 1985年4月12日,
// 昭和60年4月12日, 平成元年1月8日, S60.4.12, 12/04/1985, April 12, 1985 ...
// The birth date detector is MakeBirthDateDetector(); the parser is here
// for the table extractors, which validate birth_date columns with it.
#ifndef MAMORI_DETECTORS_DATES_H_
#define MAMORI_DETECTORS_DATES_H_

#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace mamori {

struct Date {
  int year;
  int month;
  int day;
  friend auto operator<=>(const Date&, const Date&) = default;
};

// Birth dates before 1900 or after this year are not plausible. Fixed, not
// read from the clock, so results do not change with the day of the scan.
inline constexpr int kEarliestBirthYear = 1900;
inline constexpr int kLatestBirthYear = 2026;

// A date that begins exactly at text[pos], in any of the notations above
// (normalized text: ASCII digits and separators, kanji 年月日 and era names).
// `end` is one past its last byte. The date is a real calendar date and an
// era year lies within its era (平成31年5月1日 is not a date). Ambiguous
// NN/NN/YYYY reads as day/month when that is valid, else month/day.
struct DateMatch {
  Date date;
  size_t end;
};
std::optional<DateMatch> ParseDateAt(std::string_view text, size_t pos);

// A whole cell that is one date, surrounding spaces allowed. YYYYMMDD too.
std::optional<Date> ParseDate(std::string_view text);

// True for dates from kEarliestBirthYear to kLatestBirthYear.
bool IsPlausibleBirthDate(const Date& date);

// ParseDate() of a plausible birth date.
std::optional<Date> ParseBirthDate(std::string_view text);

// "YYYY-MM-DD".
std::string ToIsoDate(const Date& date);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_DATES_H_
