// Payment cards: card numbers (Luhn plus a real brand's IIN and length),
// expiry months and security codes named by their labels or standing right
// after a card, and magnetic-stripe track data.
#include "detectors/card.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "detectors/context.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

constexpr uint32_t kMinPan = 13;
constexpr uint32_t kMaxPan = 19;
// An unlabelled expiry is a card's when it follows the card number this
// closely on the same line ("4111 1111 1111 1111 12/27").
constexpr uint32_t kExpiryAfterCard = 40;
// ISO/IEC 7813: the cardholder name on track 1 has at most 26 characters.
constexpr uint32_t kTrackNameMax = 26;

constexpr std::string_view kYear = "年";
constexpr std::string_view kMonth = "月";

// Published test numbers of the card brands and payment providers (Stripe,
// Adyen, Braintree, Worldpay, Authorize.net, CyberSource), shorter first.
constexpr std::string_view kTestNumbers[] = {
    "4222222222222",    "30000000000004",      "30569309025904",      "36006666333344",
    "36148900647913",   "36227206271667",      "36259600000004",      "36700102000000",
    "38000000000006",   "38520000023237",      "340000000000009",     "343434343434343",
    "370000000000002",  "370000000100018",     "371111111111114",     "371449635398431",
    "374245455400126",  "378282246310005",     "378734493671000",     "2222400070000005",
    "2223000048400011", "2223003122003222",    "3056930009020004",    "3528000000000007",
    "3528000700000000", "3530111333300000",    "3566002020360505",    "3566111111111113",
    "3569990010030400", "3569990010095841",    "4000000000000002",    "4000000000000010",
    "4000000000000028", "4000000000000036",    "4000000000000044",    "4000000000000051",
    "4000000000000069", "4000000000000077",    "4000000000000093",    "4000000000000101",
    "4000000000000119", "4000000000000127",    "4000000000000259",    "4000000000000317",
    "4000000000000341", "4000000000001976",    "4000000000003063",    "4000000000003220",
    "4000000000003238", "4000000000003246",    "4000000000005126",    "4000000000009235",
    "4000000000009979", "4000000000009987",    "4000000000009995",    "4000000760000002",
    "4000001240000000", "4000002500001001",    "4000002500003155",    "4000002760003184",
    "4000004840008001", "4000008400001629",    "4000020000000000",    "4000056655665556",
    "4005519200000004", "4009348888881881",    "4012000033330026",    "4012000077777777",
    "4012888888881881", "4035501000000008",    "4111111111111111",    "4166676667666746",
    "4217651111111119", "4242424242424242",    "4263970000005262",    "4444333322221111",
    "4462030000000000", "4484070000000000",    "4500600000000061",    "4646464646464644",
    "4761739001010010", "4917300800000000",    "4917610000000000",    "4988438843884305",
    "5105105105105100", "5136333333333335",    "5186001700008785",    "5200000000001005",
    "5200000000001096", "5200828282828210",    "5204740000001002",    "5424000000000015",
    "5425233430109903", "5431111111111111",    "5454545454545454",    "5500000000000004",
    "5555341244441115", "5555444433331111",    "5555555555554444",    "5577000055770004",
    "5585558555855583", "6011000000000004",    "6011000000000012",    "6011000400000000",
    "6011000990139424", "6011000991300009",    "6011111111111117",    "6011601160116611",
    "6011981111111113", "6200000000000005",    "6200000000000047",    "6212345678901265",
    "6243030000000001", "6250941006528599",    "6250946000000016",    "6445644564456445",
    "6510000000000000", "4917610000000000003", "6205500000000000004",
};

constexpr bool ShorterOrLess(std::string_view a, std::string_view b) {
  return a.size() != b.size() ? a.size() < b.size() : a < b;
}
static_assert(std::is_sorted(std::begin(kTestNumbers), std::end(kTestNumbers), ShorterOrLess));

// ---------------------------------------------------------------------------
// Small text helpers. Positions are byte offsets into normalized text.

uint32_t RunLength(std::string_view text, uint32_t i) {
  uint32_t k = i;
  while (k < text.size() && IsAsciiDigit(text[k])) ++k;
  return k - i;
}

