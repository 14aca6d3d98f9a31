// Phone numbers: Japanese domestic notations and "+CC" international ones.
//
// A candidate is a few consecutive digit runs ("groups") joined by short gaps
// of the shape ')'? [-. ]? '('? ("-", " ", ") ", "-(", "(" ...), optionally
// preceded by '+' or '('. It is shape-checked cheaply first (starts with 0 or
// '+', digit count, group sizes, balanced parentheses, one kind of separator)
// and only survivors go to libphonenumber, which must call the number valid.
//
// Where a number starts and ends inside a longer chain of groups: a phone
// starts at a chain's start or after a space, and ends at a chain's end or
// before a space. So "03-1234-5678 090-1234-5678" is two numbers while
// "03-1234-5678-9", dates, IPv4 addresses and UUID parts are none.
#include "detectors/phone.h"

#include <phonenumbers/logger.h>
#include <phonenumbers/phonenumberutil.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdint>
#include <initializer_list>
#include <unordered_map>

#include "detectors/context.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

constexpr size_t kMaxGroups = 6;     // "+81 (0)3 1234 5678" has five
constexpr uint32_t kMaxGap = 3;      // ") (" at most
constexpr uint32_t kMaxDigits = 15;  // E.164
constexpr uint32_t kMinIntlDigits = 8;

// libphonenumber logs parse failures to stderr unless told otherwise; the
// function-local static makes installing the silent logger thread-safe.
const PhoneNumberUtil& Util() {
  static const PhoneNumberUtil* const util = [] {
    PhoneNumberUtil* u = PhoneNumberUtil::GetInstance();
    u->SetLogger(new i18n::phonenumbers::NullLogger());
    return u;
  }();
  return *util;
}

// What lies between two digit runs. ok: it may join them into one number.
struct Gap {
  bool ok = false;
  bool close = false;  // ')'
  char sep = 0;        // '-', ' ', '.' or none
  bool open = false;   // '('
};

Gap ParseGap(std::string_view text, uint32_t from, uint32_t to) {
  Gap g;
  if (to - from > kMaxGap) return g;
  uint32_t p = from;
  if (text[p] == ')') {
    g.close = true;
    ++p;
  }
  if (p < to && (text[p] == '-' || text[p] == ' ' || text[p] == '.')) g.sep = text[p++];
  if (p < to && text[p] == '(') {
    g.open = true;
    ++p;
  }
  g.ok = p == to;
  return g;
}

// Up to kMaxGroups digit runs from a possible start, each with the gap after it.
struct Window {
  DigitRun groups[kMaxGroups];
  Gap after[kMaxGroups];  // after[n-1].ok is false when the chain ends there
  size_t n = 0;
};

