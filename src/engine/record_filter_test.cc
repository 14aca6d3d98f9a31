#include "engine/record_filter.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>
#include <unicode/utypes.h>

#include <algorithm>
#include <iterator>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "engine/finder.h"
#include "engine/text_decoder.h"
#include "engine/type_set_test_util.h"
#include "mamori/engine.h"

namespace mamori {
namespace {

// The filter's answer for `text` (already normalized), with the finder's
// candidates as the engine gives them.
bool May(const std::bitset<kDataTypeCount>& types, std::string_view text) {
  static const std::unique_ptr<Finder> finder =
      std::move(*Finder::Create(Finder::WordLabels::kAnyText));
  static const std::unique_ptr<Finder::Scratch> scratch = std::move(*finder->NewScratch());
  CandidateBuffers found;
  finder->Find(text, *scratch, &found);
  return RecordFilter(types).MayHoldFinding(text, found.View(text));
}

const auto kCard = Only({DataType::kCardNumber});
const auto kPhone = Only({DataType::kPhone});
const auto kEmail = Only({DataType::kEmail});

TEST(RecordFilter, CardNumbersNeedThirteenDigitsInOneChain) {
  EXPECT_TRUE(May(kCard, R"({"id":4111111111111111})"));
  EXPECT_TRUE(May(kCard, "x,4111 1111 1111 1111,y"));
  EXPECT_TRUE(May(kCard, "id 4111-1111-1111-1"));  // 13 digits
  EXPECT_FALSE(May(kCard, "id 4111-1111-1111"));   // 12
  EXPECT_FALSE(May(kCard, R"({"ts":"2024-05-04T19:04:07.776+09:00","user_id":8343090})"));
  EXPECT_FALSE(May(kCard, "1234567,890123456"));  // a delimiter ends a chain
}

TEST(RecordFilter, PhonesNeedTenDigitsFromALeadingZeroOrEightAfterPlus) {
  EXPECT_TRUE(May(kPhone, "tel 03-1234-5678"));
  EXPECT_TRUE(May(kPhone, "(03)1234-5678"));
  EXPECT_TRUE(May(kPhone, "0120-123-456"));
  EXPECT_TRUE(May(kPhone, "2024 090 1234 5678"));  // starts after a space inside a chain
  EXPECT_TRUE(May(kPhone, "+1 212 555 0100"));
  EXPECT_TRUE(May(kPhone, "+81-3-1234-5678"));
  EXPECT_FALSE(May(kPhone, "2024-05-04 19:04:07"));
  EXPECT_FALSE(May(kPhone, "03-1234-567"));  // nine digits
  EXPECT_FALSE(May(kPhone, "+09:00"));
  EXPECT_FALSE(May(kPhone, "id 1234567890"));  // no leading 0
}

TEST(RecordFilter, NumbersGluedToALetterAfterThemAreNoCardsOrPhones) {
  // Hex ids and hashes hold long digit runs: a letter right after one makes
  // it part of the token for the card and phone detectors alike.
  EXPECT_FALSE(May(kCard, R"({"trace":"fa2b1144837520274de7a0a"})"));
  EXPECT_FALSE(May(kPhone, R"({"trace":"e0272634211f"})"));
  EXPECT_FALSE(May(kCard, "4111111111111111abc"));
  // A letter before only, or a letter after a chain of runs, is not enough.
  EXPECT_TRUE(May(kCard, "x4111111111111111"));
  EXPECT_TRUE(May(kPhone, "TEL0312345678"));  // glued to a phone word
  EXPECT_TRUE(May(kPhone, "03-1234-5678ext"));
  EXPECT_TRUE(May(kCard, "4111 1111 1111 1111x"));
  // Track data: the number ends at '^' or '='.
  EXPECT_TRUE(May(Only({DataType::kCardTrack}), "%B4111111111111111^YAMADA/TARO^2512101"));
  EXPECT_TRUE(May(Only({DataType::kCardTrack}), ";4111111111111111=2512101?"));
}

TEST(RecordFilter, AtSignsMatterForEmailsAndNamesOnly) {
  EXPECT_TRUE(May(kEmail, "a@b.jp"));
  EXPECT_TRUE(May(Only({DataType::kPersonName}), "a@b.jp"));
  EXPECT_FALSE(May(kCard, "a@b.jp"));
  EXPECT_FALSE(May(kEmail, "nothing here 12345"));
}

TEST(RecordFilter, LabelsMatterForTheTypesTheyGiveContext) {
  const auto cvc = Only({DataType::kCardSecurityCode});
  EXPECT_TRUE(May(cvc, "cvv 123"));
  EXPECT_FALSE(May(cvc, "qty 123"));
  EXPECT_FALSE(May(cvc, "注文番号 123"));  // a negative label only takes findings away
  EXPECT_TRUE(May(Only({DataType::kMyNumber}), "マイナンバー 1234"));
  EXPECT_TRUE(May(Only({DataType::kBankAccount}), "銀行 1"));
  EXPECT_FALSE(May(Only({DataType::kMyNumber}), "銀行 1"));
  EXPECT_FALSE(RecordFilter(kCard).KindMatters(LabelKind::kName));
  EXPECT_FALSE(RecordFilter(ScanOptions::AllTypes()).KindMatters(LabelKind::kNegative));
  EXPECT_TRUE(RecordFilter(Only({DataType::kCardExpiry})).KindMatters(LabelKind::kCardExpiry));
}

TEST(RecordFilter, PhoneLabelsAddNothingThePhoneRuleMisses) {
  // A phone label admits dots between the groups and raises confidence; the
  // number still has ten digits from a 0 (or eight after '+').
  EXPECT_FALSE(RecordFilter(kPhone).KindMatters(LabelKind::kPhone));
  EXPECT_FALSE(RecordFilter(kPhone).AnyKindMatters());
  EXPECT_TRUE(May(kPhone, "電話 03.1234.5678"));
  EXPECT_FALSE(May(kPhone, "電話 1234-5678"));
}

TEST(RecordFilter, CardAndEmailLabelsAddNothingTheShapeRulesMiss) {
  // Every value a card number or email column could hold has 13 digits in
  // a chain or an '@': those rules already catch it.
  for (const auto& types : {kCard, kEmail, Only({DataType::kCardNumber, DataType::kEmail})}) {
    EXPECT_FALSE(RecordFilter(types).KindMatters(LabelKind::kCardNumber));
    EXPECT_FALSE(RecordFilter(types).KindMatters(LabelKind::kEmail));
    EXPECT_FALSE(RecordFilter(types).AnyKindMatters());
  }
  EXPECT_TRUE(
      RecordFilter(Only({DataType::kCardNumber, DataType::kCardSecurityCode})).AnyKindMatters());
  EXPECT_TRUE(May(kCard, "card_no,4111 1111 1111 1111"));
  EXPECT_FALSE(May(kCard, "card_no,4111 1111 1111"));
}

TEST(RecordFilter, CardsAloneNeedNoLabels) {
  EXPECT_FALSE(RecordFilter(kCard).NeedsLabels());
  EXPECT_FALSE(RecordFilter(Only({DataType::kCardNumber, DataType::kEmail, DataType::kPhone}))
                   .NeedsLabels());
  EXPECT_TRUE(RecordFilter(Only({DataType::kCardExpiry})).NeedsLabels());
}

TEST(RecordFilter, JapaneseTextMattersForNamesAndAddresses) {
  EXPECT_TRUE(May(Only({DataType::kPersonName}), "山田太郎（ヤマダタロウ）"));
  EXPECT_TRUE(May(Only({DataType::kAddress}), "千代田区千代田1-1"));
  EXPECT_FALSE(May(kCard, "山田太郎（ヤマダタロウ）"));
  // A postal code before a Japanese address needs no label.
  EXPECT_TRUE(May(Only({DataType::kPostalCode}), "100-0001 千代田区千代田1-1"));
  EXPECT_FALSE(May(Only({DataType::kPostalCode}), "100-0001 chiyoda"));
}

TEST(RecordFilter, PostalCodesWithoutLabelsNeedTheirShapeBeforeAnAddress) {
  const auto postal = Only({DataType::kPostalCode});
  EXPECT_TRUE(May(postal, "100-0001東京都千代田区"));
  EXPECT_TRUE(May(postal, "x,100-0001   東京都千代田区"));  // three spaces
  EXPECT_TRUE(May(postal, "〒100-0001"));                   // a label
  EXPECT_TRUE(May(postal, "郵便番号 1000001"));
  // A customer row: a prefecture and long numbers, but no "NNN-NNNN" before
  // it; a prefecture alone is an address's concern, not a postal code's.
  EXPECT_FALSE(May(postal, "271666,橋本 拓海,\"愛知県名古屋市中村区名駅1-22-10\",0475445690"));
  EXPECT_FALSE(May(postal, "1000-0001 東京都"));
  EXPECT_FALSE(May(postal, "100-00011 東京都"));
  EXPECT_FALSE(May(postal, "100-0001    東京都"));  // four spaces
  EXPECT_FALSE(RecordFilter(postal).KindMatters(LabelKind::kPrefecture));
  EXPECT_TRUE(RecordFilter(Only({DataType::kAddress})).KindMatters(LabelKind::kPrefecture));
}

TEST(RecordFilter, OrderAndReferenceColumnsOwnTheirDigits) {
  const RecordFilter all(ScanOptions::AllTypes());
  EXPECT_TRUE(all.ColumnOwnsDigits(LabelKind::kReference, "0475445690"));
  EXPECT_TRUE(all.ColumnOwnsDigits(LabelKind::kReference, " (0475) 44-5690."));
  EXPECT_TRUE(all.ColumnOwnsDigits(LabelKind::kNegative, "4111 1111 1111 1111"));
  EXPECT_TRUE(all.ColumnOwnsDigits(LabelKind::kReference, "411111111111"));  // 12 digits
  // A card number under a reference label is still one.
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kReference, "4111 1111 1111 1"));
  EXPECT_TRUE(RecordFilter(kPhone).ColumnOwnsDigits(LabelKind::kReference, "4111111111111111"));
  // A label, '@', Japanese or full-width text in the cell may own or be a value itself.
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kReference, "TEL 0475445690"));
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kNegative, "a1@b.jp"));
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kNegative, "０４７５４４５６９０"));
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kNegative, "〒100-0001"));
  // Other columns own nothing.
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kPhone, "0475445690"));
  EXPECT_FALSE(all.ColumnOwnsDigits(LabelKind::kBank, "0475445690"));
}

