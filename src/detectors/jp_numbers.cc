#include "detectors/jp_numbers.h"

#include <algorithm>
#include <array>

#include "detectors/context.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

using K = LabelKind;

constexpr std::array<int, 11> kMyNumberWeights = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

bool AllDigits(std::string_view s) { return std::all_of(s.begin(), s.end(), IsAsciiDigit); }

bool IsNumberSeparator(char c, char own_sep) {
  return c == '-' || c == '.' || c == '/' || c == ',' || c == own_sep;
}

// The code point of the 3-byte UTF-8 character at s[i] (all kana and
// kanji), or 0.
char32_t ThreeByteCharAt(std::string_view s, size_t i) {
  if (i + 3 > s.size()) return 0;
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if ((b(0) & 0xF0) != 0xE0 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return 0;
  return ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
}

bool IsKanaOrKanji(char32_t cp) {
  return (cp >= 0x3041 && cp <= 0x30FF) || (cp >= 0x4E00 && cp <= 0x9FFF) || cp == 0x3005;
}

// 市 区 町 村 郡
bool IsMunicipalitySuffix(char32_t cp) {
  return cp == 0x5E02 || cp == 0x533A || cp == 0x753A || cp == 0x6751 || cp == 0x90E1;
}

// Spaces, ASCII punctuation, 、 and ・ only: the gap between two items of a list.
bool OnlyPunctuation(std::string_view gap) {
  for (size_t i = 0; i < gap.size();) {
    if (static_cast<unsigned char>(gap[i]) < 0x80) {
      if (IsAsciiAlnum(gap[i])) return false;
      ++i;
      continue;
    }
    const char32_t cp = ThreeByteCharAt(gap, i);
    if (cp != 0x3001 && cp != 0x30FB) return false;
    i += 3;
  }
  return true;
}

// The label OwningLabel() considers for `pos`: the last one ending before it.
const LabelHit* NearestLabelBefore(const Candidates& in, uint32_t pos) {
  auto it = std::lower_bound(in.labels.begin(), in.labels.end(), pos,
                             [](const LabelHit& h, uint32_t p) { return h.begin < p; });
  while (it != in.labels.begin()) {
    --it;
    if (it->end <= pos && it->kind != K::kPrefecture && it->kind != K::kHonorific) return &*it;
  }
  return nullptr;
}

// True when a digit run of three or more digits begins in [from, to).
bool NumberBetween(std::span<const DigitRun> runs, uint32_t from, uint32_t to) {
  auto it = std::lower_bound(runs.begin(), runs.end(), from,
                             [](const DigitRun& r, uint32_t p) { return r.begin < p; });
  for (; it != runs.end() && it->begin < to; ++it) {
    if (it->end - it->begin >= 3) return true;
  }
  return false;
}

// A set of label kinds, to skip whole families when their labels are absent.
class KindSet {
 public:
  explicit KindSet(const Candidates& in) {
    for (const LabelHit& h : in.labels) Add(h.kind);
    if (in.unit_label) Add(*in.unit_label);
  }
  bool Has(K kind) const { return (bits_ >> static_cast<int>(kind)) & 1u; }

 private:
  void Add(K kind) { bits_ |= 1u << static_cast<int>(kind); }
  uint32_t bits_ = 0;
};

std::string_view LabelText(const Candidates& in, const LabelHit* hit) {
  return hit ? in.text.substr(hit->begin, hit->end - hit->begin) : std::string_view();
}

// 口座番号, 口座, account number …, or a column header: the label names the
// number itself, not only the account type (普通, 当座).
bool NamesAccountNumber(const Candidates& in, const LabelHit* hit) {
  if (hit == nullptr) return true;
  const std::string_view text = LabelText(in, hit);
  return static_cast<unsigned char>(text[0]) < 0x80 || text.find("口座") != std::string_view::npos;
}

// An account-type word (口座, 普通, 当座 …) before a value whose owner is a
// bank or branch name: "口座: みずほ銀行 渋谷支店 1234567".
bool AccountWordBefore(const Candidates& in, uint32_t pos) {
  const uint32_t floor = pos > kLabelWindow ? pos - kLabelWindow : 0;
  const LabelHit* nearest = NearestLabelBefore(in, pos);
  if (nearest == nullptr) return false;
  for (size_t k = nearest - in.labels.data() + 1; k-- > 0 && in.labels[k].end >= floor;) {
    const LabelHit& h = in.labels[k];
    if (h.kind == K::kBankAccount) return !NumberBetween(in.runs, h.end, pos);
  }
  return false;
}

// Label kinds that say a number is something else, so an address after it
// does not make it a postal code ("TEL 123-4567 東京都…" is a phone number).
bool NamesOtherValue(std::optional<K> kind) {
  if (!kind) return false;
  switch (*kind) {
    case K::kPostalCode:
    case K::kAddress:
    case K::kName:
    case K::kCardHolder:
    case K::kEmail:
      return false;
    default:
      return true;
  }
}

Detection MakeDetection(DataType type, Confidence confidence, uint32_t begin, uint32_t end,
                        std::string value) {
  return Detection{type, confidence, begin, end, std::move(value), {}, false};
}

// The digits of [begin, end), separators dropped.
std::string DigitsOf(std::string_view text, uint32_t begin, uint32_t end) {
  std::string digits;
  digits.reserve(end - begin);
  for (uint32_t i = begin; i < end; ++i) {
    if (IsAsciiDigit(text[i])) digits.push_back(text[i]);
  }
  return digits;
}

class JpNumbersDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    std::bitset<kDataTypeCount> types;
    for (DataType t : {DataType::kMyNumber, DataType::kPostalCode, DataType::kPassportNumber,
                       DataType::kDriversLicense, DataType::kBankAccount}) {
      types.set(static_cast<size_t>(t));
    }
    return types;
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    const KindSet kinds(in);
    // Passport numbers begin two letters before their digits.
    LabelZones zones(
        in,
        {K::kMyNumber, K::kDriversLicense, K::kPostalCode, K::kPassport, K::kBankAccount, K::kBank},
        kLabelWindow + 2);
    uint32_t prev_end = 0;  // end of the previous accepted value, for lists
    for (size_t i = NextCandidate(in, zones, 0); i < in.runs.size();
         i = NextCandidate(in, zones, i + 1)) {
      const uint32_t len = in.runs[i].end - in.runs[i].begin;
      size_t last_run = i;  // the last run an accepted value covers
      std::optional<Detection> found;
      if (len == 12 || len == 4) {
        found = TwelveDigits(in, kinds, i, prev_end, &last_run);
      } else if (len == 3) {
        found = HyphenatedPostalCode(in, kinds, i, prev_end, &last_run);
      } else if (len >= 6 && len <= 8) {
        found = SevenDigits(in, kinds, in.runs[i], prev_end);
      }
      if (!found) continue;
      prev_end = found->end;
      out.push_back(std::move(*found));
      i = last_run;
    }
  }

 private:
  // The first run from i on that may begin a value. Every value but an
  // address's postal code needs a label of its kind before it (OwnerOf), so
  // only runs in those labels' zones and "NNN-NNNN" shapes are looked at;
  // the rest of digit-heavy text is passed over from the runs array alone.
  static size_t NextCandidate(const Candidates& in, LabelZones& zones, size_t i) {
    if (i >= in.runs.size()) return i;
    const uint32_t watch = zones.NextFrom(in.runs[i].begin);
    const size_t last = in.runs.size() - 1;  // always tried: it has no next run
    while (i < last && in.runs[i].begin < watch && !PostalShape(in, i)) ++i;
    return i;
  }

  // Run i (not the last) and the next one read "NNN-NNNN".
  static bool PostalShape(const Candidates& in, size_t i) {
    const DigitRun r = in.runs[i];
    const DigitRun next = in.runs[i + 1];
    return (r.end - r.begin == 3) & (next.begin == r.end + 1) & (in.text[r.end] == '-') &
           (next.end - next.begin == 4);
  }

  // My Number or driver's licence: 12 digits, contiguous or 4-4-4.
  static std::optional<Detection> TwelveDigits(const Candidates& in, const KindSet& kinds, size_t i,
                                               uint32_t prev_end, size_t* last_run) {
    if (!kinds.Has(K::kMyNumber) && !kinds.Has(K::kDriversLicense)) return std::nullopt;
    const std::string_view t = in.text;
    const DigitRun first = in.runs[i];
    uint32_t end = first.end;
    char sep = '-';  // what ExtendsNumber treats as a continuation
    size_t last = i;
    if (first.end - first.begin == 4) {
      if (i + 2 >= in.runs.size() || first.end >= t.size()) return std::nullopt;
      sep = t[first.end];
      if (sep != ' ' && sep != '-') return std::nullopt;
      for (size_t k = i + 1; k <= i + 2; ++k) {
        const DigitRun r = in.runs[k];
        if (r.begin != end + 1 || t[end] != sep || r.end - r.begin != 4) return std::nullopt;
        end = r.end;
      }
      last = i + 2;
    }
    if (ExtendsNumber(t, first.begin, end, sep)) return std::nullopt;
    const std::optional<K> owner = OwnerOf(in, first.begin, prev_end).kind;
    if (owner != K::kMyNumber && owner != K::kDriversLicense) return std::nullopt;
    std::string digits = DigitsOf(t, first.begin, end);
    if (owner == K::kMyNumber && !IsValidMyNumber(digits)) return std::nullopt;
    *last_run = last;
    return MakeDetection(owner == K::kMyNumber ? DataType::kMyNumber : DataType::kDriversLicense,
                         Confidence::kHigh, first.begin, end, std::move(digits));
  }

  // "NNN-NNNN": labelled (〒, 郵便番号, zip) or followed by an address.
  static std::optional<Detection> HyphenatedPostalCode(const Candidates& in, const KindSet& kinds,
                                                       size_t i, uint32_t prev_end,
                                                       size_t* last_run) {
    const std::string_view t = in.text;
    const DigitRun r = in.runs[i];
    if (i + 1 >= in.runs.size() || r.end >= t.size() || t[r.end] != '-') return std::nullopt;
    const DigitRun next = in.runs[i + 1];
    if (next.begin != r.end + 1 || next.end - next.begin != 4) return std::nullopt;
    if (ExtendsNumber(t, r.begin, next.end)) return std::nullopt;
    size_t after = next.end;
    while (after < t.size() && t[after] == ' ' && after - next.end < 3) ++after;
    const bool address = StartsWithJapaneseAddress(t.substr(after));
    if (!address && !kinds.Has(K::kPostalCode)) return std::nullopt;  // skip the label search
    const std::optional<K> owner = OwnerOf(in, r.begin, prev_end).kind;
    Confidence confidence = Confidence::kHigh;
    if (owner != K::kPostalCode) {
      if (!address || NamesOtherValue(owner)) return std::nullopt;
      confidence = Confidence::kMedium;
    }
    *last_run = i + 1;
    return MakeDetection(DataType::kPostalCode, confidence, r.begin, next.end,
                         DigitsOf(t, r.begin, next.end));
  }

  // A 6-8 digit run: passport (after two letters), labelled 7-digit postal
  // code, or bank account number.
  static std::optional<Detection> SevenDigits(const Candidates& in, const KindSet& kinds,
                                              DigitRun r, uint32_t prev_end) {
    const std::string_view t = in.text;
    const uint32_t len = r.end - r.begin;
    if (len == 7 && kinds.Has(K::kPassport)) {
      if (std::optional<Detection> d = Passport(in, r, prev_end)) return d;
    }
    const bool postal = len == 7 && kinds.Has(K::kPostalCode);
    const bool bank = kinds.Has(K::kBankAccount);
    if ((!postal && !bank) || ExtendsNumber(t, r.begin, r.end)) return std::nullopt;
    const LabelOwner owner = OwnerOf(in, r.begin, prev_end);
    if (owner.kind == K::kPostalCode && len == 7) {
      return MakeDetection(DataType::kPostalCode, Confidence::kHigh, r.begin, r.end,
                           std::string(t.substr(r.begin, len)));
    }
    if (!bank || t.substr(r.end).starts_with("円")) return std::nullopt;  // a balance, not a number
    std::optional<Confidence> confidence;
    if (owner.kind == K::kBankAccount) {
      const bool names_number = NamesAccountNumber(in, owner.hit);
      if (names_number || len == 7) {
        confidence = names_number ? Confidence::kHigh : Confidence::kMedium;
      }
    } else if (owner.kind == K::kBank && len == 7 && AccountWordBefore(in, r.begin)) {
      confidence = Confidence::kMedium;
    }
    if (!confidence) return std::nullopt;
    return MakeDetection(DataType::kBankAccount, *confidence, r.begin, r.end,
                         std::string(t.substr(r.begin, len)));
  }

  // Two letters glued to seven digits: "TK1234567".
  static std::optional<Detection> Passport(const Candidates& in, DigitRun r, uint32_t prev_end) {
    const std::string_view t = in.text;
    if (r.begin < 2 || !IsAsciiAlpha(t[r.begin - 1]) || !IsAsciiAlpha(t[r.begin - 2])) {
      return std::nullopt;
    }
    const uint32_t begin = r.begin - 2;
    if (InsideLongerToken(t, begin, r.end)) return std::nullopt;
    if (OwnerOf(in, begin, prev_end).kind != K::kPassport) return std::nullopt;
    std::string value(t.substr(begin, r.end - begin));
    for (int k = 0; k < 2; ++k) value[k] = static_cast<char>(value[k] & ~0x20);  // upper case
    return MakeDetection(DataType::kPassportNumber, Confidence::kHigh, begin, r.end,
                         std::move(value));
  }
};

}  // namespace

