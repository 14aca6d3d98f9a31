// The one curated list of words that name personal data: labels in text
// ("セキュリティコード：123", "TEL 03-…"), keys in JSON and column headers in
// tables all use it. Japanese and English, with the usual abbreviations.
#ifndef MAMORI_ENGINE_LABELS_H_
#define MAMORI_ENGINE_LABELS_H_

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "mamori/types.h"

namespace mamori {

enum class LabelKind : uint8_t {
  kCardNumber,
  kCardExpiry,
  kSecurityCode,
  kCardHolder,
  kEmail,
  kPhone,
  kMyNumber,
  kPostalCode,
  kBirthDate,
  kPassport,
  kDriversLicense,
  kBankAccount,  // 口座, 普通, 当座, account number
  kBank,         // 銀行, 支店, bank, branch: context for an account number
  kName,
  kAddress,
  kNegative,    // 注文番号, order no., tracking, 法人番号: suppresses nearby values
  kReference,   // 参照番号, reference no.: an identifier whose digits are no phone; a
                // card number there still is one (Luhn, IIN and length say so)
  kPrefecture,  // 東京都, 北海道 … (all 47): where an address may begin; names no value
  kHonorific,   // 様, さん, 氏 after a name, Mr., Ms. before one (never a column header)
};
inline constexpr int kLabelKindCount = 19;

struct Label {
  std::string_view text;  // as it appears after normalization (ASCII is matched caseless)
  LabelKind kind;
};

// Every label, in no particular order.
std::span<const Label> AllLabels();

// The prefecture names (the kPrefecture entries of AllLabels()), in JIS X 0401 order.
std::span<const std::string_view> Prefectures();

// The data type a label names, if it names exactly one (kBank, kNegative,
// kReference, kPrefecture and kHonorific do not).
std::optional<DataType> LabelDataType(LabelKind kind);

// The kind of a column header or JSON key such as "お客様メールアドレス" or
// "card_cvv"; nullopt when it names no personal data.
std::optional<LabelKind> ClassifyHeader(std::string_view header);

}  // namespace mamori

#endif  // MAMORI_ENGINE_LABELS_H_
