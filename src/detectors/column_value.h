// Values typed by their column: a cell under a header such as "カード番号",
// "メールアドレス" or "cvv" (ClassifyHeader) is a finding of the header's type
// when it passes that type's validator. The table extractors report cells
// with their column kind; the engine calls TypedColumnValue() for each.
#ifndef MAMORI_DETECTORS_COLUMN_VALUE_H_
#define MAMORI_DETECTORS_COLUMN_VALUE_H_

#include <optional>
#include <string_view>

#include "detectors/detector.h"
#include "engine/labels.h"

namespace mamori {

// The finding that the whole cell `normalized_cell` (decoded, normalized
// UTF-8; surrounding whitespace allowed) is under a column of `kind`, or
// nullopt when the value fails the type's validator or the kind names no
// data (kBank, kNegative). The detection spans the trimmed cell, carries the
// value normalized as the type's detector does (digits for numbers, E.164
// for phones, YYYY-MM for expiries, YYYY-MM-DD for birth dates) and has high
// confidence (low for a placeholder card number such as 4444333322221111).
//
//   card number      ParseCardNumber: 13-19 digits, grouped or not, Luhn, brand
//   expiry           ParseCardExpiry: MM/YY, YYYY-MM, MMYY, YY年M月 ...
//   security code    IsSecurityCode: 3 or 4 digits
//   email            NormalizeEmail
//   phone            NormalizePhone
//   My Number        12 digits (4-4-4 allowed) with a valid check digit
//   postal code      NNN-NNNN or NNNNNNN, "〒" before it allowed
//   birth date       ParseBirthDate
//   passport         two letters and seven digits
//   driver's licence 12 digits (4-4-4 allowed)
//   bank account     6-8 digits
//   name, holder     text with a letter, no digits or '@', not a placeholder ("なし", "N/A")
//   address          text with a letter, not a placeholder, LooksLikeAddress (address.h)
std::optional<Detection> TypedColumnValue(LabelKind kind, std::string_view normalized_cell);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_COLUMN_VALUE_H_
