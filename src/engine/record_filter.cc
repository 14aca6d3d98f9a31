#include "engine/record_filter.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>

#include "detectors/context.h"

namespace mamori {
namespace {

using K = LabelKind;

// Digits a number must have to be reported without a label, per rule.
// Cards and tracks: kMinPan in detectors/card.cc (an expiry or a security
// code without its label is only taken right after a card).
constexpr uint32_t kCardDigits = 13;
// Phones: DomesticShape in detectors/phone.cc (10 or 11 digits from a
// leading 0) and kMinIntlDigits there (after '+').
constexpr uint32_t kDomesticPhoneDigits = 10;
constexpr uint32_t kIntlPhoneDigits = 8;
// Postal codes without 〒 or a label: NNN-NNNN, then at most three spaces
// and a Japanese address, whose first byte is not ASCII
// (HyphenatedPostalCode and StartsWithJapaneseAddress in
// detectors/jp_numbers.cc).
constexpr uint32_t kPostalDigits = 7;
constexpr uint32_t kPostalSpaces = 3;
// Digit runs join into one number across gaps of at most this many bytes,
// all of them from kGapChars: a superset of the card detector's single
// space or hyphen and the phone detector's ")-. (" gaps (kMaxGap).
constexpr uint32_t kMaxGap = 3;

constexpr std::string_view kGapChars = " -.()";
bool IsGapChar(char c) {
  for (const char g : kGapChars) {
    if (c == g) return true;
  }
  return false;
}

bool Joins(std::string_view text, const DigitRun& a, const DigitRun& b) {
  if (b.begin - a.end > kMaxGap) return false;
  for (uint32_t i = a.end; i < b.begin; ++i) {
    if (!IsGapChar(text[i])) return false;
  }
  return true;
}

// Runs a and b read "NNN-NNNN" with text that may be an address after them.
bool PostalBeforeAddress(std::string_view text, const DigitRun& a, const DigitRun& b) {
  if (a.end - a.begin != 3 || b.begin != a.end + 1 || text[a.end] != '-' || b.end - b.begin != 4)
    return false;
  size_t after = b.end;
  while (after < text.size() && text[after] == ' ' && after - b.end < kPostalSpaces) ++after;
  return after < text.size() && static_cast<unsigned char>(text[after]) >= 0x80;
}

}  // namespace

RecordFilter::RecordFilter(const std::bitset<kDataTypeCount>& enabled) {
  const auto on = [&](DataType t) { return enabled.test(static_cast<size_t>(t)); };
  const auto kinds = [&](std::initializer_list<K> ks) {
    for (K k : ks) kinds_.set(static_cast<size_t>(k));
  };
  // The label kinds each detector reads as context for its own type, where
  // that context can make a finding of text no rule below catches; a
  // negative label only ever takes findings away. Card number, email and
  // phone labels are not among them: a card number, labelled or in its
  // column (ParseCardNumber), is 13 or more digits joined by single spaces
  // or hyphens; an email has its '@' (NormalizeEmail); a phone, labelled or
  // in its column (NormalizePhone), has the shape the phone rule below
  // reads (a label only admits dots as separators, which are gap bytes, and
  // raises confidence). So the chain, at-sign and phone rules already catch
  // every value such a label could mark.
  if (on(DataType::kCardExpiry)) kinds({K::kCardExpiry});
  if (on(DataType::kCardSecurityCode)) kinds({K::kSecurityCode});
  if (on(DataType::kMyNumber)) kinds({K::kMyNumber});
  // A prefecture only matters to a postal code as the address after it,
  // which the postal rule reads itself.
  if (on(DataType::kPostalCode)) kinds({K::kPostalCode});
  if (on(DataType::kBirthDate)) kinds({K::kBirthDate});
  if (on(DataType::kPassportNumber)) kinds({K::kPassport});
  if (on(DataType::kDriversLicense)) kinds({K::kDriversLicense});
  if (on(DataType::kBankAccount)) kinds({K::kBankAccount, K::kBank});
  if (on(DataType::kPersonName)) kinds({K::kName, K::kCardHolder, K::kHonorific});
  if (on(DataType::kAddress)) kinds({K::kAddress, K::kPrefecture, K::kPostalCode});

  card_ = on(DataType::kCardNumber) || on(DataType::kCardExpiry) ||
          on(DataType::kCardSecurityCode) || on(DataType::kCardTrack);
  // A name is also taken from a record line that has an email or a phone.
  at_sign_ = on(DataType::kEmail) || on(DataType::kPersonName);
  phone_ = on(DataType::kPhone) || on(DataType::kPersonName);
  postal_ = on(DataType::kPostalCode) || on(DataType::kAddress);
  non_ascii_ = on(DataType::kPersonName) || on(DataType::kAddress);
  // Card numbers, tracks, emails and phones are found by their shape
  // alone; every other type needs a label (or is a name or an address).
  std::bitset<kDataTypeCount> shape_only;
  for (DataType t :
       {DataType::kCardNumber, DataType::kCardTrack, DataType::kEmail, DataType::kPhone}) {
    shape_only.set(static_cast<size_t>(t));
  }
  needs_labels_ = (enabled & ~shape_only).any();
  uint32_t min_digits = UINT32_MAX;  // no rule counts digits: no run is read
  if (card_) min_digits = std::min(min_digits, kCardDigits);
  if (phone_) min_digits = std::min({min_digits, kDomesticPhoneDigits, kIntlPhoneDigits});
  if (postal_) min_digits = std::min(min_digits, kPostalDigits);
  chain_stretch_ = {kGapChars, kMaxGap, min_digits};
}

bool RecordFilter::ColumnOwnsDigits(LabelKind column, std::string_view text) const {
  if (column != K::kNegative && column != K::kReference) return false;
  uint32_t digits = 0;
  for (const char c : text) {
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (!IsGapChar(c)) {
      return false;
    }
  }
  return column == K::kNegative || !card_ || digits < kCardDigits;
}

bool RecordFilter::MayHoldFinding(std::string_view text, const Candidates& found,
                                  std::vector<TextSpan>* triggers) const {
  bool any = false;
  // Stops at the first trigger unless all are wanted.
  FindTriggers(text, found, [&](size_t begin, size_t end) {
    any = true;
    if (triggers) triggers->push_back({begin, end});
    return triggers != nullptr;
  });
  return any;
}

// Calls hit(begin, end) for each reason `text` may hold a finding, until it
// returns false.
template <typename Hit>
void RecordFilter::FindTriggers(std::string_view text, const Candidates& found,
                                const Hit& hit) const {
  if (at_sign_) {
    for (uint32_t at : found.at_signs) {
      if (!hit(at, at + 1)) return;
    }
  }
  for (const LabelHit& label : found.labels) {
    if (KindMatters(label.kind) && !hit(label.begin, label.end)) return;
  }
  if (non_ascii_) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (static_cast<unsigned char>(text[i]) < 0x80) continue;
      if (!hit(i, i + 1)) return;
      while (i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80) ++i;
    }
  }
  // Chains of joined digit runs: a long enough chain may be a card; a suffix
  // of one that starts with 0 (or after '+') may be a phone; two of its runs
  // may be a postal code before an address.
  const std::span<const DigitRun> runs = found.runs;
  for (size_t first = 0; first < runs.size();) {
    size_t end = first + 1;
    uint32_t digits = runs[first].end - runs[first].begin;
    while (end < runs.size() && Joins(text, runs[end - 1], runs[end])) {
      digits += runs[end].end - runs[end].begin;
      ++end;
    }
    if (digits < chain_stretch_.min_digits) {  // too short for every rule (most chains)
      first = end;
      continue;
    }
    // A lone run with a letter right after it is part of a longer token (a
    // hex id, a hash): it is neither a card number (Glues in
    // detectors/card.cc) nor a phone (GluedAfter in detectors/phone.cc).
    const bool glued =
        end == first + 1 && runs[first].end < text.size() && IsAsciiAlpha(text[runs[first].end]);
    if (glued) {
      first = end;
      continue;
    }
    bool may = card_ && digits >= kCardDigits;
    for (size_t k = first; postal_ && !may && k + 1 < end; ++k) {
      may = PostalBeforeAddress(text, runs[k], runs[k + 1]);
    }
    uint32_t rest = digits;  // digits from run k to the chain's end
    for (size_t k = first; phone_ && !may && k < end; ++k) {
      const DigitRun& r = runs[k];
      may = (text[r.begin] == '0' && rest >= kDomesticPhoneDigits) ||
            (r.begin > 0 && text[r.begin - 1] == '+' && rest >= kIntlPhoneDigits);
      rest -= r.end - r.begin;
    }
    if (may && !hit(runs[first].begin, runs[end - 1].end)) return;
    first = end;
  }
}

}  // namespace mamori