// --- The filter changes nothing: tables scanned with and without it -------

// Values a table row may hold: each type in several notations, decoys,
// labels and structure that stress the row splitter.
const std::vector<std::string> kValues = {"4111111111111111",
                                          "4111 1111 1111 1111",
                                          "3530-1113-3330-0000",
                                          "5500 0000 0000 0004",
                                          "４１１１１１１１１１１１１１１１",
                                          "%B4111111111111111^YAMADA/TARO^2512101",
                                          ";4111111111111111=2512101?",
                                          "03-1234-5678",
                                          "090-1234-5678",
                                          "(03)1234-5678",
                                          "+81 3 1234 5678",
                                          "0312345678",
                                          "0475445690",
                                          "(0475) 44.5690",
                                          "4222222222222",
                                          "b1144837520274de7a0a",
                                          "4111111111111111abc",
                                          "x4111111111111111",
                                          "0312345678ext",
                                          "TEL0312345678",
                                          "０９０‐１２３４‐５６７８",
                                          "taro..yamada.@docomo.ne.jp",
                                          "a@b.example.com",
                                          "12/27",
                                          "2027年6月",
                                          "123",
                                          "1234",
                                          "100-0001",
                                          "〒100-0001",
                                          "東京都千代田区千代田1-1",
                                          "昭和50年1月1日",
                                          "1975-01-01",
                                          "123456789018",
                                          "TK1234567",
                                          "1234567",
                                          "普通 1234567",
                                          "山田 太郎",
                                          "ヤマダ タロウ",
                                          "山田様",
                                          "2024-05-04T19:04:07.776+09:00",
                                          "8343090",
                                          "fa21c6dc16bc63f9",
                                          "192.168.0.1",
                                          "¥12,800",
                                          "注文番号 4111111111111111",
                                          "cvv 123",
                                          "有効期限 12/27",
                                          "セキュリティコード 123",
                                          "マイナンバー 1234 5678 9018",
                                          "生年月日 1975/01/01",
                                          "パスポート TK1234567",
                                          "免許証 123456789012",
                                          "口座番号 1234567",
                                          "TEL 03-1234-5678",
                                          "a \"quoted\" word",
                                          "x,y",
                                          "",
                                          " ",
                                          "ｃｖｖ",
                                          "line\nbreak"};