// Digits directly before `pos`, counting at most `cap`.
uint32_t RunLengthBefore(std::string_view text, uint32_t pos, uint32_t cap) {
  uint32_t n = 0;
  while (n < cap && pos > n && IsAsciiDigit(text[pos - n - 1])) ++n;
  return n;
}

int Number(std::string_view text, uint32_t i, uint32_t n) {
  int v = 0;
  for (uint32_t k = i; k < i + n; ++k) v = v * 10 + (text[k] - '0');
  return v;
}

bool ValidMonth(int month) { return month >= 1 && month <= 12; }

bool At(std::string_view text, uint32_t i, std::string_view what) {
  return i <= text.size() && text.substr(i).starts_with(what);
}

// 1 when a space stands at `i`, else 0.
uint32_t SpaceAt(std::string_view text, uint32_t i) {
  return i < text.size() && text[i] == ' ' ? 1 : 0;
}

std::string_view TrimSpaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A comma is a thousands separator only between a group of 1-3 digits that
// is not the tail of another notation and a group of exactly 3 ("4,111,111");
// otherwise it separates fields ("4111111111111111,12/27,999").
bool ThousandsComma(std::string_view text, uint32_t comma) {
  const uint32_t left = RunLengthBefore(text, comma, 4);
  const uint32_t right = std::min<uint32_t>(RunLength(text, comma + 1), 4);
  if (left < 1 || left > 3 || right != 3) return false;
  const uint32_t group = comma - left;
  return group == 0 || (text[group - 1] != '/' && text[group - 1] != '-' && text[group - 1] != '.');
}

// Whether the byte `c` at `at`, next to a value, with `beyond` on its other
// side, makes the value part of a longer token: letters and digits; '.' and
// '/' between digits (decimals, versions, dates, paths); '-' and '_' before
// a letter or digit (identifiers such as "ID-4111..."); thousands commas.
bool Glues(std::string_view text, char c, uint32_t at, char beyond) {
  if (IsAsciiAlnum(c)) return true;
  switch (c) {
    case '.':
    case '/':
      return IsAsciiDigit(beyond);
    case '-':
    case '_':
      return IsAsciiAlnum(beyond);
    case ',':
      return ThousandsComma(text, at);
    default:
      return false;
  }
}

bool GluedBefore(std::string_view text, uint32_t begin) {
  if (begin == 0) return false;
  return Glues(text, text[begin - 1], begin - 1, begin >= 2 ? text[begin - 2] : '\0');
}

bool GluedAfter(std::string_view text, uint32_t end) {
  if (end >= text.size()) return false;
  return Glues(text, text[end], end, end + 1 < text.size() ? text[end + 1] : '\0');
}

// ---------------------------------------------------------------------------
// Card numbers.

// The digits of a candidate card without its separators; no allocation.
struct PanBuffer {
  std::array<char, kMaxPan> d;
  uint32_t n = 0;

  bool Append(std::string_view digits) {
    if (n + digits.size() > kMaxPan) return false;
    std::copy(digits.begin(), digits.end(), d.begin() + n);
    n += static_cast<uint32_t>(digits.size());
    return true;
  }
  std::string_view View() const { return {d.data(), n}; }
};

// Printed groupings (4-4-4-4, 4-6-5, 4-6-4, 4-4-4-4-3, 4-3-3-3) use groups
// of 3-6 digits. Shorter groups are not accepted inside a card: "6011 1111
// 1111 1117 12" is a card and a month, not an 18-digit number.
bool IsCardGroup(uint32_t len) { return len >= 3 && len <= 6; }

// A group next to a card, joined by the card's own separator, that is a
// separate short number (a security code, a month) rather than one more
// group of the card: 1-4 digits and not as wide as the card's group beside
// it ("... 1111 1111 123" splits, "... 1111 1111 1111" does not).
bool IsSeparateShortGroup(uint32_t len, uint32_t card_group) {
  return len >= 1 && len <= 4 && len != card_group;
}

// The GS1 check digit (weights 1, 3 from the left) of a 13-digit number.
bool IsEan13(std::string_view digits) {
  if (digits.size() != 13) return false;
  int sum = 0;
  for (size_t i = 0; i < 12; ++i) sum += (digits[i] - '0') * (i % 2 == 0 ? 1 : 3);
  return (10 - sum % 10) % 10 == digits[12] - '0';
}

// ---------------------------------------------------------------------------
// Expiry.

