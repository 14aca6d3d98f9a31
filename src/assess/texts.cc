#include "assess/texts.h"

#include "mamori/mask.h"

namespace mamori::assess {
namespace {

struct Pair {
  std::string_view ja, en;
};

constexpr Pair kKinds[kDataTypeCount] = {
    {"クレジットカード番号", "card number"},
    {"カード有効期限", "card expiry date"},
    {"セキュリティコード", "card security code"},
    {"磁気ストライプ情報", "magnetic-stripe data"},
    {"メールアドレス", "email address"},
    {"電話番号", "phone number"},
    {"個人番号（マイナンバー）", "My Number"},
    {"郵便番号", "postal code"},
    {"生年月日", "date of birth"},
    {"旅券番号", "passport number"},
    {"運転免許証番号", "driver's licence number"},
    {"銀行口座", "bank account"},
    {"氏名", "name"},
    {"住所", "address"},
};

constexpr Pair kCauses[] = {
    {"不正アクセス", "unauthorized access"}, {"従業者等による持ち出し", "insider"},
    {"誤送付・誤送信", "misdelivery"},       {"紛失", "loss"},
    {"設定誤り", "misconfiguration"},        {"不明", "unknown"},
};

constexpr Pair kTriggers[] = {
    {"要配慮個人情報（施行規則第7条第1号）",
     "sensitive personal data (Enforcement Rules Art. 7 item 1)"},
    {"財産的被害のおそれ（施行規則第7条第2号）",
     "possible financial damage (Enforcement Rules Art. 7 item 2)"},
    {"不正の目的のおそれ（施行規則第7条第3号）",
     "possible wrongful purpose (Enforcement Rules Art. 7 item 3)"},
    {"1,000人を超える（施行規則第7条第4号）",
     "more than 1,000 people (Enforcement Rules Art. 7 item 4)"},
};

std::string_view Pick(const Pair& p, Lang lang) { return lang == Lang::kJa ? p.ja : p.en; }

}  // namespace

std::string_view KindLabel(DataType type, Lang lang) {
  return Pick(kKinds[static_cast<int>(type)], lang);
}
std::string_view CauseLabel(Cause cause, Lang lang) {
  return Pick(kCauses[static_cast<int>(cause)], lang);
}
std::string_view TriggerLabel(Trigger trigger, Lang lang) {
  return Pick(kTriggers[static_cast<int>(trigger)], lang);
}

std::string LeakedSummary(const Person& person, Lang lang) {
  std::string out;
  for (int t = 0; t < kDataTypeCount; ++t) {
    const auto type = static_cast<DataType>(t);
    if (!person.Has(type)) continue;
    if (!out.empty()) out += Say(lang, "、", ", ");
    out += KindLabel(type, lang);
    // Security codes and track data are named, never shown even masked.
    const std::string* value = person.First(type);
    if (value && type != DataType::kCardSecurityCode && type != DataType::kCardTrack) {
      out += " (" + MaskValue(type, *value) + ")";
    }
  }
  return out;
}

}  // namespace mamori::assess