const std::vector<std::string> kHeaders = {
    "id",       "card_number", "cvv",           "expiry",
    "email",    "tel",         "my_number",     "zip",
    "birthday", "passport",    "license",       "account",
    "bank",     "name",        "address",       "note",
    "注文番号", "参照番号",    "security_code", "cardNumber",
    "氏名",     "住所",        "有効期限",      "セキュリティコード",
    "メモ"};

template <typename T>
const T& Pick(std::mt19937& rng, const std::vector<T>& pool) {
  return pool[std::uniform_int_distribution<size_t>(0, pool.size() - 1)(rng)];
}

std::string CsvField(const std::string& v, std::mt19937& rng) {
  const bool must_quote = v.find_first_of(",\"\n") != std::string::npos;
  if (!must_quote && rng() % 3 != 0) return v;
  std::string q = "\"";
  for (char c : v) q += c == '"' ? std::string("\"\"") : std::string(1, c);
  return q + "\"";
}

std::string MakeCsv(std::mt19937& rng) {
  const size_t columns = 2 + rng() % 6;
  std::vector<std::string> header;
  for (size_t c = 0; c < columns; ++c) header.push_back(Pick(rng, kHeaders));
  std::string csv;
  const auto row = [&](const std::vector<std::string>& cells) {
    for (size_t c = 0; c < cells.size(); ++c) csv += (c ? "," : "") + CsvField(cells[c], rng);
    csv += rng() % 4 == 0 ? "\r\n" : "\n";
  };
  if (rng() % 4 != 0) row(header);
  for (int r = 0; r < 60; ++r) {
    switch (rng() % 12) {
      case 0:
        csv += "\n";
        continue;  // blank row
      case 1:
        row(header);
        continue;  // a repeated header
      default:
        break;
    }
    std::vector<std::string> cells;
    const size_t n = rng() % 9 == 0 ? columns + 1 : columns;  // sometimes ragged
    for (size_t c = 0; c < n; ++c)
      cells.push_back(rng() % 3 == 0 ? Pick(rng, kValues) : "x" + std::to_string(rng() % 1000));
    row(cells);
  }
  return csv;
}