struct ExpiryMatch {
  uint32_t end;
  CardExpiry expiry;
  bool compact;        // MMYY without a separator: only under a label
  bool jp_short_year;  // YY年M月: could be an era year (平成27年)
};

std::optional<ExpiryMatch> MakeExpiry(std::string_view text, uint32_t year_at, uint32_t year_len,
                                      uint32_t month_at, uint32_t month_len, uint32_t end) {
  if (month_len < 1 || month_len > 2 || (year_len != 2 && year_len != 4)) return std::nullopt;
  const int month = Number(text, month_at, month_len);
  int year = Number(text, year_at, year_len);
  if (year_len == 2) year += 2000;
  if (!ValidMonth(month) || year < 2000 || year > 2099) return std::nullopt;
  return ExpiryMatch{end, CardExpiry{year, month}, false, false};
}

// The expiry written from the digit run at `pos`, or nullopt. Does not look
// at what stands before `pos` or after the match.
std::optional<ExpiryMatch> MatchExpiry(std::string_view text, uint32_t pos) {
  const uint32_t n1 = RunLength(text, pos);
  const uint32_t a = pos + n1;
  if (n1 == 0 || n1 > 4) return std::nullopt;
  if (a < text.size() && (text[a] == '/' || text[a] == '-')) {
    const uint32_t b = a + 1;
    const uint32_t n2 = RunLength(text, b);
    if (n1 <= 2) return MakeExpiry(text, b, n2, pos, n1, b + n2);  // MM/YY, MM/YYYY
    if (n1 == 4) return MakeExpiry(text, pos, n1, b, n2, b + n2);  // YYYY/MM
    return std::nullopt;
  }
  // YYYY年M月, YY年M月; also "2027 年 4 月": forms pad the numbers, and a
  // PDF's text layer has a space wherever the font changes between the
  // Japanese and the Latin digits.
  if (const uint32_t y = a + SpaceAt(text, a); At(text, y, kYear)) {
    const uint32_t b = y + kYear.size() + SpaceAt(text, y + kYear.size());
    const uint32_t n2 = RunLength(text, b);
    const uint32_t mo = b + n2 + SpaceAt(text, b + n2);
    if (!At(text, mo, kMonth)) return std::nullopt;
    const uint32_t end = mo + kMonth.size();
    // "2027 年 12 月 31 日" is a day, as "2027年12月31日" is
    if (end - pos != n1 + n2 + kYear.size() + kMonth.size() &&
        RunLength(text, end + SpaceAt(text, end)) > 0) {
      return std::nullopt;
    }
    auto m = MakeExpiry(text, pos, n1, b, n2, end);
    if (m) m->jp_short_year = n1 == 2;
    return m;
  }
  if (At(text, a, kMonth) && At(text, a + kMonth.size(), "/")) {  // M月/YY, M月/YYYY年
    const uint32_t b = a + kMonth.size() + 1;
    const uint32_t n2 = RunLength(text, b);
    uint32_t end = b + n2;
    if (At(text, end, kYear)) end += kYear.size();
    return MakeExpiry(text, b, n2, pos, n1, end);
  }
  if (n1 == 4) {  // MMYY
    auto m = MakeExpiry(text, pos + 2, 2, pos, 2, a);
    if (m) m->compact = true;
    return m;
  }
  return std::nullopt;
}

// "平成27年12月" is a date in an era, not a card's month.
bool AfterEraName(std::string_view text, uint32_t pos) {
  static constexpr std::string_view kEras[] = {"明治", "大正", "昭和", "平成", "令和"};
  if (pos > 0 && text[pos - 1] == ' ') --pos;  // "平成 27 年" from a PDF
  return std::any_of(std::begin(kEras), std::end(kEras), [&](std::string_view era) {
    return pos >= era.size() && text.substr(pos - era.size(), era.size()) == era;
  });
}

std::string FormatYearMonth(const CardExpiry& e) {
  std::string s = std::to_string(e.year) + "-";
  if (e.month < 10) s += '0';
  return s + std::to_string(e.month);
}

// ---------------------------------------------------------------------------
// Track data.

struct Span {
  uint32_t begin;
  uint32_t end;
};

bool IsTrackNameChar(char c) { return IsAsciiAlpha(c) || c == ' ' || c == '/' || c == '.'; }

