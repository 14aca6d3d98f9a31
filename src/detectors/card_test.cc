#include "detectors/card.h"

#include <gtest/gtest.h>

#include <ostream>
#include <random>
#include <string>
#include <vector>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

const Detector& TheDetector() {
  static const std::unique_ptr<Detector> detector = MakeCardDetector();
  return *detector;
}

struct Found {
  DataType type;
  Confidence confidence;
  std::string span;  // the normalized text [begin, end)
  std::string value;
  std::string brand;
  bool test;
};

bool operator==(const Found& a, const Found& b) {
  return a.type == b.type && a.confidence == b.confidence && a.span == b.span &&
         a.value == b.value && a.brand == b.brand && a.test == b.test;
}

std::ostream& operator<<(std::ostream& os, const Found& f) {
  return os << "{" << DataTypeName(f.type) << ", " << ConfidenceName(f.confidence) << ", span \""
            << f.span << "\", value \"" << f.value << "\", brand \"" << f.brand << "\""
            << (f.test ? ", test" : "") << "}";
}

// Every detection over `text`, with its span as text, in order.
std::vector<Found> Scan(std::string_view text, std::optional<LabelKind> unit = std::nullopt) {
  std::string normalized;
  const std::vector<Detection> ds = RunDetector(TheDetector(), text, unit, &normalized);
  std::vector<Found> found;
  for (const Detection& d : ds) {
    found.push_back(Found{d.type, d.confidence, normalized.substr(d.begin, d.end - d.begin),
                          d.value, d.brand, d.test});
  }
  return found;
}

std::vector<Found> ScanType(std::string_view text, DataType type,
                            std::optional<LabelKind> unit = std::nullopt) {
  std::vector<Found> found = Scan(text, unit);
  std::erase_if(found, [&](const Found& f) { return f.type != type; });
  return found;
}

constexpr auto kHigh = Confidence::kHigh;
constexpr auto kMedium = Confidence::kMedium;
constexpr auto kLow = Confidence::kLow;
constexpr auto kNumber = DataType::kCardNumber;
constexpr auto kExpiry = DataType::kCardExpiry;
constexpr auto kCode = DataType::kCardSecurityCode;
constexpr auto kTrack = DataType::kCardTrack;

Found Card(std::string span, std::string digits, std::string brand, bool test = false,
           Confidence c = kHigh) {
  return Found{kNumber, c, std::move(span), std::move(digits), std::move(brand), test};
}
Found Expiry(std::string span, std::string year_month, Confidence c = kHigh) {
  return Found{kExpiry, c, std::move(span), std::move(year_month), "", false};
}
Found Code(std::string span) {
  std::string value = span;
  return Found{kCode, kHigh, std::move(span), std::move(value), "", false};
}
Found Track(std::string span, std::string pan, std::string brand, bool test = false) {
  return Found{kTrack, kHigh, std::move(span), std::move(pan), std::move(brand), test};
}

using Findings = std::vector<Found>;

// Non-test numbers of every brand, Luhn-valid.
struct BrandCase {
  const char* digits;
  const char* brand;
};
constexpr BrandCase kBrandCases[] = {
    {"4539148803436467", "visa"},        {"4111123412349", "visa"},  // 13 digits
    {"4000123412341234123", "visa"},     {"5412751234123452", "mastercard"},
    {"5100001234123459", "mastercard"},  {"5599991234123459", "mastercard"},
    {"2221001234123450", "mastercard"},  {"2720991234123458", "mastercard"},
    {"3528001234123458", "jcb"},         {"3589991234123456", "jcb"},
    {"352812341234123454", "jcb"},       {"3528123412341234124", "jcb"},
    {"341234123412341", "amex"},         {"371234123412344", "amex"},
    {"36123412341230", "diners"},        {"38123412341238", "diners"},
    {"39123412341237", "diners"},        {"300123412341239", "diners"},
    {"305123412341234120", "diners"},    {"3622123412341234125", "diners"},
    {"6011123412341236", "discover"},    {"6440123412341237", "discover"},
    {"6499123412341237", "discover"},    {"6512341234123459", "discover"},
    {"6512341234123456783", "discover"}, {"6212341234123452", "unionpay"},
    {"6212341234123456780", "unionpay"},
};

std::string OneDigitOff(std::string digits) {
  char& last = digits.back();
  last = last == '9' ? '0' : static_cast<char>(last + 1);
  return digits;
}

// ---------------------------------------------------------------------------
// Validators

