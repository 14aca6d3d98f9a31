#include "detectors/dates.h"

#include <algorithm>
#include <array>

#include "detectors/context.h"
#include "detectors/jp_numbers.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

constexpr std::string_view kYearMark = "年";
constexpr std::string_view kMonthMark = "月";
constexpr std::string_view kDayMark = "日";
constexpr std::string_view kFirstYear = "元";  // 元年: the first year of an era

struct Era {
  std::string_view name;
  char letter;  // the abbreviation: S60.4.12
  int offset;   // Gregorian year = offset + era year
  Date first;
  Date last;
};

// Each era from its first to its last day; Meiji's start only matters for
// ParseDate, birth dates begin in 1900.
constexpr std::array<Era, 5> kEras = {{
    {"明治", 'M', 1867, {1868, 1, 1}, {1912, 7, 29}},
    {"大正", 'T', 1911, {1912, 7, 30}, {1926, 12, 24}},
    {"昭和", 'S', 1925, {1926, 12, 25}, {1989, 1, 7}},
    {"平成", 'H', 1988, {1989, 1, 8}, {2019, 4, 30}},
    {"令和", 'R', 2018, {2019, 5, 1}, {9999, 12, 31}},
}};

constexpr std::array<std::string_view, 12> kMonthNames = {
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december",
};

bool IsLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeapYear(y) ? 29 : kDays[m - 1];
}

bool IsCalendarDate(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= DaysInMonth(d.year, d.month);
}

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool IsDateSeparator(char c) { return c == '/' || c == '-' || c == '.'; }

const Era* EraByLetter(char c) {
  const char upper = static_cast<char>(c & ~0x20);
  for (const Era& era : kEras) {
    if (era.letter == upper) return &era;
  }
  return nullptr;
}

// 1-12 for "April", "apr", "SEPT"; 0 when `word` names no month.
int MonthFromName(std::string_view word) {
  if (word.size() < 3 || word.size() > 9) return 0;
  for (size_t m = 0; m < kMonthNames.size(); ++m) {
    const std::string_view name = kMonthNames[m];
    const bool length_fits =
        word.size() == 3 || word.size() == name.size() || (m == 8 && word.size() == 4);  // "Sept"
    if (!length_fits || AsciiLower(word[0]) != name[0]) continue;
    size_t i = 1;
    while (i < word.size() && AsciiLower(word[i]) == name[i]) ++i;
    if (i == word.size()) return static_cast<int>(m + 1);
  }
  return 0;
}

// A cursor over the text; each read consumes only on success.
class Reader {
 public:
  Reader(std::string_view text, size_t pos) : t_(text), p_(pos) {}

  size_t pos() const { return p_; }
  char Peek() const { return p_ < t_.size() ? t_[p_] : '\0'; }

  // A maximal run of min..max digits.
  bool Number(size_t min_digits, size_t max_digits, int* value) {
    const size_t n = DigitsAhead();
    if (n < min_digits || n > max_digits) return false;
    *value = 0;
    for (size_t i = 0; i < n; ++i) *value = *value * 10 + (t_[p_ + i] - '0');
    p_ += n;
    return true;
  }
  size_t DigitsAhead() const {
    size_t n = 0;
    while (p_ + n < t_.size() && IsAsciiDigit(t_[p_ + n])) ++n;
    return n;
  }
  bool Literal(std::string_view s) {
    // The first byte rejects almost every mismatch without a memcmp.
    if (p_ >= t_.size() || t_[p_] != s[0] || !t_.substr(p_).starts_with(s)) return false;
    p_ += s.size();
    return true;
  }
  bool Byte(char c) {
    if (Peek() != c) return false;
    ++p_;
    return true;
  }
  // Skips up to two spaces; returns how many.
  int Spaces() {
    int n = 0;
    while (n < 2 && Byte(' ')) ++n;
    return n;
  }
  std::string_view Letters() {
    const size_t begin = p_;
    while (p_ < t_.size() && IsAsciiAlpha(t_[p_])) ++p_;
    return t_.substr(begin, p_ - begin);
  }

 private:
  std::string_view t_;
  size_t p_;
};