Window Collect(const Candidates& in, size_t first) {
  Window w;
  uint32_t digits = 0;
  for (size_t j = first; j < in.runs.size() && w.n < kMaxGroups; ++j) {
    const DigitRun& r = in.runs[j];
    w.groups[w.n] = r;
    w.after[w.n] = j + 1 < in.runs.size() ? ParseGap(in.text, r.end, in.runs[j + 1].begin) : Gap{};
    digits += r.end - r.begin;
    if (!w.after[w.n++].ok || digits > kMaxDigits) break;
  }
  return w;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// True when the ASCII letters just before `end` spell a phone word, as in
// "TEL03-1234-5678": the finder only matches labels on word boundaries.
bool PhoneWordBefore(std::string_view text, uint32_t end) {
  uint32_t b = end;
  while (b > 0 && end - b < 8 && IsAsciiAlpha(text[b - 1])) --b;
  if (b > 0 && IsAsciiAlnum(text[b - 1])) return false;
  std::string_view word = text.substr(b, end - b);
  for (std::string_view w : {"tel", "fax", "phone", "mobile"}) {
    if (word.size() == w.size() && std::equal(word.begin(), word.end(), w.begin(),
                                              [](char x, char y) { return Lower(x) == y; }))
      return true;
  }
  return false;
}

enum class Glue { kNone, kGlued, kPhoneWord };

// What is right before a number that starts a chain at `begin`: a longer
// token ("ABC0312345678", "#0312345678", "10:0312345678") glues it.
Glue GlueBefore(std::string_view text, uint32_t begin) {
  if (begin == 0) return Glue::kNone;
  const char c = text[begin - 1];
  const char c2 = begin >= 2 ? text[begin - 2] : ' ';
  uint32_t word_end = 0;
  if (IsAsciiAlnum(c)) {
    word_end = begin;
  } else if (c == '-' && IsAsciiAlnum(c2)) {
    word_end = begin - 1;
  } else if (c == '_' || c == '#' || ((c == ':' || c == '.') && IsAsciiDigit(c2))) {
    return Glue::kGlued;
  } else {
    return Glue::kNone;
  }
  return PhoneWordBefore(text, word_end) ? Glue::kPhoneWord : Glue::kGlued;
}

// The same after a number that ends a chain at `end`.
bool GluedAfter(std::string_view text, uint32_t end) {
  if (end >= text.size()) return false;
  const char c = text[end];
  const char c2 = end + 1 < text.size() ? text[end + 1] : ' ';
  if (IsAsciiAlnum(c) || c == '_' || c == '@') return true;
  return (c == '-' && IsAsciiAlnum(c2)) || ((c == ':' || c == '.') && IsAsciiDigit(c2));
}

// Each parenthesis wraps exactly one group: "(03) 1234", "03(1234)5678", "+81(0)3".
bool ParensBalanced(const Window& w, size_t k, bool prefix_open) {
  bool open = prefix_open;
  for (size_t j = 0; j < k; ++j) {
    const bool last = j + 1 == k;
    if (open != (!last && w.after[j].close)) return false;
    open = !last && w.after[j].open;
  }
  return true;
}

// One kind of plain separator inside a number ("060-0001 011" mixes two, so
// it is a postal code and the start of another number). Gaps with a
// parenthesis, and the one after "+CC", may differ. *dotted: any '.' gap.
bool SeparatorsConsistent(const Window& w, size_t k, bool intl, bool* dotted) {
  char sep = 0;
  *dotted = false;
  for (size_t j = 0; j + 1 < k; ++j) {
    const Gap& g = w.after[j];
    *dotted |= g.sep == '.';
    if (g.close || g.open || (intl && j == 0)) continue;
    if (sep != 0 && g.sep != sep) return false;
    sep = g.sep;
  }
  return true;
}

uint32_t Len(const DigitRun& r) { return r.end - r.begin; }

// Digit `index` of the number formed by the first groups of `w`.
char DigitAt(std::string_view text, const Window& w, uint32_t index) {
  for (size_t j = 0; j < w.n; ++j) {
    if (index < Len(w.groups[j])) return text[w.groups[j].begin + index];
    index -= Len(w.groups[j]);
  }
  return 0;
}

// The Japanese numbering plan, cheaply: 0 + 9 or 10 digits, never "00"
// (international prefix); 11 digits only for 050/060/070/080/090 and 0800.
// Written in groups: area code 2-5 digits; with three groups the middle one
// has 1-4 digits and the last 3-4 ("0120-123-456", "01267-2-3456").
bool DomesticShape(std::string_view text, const Window& w, size_t k, uint32_t digits) {
  if (k > 3 || (digits != 10 && digits != 11)) return false;
  const char d1 = DigitAt(text, w, 1);
  if (d1 == '0') return false;
  if (digits == 11 && (d1 < '5' || DigitAt(text, w, 2) != '0')) return false;
  if (k == 1) return true;
  const uint32_t first = Len(w.groups[0]);
  if (first < 2 || first > 5) return false;
  const uint32_t middle = Len(w.groups[1]), last = Len(w.groups[k - 1]);
  return k == 2 || (middle <= 4 && last >= 3 && last <= 4);
}

// "0" + 9 or 10 digits, not "00": a Japanese number dialled with the trunk
// prefix, whose national number is simply the digits after the 0.
bool IsJapaneseTrunkNumber(std::string_view s) {
  return (s.size() == 10 || s.size() == 11) && s[0] == '0' && s[1] != '0' &&
         std::all_of(s.begin(), s.end(), IsAsciiDigit);
}

// Japanese numbers dialled with the trunk prefix that PhoneE164 rejected, by
// length and first six national digits. Japanese validity follows from the
// first digits (at most four in libphonenumber's patterns) and the length,
// so a number whose class was rejected once need not be parsed again. Only
// rejections are remembered: every number reported is still validated by
// libphonenumber. Shared by all threads (relaxed atomic bits).
class RejectedTrunkPrefixes {
 public:
  bool Has(std::string_view trunk) const {
    const size_t bit = Bit(trunk);
    return (bits_[bit / 64].load(std::memory_order_relaxed) >> (bit % 64)) & 1;
  }
  void Add(std::string_view trunk) {
    const size_t bit = Bit(trunk);
    bits_[bit / 64].fetch_or(uint64_t{1} << (bit % 64), std::memory_order_relaxed);
  }

 private:
  static constexpr size_t kPrefixes = 1000000;  // six digits

  // `trunk` as IsJapaneseTrunkNumber: "0" and 9 or 10 national digits.
  static size_t Bit(std::string_view trunk) {
    size_t prefix = 0;
    for (char c : trunk.substr(1, 6)) prefix = prefix * 10 + static_cast<size_t>(c - '0');
    return (trunk.size() - 10) * kPrefixes + prefix;
  }

  std::array<std::atomic<uint64_t>, 2 * kPrefixes / 64 + 1> bits_{};
};

RejectedTrunkPrefixes& Rejected() {
  static RejectedTrunkPrefixes* const rejected = new RejectedTrunkPrefixes();
  return *rejected;
}

// The dialable string: '+' for international numbers, then the digits.
std::string Dialable(std::string_view text, const Window& w, size_t k, bool intl) {
  std::string s;
  if (intl) s.push_back('+');
  for (size_t j = 0; j < k; ++j) s.append(text.substr(w.groups[j].begin, Len(w.groups[j])));
  return s;
}

class PhoneScanner {
 public:
  PhoneScanner(const Candidates& in, std::vector<Detection>& out) : in_(in), out_(out) {}

  void Run() {
    for (size_t i = NextCandidate(0); i < in_.runs.size();) {
      const size_t used = TryAt(i);
      i = NextCandidate(i + (used ? used : 1));
    }
  }

 private:
  // The first run from i on where TryAt may find a number. Most runs of
  // digit-heavy text cannot start one, and are passed over here from the
  // runs array and a few bytes, without a branch the CPU mispredicts.
  size_t NextCandidate(size_t i) const {
    // The first and the last run are always tried: a neighbour is missing.
    if (i == 0) return 0;
    const size_t last = in_.runs.size() - 1;
    while (i < last && !MayStart(i)) ++i;
    return i;
  }

  // TryAt's first tests, for a run with runs on both sides. A number starts
  // with 0 (not 00) or after '+': one well-predicted test rules out most
  // runs. Then a domestic number is 10-11 digits in one group or begins
  // with an area code of 2-5 digits joined to more groups; an international
  // one has 8 digits or more groups; neither starts inside a chain after
  // '-', '.' or a parenthesis ("2024-05-04").
  bool MayStart(size_t i) const {
    const std::string_view text = in_.text;
    const DigitRun& r = in_.runs[i];
    const char prev = text[r.begin - 1];
    const bool zero = text[r.begin] == '0';
    if (!(zero | (prev == '+'))) return false;
    const uint32_t len = r.end - r.begin;
    const bool joined = in_.runs[i + 1].begin - r.end <= kMaxGap;
    const bool domestic =
        zero & (text[r.begin + 1] != '0') & ((len - 10 <= 1) | ((len - 2 <= 3) & joined));
    const bool international = (prev == '+') & ((len >= kMinIntlDigits) | joined);
    const bool mid_chain = (in_.runs[i - 1].end + 1 == r.begin) &
                           ((prev == '-') | (prev == '.') | (prev == '(') | (prev == ')'));
    return (domestic | international) & !mid_chain;
  }

  // How a number starting at a run begins.
  struct Start {
    bool intl = false;         // after '+'
    bool prefix_open = false;  // after '(' ("(03) 1234-5678", "(+81) 3-1234-5678")
    bool word = false;         // glued to a phone word ("TEL03-1234-5678")
  };

  // Tries the number that would start at run i; returns the runs it used.
  size_t TryAt(size_t i) {
    const std::string_view text = in_.text;
    const DigitRun& r = in_.runs[i];
    Start start;
    start.intl = r.begin > 0 && text[r.begin - 1] == '+';
    // Domestic numbers start with 0 but never 00 (the international prefix).
    if (!start.intl &&
        (text[r.begin] != '0' || (r.end - r.begin >= 2 && text[r.begin + 1] == '0'))) {
      return 0;
    }
    const Gap before = i > 0 && r.begin - in_.runs[i - 1].end <= kMaxGap
                           ? ParseGap(text, in_.runs[i - 1].end, r.begin)
                           : Gap{};
    if (before.ok) {  // inside a chain: only after a space
      if (before.sep != ' ' || before.close) return 0;
      start.prefix_open = before.open;
    } else {
      const uint32_t lead = r.begin - (start.intl ? 1 : 0);
      start.prefix_open = lead > 0 && text[lead - 1] == '(';
      if (!start.prefix_open) {
        const Glue glue = GlueBefore(text, lead);
        if (glue == Glue::kGlued) return 0;
        start.word = glue == Glue::kPhoneWord;
      }
    }
    const Window w = Collect(in_, i);
    for (size_t k = w.n; k >= 1; --k) {
      if (Accept(w, k, start)) return k;
    }
    return 0;
  }

  // Checks the first k groups of w as one number; emits it unless a
  // negative label owns it. True when the groups are used up.
  bool Accept(const Window& w, size_t k, Start start) {
    const std::string_view text = in_.text;
    const bool intl = start.intl;
    const Gap& after = w.after[k - 1];
    const uint32_t end = w.groups[k - 1].end;
    if (after.ok ? (after.sep != ' ' || after.close) : GluedAfter(text, end)) return false;
    uint32_t digits = 0;
    for (size_t j = 0; j < k; ++j) digits += Len(w.groups[j]);
    if (intl ? (digits < kMinIntlDigits || digits > kMaxDigits)
             : !DomesticShape(text, w, k, digits)) {
      return false;
    }
    // An opening parenthesis that does not close after the first group is
    // not part of the number: "TEL(03-1234-5678)".
    if (start.prefix_open && !ParensBalanced(w, k, true)) start.prefix_open = false;
    if (!ParensBalanced(w, k, start.prefix_open)) return false;
    bool dotted = false;
    if (!SeparatorsConsistent(w, k, intl, &dotted)) return false;
    const uint32_t begin = w.groups[0].begin - (intl ? 1 : 0) - (start.prefix_open ? 1 : 0);
    const std::optional<LabelKind> owner = OwningLabel(in_, begin);
    // An order, tracking or reference number: all its digits are that
    // number's, whether or not they would dial (as in the card rule), and
    // no phone library is asked (a reference column holds thousands).
    if (owner == LabelKind::kNegative || owner == LabelKind::kReference) return true;
    const bool labelled = start.word || owner == LabelKind::kPhone;
    if (dotted && !labelled) return false;  // "03.1234.5678" is a phone only when labelled
    std::optional<std::string> e164 = PhoneE164(Dialable(text, w, k, intl));
    if (!e164) return false;
    // Formatted or labelled numbers are phones; a bare 10-11 digit run may be
    // some other identifier.
    const Confidence confidence =
        (labelled || intl || k >= 2) ? Confidence::kHigh : Confidence::kMedium;
    out_.push_back(
        Detection{DataType::kPhone, confidence, begin, end, std::move(*e164), "", false});
    return true;
  }

  const Candidates& in_;
  std::vector<Detection>& out_;
};

class PhoneDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    std::bitset<kDataTypeCount> types;
    types.set(static_cast<size_t>(DataType::kPhone));
    return types;
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    PhoneScanner(in, out).Run();
  }
};