// The track around the PAN digits [pan_begin, pan_end), or nullopt.
std::optional<Span> MatchTrack(std::string_view text, uint32_t pan_begin, uint32_t pan_end) {
  const uint32_t len = pan_end - pan_begin;
  if (len < kMinPan || len > kMaxPan || pan_end >= text.size()) return std::nullopt;
  const char sep = text[pan_end];
  uint32_t begin = pan_begin;
  uint32_t i = pan_end + 1;
  if (sep == '^') {
    // Track 1: format code 'B' right before the PAN, '%' start sentinel optional.
    if (begin == 0 || text[begin - 1] != 'B') return std::nullopt;
    --begin;
    if (begin > 0 && text[begin - 1] == '%') {
      --begin;
    } else if (begin > 0 && IsAsciiAlnum(text[begin - 1])) {
      return std::nullopt;
    }
    const uint32_t name_begin = i;
    while (i < text.size() && i - name_begin <= kTrackNameMax && IsTrackNameChar(text[i])) ++i;
    if (i - name_begin > kTrackNameMax || i >= text.size() || text[i] != '^') return std::nullopt;
    ++i;
  } else if (sep == '=' || sep == 'D') {
    // Track 2 (';' start sentinel optional) or EMV track 2 equivalent data ('D').
    if (sep == '=' && begin > 0 && text[begin - 1] == ';') {
      --begin;
    } else if (begin > 0 && IsAsciiAlnum(text[begin - 1])) {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  // Expiry YYMM and a 3-digit service code, then discretionary data.
  const uint32_t n = RunLength(text, i);
  if (n < 7 || !ValidMonth(Number(text, i + 2, 2))) return std::nullopt;
  uint32_t end = i + n;
  if (sep == '^') {
    while (end < text.size() && IsAsciiAlnum(text[end])) ++end;  // track 1 allows letters
  } else if (sep == 'D' && end < text.size() && text[end] == 'F') {
    ++end;  // padding to a whole byte
  }
  if (end < text.size() && text[end] == '?') {
    ++end;
  } else if (end < text.size() && IsAsciiAlnum(text[end])) {
    return std::nullopt;
  }
  if (!LuhnValid(text.substr(pan_begin, len))) return std::nullopt;
  return Span{begin, end};
}

// ---------------------------------------------------------------------------
// Context.

// Where the context of a value at `pos` may begin. A label names the value
// that follows it directly: only punctuation, spaces, non-ASCII wording
// ("は", "（裏面）") and numbers of one or two digits ("CVV2", "3桁") may
// stand between them. An ASCII word ("cvv=*** amount=1200") or another
// number of three or more digits ("注文番号: 12345 ... 4111...") ends the
// label's reach. context.h's OwningLabel only limits the distance, which is
// too loose for values whose mere presence makes a file critical.
uint32_t ContextFloor(std::string_view text, uint32_t pos) {
  const uint32_t limit = pos > kLabelWindow ? pos - kLabelWindow : 0;
  uint32_t i = pos;
  while (i > limit) {
    const char c = text[i - 1];
    if (IsAsciiAlpha(c)) break;
    if (IsAsciiDigit(c)) {
      const uint32_t n = RunLengthBefore(text, i, 3);
      if (n >= 3) break;
      i -= n;
      continue;
    }
    --i;
  }
  return i;
}

std::optional<LabelKind> DirectLabel(const Candidates& in, uint32_t pos) {
  return OwningLabel(in, pos, pos - ContextFloor(in.text, pos));
}

// Follows the label hits along the runs (both sorted) so that the question
// "is there a label of this kind shortly before" costs O(1) for the many
// runs that are nowhere near one. Only a pre-filter: DirectLabel decides.
class RecentLabels {
 public:
  explicit RecentLabels(const Candidates& in) : in_(in) {}

  // Callers ask with non-decreasing `pos`.
  bool Near(uint32_t pos, LabelKind kind) {
    if (in_.unit_label == kind) return true;
    while (next_ < in_.labels.size() && in_.labels[next_].begin < pos) {
      const LabelHit& h = in_.labels[next_++];
      last_end_[static_cast<size_t>(h.kind)] = h.end;
    }
    const uint32_t end = last_end_[static_cast<size_t>(kind)];
    return end != kNone && end + kLabelWindow >= pos;
  }

 private:
  static constexpr uint32_t kNone = UINT32_MAX;
  const Candidates& in_;
  size_t next_ = 0;
  std::array<uint32_t, kLabelKindCount> last_end_ = [] {
    std::array<uint32_t, kLabelKindCount> a;
    a.fill(kNone);
    return a;
  }();
};

// ---------------------------------------------------------------------------
// The detector: one pass over the digit runs.

class CardScan {
 public:
  CardScan(const Candidates& in, std::vector<Detection>& out)
      : in_(in),
        text_(in.text),
        runs_(in.runs),
        out_(out),
        labels_(in),
        expiry_(in.Wants(DataType::kCardExpiry)),
        code_(in.Wants(DataType::kCardSecurityCode)),
        zones_(in, LabelledKinds(expiry_, code_)) {}

  void Run() {
    // Tracks and cards are always looked for: a track hides its PAN from
    // the card rule, and an expiry counts next to a card.
    for (size_t r = NextCandidate(0); r < runs_.size(); r = NextCandidate(r + 1)) {
      if (runs_[r].begin < done_) continue;
      if (TryTrack(r) || TryCard(r) || (expiry_ && TryExpiry(r))) continue;
      if (code_) TrySecurityCode(r);
    }
  }

 private:
  // Expiries and security codes stand under their labels (or, expiries,
  // right after a card).
  static LabelZones::Kinds LabelledKinds(bool expiry, bool code) {
    LabelZones::Kinds kinds;
    kinds.set(static_cast<size_t>(LabelKind::kCardExpiry), expiry);
    kinds.set(static_cast<size_t>(LabelKind::kSecurityCode), code);
    return kinds;
  }

  // The first run from r on that may start a value: one shaped like a card
  // or a track, or one where an expiry or a security code may stand. Most
  // runs of digit-heavy text are neither, and are passed over here from the
  // runs array and one byte each, without a branch the CPU mispredicts.
  size_t NextCandidate(size_t r) {
    if (r >= runs_.size()) return r;
    const uint32_t watch =
        std::min(zones_.NextFrom(runs_[r].begin), ExpiryAfterCardFrom(runs_[r].begin));
    const size_t last = runs_.size() - 1;  // always tried: it has no next run
    while (r < last && runs_[r].begin < watch && !CardShape(r)) ++r;
    return r;
  }

  // Whether run r (not the last) may begin a track or a card: 13-19 digits
  // (TryTrack, TryCard), or a group led by a brand's first digit and joined
  // to the next run by one space or hyphen (TryCard's chains).
  bool CardShape(size_t r) const {
    const uint32_t len = Len(r);
    const uint32_t end = runs_[r].end;
    const char sep = text_[end];
    const auto lead = static_cast<unsigned char>(text_[runs_[r].begin] - '2');
    const bool pan = len - kMinPan <= kMaxPan - kMinPan;
    const bool group = (len - 3 <= 3) & (runs_[r + 1].begin == end + 1) &
                       ((sep == ' ') | (sep == '-')) & (lead <= '6' - '2');
    return pan | group;
  }

  // Where an unlabelled expiry after the last card may begin (NearLastCard),
  // as seen from `pos`; LabelZones::kNone when not in reach.
  uint32_t ExpiryAfterCardFrom(uint32_t pos) const {
    if (!expiry_ || last_card_end_ == kNoCard || pos > last_card_end_ + kExpiryAfterCard) {
      return LabelZones::kNone;
    }
    return std::max(pos, last_card_end_);
  }

  uint32_t Len(size_t r) const { return runs_[r].end - runs_[r].begin; }
  std::string_view Digits(size_t r) const {
    return text_.substr(runs_[r].begin, runs_[r].end - runs_[r].begin);
  }

  // The separator joining run k to run k+1 into one chain: a single space or
  // hyphen with digits on both sides; 0 when they are not joined.
  char LinkAfter(size_t k) const {
    if (k + 1 >= runs_.size() || runs_[k + 1].begin != runs_[k].end + 1) return 0;
    const char c = text_[runs_[k].end];
    return (c == ' ' || c == '-') ? c : 0;
  }

  void Emit(DataType type, Confidence confidence, uint32_t begin, uint32_t end, std::string value,
            std::string_view brand = {}, bool test = false) {
    out_.push_back(
        Detection{type, confidence, begin, end, std::move(value), std::string(brand), test});
    done_ = end;
  }

  bool TryTrack(size_t r) {
    const uint32_t len = Len(r);
    if (len < kMinPan || len > kMaxPan || runs_[r].end >= text_.size()) return false;
    const char c = text_[runs_[r].end];
    if (c != '=' && c != '^' && c != 'D') return false;
    const std::optional<Span> track = MatchTrack(text_, runs_[r].begin, runs_[r].end);
    if (!track) return false;
    const std::string_view pan = Digits(r);
    Emit(DataType::kCardTrack, Confidence::kHigh, track->begin, track->end, std::string(pan),
         CardBrand(pan), IsTestCardNumber(pan));
    return true;
  }

  // A card number starting at run r: either the run itself (13-19 digits)
  // or runs r..last joined by one kind of separator in groups of 3-6 digits.
  // The longest such window that is a card wins; a chain's shorter prefix
  // is a card only when the rest is a separate number (see the edge rules).
  bool TryCard(size_t r) {
    // Most digit runs in logs are short and stand alone: rule them out from
    // the runs array alone, before touching the text.
    const uint32_t run_len = Len(r);
    const bool joined = r + 1 < runs_.size() && runs_[r + 1].begin == runs_[r].end + 1;
    if (run_len > kMaxPan || (run_len < kMinPan && !(joined && IsCardGroup(run_len)))) return false;
    const char lead = text_[runs_[r].begin];
    if (lead < '2' || lead > '6') return false;  // no brand's IIN starts otherwise
    const uint32_t len = Len(r);
    if (len >= kMinPan && len <= kMaxPan) return TryWindow(r, r, 0);
    if (!IsCardGroup(len)) return false;
    std::array<size_t, kMaxPan / 3> lasts;
    size_t count = 0;
    char sep = 0;
    uint32_t total = len;
    for (size_t k = r; count < lasts.size(); ++k) {
      const char link = LinkAfter(k);
      if (link == 0 || (sep != 0 && link != sep)) break;
      const uint32_t next = Len(k + 1);
      // 17- and 18-digit cards end in a group of one or two: 4-4-4-4-2.
      const bool short_tail = next < 3 && total >= 16 && LinkAfter(k + 1) == 0;
      if ((!IsCardGroup(next) && !short_tail) || total + next > kMaxPan) break;
      sep = link;
      total += next;
      if (total >= kMinPan) lasts[count++] = k + 1;
      if (short_tail) break;
    }
    while (count > 0) {
      if (TryWindow(r, lasts[--count], sep)) return true;
    }
    return false;
  }

  // A window's edge is sound when it is the edge of its chain and not glued
  // to a longer token, when a looser separator parts it from the neighbour
  // (a space next to a hyphenated or contiguous card), or when the neighbour
  // is a separate short number ending the chain.
  bool LeftEdgeOk(size_t first, char sep) const {
    const char link = first > 0 ? LinkAfter(first - 1) : 0;
    if (link == 0) return !GluedBefore(text_, runs_[first].begin);
    if (link == ' ' && sep != ' ') return true;
    return link == sep && IsSeparateShortGroup(Len(first - 1), Len(first)) &&
           (first < 2 || LinkAfter(first - 2) == 0);
  }

  bool RightEdgeOk(size_t last, char sep) const {
    const char link = LinkAfter(last);
    if (link == 0) return !GluedAfter(text_, runs_[last].end);
    if (link == ' ' && sep != ' ') return true;
    return link == sep && IsSeparateShortGroup(Len(last + 1), Len(last)) &&
           LinkAfter(last + 1) == 0;
  }

  bool TryWindow(size_t first, size_t last, char sep) {
    PanBuffer pan;
    for (size_t k = first; k <= last; ++k) pan.Append(Digits(k));
    const std::string_view digits = pan.View();
    const std::string_view brand = CardBrand(digits);
    if (brand.empty() || !LeftEdgeOk(first, sep) || !RightEdgeOk(last, sep) || !LuhnValid(digits)) {
      return false;
    }
    const uint32_t begin = runs_[first].begin;
    const uint32_t end = runs_[last].end;
    const std::optional<LabelKind> owner = DirectLabel(in_, begin);
    if (owner == LabelKind::kNegative) {
      done_ = end;  // an order or slip number: none of its digits is ours
      return true;
    }
    const bool test = IsTestCardNumber(digits);
    Emit(DataType::kCardNumber, CardConfidence(digits, test, owner == LabelKind::kCardNumber),
         begin, end, std::string(digits), brand, test);
    last_card_end_ = end;
    return true;
  }

  // Luhn, IIN and length make a card number self-evident, with two
  // exceptions. Placeholders (IsTrivialCardNumber) are low. Thirteen-digit
  // Visa numbers are no longer issued while 13-digit numbers abound (JAN
  // barcodes start with 45 and 49): medium unless labelled, and low when
  // the number is also a valid EAN-13.
  static Confidence CardConfidence(std::string_view digits, bool test, bool labelled) {
    if (IsTrivialCardNumber(digits)) return Confidence::kLow;
    if (digits.size() != 13 || test || labelled) return Confidence::kHigh;
    return IsEan13(digits) ? Confidence::kLow : Confidence::kMedium;
  }

  bool NearLastCard(uint32_t pos) const {
    if (last_card_end_ == kNoCard || pos < last_card_end_ ||
        pos - last_card_end_ > kExpiryAfterCard) {
      return false;
    }
    return text_.substr(last_card_end_, pos - last_card_end_).find('\n') == std::string_view::npos;
  }

  bool TryExpiry(size_t r) {
    const uint32_t len = Len(r);
    if (len == 3 || len > 4) return false;
    const uint32_t begin = runs_[r].begin;
    const bool near_card = NearLastCard(begin);
    const bool near_label = labels_.Near(begin, LabelKind::kCardExpiry);
    if (!near_card && !near_label) return false;
    const std::optional<ExpiryMatch> m = MatchExpiry(text_, begin);
    if (!m || GluedBefore(text_, begin) || GluedAfter(text_, m->end)) return false;
    if (m->jp_short_year && AfterEraName(text_, begin)) return false;
    // A label of its own decides; an unlabelled one counts next to a card
    // unless another kind of label names it ("4111... CVV 12/27" is no month).
    const std::optional<LabelKind> owner = DirectLabel(in_, begin);
    const bool labelled = owner == LabelKind::kCardExpiry;
    const bool other_label = owner && !labelled && owner != LabelKind::kCardNumber;
    if (!labelled && (m->compact || !near_card || other_label)) return false;
    // A bare MMYY is any four digits with a month in front: weaker evidence.
    Emit(DataType::kCardExpiry, m->compact ? Confidence::kMedium : Confidence::kHigh, begin, m->end,
         FormatYearMonth(m->expiry));
    return true;
  }

  void TrySecurityCode(size_t r) {
    const uint32_t len = Len(r);
    if (len != 3 && len != 4) return;
    const uint32_t begin = runs_[r].begin;
    const uint32_t end = runs_[r].end;
    if (!labels_.Near(begin, LabelKind::kSecurityCode) || GluedBefore(text_, begin) ||
        GluedAfter(text_, end) || DirectLabel(in_, begin) != LabelKind::kSecurityCode) {
      return;
    }
    Emit(DataType::kCardSecurityCode, Confidence::kHigh, begin, end, std::string(Digits(r)));
  }

  static constexpr uint32_t kNoCard = UINT32_MAX;

  const Candidates& in_;
  std::string_view text_;
  std::span<const DigitRun> runs_;
  std::vector<Detection>& out_;
  RecentLabels labels_;
  const bool expiry_;
  const bool code_;
  LabelZones zones_;   // where labelled expiries and security codes may stand
  uint32_t done_ = 0;  // text before this offset belongs to an accepted value
  uint32_t last_card_end_ = kNoCard;
};

class CardDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    std::bitset<kDataTypeCount> types;
    for (DataType t : {DataType::kCardNumber, DataType::kCardExpiry, DataType::kCardSecurityCode,
                       DataType::kCardTrack}) {
      types.set(static_cast<size_t>(t));
    }
    return types;
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    CardScan(in, out).Run();
  }
};

}  // namespace

