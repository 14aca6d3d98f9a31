#include "engine/labels.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace mamori {
namespace {

using K = LabelKind;

// Curated: each entry is a word that, before a value or as a column header,
// says what the value is. Text is the normalized form (full-width letters
// already folded to ASCII). ASCII entries match caseless on word boundaries.
constexpr Label kLabels[] = {
    // Card number
    {"カード番号", K::kCardNumber},
    {"クレジットカード番号", K::kCardNumber},
    {"クレジットカード", K::kCardNumber},
    {"カードNo", K::kCardNumber},
    {"card number", K::kCardNumber},
    {"card_number", K::kCardNumber},
    {"cardnumber", K::kCardNumber},
    {"card no", K::kCardNumber},
    {"card_no", K::kCardNumber},
    {"cardno", K::kCardNumber},
    {"credit card", K::kCardNumber},
    {"pan", K::kCardNumber},
    {"card_num", K::kCardNumber},
    {"cc_number", K::kCardNumber},
    {"カードナンバー", K::kCardNumber},
    {"クレカ", K::kCardNumber},
    {"クレカ番号", K::kCardNumber},
    {"creditcard", K::kCardNumber},
    {"credit_card", K::kCardNumber},
    {"ccnum", K::kCardNumber},
    {"cc_num", K::kCardNumber},
    {"cc_no", K::kCardNumber},
    // Expiry
    {"有効期限", K::kCardExpiry},
    {"カード有効期限", K::kCardExpiry},
    {"有効年月", K::kCardExpiry},
    {"exp", K::kCardExpiry},
    {"expiry", K::kCardExpiry},
    {"expires", K::kCardExpiry},
    {"expiration", K::kCardExpiry},
    {"expiration date", K::kCardExpiry},
    {"exp date", K::kCardExpiry},
    {"exp_date", K::kCardExpiry},
    {"expiry_date", K::kCardExpiry},
    {"valid thru", K::kCardExpiry},
    {"valid through", K::kCardExpiry},
    {"good thru", K::kCardExpiry},
    {"card_exp", K::kCardExpiry},
    {"cc_exp", K::kCardExpiry},
    {"expdate", K::kCardExpiry},
    {"expiration_date", K::kCardExpiry},
    {"expire", K::kCardExpiry},
    // Format hints name the value that follows: "Exp (MM/YY): 12/27".
    {"mm/yy", K::kCardExpiry},
    {"mm/yyyy", K::kCardExpiry},
    // Security code
    {"セキュリティコード", K::kSecurityCode},
    {"セキュリティーコード", K::kSecurityCode},
    {"セキュリティ番号", K::kSecurityCode},
    {"カード確認番号", K::kSecurityCode},
    {"cvv", K::kSecurityCode},
    {"cvv2", K::kSecurityCode},
    {"cvc", K::kSecurityCode},
    {"cvc2", K::kSecurityCode},
    {"cid", K::kSecurityCode},
    {"csc", K::kSecurityCode},
    {"security code", K::kSecurityCode},
    {"security_code", K::kSecurityCode},
    {"securitycode", K::kSecurityCode},
    {"card_cvv", K::kSecurityCode},
    {"card verification", K::kSecurityCode},
    {"cvn", K::kSecurityCode},
    {"card code", K::kSecurityCode},
    // Card holder
    {"カード名義", K::kCardHolder},
    {"名義人", K::kCardHolder},
    {"カード名義人", K::kCardHolder},
    {"card holder", K::kCardHolder},
    {"cardholder", K::kCardHolder},
    {"card_holder", K::kCardHolder},
    {"holder name", K::kCardHolder},
    {"name on card", K::kCardHolder},
    // Email
    {"メール", K::kEmail},
    {"メールアドレス", K::kEmail},
    {"Eメール", K::kEmail},
    {"e-mail", K::kEmail},
    {"email", K::kEmail},
    {"mail", K::kEmail},
    {"mail address", K::kEmail},
    {"mail_address", K::kEmail},
    // Whole, so that "address" inside them is not taken for a postal address label.
    {"email address", K::kEmail},
    {"e-mail address", K::kEmail},
    {"email_address", K::kEmail},
    {"メアド", K::kEmail},
    {"電子メール", K::kEmail},
    // Phone
    {"電話", K::kPhone},
    {"電話番号", K::kPhone},
    {"携帯", K::kPhone},
    {"携帯電話", K::kPhone},
    {"携帯番号", K::kPhone},
    {"連絡先", K::kPhone},
    {"ファックス", K::kPhone},
    {"ファクス", K::kPhone},
    {"tel", K::kPhone},
    {"phone", K::kPhone},
    {"mobile", K::kPhone},
    {"fax", K::kPhone},
    {"phone number", K::kPhone},
    {"phone_number", K::kPhone},
    {"telephone", K::kPhone},
    {"cell", K::kPhone},
    {"℡", K::kPhone},
    {"☎", K::kPhone},
    {"ケータイ", K::kPhone},
    {"スマホ", K::kPhone},
    {"tel no", K::kPhone},
    {"tel_no", K::kPhone},
    {"phone no", K::kPhone},
    {"telephone number", K::kPhone},
    {"mobile phone", K::kPhone},
    {"mobile number", K::kPhone},
    {"mobile_number", K::kPhone},
    {"cell phone", K::kPhone},
    {"cellphone", K::kPhone},
    // My Number
    {"マイナンバー", K::kMyNumber},
    {"個人番号", K::kMyNumber},
    {"my number", K::kMyNumber},
    {"mynumber", K::kMyNumber},
    {"my_number", K::kMyNumber},
    {"individual number", K::kMyNumber},
    // Postal code
    {"〒", K::kPostalCode},
    {"郵便番号", K::kPostalCode},
    {"郵便", K::kPostalCode},
    {"zip", K::kPostalCode},
    {"zip code", K::kPostalCode},
    {"zipcode", K::kPostalCode},
    {"zip_code", K::kPostalCode},
    {"postal", K::kPostalCode},
    {"postal code", K::kPostalCode},
    {"postal_code", K::kPostalCode},
    {"postcode", K::kPostalCode},
    {"post code", K::kPostalCode},
    // Birth date
    {"生年月日", K::kBirthDate},
    {"誕生日", K::kBirthDate},
    {"生まれ", K::kBirthDate},
    {"dob", K::kBirthDate},
    {"date of birth", K::kBirthDate},
    {"birth date", K::kBirthDate},
    {"birthdate", K::kBirthDate},
    {"birth_date", K::kBirthDate},
    {"birthday", K::kBirthDate},
    {"date_of_birth", K::kBirthDate},
    {"dateofbirth", K::kBirthDate},
    // Passport
    {"旅券", K::kPassport},
    {"旅券番号", K::kPassport},
    {"パスポート", K::kPassport},
    {"パスポート番号", K::kPassport},
    {"passport", K::kPassport},
    {"passport no", K::kPassport},
    {"passport number", K::kPassport},
    {"passport_no", K::kPassport},
    {"passport_number", K::kPassport},
    // Driver's licence
    {"免許証", K::kDriversLicense},
    {"運転免許証", K::kDriversLicense},
    {"免許証番号", K::kDriversLicense},
    {"運転免許証番号", K::kDriversLicense},
    {"driver's license", K::kDriversLicense},
    {"drivers license", K::kDriversLicense},
    {"driver license", K::kDriversLicense},
    {"license number", K::kDriversLicense},
    {"licence number", K::kDriversLicense},
    {"drivers_license", K::kDriversLicense},
    {"免許番号", K::kDriversLicense},
    {"運転免許", K::kDriversLicense},
    {"driver’s license", K::kDriversLicense},
    {"driver's licence", K::kDriversLicense},
    {"drivers licence", K::kDriversLicense},
    {"driving licence", K::kDriversLicense},
    {"driving license", K::kDriversLicense},
    {"driver_license", K::kDriversLicense},
    // Bank account
    {"口座番号", K::kBankAccount},
    {"口座", K::kBankAccount},
    {"普通", K::kBankAccount},
    {"当座", K::kBankAccount},
    {"普通預金", K::kBankAccount},
    {"当座預金", K::kBankAccount},
    {"account number", K::kBankAccount},
    {"account no", K::kBankAccount},
    {"account_number", K::kBankAccount},
    {"bank account", K::kBankAccount},
    {"acct", K::kBankAccount},
    {"account_no", K::kBankAccount},
    {"銀行", K::kBank},
    {"支店", K::kBank},
    {"信用金庫", K::kBank},
    {"bank", K::kBank},
    {"branch", K::kBank},
    {"ゆうちょ", K::kBank},
    {"信用組合", K::kBank},
    {"労働金庫", K::kBank},
    {"金融機関", K::kBank},
    {"店番", K::kBank},
    // Name and address (typed by header now, detected in text by their own issue)
    {"氏名", K::kName},
    {"お名前", K::kName},
    {"名前", K::kName},
    {"フリガナ", K::kName},
    {"ふりがな", K::kName},
    {"カナ", K::kName},
    {"氏名カナ", K::kName},
    {"name", K::kName},
    {"full name", K::kName},
    {"full_name", K::kName},
    {"kana", K::kName},
    {"first name", K::kName},
    {"last name", K::kName},
    {"first_name", K::kName},
    {"last_name", K::kName},
    {"宛名", K::kName},
    {"契約者", K::kName},
    {"申込者", K::kName},
    {"お客様", K::kName},
    {"担当", K::kName},
    {"担当者", K::kName},
    {"住所", K::kAddress},
    {"ご住所", K::kAddress},
    {"所在地", K::kAddress},
    {"address", K::kAddress},
    {"addr", K::kAddress},
    {"street", K::kAddress},
    {"お届け先", K::kAddress},
    {"届け先", K::kAddress},
    {"送付先", K::kAddress},
    {"配送先", K::kAddress},
    // Negative: numbers that look like ours but are not personal.
    {"注文番号", K::kNegative},
    {"伝票番号", K::kNegative},
    {"受付番号", K::kNegative},
    {"お問い合わせ番号", K::kNegative},
    {"問い合わせ番号", K::kNegative},
    {"追跡番号", K::kNegative},
    {"法人番号", K::kNegative},
    {"請求番号", K::kNegative},
    {"管理番号", K::kNegative},
    {"商品番号", K::kNegative},
    {"品番", K::kNegative},
    {"JAN", K::kNegative},
    {"ISBN", K::kNegative},
    {"order no", K::kNegative},
    {"order number", K::kNegative},
    {"order id", K::kNegative},
    {"order_id", K::kNegative},
    {"order #", K::kNegative},
    {"invoice", K::kNegative},
    {"tracking", K::kNegative},
    {"tracking number", K::kNegative},
    {"corporate number", K::kNegative},
    {"transaction id", K::kNegative},
    {"serial", K::kNegative},
    {"uuid", K::kNegative},
    {"予約番号", K::kNegative},
    {"オーダー番号", K::kNegative},
    {"注文ID", K::kNegative},
    {"発注番号", K::kNegative},
    {"製造番号", K::kNegative},
    {"シリアル番号", K::kNegative},
    {"会員番号", K::kNegative},
    {"顧客番号", K::kNegative},
    {"お客様番号", K::kNegative},
    {"契約番号", K::kNegative},
    {"整理番号", K::kNegative},
    {"型番", K::kNegative},
    // Reference numbers are often ten or eleven digits: phone-shaped.
    {"参照番号", K::kReference},
    {"リファレンス番号", K::kReference},
    {"照会番号", K::kReference},
    {"確認番号", K::kReference},
    {"reference number", K::kReference},
    {"reference no", K::kReference},
    {"ref no", K::kReference},
    {"confirmation number", K::kReference},
    {"confirmation no", K::kReference},
    {"booking reference", K::kReference},
    // Prefectures: not labels but address triggers, found in the same pass.
    {"北海道", K::kPrefecture},
    {"青森県", K::kPrefecture},
    {"岩手県", K::kPrefecture},
    {"宮城県", K::kPrefecture},
    {"秋田県", K::kPrefecture},
    {"山形県", K::kPrefecture},
    {"福島県", K::kPrefecture},
    {"茨城県", K::kPrefecture},
    {"栃木県", K::kPrefecture},
    {"群馬県", K::kPrefecture},
    {"埼玉県", K::kPrefecture},
    {"千葉県", K::kPrefecture},
    {"東京都", K::kPrefecture},
    {"神奈川県", K::kPrefecture},
    {"新潟県", K::kPrefecture},
    {"富山県", K::kPrefecture},
    {"石川県", K::kPrefecture},
    {"福井県", K::kPrefecture},
    {"山梨県", K::kPrefecture},
    {"長野県", K::kPrefecture},
    {"岐阜県", K::kPrefecture},
    {"静岡県", K::kPrefecture},
    {"愛知県", K::kPrefecture},
    {"三重県", K::kPrefecture},
    {"滋賀県", K::kPrefecture},
    {"京都府", K::kPrefecture},
    {"大阪府", K::kPrefecture},
    {"兵庫県", K::kPrefecture},
    {"奈良県", K::kPrefecture},
    {"和歌山県", K::kPrefecture},
    {"鳥取県", K::kPrefecture},
    {"島根県", K::kPrefecture},
    {"岡山県", K::kPrefecture},
    {"広島県", K::kPrefecture},
    {"山口県", K::kPrefecture},
    {"徳島県", K::kPrefecture},
    {"香川県", K::kPrefecture},
    {"愛媛県", K::kPrefecture},
    {"高知県", K::kPrefecture},
    {"福岡県", K::kPrefecture},
    {"佐賀県", K::kPrefecture},
    {"長崎県", K::kPrefecture},
    {"熊本県", K::kPrefecture},
    {"大分県", K::kPrefecture},
    {"宮崎県", K::kPrefecture},
    {"鹿児島県", K::kPrefecture},
    {"沖縄県", K::kPrefecture},
    // Honorifics after a name: triggers for free-text names (detectors/name.cc).
    {"様", K::kHonorific},
    {"さん", K::kHonorific},
    {"氏", K::kHonorific},
    {"殿", K::kHonorific},
    {"君", K::kHonorific},
    {"ちゃん", K::kHonorific},
    // English titles, before a name (Mr. Ichiro Tanaka).
    {"Mr.", K::kHonorific},
    {"Mrs.", K::kHonorific},
    {"Ms.", K::kHonorific},
    {"Dr.", K::kHonorific},
};

char AsciiLower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

// Header text with case, spaces, underscores and hyphens folded.
std::string FoldHeader(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c == ' ' || c == '_' || c == '-' || c == '.' || c == '\t') continue;
    out.push_back(AsciiLower(c));
  }
  return out;
}