int MyNumberCheckDigit(std::string_view first11) {
  int sum = 0;
  for (size_t i = 0; i < kMyNumberWeights.size(); ++i) {
    sum += (first11[i] - '0') * kMyNumberWeights[i];
  }
  const int r = sum % 11;
  return r <= 1 ? 0 : 11 - r;
}

bool IsValidMyNumber(std::string_view digits) {
  return digits.size() == 12 && AllDigits(digits) &&
         MyNumberCheckDigit(digits.substr(0, 11)) == digits[11] - '0';
}

std::optional<std::string> TwelveDigitNumber(std::string_view text) {
  if (text.size() == 12) {
    return AllDigits(text) ? std::optional<std::string>(text) : std::nullopt;
  }
  if (text.size() != 14 || (text[4] != ' ' && text[4] != '-') || text[9] != text[4]) {
    return std::nullopt;
  }
  std::string digits;
  for (size_t g : {0, 5, 10}) {
    const std::string_view group = text.substr(g, 4);
    if (!AllDigits(group)) return std::nullopt;
    digits.append(group);
  }
  return digits;
}

bool IsPostalCode(std::string_view text) {
  if (text.size() == 7) return AllDigits(text);
  return text.size() == 8 && text[3] == '-' && AllDigits(text.substr(0, 3)) &&
         AllDigits(text.substr(4));
}