TEST(CardLuhn, ValidAndInvalid) {
  EXPECT_TRUE(LuhnValid("4111111111111111"));
  EXPECT_TRUE(LuhnValid("79927398713"));  // the textbook example
  EXPECT_TRUE(LuhnValid("0"));
  EXPECT_FALSE(LuhnValid("4111111111111112"));
  EXPECT_FALSE(LuhnValid("79927398710"));
  EXPECT_FALSE(LuhnValid(""));
  EXPECT_FALSE(LuhnValid("4111 1111 1111 1111"));
  EXPECT_FALSE(LuhnValid("41111111111111a1"));
}

TEST(CardBrand, EveryBrandAndRange) {
  for (const BrandCase& c : kBrandCases) {
    EXPECT_EQ(CardBrand(c.digits), c.brand) << c.digits;
    EXPECT_TRUE(IsValidCardNumber(c.digits)) << c.digits;
    EXPECT_FALSE(IsValidCardNumber(OneDigitOff(c.digits))) << c.digits;
  }
}

TEST(CardBrand, WrongPrefixesAndLengths) {
  // Luhn-valid, but no brand has these IINs or lengths.
  for (const char* digits :
       {"2220123412341232", "2721123412341236", "5000123412341231", "5600123412341235",
        "3527123412341230", "3590123412341232", "33123412341233",   "3512341234123456",
        "306123412341233",  "6430123412341239", "6012123412341235", "62123412341237",
        "9111123412341239", "1111123412341236", "7111123412341233", "411112341234123412347",
        "411112341234124",  "34123412341232",   "3412341234123457", "411112341234"}) {
    EXPECT_TRUE(LuhnValid(digits)) << digits;
    EXPECT_EQ(CardBrand(digits), "") << digits;
    EXPECT_FALSE(IsValidCardNumber(digits)) << digits;
  }
  EXPECT_EQ(CardBrand("4111123412349"), "visa");  // 13 digits is the minimum
  EXPECT_EQ(CardBrand("4111-1111-1111-1111"), "");
}

TEST(CardTestNumbers, PublishedNumbersAreValidAndKnown) {
  for (const char* digits :
       {"4111111111111111", "4242424242424242", "4012888888881881", "4222222222222",
        "5555555555554444", "5105105105105100", "2223003122003222", "378282246310005",
        "371449635398431", "3530111333300000", "3566002020360505", "6011111111111117",
        "6011000990139424", "30569309025904", "38520000023237", "6200000000000005",
        "4917610000000000003", "6205500000000000004"}) {
    EXPECT_TRUE(IsValidCardNumber(digits)) << digits;
    EXPECT_TRUE(IsTestCardNumber(digits)) << digits;
  }
  for (const BrandCase& c : kBrandCases) EXPECT_FALSE(IsTestCardNumber(c.digits)) << c.digits;
  EXPECT_FALSE(IsTestCardNumber("411111111111111"));
  EXPECT_FALSE(IsTestCardNumber(""));
}

TEST(CardTrivial, RepeatsAndSequences) {
  EXPECT_TRUE(IsTrivialCardNumber("4567890123456789012"));
  EXPECT_TRUE(IsTrivialCardNumber("654321098765432109"));
  EXPECT_TRUE(IsTrivialCardNumber("8888888888888888"));
  EXPECT_FALSE(IsTrivialCardNumber("4111111111111111"));
  EXPECT_FALSE(IsTrivialCardNumber("4539148803436467"));
}

TEST(CardParse, NumberCell) {
  const auto card = ParseCardNumber(" 4539 1488 0343 6467 ");
  ASSERT_TRUE(card.has_value());
  EXPECT_EQ(card->digits, "4539148803436467");
  EXPECT_EQ(card->brand, "visa");
  EXPECT_FALSE(card->test);
  const auto amex = ParseCardNumber("3782-822463-10005");
  ASSERT_TRUE(amex.has_value());
  EXPECT_EQ(amex->brand, "amex");
  EXPECT_TRUE(amex->test);
  EXPECT_TRUE(ParseCardNumber("4539148803436467").has_value());
  EXPECT_FALSE(ParseCardNumber("4539148803436468").has_value());         // Luhn
  EXPECT_FALSE(ParseCardNumber("4539 1488-0343 6467").has_value());      // mixed
  EXPECT_FALSE(ParseCardNumber("4539  1488 0343 6467").has_value());     // double space
  EXPECT_FALSE(ParseCardNumber("45 39 14 88 03 43 64 67").has_value());  // groups of 2
  EXPECT_FALSE(ParseCardNumber("4539 1488 0343 6467-").has_value());
  EXPECT_FALSE(ParseCardNumber("-4539148803436467").has_value());
  EXPECT_FALSE(ParseCardNumber("4539148803436467 123").has_value());
  EXPECT_FALSE(ParseCardNumber("45391488034364671234").has_value());  // 20 digits
  EXPECT_FALSE(ParseCardNumber("").has_value());
}

