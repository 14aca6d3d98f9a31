#include "engine/record_filter.h"

#include <algorithm>
#include <initializer_list>

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
// Postal codes without 〒 or a label: NNN-NNNN right before a Japanese
// address (HyphenatedPostalCode in detectors/jp_numbers.cc).
constexpr uint32_t kPostalDigits = 7;
// Digit runs join into one number across gaps of at most this many bytes,
// all of them from kGapChars: a superset of the card detector's single
// space or hyphen and the phone detector's ")-. (" gaps (kMaxGap).
constexpr uint32_t kMaxGap = 3;

bool IsGapChar(char c) { return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')'; }

bool Joins(std::string_view text, const DigitRun& a, const DigitRun& b) {
  if (b.begin - a.end > kMaxGap) return false;
  for (uint32_t i = a.end; i < b.begin; ++i) {
    if (!IsGapChar(text[i])) return false;
  }
  return true;
}

bool HasNonAscii(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

}  // namespace

RecordFilter::RecordFilter(const std::bitset<kDataTypeCount>& enabled) {
  const auto on = [&](DataType t) { return enabled.test(static_cast<size_t>(t)); };
  const auto kinds = [&](std::initializer_list<K> ks) {
    for (K k : ks) kinds_.set(static_cast<size_t>(k));
  };
  // The label kinds each detector reads as context for its own type; a
  // negative label only ever takes findings away.
  if (on(DataType::kCardNumber)) kinds({K::kCardNumber});
  if (on(DataType::kCardExpiry)) kinds({K::kCardExpiry});
  if (on(DataType::kCardSecurityCode)) kinds({K::kSecurityCode});
  if (on(DataType::kEmail)) kinds({K::kEmail});
  if (on(DataType::kPhone)) kinds({K::kPhone});
  if (on(DataType::kMyNumber)) kinds({K::kMyNumber});
  if (on(DataType::kPostalCode)) kinds({K::kPostalCode, K::kPrefecture});
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
  for (DataType t : {DataType::kCardNumber, DataType::kCardTrack, DataType::kEmail, DataType::kPhone}) {
    shape_only.set(static_cast<size_t>(t));
  }
  needs_labels_ = (enabled & ~shape_only).any();
}

bool RecordFilter::MayHoldFinding(std::string_view text, const Candidates& found) const {
  if (at_sign_ && !found.at_signs.empty()) return true;
  if (std::any_of(found.labels.begin(), found.labels.end(),
                  [&](const LabelHit& hit) { return KindMatters(hit.kind); })) {
    return true;
  }
  const bool non_ascii = (non_ascii_ || postal_) && HasNonAscii(text);
  if (non_ascii_ && non_ascii) return true;
  return ChainMayHold(text, found.runs, non_ascii);
}

// Walks the chains of joined digit runs: a long enough chain may be a card;
// a suffix of one that starts with 0 (or after '+') may be a phone.
bool RecordFilter::ChainMayHold(std::string_view text, std::span<const DigitRun> runs,
                                bool non_ascii) const {
  for (size_t first = 0; first < runs.size();) {
    size_t end = first + 1;
    uint32_t digits = runs[first].end - runs[first].begin;
    while (end < runs.size() && Joins(text, runs[end - 1], runs[end])) {
      digits += runs[end].end - runs[end].begin;
      ++end;
    }
    if (card_ && digits >= kCardDigits) return true;
    if (postal_ && non_ascii && digits >= kPostalDigits) return true;
    if (phone_) {
      uint32_t rest = digits;  // digits from run k to the chain's end
      for (size_t k = first; k < end; ++k) {
        const DigitRun& r = runs[k];
        if (text[r.begin] == '0' && rest >= kDomesticPhoneDigits) return true;
        if (r.begin > 0 && text[r.begin - 1] == '+' && rest >= kIntlPhoneDigits) return true;
        rest -= r.end - r.begin;
      }
    }
    first = end;
  }
  return false;
}

}  // namespace mamori
