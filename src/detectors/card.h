// Payment-card validation shared by the text detector and the table
// extractors (a value under a "card number" column must still pass Luhn and
// carry a real brand's IIN). The detector itself is MakeCardDetector().
#ifndef MAMORI_DETECTORS_CARD_H_
#define MAMORI_DETECTORS_CARD_H_

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

// The Luhn (mod 10) check over ASCII digits. False for an empty string or
// any non-digit.
bool LuhnValid(std::string_view digits);

// The brand whose IIN range and length `digits` has: "visa" (4; 13, 16,
// 19), "mastercard" (51-55, 2221-2720; 16), "jcb" (3528-3589; 16-19),
// "amex" (34, 37; 15), "diners" (300-305, 36, 38, 39; 14-19), "discover"
// (6011, 644-649, 65; 16-19), "unionpay" (62; 16-19). Empty when none.
// Does not check Luhn.
std::string_view CardBrand(std::string_view digits);

// True for a PAN of 13-19 digits that passes Luhn and has a brand.
bool IsValidCardNumber(std::string_view digits);

// The digits of a card number as a person types it ("4111 1111-1111 1111"):
// nullopt when anything but digits, spaces and hyphens is in it.
std::optional<std::string> TypedCardDigits(std::string_view typed);

// One of the published test numbers of card brands and payment providers
// (4111111111111111, 4242424242424242, 5555555555554444, 378282246310005...).
bool IsTestCardNumber(std::string_view digits);

// A placeholder rather than a card: one repeated digit or a run of
// consecutive digits (4567890123456789012). Valid placeholders exist, so the
// detector reports them with low confidence.
bool IsTrivialCardNumber(std::string_view digits);

// A validated card number.
struct CardNumber {
  std::string digits;
  std::string_view brand;  // as CardBrand()
  bool test = false;       // IsTestCardNumber()
};

// The card number in a whole table cell (normalized text, surrounding spaces
// allowed): 13-19 digits, contiguous or in groups of 3-6 digits separated by
// single spaces or single hyphens (one kind throughout), Luhn-valid and of a
// known brand. nullopt otherwise.
std::optional<CardNumber> ParseCardNumber(std::string_view cell);

// A card expiry month.
struct CardExpiry {
  int year;   // 2000-2099 (two-digit years are 20YY)
  int month;  // 1-12
};

// The expiry in a whole cell: MM/YY, MM/YYYY, MM-YY, MM-YYYY, YYYY/MM,
// YYYY-MM, YYYY年M月, YY年M月, M月/YY, M月/YYYY (optionally ending in 年) or
// the compact MMYY that expiry columns often hold. Month 1-12 with or
// without a leading zero; four-digit years 2000-2099.
std::optional<CardExpiry> ParseCardExpiry(std::string_view cell);

// True for a whole cell of exactly 3 or 4 ASCII digits (surrounding spaces
// allowed).
bool IsSecurityCode(std::string_view cell);

// Magnetic-stripe data: the PAN it carries and its brand.
struct CardTrack {
  std::string pan;
  std::string_view brand;  // may be empty: track data need not be of a known brand
  bool test = false;
};

// The track in a whole cell. Track 1: ["%"] "B" PAN "^" name (0-26 letters,
// spaces, '/', '.') "^" YYMM service-code [discretionary] ["?"]. Track 2:
// [";"] PAN "=" YYMM service-code [discretionary digits] ["?"]; the EMV
// "track 2 equivalent" form with 'D' for '=' is accepted too. The PAN has
// 13-19 digits and passes Luhn; the month is 01-12.
std::optional<CardTrack> ParseCardTrack(std::string_view cell);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_CARD_H_