// ---------------------------------------------------------------------------
// Validators.

bool LuhnValid(std::string_view digits) {
  if (digits.empty()) return false;
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    if (!IsAsciiDigit(digits[i])) return false;
    int d = digits[i] - '0';
    if (twice) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

std::string_view CardBrand(std::string_view d) {
  const size_t n = d.size();
  if (n < kMinPan || n > kMaxPan) return {};
  if (!std::all_of(d.begin(), d.end(), IsAsciiDigit)) return {};
  const int p2 = Number(d, 0, 2);
  const int p3 = Number(d, 0, 3);
  const int p4 = Number(d, 0, 4);
  switch (d[0]) {
    case '2':
      return p4 >= 2221 && p4 <= 2720 && n == 16 ? "mastercard" : "";
    case '3':
      if (p2 == 34 || p2 == 37) return n == 15 ? "amex" : "";
      if (p4 >= 3528 && p4 <= 3589) return n >= 16 ? "jcb" : "";
      if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38 || p2 == 39) {
        return n >= 14 ? "diners" : "";
      }
      return {};
    case '4':
      return n == 13 || n == 16 || n == 19 ? "visa" : "";
    case '5':
      return p2 >= 51 && p2 <= 55 && n == 16 ? "mastercard" : "";
    case '6':
      if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65) return n >= 16 ? "discover" : "";
      if (p2 == 62) return n >= 16 ? "unionpay" : "";
      return {};
    default:
      return {};
  }
}