// "年 4月 12日" (spaces allowed around the numbers, as forms pad them) or
// "/4/12" with the same separator twice.
bool MonthDay(Reader& r, int* month, int* day) {
  const Reader start = r;
  r.Spaces();
  if (r.Literal(kYearMark)) {
    r.Spaces();
    if (r.Number(1, 2, month)) {
      r.Spaces();
      if (r.Literal(kMonthMark)) {
        r.Spaces();
        if (r.Number(1, 2, day)) {
          r.Spaces();
          if (r.Literal(kDayMark)) return true;
        }
      }
    }
    r = start;
    return false;
  }
  r = start;
  const char sep = r.Peek();
  if (IsDateSeparator(sep) && r.Byte(sep) && r.Number(1, 2, month) && r.Byte(sep) &&
      r.Number(1, 2, day)) {
    return true;
  }
  r = start;
  return false;
}

// Era year N, month and day, to a Gregorian date inside the era.
std::optional<Date> EraDate(const Era& era, int year, int month, int day) {
  const Date d{era.offset + year, month, day};
  if (year < 1 || !IsCalendarDate(d) || d < era.first || d > era.last) return std::nullopt;
  return d;
}

// After the era: "60年4月12日", "元年1月8日", "60.4.12".
std::optional<Date> EraTail(Reader& r, const Era& era, bool allow_first_year) {
  int year = 0, month = 0, day = 0;
  r.Spaces();
  if (allow_first_year && r.Literal(kFirstYear)) {
    year = 1;
    if (r.Peek() != kYearMark[0]) return std::nullopt;  // 元 only as 元年
  } else if (!r.Number(1, 2, &year)) {
    return std::nullopt;
  }
  if (!MonthDay(r, &month, &day)) return std::nullopt;
  return EraDate(era, year, month, day);
}

std::optional<Date> EraNameFirst(Reader& r) {
  for (const Era& era : kEras) {
    if (r.Literal(era.name)) return EraTail(r, era, true);
  }
  return std::nullopt;
}

// "April 12, 1985", "Apr. 12 1985".
std::optional<Date> MonthNameFirst(Reader& r) {
  const int month = MonthFromName(r.Letters());
  if (month == 0) return std::nullopt;
  const bool dot = r.Byte('.');
  int day = 0, year = 0;
  if ((r.Spaces() == 0 && !dot) || !r.Number(1, 2, &day)) return std::nullopt;
  const bool comma = r.Byte(',');
  if ((r.Spaces() == 0 && !comma) || !r.Number(4, 4, &year)) return std::nullopt;
  return Date{year, month, day};
}

// "12 April 1985", "12 Apr. 1985".
std::optional<Date> DayThenMonthName(Reader& r, int day) {
  if (r.Spaces() == 0) return std::nullopt;
  const int month = MonthFromName(r.Letters());
  if (month == 0) return std::nullopt;
  r.Byte('.');
  const bool comma = r.Byte(',');
  int year = 0;
  if ((r.Spaces() == 0 && !comma) || !r.Number(4, 4, &year)) return std::nullopt;
  return Date{year, month, day};
}

// "12/04/1985": day/month when valid, else month/day.
std::optional<Date> DayMonthYear(Reader& r, int first) {
  const char sep = r.Peek();
  int second = 0, year = 0;
  if (!IsDateSeparator(sep) || !r.Byte(sep) || !r.Number(1, 2, &second) || !r.Byte(sep) ||
      !r.Number(4, 4, &year)) {
    return std::nullopt;
  }
  const Date day_month{year, second, first};
  if (IsCalendarDate(day_month)) return day_month;
  return Date{year, first, second};
}

std::optional<Date> DigitFirst(Reader& r) {
  const size_t n = r.DigitsAhead();
  int a = 0, month = 0, day = 0;
  if (n == 8) {  // YYYYMMDD
    int year = 0;
    r.Number(8, 8, &a);
    year = a / 10000;
    return Date{year, a / 100 % 100, a % 100};
  }
  if (n == 4) {
    r.Number(4, 4, &a);
    if (!MonthDay(r, &month, &day)) return std::nullopt;
    return Date{a, month, day};
  }
  if (n == 0 || n > 2) return std::nullopt;
  r.Number(1, 2, &a);
  if (IsDateSeparator(r.Peek())) return DayMonthYear(r, a);
  return DayThenMonthName(r, a);
}