// The folded text of each label (by index in kLabels), folded once: a
// header is compared with all of them.
const std::vector<std::string>& FoldedLabels() {
  static const std::vector<std::string> folded = [] {
    std::vector<std::string> out;
    for (const Label& label : kLabels) out.push_back(FoldHeader(label.text));
    return out;
  }();
  return folded;
}

}  // namespace

std::span<const Label> AllLabels() { return kLabels; }

std::span<const std::string_view> Prefectures() {
  static const std::vector<std::string_view> prefectures = [] {
    std::vector<std::string_view> out;
    for (const Label& label : kLabels) {
      if (label.kind == K::kPrefecture) out.push_back(label.text);
    }
    return out;
  }();
  return prefectures;
}

std::optional<DataType> LabelDataType(LabelKind kind) {
  switch (kind) {
    case K::kCardNumber:
      return DataType::kCardNumber;
    case K::kCardExpiry:
      return DataType::kCardExpiry;
    case K::kSecurityCode:
      return DataType::kCardSecurityCode;
    case K::kCardHolder:
      return DataType::kPersonName;
    case K::kEmail:
      return DataType::kEmail;
    case K::kPhone:
      return DataType::kPhone;
    case K::kMyNumber:
      return DataType::kMyNumber;
    case K::kPostalCode:
      return DataType::kPostalCode;
    case K::kBirthDate:
      return DataType::kBirthDate;
    case K::kPassport:
      return DataType::kPassportNumber;
    case K::kDriversLicense:
      return DataType::kDriversLicense;
    case K::kBankAccount:
      return DataType::kBankAccount;
    case K::kName:
      return DataType::kPersonName;
    case K::kAddress:
      return DataType::kAddress;
    case K::kBank:
    case K::kNegative:
    case K::kReference:
    case K::kPrefecture:
    case K::kHonorific:
      return std::nullopt;
  }
  return std::nullopt;
}