bool IsValidCardNumber(std::string_view digits) {
  return !CardBrand(digits).empty() && LuhnValid(digits);
}

std::optional<std::string> TypedCardDigits(std::string_view typed) {
  std::string digits;
  for (char c : typed) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ' && c != '-') {
      return std::nullopt;
    }
  }
  return digits;
}

bool IsTestCardNumber(std::string_view digits) {
  return std::binary_search(std::begin(kTestNumbers), std::end(kTestNumbers), digits,
                            ShorterOrLess);
}

bool IsTrivialCardNumber(std::string_view digits) {
  if (digits.size() < 2) return false;
  bool same = true, up = true, down = true;
  for (size_t i = 1; i < digits.size(); ++i) {
    const int step = (digits[i] - digits[i - 1] + 10) % 10;
    same = same && step == 0;
    up = up && step == 1;
    down = down && step == 9;
  }
  return same || up || down;
}

std::optional<CardNumber> ParseCardNumber(std::string_view cell) {
  cell = TrimSpaces(cell);
  PanBuffer pan;
  char sep = 0;
  uint32_t group = 0;
  for (const char c : cell) {
    if (IsAsciiDigit(c)) {
      if (!pan.Append(std::string_view(&c, 1))) return std::nullopt;
      ++group;
      continue;
    }
    // A separator: single, of one kind throughout, after a whole group.
    if ((c != ' ' && c != '-') || (sep != 0 && c != sep) || !IsCardGroup(group)) {
      return std::nullopt;
    }
    sep = c;
    group = 0;
  }
  if (sep != 0 && !IsCardGroup(group)) return std::nullopt;
  const std::string_view digits = pan.View();
  if (!IsValidCardNumber(digits)) return std::nullopt;
  return CardNumber{std::string(digits), CardBrand(digits), IsTestCardNumber(digits)};
}