std::optional<Date> LetterFirst(Reader& r, std::string_view text, size_t pos) {
  if (pos + 1 < text.size() && IsAsciiDigit(text[pos + 1])) {  // S60.4.12
    const Era* era = EraByLetter(text[pos]);
    if (era == nullptr) return std::nullopt;
    r.Byte(text[pos]);
    return EraTail(r, *era, false);
  }
  return MonthNameFirst(r);
}

bool EndsAt(std::string_view text, size_t end, std::string_view s) {
  return end >= s.size() && text[end - 1] == s.back() && text.substr(end - s.size(), s.size()) == s;
}

size_t SkipSpacesBack(std::string_view text, size_t p) {
  for (int n = 0; n < 2 && p > 0 && text[p - 1] == ' '; ++n) --p;
  return p;
}

// Where a date whose first digits are at `digits` begins when something
// precedes the digits: an era name or letter, 元年, or a month name.
std::optional<size_t> DateStartBefore(std::string_view text, size_t digits) {
  if (digits == 0) return std::nullopt;
  const char before = text[digits - 1];
  if (EraByLetter(before)) return digits - 1;
  // Everything else ends in a space or a multi-byte character (年, 昭和):
  // most digits in logs follow '=', ':' or '-' and stop here.
  if (before != ' ' && static_cast<unsigned char>(before) < 0x80) return std::nullopt;
  size_t p = SkipSpacesBack(text, digits);
  if (EndsAt(text, p, kYearMark)) {  // 平成元年1月8日: these digits are the month
    p = SkipSpacesBack(text, p - kYearMark.size());
    if (!EndsAt(text, p, kFirstYear)) return std::nullopt;
    p = SkipSpacesBack(text, p - kFirstYear.size());
  }
  for (const Era& era : kEras) {
    if (EndsAt(text, p, era.name)) return p - era.name.size();
  }
  if (p == digits) return std::nullopt;
  if (p > 0 && text[p - 1] == '.') --p;
  size_t word = p;
  while (word > 0 && IsAsciiAlpha(text[word - 1])) --word;
  if (MonthFromName(text.substr(word, p - word)) != 0) return word;
  return std::nullopt;
}

// Not glued to a longer number or word: "x1985/04/12", "1985/04/12/3".
// An ISO time may follow ("1985-04-12T00:00:00").
bool StandsAlone(std::string_view text, size_t begin, size_t end) {
  if (begin > 0 && IsAsciiAlnum(text[begin]) && IsAsciiAlnum(text[begin - 1])) return false;
  if (IsAsciiDigit(text[begin]) && begin >= 2 && IsDateSeparator(text[begin - 1]) &&
      IsAsciiDigit(text[begin - 2])) {
    return false;
  }
  if (!IsAsciiDigit(text[end - 1]) || end >= text.size()) return true;
  const bool digit_next = end + 1 < text.size() && IsAsciiDigit(text[end + 1]);
  if (IsAsciiAlnum(text[end])) return text[end] == 'T' && digit_next;
  return !(IsDateSeparator(text[end]) && digit_next);
}

bool HasBirthLabel(const Candidates& in) {
  if (in.unit_label == LabelKind::kBirthDate) return true;
  return std::any_of(in.labels.begin(), in.labels.end(),
                     [](const LabelHit& h) { return h.kind == LabelKind::kBirthDate; });
}

// "1985年4月12日生まれ": the birth label right after the date, or null.
const LabelHit* BirthLabelAfter(const Candidates& in, size_t end) {
  auto it = std::lower_bound(in.labels.begin(), in.labels.end(), end,
                             [](const LabelHit& h, size_t p) { return h.begin < p; });
  if (it == in.labels.end() || it->kind != LabelKind::kBirthDate) return nullptr;
  const std::string_view gap = in.text.substr(end, it->begin - end);
  const bool adjacent =
      gap.size() <= 2 && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' '; });
  return adjacent ? &*it : nullptr;
}

class BirthDateDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    return std::bitset<kDataTypeCount>().set(static_cast<size_t>(DataType::kBirthDate));
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    if (!HasBirthLabel(in)) return;      // no birth date without one: skip the buffer
    size_t consumed = 0;                 // runs before this belong to a date already read
    uint32_t prev_end = 0;               // end of the previous birth date, for lists
    const LabelHit* trailing = nullptr;  // the 生まれ that named the previous date
    for (const DigitRun& run : in.runs) {
      if (run.begin < consumed) continue;
      size_t begin = 0;
      const std::optional<DateMatch> m = DateAt(in.text, run, consumed, &begin);
      if (!m) continue;
      consumed = m->end;
      if (!IsPlausibleBirthDate(m->date)) continue;
      const uint32_t b = static_cast<uint32_t>(begin);
      const LabelOwner owner = OwnerOf(in, b, prev_end);
      const LabelHit* after = BirthLabelAfter(in, m->end);
      // "1985年4月12日生まれ、2008年4月1日入社": 生まれ is spent on the first date.
      const bool owned =
          owner.kind == LabelKind::kBirthDate && (!owner.hit || owner.hit != trailing);
      if (!owned && after == nullptr) continue;
      trailing = after;
      prev_end = static_cast<uint32_t>(m->end);
      out.push_back(Detection{
          DataType::kBirthDate, Confidence::kHigh, b, prev_end, ToIsoDate(m->date), {}, false});
    }
  }

 private:
  // The date that covers `run` as its first digits, starting at an era or
  // month name before it or at the run itself.
  static std::optional<DateMatch> DateAt(std::string_view text, const DigitRun& run,
                                         size_t consumed, size_t* begin) {
    const std::optional<size_t> before = DateStartBefore(text, run.begin);
    for (const size_t start : {before.value_or(run.begin), static_cast<size_t>(run.begin)}) {
      if (start < consumed) continue;
      const std::optional<DateMatch> m = ParseDateAt(text, start);
      if (m && m->end > run.begin && StandsAlone(text, start, m->end)) {
        *begin = start;
        return m;
      }
      if (start == run.begin) break;
    }
    return std::nullopt;
  }
};

}  // namespace

std::optional<DateMatch> ParseDateAt(std::string_view text, size_t pos) {
  if (pos >= text.size()) return std::nullopt;
  Reader r(text, pos);
  std::optional<Date> d;
  if (IsAsciiDigit(text[pos])) {
    d = DigitFirst(r);
  } else if (IsAsciiAlpha(text[pos])) {
    d = LetterFirst(r, text, pos);
  } else {
    d = EraNameFirst(r);
  }
  if (!d || !IsCalendarDate(*d)) return std::nullopt;
  return DateMatch{*d, r.pos()};
}

std::optional<Date> ParseDate(std::string_view text) {
  const size_t first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return std::nullopt;
  const std::string_view cell = text.substr(first, text.find_last_not_of(" \t") + 1 - first);
  const std::optional<DateMatch> m = ParseDateAt(cell, 0);
  if (!m || m->end != cell.size()) return std::nullopt;
  return m->date;
}

bool IsPlausibleBirthDate(const Date& date) {
  return date.year >= kEarliestBirthYear && date.year <= kLatestBirthYear;
}

std::optional<Date> ParseBirthDate(std::string_view text) {
  const std::optional<Date> d = ParseDate(text);
  return d && IsPlausibleBirthDate(*d) ? d : std::nullopt;
}

std::string ToIsoDate(const Date& date) {
  std::string s = "0000-00-00";
  const auto put = [&](size_t at, int value, int width) {
    for (int i = width - 1; i >= 0; --i, value /= 10)
      s[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, date.year, 4);
  put(5, date.month, 2);
  put(8, date.day, 2);
  return s;
}

std::unique_ptr<Detector> MakeBirthDateDetector() { return std::make_unique<BirthDateDetector>(); }

}  // namespace mamori