std::optional<LabelKind> ClassifyHeader(std::string_view header) {
  // The longest label contained in the header decides: "カード有効期限" is an
  // expiry, not a card number; "メールアドレス" is an email, not an address.
  const std::string folded = FoldHeader(header);
  if (folded.empty()) return std::nullopt;
  std::optional<LabelKind> best;
  size_t best_len = 0;
  const std::vector<std::string>& needles = FoldedLabels();
  for (size_t i = 0; i < std::size(kLabels); ++i) {
    const Label& label = kLabels[i];
    // Places and honorifics are not what a column holds ("様式", "氏名" are no honorific columns).
    if (label.kind == K::kPrefecture || label.kind == K::kHonorific) continue;
    const std::string& needle = needles[i];
    if (needle.size() <= best_len || folded.find(needle) == std::string::npos) continue;
    // Short ASCII words ("exp", "pan", "tel", "cid") only count as the whole header
    // or a delimited part of it, never inside another word ("expense", "company").
    if (needle.size() <= 4 && static_cast<unsigned char>(needle[0]) < 0x80 && folded != needle) {
      const std::string lower = [&] {
        std::string s(header);
        for (char& c : s) c = AsciiLower(c);
        return s;
      }();
      bool delimited = false;
      for (size_t at = lower.find(needle); at != std::string::npos;
           at = lower.find(needle, at + 1)) {
        const bool left = at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
        const size_t e = at + needle.size();
        const bool right = e >= lower.size() || !std::isalnum(static_cast<unsigned char>(lower[e]));
        if (left && right) delimited = true;
      }
      if (!delimited) continue;
    }
    best = label.kind;
    best_len = needle.size();
  }
  return best;
}

}  // namespace mamori