// A table of several read pieces (the extractor reads 64 KiB at a time and
// asks the filter once per piece once the header is known) whose rows are
// mostly quiet: rows counted without being split, next to the rows that
// look like them but must be split (blank, quotes only, a repeated header,
// a first cell like the header's, quoted fields that go on past the line).
// Its values need no folding: the filter answers for a piece at once only
// when the piece is its own normalized text.
// Only values `usable` accepts are used.
std::string MakeLongCsv(
    std::mt19937& rng,
    bool (*usable)(const std::string&) = [](const std::string&) { return true; }) {
  std::vector<std::string> values;
  std::copy_if(kValues.begin(), kValues.end(), std::back_inserter(values),
               [&](const std::string& v) { return IsFoldFree(v) && usable(v); });
  const std::vector<std::string> header = {Pick(rng, kHeaders), Pick(rng, kHeaders),
                                           Pick(rng, kHeaders)};
  const std::vector<std::string> quiet = {
      "x1", "12345",      "\"quoted, text\"", "a \"b\" c",       "\"\"",    " ",
      "",   "\"a\"\"b\"", "  \"x\"",          "\"line\nbreak\"", header[0], " " + header[0] + " "};
  std::string csv = header[0] + "," + header[1] + "," + header[2] + "\n";
  while (csv.size() < 300'000) {
    switch (rng() % 40) {
      case 0:
        csv += "\n";
        continue;
      case 1: {  // a repeated header, its first cell as written or quoted whole or in part
        const std::string& h = header[0];
        size_t cut = 1;  // after its first character
        while (cut < h.size() && (static_cast<unsigned char>(h[cut]) & 0xC0) == 0x80) ++cut;
        const std::string first[] = {h, "\"" + h + "\"",
                                     "\"" + h.substr(0, cut) + "\"" + h.substr(cut)};
        csv += first[rng() % 3] + "," + header[1] + "," + header[2] + "\n";
        continue;
      }
      case 2:
        csv += ",\"\",\" \"\n";  // blank: quotes and delimiters only
        continue;
      default:
        break;
    }
    for (int c = 0; c < 3; ++c) {
      if (c) csv += ",";
      csv += rng() % 50 == 0 ? CsvField(Pick(rng, values), rng) : Pick(rng, quiet);
    }
    csv += rng() % 8 == 0 ? "\r\n" : "\n";
  }
  return csv;
}

