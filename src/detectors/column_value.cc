#include "detectors/column_value.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "detectors/address.h"
#include "detectors/card.h"
#include "detectors/context.h"
#include "detectors/dates.h"
#include "detectors/email.h"
#include "detectors/jp_numbers.h"
#include "detectors/phone.h"

namespace mamori {
namespace {

using K = LabelKind;

// Longer cells are free text, not one name or one address.
constexpr size_t kMaxNameBytes = 128;
constexpr size_t kMaxAddressBytes = 512;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

struct Trimmed {
  std::string_view text;
  uint32_t begin;
};

Trimmed Trim(std::string_view cell) {
  size_t b = 0, e = cell.size();
  while (b < e && IsSpace(cell[b])) ++b;
  while (e > b && IsSpace(cell[e - 1])) --e;
  return {cell.substr(b, e - b), static_cast<uint32_t>(b)};
}

std::string DigitsOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAsciiDigit(c)) out.push_back(c);
  }
  return out;
}

// Values that fill a name or address column when there is nothing to say.
bool IsPlaceholder(std::string_view s) {
  static constexpr std::array<std::string_view, 16> kPlaceholders = {
      "-",    "--",   "n/a",  "na",   "none",   "null",   "nil",      "unknown",
      "なし", "無し", "不明", "未定", "未記入", "未登録", "該当なし", "未入力"};
  // ASCII case-insensitive, without a lower-cased copy: this runs for every
  // name and address cell.
  const auto same = [s](std::string_view p) {
    return p.size() == s.size() && std::equal(p.begin(), p.end(), s.begin(), [](char a, char b) {
             return a == static_cast<char>(std::tolower(static_cast<unsigned char>(b)));
           });
  };
  return std::any_of(kPlaceholders.begin(), kPlaceholders.end(), same);
}

// A letter of some script: an ASCII letter or any non-ASCII character
// (kana, kanji, accented Latin). Punctuation alone is not text.
bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return IsAsciiAlpha(c) || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool HasDigit(std::string_view s) { return std::any_of(s.begin(), s.end(), IsAsciiDigit); }

std::optional<std::string> PersonName(std::string_view s) {
  if (s.size() > kMaxNameBytes || !HasLetter(s) || HasDigit(s) ||
      s.find('@') != std::string_view::npos || IsPlaceholder(s)) {
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::string> Address(std::string_view s) {
  if (s.size() > kMaxAddressBytes || !HasLetter(s) || s.find('@') != std::string_view::npos ||
      IsPlaceholder(s) || !LooksLikeAddress(s)) {
    return std::nullopt;
  }
  return std::string(s);
}

std::optional<std::string> PostalCode(std::string_view s) {
  constexpr std::string_view kMark = "〒";
  if (s.starts_with(kMark)) s = Trim(s.substr(kMark.size())).text;
  if (!IsPostalCode(s)) return std::nullopt;
  return DigitsOnly(s);
}

std::optional<std::string> Expiry(std::string_view s) {
  const std::optional<CardExpiry> e = ParseCardExpiry(s);
  if (!e) return std::nullopt;
  std::string out = std::to_string(e->year) + (e->month < 10 ? "-0" : "-");
  return out + std::to_string(e->month);
}

std::optional<std::string> Passport(std::string_view s) {
  if (!IsPassportNumber(s)) return std::nullopt;
  std::string out(s);
  for (int k = 0; k < 2; ++k) out[k] = static_cast<char>(out[k] & ~0x20);  // upper case
  return out;
}

std::optional<std::string> MyNumber(std::string_view s) {
  std::optional<std::string> digits = TwelveDigitNumber(s);
  if (!digits || !IsValidMyNumber(*digits)) return std::nullopt;
  return digits;
}

std::optional<std::string> BirthDate(std::string_view s) {
  const std::optional<Date> d = ParseBirthDate(s);
  if (!d) return std::nullopt;
  return ToIsoDate(*d);
}

std::optional<std::string> SecurityCode(std::string_view s) {
  if (!IsSecurityCode(s)) return std::nullopt;
  return std::string(s);
}

std::optional<std::string> BankAccount(std::string_view s) {
  if (!IsBankAccountNumber(s)) return std::nullopt;
  return std::string(s);
}

}  // namespace

std::optional<Detection> TypedColumnValue(LabelKind kind, std::string_view normalized_cell) {
  const Trimmed t = Trim(normalized_cell);
  if (t.text.empty()) return std::nullopt;
  const std::optional<DataType> type = LabelDataType(kind);
  if (!type) return std::nullopt;  // kBank, kNegative, kReference
  Detection d{
      *type, Confidence::kHigh, t.begin, static_cast<uint32_t>(t.begin + t.text.size()), {}, {},
      false};
  std::optional<std::string> value;
  switch (kind) {
    case K::kCardNumber: {
      std::optional<CardNumber> card = ParseCardNumber(t.text);
      if (!card) return std::nullopt;
      if (IsTrivialCardNumber(card->digits)) d.confidence = Confidence::kLow;
      d.brand = std::string(card->brand);
      d.test = card->test;
      value = std::move(card->digits);
      break;
    }
    case K::kCardExpiry:
      value = Expiry(t.text);
      break;
    case K::kSecurityCode:
      value = SecurityCode(t.text);
      break;
    case K::kEmail:
      value = NormalizeEmail(t.text);
      break;
    case K::kPhone:
      value = NormalizePhone(t.text);
      break;
    case K::kMyNumber:
      value = MyNumber(t.text);
      break;
    case K::kPostalCode:
      value = PostalCode(t.text);
      break;
    case K::kBirthDate:
      value = BirthDate(t.text);
      break;
    case K::kPassport:
      value = Passport(t.text);
      break;
    case K::kDriversLicense:
      value = TwelveDigitNumber(t.text);
      break;
    case K::kBankAccount:
      value = BankAccount(t.text);
      break;
    case K::kCardHolder:
    case K::kName:
      value = PersonName(t.text);
      break;
    case K::kAddress:
      value = Address(t.text);
      break;
    case K::kBank:
    case K::kNegative:
    case K::kReference:
    case K::kPrefecture:
    case K::kHonorific:
      break;
  }
  if (!value) return std::nullopt;
  d.value = std::move(*value);
  return d;
}

}  // namespace mamori