TEST(CardParse, ExpiryCell) {
  const auto check = [](std::string_view cell, int year, int month) {
    const auto e = ParseCardExpiry(cell);
    ASSERT_TRUE(e.has_value()) << cell;
    EXPECT_EQ(e->year, year) << cell;
    EXPECT_EQ(e->month, month) << cell;
  };
  check("12/27", 2027, 12);
  check("1/27", 2027, 1);
  check("03/2031", 2031, 3);
  check("12-27", 2027, 12);
  check("2027/12", 2027, 12);
  check("2027-04", 2027, 4);
  check("2027年4月", 2027, 4);
  check("27年12月", 2027, 12);
  check("2030 年 6 月", 2030, 6);
  check("2030年 6月", 2030, 6);
  check("12月/27", 2027, 12);
  check("12月/2027年", 2027, 12);
  check("1227", 2027, 12);
  check(" 0830 ", 2030, 8);
  for (const char* bad :
       {"13/27", "00/27", "12/7", "12/027", "1999/12", "2100/01", "2024/01/15", "2712", "12/27x",
        "12.27", "", "a12/27", "2027年12月31日", "2027 年 12 月 31 日", "2027  年12月"}) {
    EXPECT_FALSE(ParseCardExpiry(bad).has_value()) << bad;
  }
}

TEST(CardParse, SecurityCodeCell) {
  EXPECT_TRUE(IsSecurityCode("123"));
  EXPECT_TRUE(IsSecurityCode(" 1234 "));
  EXPECT_FALSE(IsSecurityCode("12"));
  EXPECT_FALSE(IsSecurityCode("12345"));
  EXPECT_FALSE(IsSecurityCode("12a"));
  EXPECT_FALSE(IsSecurityCode(""));
}

TEST(CardParse, TrackCell) {
  const auto t1 = ParseCardTrack("%B4539148803436467^YAMADA/TARO^2512101000000000000000000?");
  ASSERT_TRUE(t1.has_value());
  EXPECT_EQ(t1->pan, "4539148803436467");
  EXPECT_EQ(t1->brand, "visa");
  EXPECT_FALSE(t1->test);
  const auto t2 = ParseCardTrack(";4111111111111111=25121010000000000000?");
  ASSERT_TRUE(t2.has_value());
  EXPECT_EQ(t2->pan, "4111111111111111");
  EXPECT_TRUE(t2->test);
  EXPECT_TRUE(ParseCardTrack("4539148803436467=2512101").has_value());
  EXPECT_TRUE(ParseCardTrack("4539148803436467D2512101123F").has_value());
  EXPECT_FALSE(ParseCardTrack("4539148803436468=2512101").has_value());  // Luhn
  EXPECT_FALSE(ParseCardTrack("4539148803436467=2513101").has_value());  // month 13
  EXPECT_FALSE(ParseCardTrack("4539148803436467=251210").has_value());   // no service code
  EXPECT_FALSE(ParseCardTrack("4539148803436467").has_value());
  EXPECT_FALSE(ParseCardTrack("x4539148803436467=2512101").has_value());
}

// ---------------------------------------------------------------------------
// card_number

TEST(CardNumberDetect, EveryBrandUnlabelled) {
  for (const BrandCase& c : kBrandCases) {
    const std::string text = std::string("支払い ") + c.digits + " で決済";
    // Thirteen digits without a label are medium (see ThirteenDigitVisa).
    const Confidence confidence = std::string_view(c.digits).size() == 13 ? kMedium : kHigh;
    EXPECT_EQ(Scan(text), Findings({Card(c.digits, c.digits, c.brand, false, confidence)}))
        << c.digits;
  }
}

TEST(CardNumberDetect, OneDigitOffIsNothing) {
  for (const BrandCase& c : kBrandCases) {
    const std::string text = "card number: " + OneDigitOff(c.digits);
    EXPECT_EQ(Scan(text), Findings{}) << text;
  }
}