std::string JsonString(const std::string& v, std::mt19937& rng) {
  std::string s = "\"";
  for (char c : v) {
    if (c == '"' || c == '\\') s += '\\';
    if (c == '\n') {
      s += "\\n";
      continue;
    }
    s += c;
  }
  if (rng() % 20 == 0) s += "\\u0040";  // an escape that is an '@'
  return s + "\"";
}

std::string MakeNdjson(std::mt19937& rng) {
  std::string out;
  for (int r = 0; r < 60; ++r) {
    if (rng() % 15 == 0) {
      out += rng() % 2 ? "\n" : "not json " + Pick(rng, kValues) + "\n";
      continue;
    }
    std::string line = "{";
    const size_t fields = 1 + rng() % 5;
    for (size_t f = 0; f < fields; ++f) {
      if (f) line += ",";
      line += JsonString(Pick(rng, kHeaders), rng) + ":";
      switch (rng() % 6) {
        case 0:
          line += std::to_string(rng() % 100000);
          break;
        case 1:
          line += "{" + JsonString(rng() % 2 ? "number" : "code", rng) + ":" +
                  JsonString(Pick(rng, kValues), rng) + "}";
          break;
        case 2:
          line += "[" + JsonString(Pick(rng, kValues), rng) + "]";
          break;
        default:
          line += JsonString(Pick(rng, kValues), rng);
          break;
      }
    }
    line += "}";
    if (rng() % 15 == 0) line.resize(rng() % line.size());  // a cut line
    out += line + "\n";
  }
  return out;
}

using Seen = std::tuple<int, uint64_t, uint64_t, uint64_t, std::optional<uint64_t>, std::string,
                        std::string>;

std::vector<Seen> Scan(bool filter, const std::bitset<kDataTypeCount>& types,
                       const std::string& path, const std::string& bytes, ObjectReport* report) {
  ScanOptions options;
  options.types = types;
  options.min_confidence = Confidence::kLow;
  options.filter_records = filter;
  auto engine = Engine::Create(options);
  EXPECT_TRUE(engine.ok());
  std::vector<Finding> findings;
  *report = (*engine)->ScanBytes(path, bytes, &findings);
  std::vector<Seen> seen;
  for (const Finding& f : findings) {
    seen.emplace_back(static_cast<int>(f.type), f.offset, f.length, f.line, f.where.row,
                      f.where.column, f.value);
  }
  return seen;
}

void ExpectSameBothWays(const std::bitset<kDataTypeCount>& types, const std::string& path,
                        const std::string& bytes) {
  ObjectReport with, without;
  const std::vector<Seen> a = Scan(true, types, path, bytes, &with);
  const std::vector<Seen> b = Scan(false, types, path, bytes, &without);
  ASSERT_EQ(a, b) << path << ":\n" << bytes;
  EXPECT_EQ(with.records, without.records) << bytes;
  EXPECT_EQ(with.counts, without.counts) << bytes;
  EXPECT_EQ(with.status, without.status) << bytes;
  EXPECT_EQ(with.reason, without.reason) << bytes;
}