// PhoneE164 without its memo.
std::optional<std::string> ValidatePhone(std::string_view dialable) {
  const PhoneNumberUtil& util = Util();
  std::string e164;
  PhoneNumber number;
  if (IsJapaneseTrunkNumber(dialable)) {
    if (Rejected().Has(dialable)) return std::nullopt;
    // Country 81, the digits after the 0: what Parse(dialable, "JP") makes
    // of it without its regex-heavy normalization (three times slower), except
    // that Parse reads "010..." as the international call prefix and finds a
    // foreign number in it: never a Japanese number written domestically.
    uint64_t national = 0;
    for (char c : dialable.substr(1)) national = national * 10 + static_cast<uint64_t>(c - '0');
    number.set_country_code(81);
    number.set_national_number(national);
    if (!util.IsValidNumber(number) || dialable.starts_with("020")) {  // 020: pager / M2M
      Rejected().Add(dialable);
      return std::nullopt;
    }
    e164.append("+81").append(dialable.substr(1));
  } else {
    if (util.Parse(std::string(dialable), "JP", &number) != PhoneNumberUtil::NO_PARSING_ERROR ||
        !util.IsValidNumber(number)) {
      return std::nullopt;
    }
    util.Format(number, PhoneNumberUtil::E164, &e164);
  }
  if (e164.starts_with("+8120")) return std::nullopt;  // pager / M2M
  return e164;
}

}  // namespace