TEST(CardNumberDetect, WrongPrefixesAndLengths) {
  for (const char* digits :
       {"9111123412341239", "1111123412341236", "7111123412341233", "5000123412341231",
        "2220123412341232", "3412341234123457", "411112341234", "411112341234123412347"}) {
    EXPECT_EQ(Scan(std::string("カード番号 ") + digits), Findings{}) << digits;
  }
}

TEST(CardNumberDetect, PublishedTestNumbersAreMarked) {
  EXPECT_EQ(Scan("4111111111111111"),
            Findings({Card("4111111111111111", "4111111111111111", "visa", true)}));
  EXPECT_EQ(Scan("amex 3782 822463 10005 ok"),
            Findings({Card("3782 822463 10005", "378282246310005", "amex", true)}));
  EXPECT_EQ(Scan("diners 30569309025904"),
            Findings({Card("30569309025904", "30569309025904", "diners", true)}));
  EXPECT_EQ(Scan("jcb 3530-1113-3330-0000"),
            Findings({Card("3530-1113-3330-0000", "3530111333300000", "jcb", true)}));
  EXPECT_EQ(Scan("mc 5555 5555 5555 4444"),
            Findings({Card("5555 5555 5555 4444", "5555555555554444", "mastercard", true)}));
}

TEST(CardNumberDetect, LabelledAndUnitLabelledAreHigh) {
  EXPECT_EQ(Scan("カード番号：4539148803436467"),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539148803436467", LabelKind::kCardNumber),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
}

TEST(CardNumberDetect, TrivialSequencesAreLow) {
  EXPECT_EQ(Scan("dummy 4567890123456789012"),
            Findings({Card("4567890123456789012", "4567890123456789012", "visa", false, kLow)}));
  EXPECT_EQ(Scan("dummy 654321098765432109"),
            Findings({Card("654321098765432109", "654321098765432109", "discover", false, kLow)}));
}

TEST(CardNumberDetect, ThirteenDigitVisa) {
  EXPECT_EQ(Scan("id 4111123412349"),
            Findings({Card("4111123412349", "4111123412349", "visa", false, kMedium)}));
  EXPECT_EQ(Scan("カード番号 4111123412349"),
            Findings({Card("4111123412349", "4111123412349", "visa")}));
  // Also a valid JAN (EAN-13) barcode: most likely a product, not a card.
  EXPECT_EQ(Scan("商品 4901234567092"),
            Findings({Card("4901234567092", "4901234567092", "visa", false, kLow)}));
  EXPECT_EQ(Scan("JAN 4901234567092"), Findings{});  // a negative label
  EXPECT_EQ(Scan("4222222222222"),
            Findings({Card("4222222222222", "4222222222222", "visa", true)}));
}

TEST(CardNumberDetect, GroupedNotations) {
  EXPECT_EQ(Scan("4539 1488 0343 6467"),
            Findings({Card("4539 1488 0343 6467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539-1488-0343-6467"),
            Findings({Card("4539-1488-0343-6467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("3412 341234 12341"),  // 4-6-5
            Findings({Card("3412 341234 12341", "341234123412341", "amex")}));
  EXPECT_EQ(Scan("3612-341234-1230"),  // 4-6-4
            Findings({Card("3612-341234-1230", "36123412341230", "diners")}));
  EXPECT_EQ(Scan("6212 3412 3412 3456 780"),  // 4-4-4-4-3
            Findings({Card("6212 3412 3412 3456 780", "6212341234123456780", "unionpay")}));
}

TEST(CardNumberDetect, BadGroupingsAreNothing) {
  for (const char* text : {"4539 1488-0343 6467", "4539-1488 0343-6467", "4539  1488  0343  6467",
                           "45 39 14 88 03 43 64 67", "4 5 3 9 1 4 8 8 0 3 4 3 6 4 6 7",
                           "4539 1488 0343 6467 1234",     // 20 digits, five even groups
                           "4539 1488 0343 64671234",      // a 16-digit group
                           "1234 4539 1488 0343 6467"}) {  // a group before, as wide
    EXPECT_EQ(Scan(text), Findings{}) << text;
  }
}

TEST(CardNumberDetect, FullWidthInput) {
  EXPECT_EQ(Scan("カード番号：４５３９１４８８０３４３６４６７"),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("４５３９－１４８８－０３４３－６４６７"),
            Findings({Card("4539-1488-0343-6467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539ー1488ー0343ー6467"),
            Findings({Card("4539-1488-0343-6467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("４５３９　１４８８　０３４３　６４６７"),
            Findings({Card("4539 1488 0343 6467", "4539148803436467", "visa")}));
}

TEST(CardNumberDetect, InsideLongerTokens) {
  for (const char* text :
       {"45391488034364671", "14539148803436467", "ID4539148803436467X", "ID4539148803436467",
        "4539148803436467X", "ID-4539148803436467", "4539148803436467-01", "1-4539148803436467",
        "4539148803436467_a", "1.4539148803436467", "4539148803436467.5", "v2/4539148803436467",
        "4539148803436467/2", "4539-1488-0343-6467-1234", "x4539 1488 0343 6467",
        "4,539,148,803,436,467", "4539 1488 0343 6467.5"}) {
    EXPECT_EQ(Scan(text), Findings{}) << text;
  }
}

TEST(CardNumberDetect, PunctuationThatSeparatesFields) {
  // A sentence's full stop, CSV commas, key=value and brackets end a number.
  EXPECT_EQ(Scan("番号は4539148803436467."),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(ScanType("1,4539148803436467,5", kNumber),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(ScanType("pan=4539148803436467&amount=100", kNumber),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(ScanType("(4539-1488-0343-6467)", kNumber),
            Findings({Card("4539-1488-0343-6467", "4539148803436467", "visa")}));
}

TEST(CardNumberDetect, ChainSplitsIntoCardAndShortNumber) {
  // The whole chain is no card (4111111111111111123 fails Luhn): the card is
  // its standard-grouped prefix, and 123 a separate number.
  EXPECT_EQ(ScanType("card cvv 4111 1111 1111 1111 123", kNumber),
            Findings({Card("4111 1111 1111 1111", "4111111111111111", "visa", true)}));
  EXPECT_EQ(ScanType("3782 822463 10005 1234", kNumber),
            Findings({Card("3782 822463 10005", "378282246310005", "amex", true)}));
  EXPECT_EQ(ScanType("4111-1111-1111-1111-12", kNumber),
            Findings({Card("4111-1111-1111-1111", "4111111111111111", "visa", true)}));
  EXPECT_EQ(ScanType("No. 12 4111 1111 1111 1111", kNumber),
            Findings({Card("4111 1111 1111 1111", "4111111111111111", "visa", true)}));
  // A looser separator parts a hyphenated or contiguous card from its neighbours.
  EXPECT_EQ(ScanType("2024 4111-1111-1111-1111 5678", kNumber),
            Findings({Card("4111-1111-1111-1111", "4111111111111111", "visa", true)}));
  EXPECT_EQ(ScanType("12345 4539148803436467 67890", kNumber),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  // When the whole chain is a valid card (a 19-digit Visa here), it wins.
  EXPECT_EQ(ScanType("4539 1488 0343 6467 123", kNumber),
            Findings({Card("4539 1488 0343 6467 123", "4539148803436467123", "visa")}));
  // Not separate: a tighter separator, or a second short group.
  EXPECT_EQ(ScanType("4111 1111 1111 1111-12", kNumber), Findings{});
  EXPECT_EQ(ScanType("4111 1111 1111 1111 12 34", kNumber), Findings{});
}

TEST(CardNumberDetect, NegativeLabelSuppresses) {
  EXPECT_EQ(Scan("注文番号: 4539148803436467"), Findings{});
  EXPECT_EQ(Scan("order no. 4539 1488 0343 6467"), Findings{});
  EXPECT_EQ(Scan("4539148803436467", LabelKind::kNegative), Findings{});
  // Another number in between spends the negative label.
  EXPECT_EQ(Scan("注文番号: 12345 カード 4539148803436467"),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
}

// A reference number column is no order number: a card number stored
// there is still found.
TEST(CardNumberDetect, ReferenceLabelDoesNotSuppress) {
  EXPECT_EQ(Scan("参照番号: 4539148803436467"),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539148803436467", LabelKind::kReference),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
}

TEST(CardNumberDetect, ManyNumbersInOneLogLine) {
  const std::string line =
      "2024-05-01T12:34:56.789+09:00 INFO req=8f3a2c id=1234567890123 ip=192.168.10.24 "
      "amount=12,345,678 ver=4.5391488034364671 ts=1714534496123 order=45391488034364671234 "
      "tel=03-1234-5678 zip=150-0001 pan=5412 7512 3412 3452 qty=3 price=4,980 "
      "hash=5412751234123452ab uid=u4539148803436467\n";
  std::string text;
  for (int i = 0; i < 50; ++i) text += line;
  const Findings found = Scan(text);
  ASSERT_EQ(found.size(), 50u);
  for (const Found& f : found) {
    EXPECT_EQ(f, Card("5412 7512 3412 3452", "5412751234123452", "mastercard"));
  }
}

// ---------------------------------------------------------------------------
// card_expiry

TEST(CardExpiryDetect, LabelledForms) {
  const struct {
    const char* text;
    const char* span;
    const char* value;
  } cases[] = {
      {"有効期限: 12/27", "12/27", "2027-12"},
      {"有効期限：１２／２７", "12/27", "2027-12"},
      {"exp 1/27", "1/27", "2027-01"},
      {"Expiry: 03/2031", "03/2031", "2031-03"},
      {"EXP=12-27", "12-27", "2027-12"},
      {"valid thru 2027/12", "2027/12", "2027-12"},
      {"有効期限 2027-04", "2027-04", "2027-04"},
      {"有効期限：2027年4月まで", "2027年4月", "2027-04"},
      {"有効期限 27年12月", "27年12月", "2027-12"},
      // pdftotext puts a space between Japanese and Latin text
      {"有効期限：2030 年 6 月 まで", "2030 年 6 月", "2030-06"},
      {"有効期限 12月/27", "12月/27", "2027-12"},
      {"有効期限（月/年）12月/2027年", "12月/2027年", "2027-12"},
      {"Exp (MM/YY): 08/29", "08/29", "2029-08"},
      {"{\"exp\": \"12/27\"}", "12/27", "2027-12"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Scan(c.text), Findings({Expiry(c.span, c.value)})) << c.text;
  }
}

TEST(CardExpiryDetect, UnitLabelAndCompactForm) {
  EXPECT_EQ(Scan("12/27", LabelKind::kCardExpiry), Findings({Expiry("12/27", "2027-12")}));
  EXPECT_EQ(Scan("1227", LabelKind::kCardExpiry), Findings({Expiry("1227", "2027-12", kMedium)}));
  EXPECT_EQ(Scan("exp: 0830"), Findings({Expiry("0830", "2030-08", kMedium)}));
  EXPECT_EQ(Scan("exp: 2712"), Findings{});  // 27 is no month
}

TEST(CardExpiryDetect, NextToACard) {
  EXPECT_EQ(Scan("4539 1488 0343 6467 12/27"),
            Findings({Card("4539 1488 0343 6467", "4539148803436467", "visa"),
                      Expiry("12/27", "2027-12")}));
  EXPECT_EQ(
      Scan("4539148803436467,12/27,999"),
      Findings({Card("4539148803436467", "4539148803436467", "visa"), Expiry("12/27", "2027-12")}));
  EXPECT_EQ(Scan("4539148803436467 / 2027年12月"),
            Findings({Card("4539148803436467", "4539148803436467", "visa"),
                      Expiry("2027年12月", "2027-12")}));
  // Too far, on the next line, before the card, compact, or named otherwise.
  EXPECT_EQ(ScanType("4539148803436467 " + std::string(40, '.') + " 12/27", kExpiry), Findings{});
  EXPECT_EQ(ScanType("4539148803436467\n12/27", kExpiry), Findings{});
  EXPECT_EQ(ScanType("12/27 4539148803436467", kExpiry), Findings{});
  EXPECT_EQ(ScanType("4539148803436467 1227", kExpiry), Findings{});
  EXPECT_EQ(ScanType("4539148803436467 tel 12-27", kExpiry), Findings{});
}

TEST(CardExpiryDetect, NotAnExpiry) {
  for (const char* text :
       {"12/27", "2027/12", "2027年12月", "発送日 12/27", "有効期限 2024/01/15",
        "有効期限 01/15/2024", "有効期限 2027年12月31日", "有効期限 平成27年12月",
        "有効期限 平成 27 年 12 月", "有効期限 2027 年 12 月 31 日", "exp 13/27", "exp 00/27",
        "exp 1999/12", "exp 12/7", "exp 1.12/27", "exp 12/27.5", "exp=*** issued 12/27",
        "有効期限 x12/27", "有効期限 12345 12/27"}) {
    EXPECT_EQ(ScanType(text, kExpiry), Findings{}) << text;
  }
}

// ---------------------------------------------------------------------------
// card_security_code

TEST(CardSecurityCodeDetect, Labelled) {
  const struct {
    const char* text;
    const char* code;
  } cases[] = {
      {"セキュリティコード：123", "123"},
      {"セキュリティコード：１２３", "123"},
      {"セキュリティコード（3桁）は 456 です", "456"},
      {"CVV: 123", "123"},
      {"cvv2=9876", "9876"},
      {"CVC 042", "042"},
      {"Security code: 999", "999"},
      {"CID: 1234", "1234"},
      {"{\"card\": {\"cvv\": \"123\"}}", "123"},
      {"cvv,123", "123"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Scan(c.text), Findings({Code(c.code)})) << c.text;
  }
  EXPECT_EQ(Scan("123", LabelKind::kSecurityCode), Findings({Code("123")}));
  EXPECT_EQ(Scan(" 4321 ", LabelKind::kSecurityCode), Findings({Code("4321")}));
}

TEST(CardSecurityCodeDetect, WithACard) {
  EXPECT_EQ(Scan("4539 1488 0343 6467 12/27 CVV 123"),
            Findings({Card("4539 1488 0343 6467", "4539148803436467", "visa"),
                      Expiry("12/27", "2027-12"), Code("123")}));
  // Under a label, the code is the first number after it.
  EXPECT_EQ(Scan("CVV: 123 456"), Findings({Code("123")}));
}

TEST(CardSecurityCodeDetect, NotASecurityCode) {
  for (const char* text : {"123", "no 1234 here", "TEL 123", "郵便 1234", "CVV: 12345", "CVV: 12",
                           "cvv=*** amount=1200", "CVV: 123-456", "CVV: 1.234", "CVV: 12/345",
                           "CVV: 1,234", "cvv: x123", "cvv 12345 678"}) {
    EXPECT_EQ(Scan(text), Findings{}) << text;
  }
  EXPECT_EQ(Scan("CVV" + std::string(60, ' ') + "123"), Findings({Code("123")}));
  EXPECT_EQ(Scan("CVV" + std::string(61, ' ') + "123"), Findings{});  // too far
  EXPECT_EQ(Scan("CVV\n\n123"), Findings{});                          // two line breaks
  EXPECT_EQ(Scan("123", LabelKind::kPhone), Findings{});
}

// ---------------------------------------------------------------------------
// card_track

TEST(CardTrackDetect, Track1) {
  const std::string t1 = "%B4539148803436467^YAMADA/TARO^2512101000000000000000000000000?";
  EXPECT_EQ(Scan("swipe: " + t1 + " end"), Findings({Track(t1, "4539148803436467", "visa")}));
  EXPECT_EQ(
      Scan("B4111111111111111^DOE/JOHN.^2512101"),
      Findings({Track("B4111111111111111^DOE/JOHN.^2512101", "4111111111111111", "visa", true)}));
  EXPECT_EQ(Scan("%B4539148803436467^^2512101?"),
            Findings({Track("%B4539148803436467^^2512101?", "4539148803436467", "visa")}));
}

TEST(CardTrackDetect, Track2) {
  EXPECT_EQ(
      Scan("t2=;4539148803436467=25121010000000000000?"),
      Findings({Track(";4539148803436467=25121010000000000000?", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539148803436467=2512101"),
            Findings({Track("4539148803436467=2512101", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("tag57: 4539148803436467D25122010123456789F"),
            Findings({Track("4539148803436467D25122010123456789F", "4539148803436467", "visa")}));
  // A track needs a Luhn-valid PAN, but not a known brand.
  EXPECT_EQ(Scan(";9111123412341239=2512101?"),
            Findings({Track(";9111123412341239=2512101?", "9111123412341239", "")}));
}

TEST(CardTrackDetect, NotATrack) {
  // No track: the PAN alone is still a card when it stands alone.
  EXPECT_EQ(Scan("4539148803436467=2513101"),  // month 13
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539148803436467=251210"),  // no service code
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  EXPECT_EQ(Scan("4539148803436467=2512101abc"),
            Findings({Card("4539148803436467", "4539148803436467", "visa")}));
  for (const char* text : {";4539148803436468=2512101?",                               // Luhn
                           "%B4539148803436467^ABCDEFGHIJKLMNOPQRSTUVWXYZA^2512101?",  // name > 26
                           "%B4539148803436467^YAMADA1^2512101?",  // digit in name
                           "x4539148803436467=2512101"}) {
    EXPECT_EQ(Scan(text), Findings{}) << text;
  }
}

// Every reported span, read back as a table cell, validates to the same
// value: the detector and the cell validators agree.
TEST(CardDetector, RandomTextSpansValidateAsCells) {
  static constexpr std::string_view kPieces[] = {"4539148803436467",
                                                 "4539",
                                                 "1488",
                                                 "0343",
                                                 "6467",
                                                 "4111111111111111",
                                                 "378282246310005",
                                                 "12/27",
                                                 "2027年12月",
                                                 "123",
                                                 "1234",
                                                 "0",
                                                 "9",
                                                 " ",
                                                 " ",
                                                 "-",
                                                 "/",
                                                 ".",
                                                 ",",
                                                 "=",
                                                 "^",
                                                 ";",
                                                 "%B",
                                                 "?",
                                                 "x",
                                                 "\n",
                                                 "CVV ",
                                                 "有効期限 ",
                                                 "注文番号 ",
                                                 "カード番号 ",
                                                 "2512101",
                                                 "DOE/JOHN",
                                                 "D"};
  std::mt19937 rng(12345);
  std::uniform_int_distribution<size_t> pick(0, std::size(kPieces) - 1);
  size_t reported = 0;
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = 1 + round % 24;
    for (int i = 0; i < n; ++i) text += kPieces[pick(rng)];
    std::string normalized;
    for (const Detection& d : RunDetector(TheDetector(), text, std::nullopt, &normalized)) {
      ++reported;
      ASSERT_LT(d.begin, d.end) << text;
      ASSERT_LE(d.end, normalized.size()) << text;
      const std::string_view span = std::string_view(normalized).substr(d.begin, d.end - d.begin);
      switch (d.type) {
        case DataType::kCardNumber: {
          const auto card = ParseCardNumber(span);
          ASSERT_TRUE(card.has_value()) << text;
          EXPECT_EQ(card->digits, d.value) << text;
          EXPECT_EQ(card->brand, d.brand) << text;
          EXPECT_EQ(card->test, d.test) << text;
          break;
        }
        case DataType::kCardTrack: {
          const auto track = ParseCardTrack(span);
          ASSERT_TRUE(track.has_value()) << text;
          EXPECT_EQ(track->pan, d.value) << text;
          break;
        }
        case DataType::kCardExpiry:
          EXPECT_TRUE(ParseCardExpiry(span).has_value()) << text;
          break;
        case DataType::kCardSecurityCode:
          EXPECT_TRUE(IsSecurityCode(span)) << text;
          EXPECT_EQ(span, d.value) << text;
          break;
        default:
          ADD_FAILURE() << "unexpected type in " << text;
      }
    }
  }
  EXPECT_GT(reported, 100u);  // the pieces do make findings
}

TEST(CardDetector, ReportsTheFourCardTypes) {
  const auto types = TheDetector().Types();
  EXPECT_EQ(types.count(), 4u);
  EXPECT_TRUE(types.test(static_cast<size_t>(kNumber)));
  EXPECT_TRUE(types.test(static_cast<size_t>(kExpiry)));
  EXPECT_TRUE(types.test(static_cast<size_t>(kCode)));
  EXPECT_TRUE(types.test(static_cast<size_t>(kTrack)));
}

// JCB numbers run to 19 digits; printed in fours, an 18-digit one ends in a
// pair, and the whole chain is the card.
TEST(CardNumberTest, EighteenDigitsGroupedFourFourFourFourTwo) {
  const auto found = RunDetector(TheDetector(), "カード番号：3529-6509-1950-5845-62 です");
  ASSERT_EQ(ValuesOf(found, DataType::kCardNumber),
            (std::vector<std::string>{"352965091950584562"}));
  // A quantity after a 16-digit card stays apart from it.
  const auto apart = RunDetector(TheDetector(), "4539 1488 0343 6467 12");
  EXPECT_EQ(ValuesOf(apart, DataType::kCardNumber), (std::vector<std::string>{"4539148803436467"}));
}

}  // namespace
}  // namespace mamori

namespace mamori {
namespace {

TEST(TypedCardDigitsTest, SpacesAndHyphensAreDroppedAnythingElseIsNoCardNumber) {
  EXPECT_EQ(TypedCardDigits("4111 1111-1111 1111"), "4111111111111111");
  EXPECT_EQ(TypedCardDigits(""), "");
  EXPECT_EQ(TypedCardDigits("4111.1111.1111.1111"), std::nullopt);
  EXPECT_EQ(TypedCardDigits("4111x"), std::nullopt);
}

}  // namespace
}  // namespace mamori