TEST(RecordFilterDifferential, TablesScanTheSameWithAndWithoutTheFilter) {
  std::mt19937 rng(20261121);
  const std::vector<std::bitset<kDataTypeCount>> type_sets = {
      ScanOptions::AllTypes(), kCard, kPhone,
      Only({DataType::kCardNumber, DataType::kCardExpiry, DataType::kCardSecurityCode}),
      ScanOptions::AllTypes()
          .reset(static_cast<size_t>(DataType::kPersonName))
          .reset(static_cast<size_t>(DataType::kAddress))};
  for (int round = 0; round < 40; ++round) {
    const auto& types = type_sets[round % type_sets.size()];
    ExpectSameBothWays(types, "t.csv", MakeCsv(rng));
    ExpectSameBothWays(types, "t.ndjson", MakeNdjson(rng));
    if (HasFatalFailure()) return;
  }
}

TEST(RecordFilterDifferential, LongTablesScanTheSameWithAndWithoutTheFilter) {
  std::mt19937 rng(7);
  for (const auto& types : {kCard, kEmail, kPhone, ScanOptions::AllTypes()}) {
    for (int round = 0; round < 3; ++round) {
      ExpectSameBothWays(types, "t.csv", MakeLongCsv(rng));
      if (HasFatalFailure()) return;
    }
  }
}

// `text` converted between two ICU charsets; empty when it cannot be.
std::string Convert(const char* to, const char* from, const std::string& text) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(text.size() * 2 + 16, '\0');
  const int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()),
                                 text.data(), static_cast<int32_t>(text.size()), &err);
  return U_SUCCESS(err) ? out.substr(0, static_cast<size_t>(n)) : std::string();
}

// `utf8` in CP932, as Excel in Japan writes CSV.
std::string ToCp932(const std::string& utf8) { return Convert("windows-31j", "UTF-8", utf8); }

// Whether CP932 has every character of `utf8` ("¥" is not one).
bool InCp932(const std::string& utf8) {
  return Convert("UTF-8", "windows-31j", ToCp932(utf8)) == utf8;
}

TEST(RecordFilterDifferential, LongCp932TablesScanTheSameWithAndWithoutTheFilter) {
  // Read in their own bytes, their quiet rows are counted from those bytes.
  std::mt19937 rng(932);
  for (const auto& types : {kCard, kEmail, kPhone, ScanOptions::AllTypes()}) {
    for (int round = 0; round < 3; ++round) {
      const std::string csv = ToCp932(MakeLongCsv(rng, &InCp932));
      ObjectReport report;
      Scan(true, types, "t.csv", csv, &report);
      ASSERT_EQ(report.encoding, "cp932");
      ExpectSameBothWays(types, "t.csv", csv);
      if (HasFatalFailure()) return;
    }
  }
}

TEST(RecordFilterDifferential, Cp932RowsThatFoldOrRepeatTheHeaderAreRead) {
  // Mostly quiet rows in several read pieces; one piece has a phone that is
  // one only once its long vowel marks fold to hyphens, one a repeated
  // Japanese header (its first cell must be decoded to be compared).
  std::string csv = "氏名,メモ,備考\n";
  for (int r = 0; r < 12000; ++r) {
    csv += "山田 太郎,x" + std::to_string(r) + ",\"a, b\"\r\n";
    if (r == 9000) csv += "氏名,メモ,備考\r\n";
    if (r == 3000) csv += "鈴木 一郎,090ー1234ー5678,z\r\n";
    if (r % 997 == 0) csv += "佐藤 花子,03-1234-5678,4111 1111 1111 1111\r\n";
  }
  const std::string bytes = ToCp932(csv);
  for (const auto& types : {kPhone, kCard}) ExpectSameBothWays(types, "t.csv", bytes);
  ObjectReport report;
  const std::vector<Seen> seen = Scan(true, kPhone, "t.csv", bytes, &report);
  ASSERT_EQ(report.encoding, "cp932");
  EXPECT_EQ(seen.size(), 14u);  // thirteen rows with 03-1234-5678 and the folded one
}

TEST(RecordFilterDifferential, NdjsonOfInvalidLinesCountsPeopleLikeText) {
  // Until a line yields a cell the file may be free text, whose records are
  // its distinct identities: a quiet but invalid first line is parsed.
  ExpectSameBothWays(
      ScanOptions::AllTypes(), "t.ndjson",
      "{\"tp\":\"2024-05-02T19:04:0v\":\"123\"}\n{\"ei\"al:m\"a..b.@docomo.ne.jp\"}\n");
}

