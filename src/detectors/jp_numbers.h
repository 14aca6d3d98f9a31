// Japanese identification numbers: My Number, postal codes, passport and
// driver's licence numbers, bank account numbers. The pure validators are
// here for the table extractors; the detector is MakeJpNumbersDetector().
#ifndef MAMORI_DETECTORS_JP_NUMBERS_H_
#define MAMORI_DETECTORS_JP_NUMBERS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "detectors/detector.h"

namespace mamori {

// The My Number (個人番号) check digit of the first 11 digits: weights
// 6,5,4,3,2,7,6,5,4,3,2 from the left, r = sum mod 11, 0 when r <= 1 else
// 11 - r. `first11` must be 11 ASCII digits.
int MyNumberCheckDigit(std::string_view first11);

// True for exactly 12 ASCII digits whose last one is the check digit.
bool IsValidMyNumber(std::string_view digits);

// A My Number or driver's licence number as written in a cell: 12 digits,
// contiguous or grouped 4-4-4 by single spaces or single hyphens. Returns
// the 12 digits.
std::optional<std::string> TwelveDigitNumber(std::string_view text);

// "NNN-NNNN" or "NNNNNNN" (normalized text, the whole string).
bool IsPostalCode(std::string_view text);

// Two ASCII letters and seven digits, e.g. "TK1234567" (the whole string).
bool IsPassportNumber(std::string_view text);

// A Japanese bank account number: 6 to 8 ASCII digits (7 is the standard).
bool IsBankAccountNumber(std::string_view digits);

// True when `text` starts with a Japanese address: a prefecture name
// ("東京都", "北海道", all 47) or a municipality, a name of up to seven kana
// or kanji ending in 市, 区, 町, 村 or 郡 ("渋谷区", "さいたま市").
bool StartsWithJapaneseAddress(std::string_view text);

// The label that owns a value starting at `pos`, under context.h's rule
// (OwningLabel), made stricter in one way: a label names the value right
// after it. Another number of three or more digits between the label and
// the value spends the label ("口座番号: 1234567 金額: 5000000": 5000000 is
// not an account number), unless that number is part of the previous value
// the caller accepted (ending at `prev_end`) and only spaces and
// punctuation separate the two values (a list: "1234567, 7654321").
struct LabelOwner {
  std::optional<LabelKind> kind;
  const LabelHit* hit = nullptr;  // null when the unit's key or header owns the value
};
LabelOwner OwnerOf(const Candidates& in, uint32_t pos, uint32_t prev_end = 0);

// True when [begin, end) continues into a longer number or token: an ASCII
// letter or digit touches it, or a separator ('-', '.', '/', ',' and
// `own_sep`) with a digit behind it ("03-123-4567" holds no "123-4567").
bool ExtendsNumber(std::string_view text, uint32_t begin, uint32_t end, char own_sep = '-');

}  // namespace mamori

#endif  // MAMORI_DETECTORS_JP_NUMBERS_H_