std::optional<std::string> PhoneE164(std::string_view dialable) {
  // The same numbers recur (a customer list's contacts, a log's support
  // line) and libphonenumber takes some 36,000 instructions per number. The
  // answer depends on the dialable string alone, so each thread remembers
  // its recent ones; cleared when full to bound memory.
  constexpr size_t kMemoSize = 4096;
  thread_local std::unordered_map<std::string, std::optional<std::string>> memo;
  std::string key(dialable);
  if (auto it = memo.find(key); it != memo.end()) return it->second;
  if (memo.size() >= kMemoSize) memo.clear();
  std::optional<std::string> e164 = ValidatePhone(dialable);
  memo.emplace(std::move(key), e164);
  return e164;
}

std::optional<std::string> NormalizePhone(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  std::vector<DigitRun> runs;
  for (uint32_t i = 0; i < text.size(); ++i) {
    if (!IsAsciiDigit(text[i])) continue;
    if (runs.empty() || runs.back().end != i) runs.push_back({i, i});
    runs.back().end = i + 1;
  }
  // The cell is typed as a phone, which also allows the dotted notation.
  const Candidates in{text, runs, {}, {}, LabelKind::kPhone};
  std::vector<Detection> found;
  PhoneScanner(in, found).Run();
  if (found.size() != 1 || found[0].begin != 0 || found[0].end != text.size()) return std::nullopt;
  return std::move(found[0].value);
}

std::unique_ptr<Detector> MakePhoneDetector() { return std::make_unique<PhoneDetector>(); }

}  // namespace mamori