TEST(RecordFilterDifferential, PhoneColumnsScanTheSameWithAndWithoutTheFilter) {
  // Values only a phone column makes phones (dots), short or foreign-looking
  // numbers it does not, and the same under a phone key.
  const std::string csv =
      "id,電話,tel\n1,03.1234.5678,\n2,1234-5678,0312345678\n3,,\"(03) 1234-5678\"\n"
      "4,81-3-1234-5678,+81 3 1234 5678\n5,TEL03-1234-5678,03-1234-567\n";
  ExpectSameBothWays(kPhone, "t.csv", csv);
  ExpectSameBothWays(kPhone, "t.ndjson",
                     "{\"tel\":\"03.1234.5678\"}\n{\"phone\":\"1234-5678\"}\n"
                     "{\"連絡先\":\"090-1234-5678\"}\n");
  ObjectReport report;
  const std::vector<Seen> seen = Scan(true, kPhone, "t.csv", csv, &report);
  EXPECT_EQ(seen.size(), 5u);
}

TEST(RecordFilterDifferential, NdjsonLinesThatAreNoWholeObjectAreWalked) {
  // A quiet line is skipped unparsed: one the walker would find invalid (cut
  // after a nested object, brackets that do not pair) must be walked, or the
  // count of invalid lines differs. Brackets inside strings are text.
  const std::string ndjson =
      "{\"card\":\"4111 1111 1111 1111\"}\n"
      "{\"a\":1,\"b\":{\"c\":2}\n"
      "{\"a\":[1,2}\n"
      "{\"a\":1}}\n"
      "{\"a\":1},{\"b\":2}\n"
      "{\"a\":\"{[}\"}\n"
      "{\"a\":{\"b\":[1,{\"c\":2}]}}\n";
  for (const auto& types : {kCard, kPhone, ScanOptions::AllTypes()}) {
    ExpectSameBothWays(types, "t.ndjson", ndjson);
  }
  ObjectReport report;
  Scan(true, kCard, "t.ndjson", ndjson, &report);
  EXPECT_NE(report.reason.find("4 of 7 lines not valid JSON"), std::string::npos) << report.reason;
}

TEST(RecordFilterDifferential, OrderAndReferenceColumnsScanTheSameWithAndWithoutTheFilter) {
  // Rows whose only phone- or card-shaped numbers are an order's or a
  // reference's are counted unscanned; a card number under a reference
  // label, a label or text in such a cell, and other columns still count.
  std::string csv = "id,注文番号,参照番号,メモ\n";
  const std::vector<std::string> rows = {"1,0475445690,0312345678,x",
                                         "2,4111111111111111,x,x",
                                         "3,x,4111 1111 1111 1111,x",
                                         "4,x,4222222222222,x",
                                         "5,x,(03) 1234.5678,x",
                                         "6,TEL 0312345678,x,x",
                                         "7,x,\"03-1234-5678 / a@b.jp\",x",
                                         "8,0312345678,0312345678,03-1234-5678",
                                         "9,x,411111111111,0312345678"};
  for (size_t r = 0; r < 200 * rows.size(); ++r) csv += rows[r % rows.size()] + "\n";
  for (const auto& types : {kCard, kPhone, ScanOptions::AllTypes()}) {
    ExpectSameBothWays(types, "t.csv", csv);
  }
  ObjectReport report;
  const std::vector<Seen> seen = Scan(true, kCard, "t.csv", csv, &report);
  EXPECT_EQ(seen.size(), 2u * 200);  // rows 3 and 4, each 200 times
}

TEST(RecordFilterDifferential, RowsAfterSkippedOnesKeepTheirNumbers) {
  // Quiet rows, a blank one and a repeated header between findings.
  const std::string csv = "name,note\nx,1\n\ny,2\nname,note\nz,03-1234-5678\n";
  ObjectReport report;
  const std::vector<Seen> seen = Scan(true, kPhone, "t.csv", csv, &report);
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(std::get<4>(seen[0]), 3u);  // x and y are rows 1 and 2; the repeat is none
  EXPECT_EQ(std::get<3>(seen[0]), 6u);  // line
}

}  // namespace
}  // namespace mamori