bool IsPassportNumber(std::string_view text) {
  return text.size() == 9 && IsAsciiAlpha(text[0]) && IsAsciiAlpha(text[1]) &&
         AllDigits(text.substr(2));
}

bool IsBankAccountNumber(std::string_view digits) {
  return digits.size() >= 6 && digits.size() <= 8 && AllDigits(digits);
}

bool StartsWithJapaneseAddress(std::string_view text) {
  if (text.size() < 6 || static_cast<unsigned char>(text[0]) < 0x80) return false;
  for (std::string_view prefecture : Prefectures()) {
    // Compare the first character's last byte before the whole name.
    if (text[2] == prefecture[2] && text.starts_with(prefecture)) return true;
  }
  // A municipality: one to seven kana or kanji, then its suffix.
  for (size_t k = 0; k < 8; ++k) {
    const char32_t cp = ThreeByteCharAt(text, 3 * k);
    if (k > 0 && IsMunicipalitySuffix(cp)) return true;
    if (!IsKanaOrKanji(cp)) return false;
  }
  return false;
}

LabelOwner OwnerOf(const Candidates& in, uint32_t pos, uint32_t prev_end) {
  const std::optional<LabelKind> kind = OwningLabel(in, pos);
  if (!kind) return {};
  const LabelHit* hit = NearestLabelBefore(in, pos);
  if (hit == nullptr || hit->kind != *kind || pos - hit->end > kLabelWindow) return {kind, nullptr};
  const std::string_view gap = in.text.substr(hit->end, pos - hit->end);
  if (std::count(gap.begin(), gap.end(), '\n') > 1) return {kind, nullptr};  // the unit's key
  uint32_t from = hit->end;
  if (prev_end > from && prev_end <= pos &&
      OnlyPunctuation(in.text.substr(prev_end, pos - prev_end))) {
    from = prev_end;
  }
  if (NumberBetween(in.runs, from, pos)) return {in.unit_label, nullptr};
  return {kind, hit};
}

bool ExtendsNumber(std::string_view text, uint32_t begin, uint32_t end, char own_sep) {
  if (InsideLongerToken(text, begin, end)) return true;
  if (begin >= 2 && IsNumberSeparator(text[begin - 1], own_sep) && IsAsciiDigit(text[begin - 2])) {
    return true;
  }
  return end + 1 < text.size() && IsNumberSeparator(text[end], own_sep) &&
         IsAsciiDigit(text[end + 1]);
}

std::unique_ptr<Detector> MakeJpNumbersDetector() { return std::make_unique<JpNumbersDetector>(); }

}  // namespace mamori