std::optional<CardExpiry> ParseCardExpiry(std::string_view cell) {
  cell = TrimSpaces(cell);
  if (cell.empty() || !IsAsciiDigit(cell[0])) return std::nullopt;
  const std::optional<ExpiryMatch> m = MatchExpiry(cell, 0);
  if (!m || m->end != cell.size()) return std::nullopt;
  return m->expiry;
}

bool IsSecurityCode(std::string_view cell) {
  cell = TrimSpaces(cell);
  return (cell.size() == 3 || cell.size() == 4) && RunLength(cell, 0) == cell.size();
}

std::optional<CardTrack> ParseCardTrack(std::string_view cell) {
  cell = TrimSpaces(cell);
  uint32_t i = 0;
  if (At(cell, i, "%")) ++i;
  if (At(cell, i, "B") || At(cell, i, ";")) ++i;
  const uint32_t n = RunLength(cell, i);
  const std::optional<Span> track = MatchTrack(cell, i, i + n);
  if (!track || track->begin != 0 || track->end != cell.size()) return std::nullopt;
  const std::string_view pan = cell.substr(i, n);
  return CardTrack{std::string(pan), CardBrand(pan), IsTestCardNumber(pan)};
}

std::unique_ptr<Detector> MakeCardDetector() { return std::make_unique<CardDetector>(); }

}  // namespace mamori
