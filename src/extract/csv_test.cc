#include "extract/csv.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <iterator>
#include <random>
#include <string>
#include <vector>

#include "engine/encode_test_util.h"
#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using K = LabelKind;

// Hands out at most `step` bytes per read, then optionally fails.
class TrickleSource final : public ByteSource {
 public:
  TrickleSource(std::string_view bytes, size_t step, bool fail_at_end = false)
      : bytes_(bytes), step_(step), fail_(fail_at_end) {}
  Result<size_t> Read(char* buf, size_t n) override {
    if (pos_ == bytes_.size() && fail_) return Status::IoError("disk gone");
    const size_t k = std::min({n, step_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, k, buf);
    pos_ += k;
    return k;
  }

 private:
  std::string_view bytes_;
  size_t step_;
  bool fail_;
  size_t pos_ = 0;
};

RecordingSink Parse(std::string_view bytes, char delimiter = ',',
                    const DelimitedOptions& options = {}) {
  RecordingSink sink;
  MemorySource source(bytes);
  EXPECT_TRUE(ExtractDelimited(source, delimiter, sink, options).ok());
  return sink;
}

TEST(CsvTest, QuotedFieldsWithDelimitersNewlinesAndQuotes) {
  const RecordingSink sink = Parse(
      "氏名,住所,メモ\r\n"
      "\"山田, 太郎\",\"東京都渋谷区\r\n神南1-2-3\",\"He said \"\"hi\"\"\"\r\n"
      "佐藤花子,,\"\"\r\n");
  EXPECT_EQ(sink.CellDump(),
            "0||氏名\n0||住所\n0||メモ\n"
            "1|氏名|山田, 太郎\n1|住所|東京都渋谷区\r\n神南1-2-3\n1|メモ|He said \"hi\"\n"
            "2|氏名|佐藤花子\n");
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  EXPECT_EQ(sink.FindCell("山田, 太郎")->column_kind, K::kName);
}

TEST(CsvTest, LenientQuotes) {
  // A quote inside an unquoted field is a character; text after a closing
  // quote joins the field.
  const RecordingSink sink = Parse("a,b\n5\" disk,\"x\"y\n");
  EXPECT_EQ(sink.CellDump(), "1||a\n1||b\n2||5\" disk\n2||xy\n");
}

TEST(CsvTest, Cp932CrlfExcelExport) {
  const std::string utf8 =
      "顧客一覧 2013年4月\r\n"
      "氏名,フリガナ,メールアドレス,電話番号,〒,住所,生年月日\r\n"
      "山田太郎,ヤマダタロウ,taro@example.com,０３－１２３４－５６７８,150-0001,"
      "\"東京都渋谷区神宮前1-2-3\",1985/04/12\r\n"
      "表示,ソフト,hanako@example.com,090-1234-5678,100-0001,東京都千代田区,1990/1/1\r\n";
  const std::string raw = EncodeAs(utf8, "windows-31j");
  ASSERT_NE(raw, utf8);
  const RecordingSink sink = Parse(raw);
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  // "表" and "ソ" end in 0x5C (a backslash in ASCII): still one character.
  ASSERT_NE(sink.FindCell("表示"), nullptr);
  EXPECT_EQ(sink.FindCell("表示")->column_kind, K::kName);
  ASSERT_NE(sink.FindCell("ソフト"), nullptr);
  EXPECT_EQ(sink.FindCell("ソフト")->column, "フリガナ");
  // Cells are decoded and normalized (full-width digits folded).
  const auto* phone = sink.FindCell("03-1234-5678");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->column, "電話番号");
  EXPECT_EQ(phone->column_kind, K::kPhone);
  EXPECT_EQ(phone->row, 1u);
  EXPECT_EQ(sink.FindCell("150-0001")->column_kind, K::kPostalCode);
  EXPECT_EQ(sink.FindCell("1985/04/12")->column_kind, K::kBirthDate);
  EXPECT_EQ(sink.FindCell("東京都渋谷区神宮前1-2-3")->column_kind, K::kAddress);
  EXPECT_EQ(sink.FindCell("顧客一覧 2013年4月")->row, 0u);
  EXPECT_EQ(sink.FindCell("hanako@example.com")->row, 2u);
}

TEST(CsvTest, Cp932TrailBytesAreNotDelimiters) {
  // "ポ" is 83 7C in CP932: 7C is '|'.
  const std::string raw = EncodeAs("名前|メモ\nポール|ポイント\n", "windows-31j");
  ASSERT_EQ(EncodeAs("ポ", "windows-31j"), "\x83\x7C");
  const RecordingSink sink = Parse(raw, '|');
  EXPECT_EQ(sink.CellDump(), "0||名前\n0||メモ\n1|名前|ポール\n1|メモ|ポイント\n");
}

TEST(CsvTest, FullWidthCommaAndQuoteStayCharacters) {
  const RecordingSink sink = Parse("住所,メモ\n東京都，渋谷区,＂引用＂\n");
  ASSERT_EQ(sink.cells.size(), 4u);
  EXPECT_EQ(sink.cells[2].column, "住所");
  EXPECT_EQ(sink.cells[2].text, "東京都,渋谷区");  // normalized, but one field
  EXPECT_EQ(sink.cells[3].text, "\"引用\"");
}

TEST(CsvTest, TabSeparated) {
  const RecordingSink sink = Parse("card_no\texp\tcvv\n4980123456789011\t12/27\t123\n", '\t');
  EXPECT_EQ(sink.FindCell("4980123456789011")->column_kind, K::kCardNumber);
  EXPECT_EQ(sink.FindCell("12/27")->column_kind, K::kCardExpiry);
  EXPECT_EQ(sink.FindCell("123")->column_kind, K::kSecurityCode);
  EXPECT_EQ(sink.FindCell("123")->column, "cvv");
}

TEST(CsvTest, BomLoneCrAndLastLineWithoutLineEnd) {
  const RecordingSink sink = Parse(
      "\xEF\xBB\xBF"
      "E-mail,TEL\ra@example.com,03-1234-5678\rb@example.com,\"x");
  EXPECT_EQ(sink.CellDump(),
            "0||E-mail\n0||TEL\n1|E-mail|a@example.com\n1|TEL|03-1234-5678\n"
            "2|E-mail|b@example.com\n2|TEL|x\n");
}

TEST(CsvTest, UnclosedQuoteRunsToTheEnd) {
  const RecordingSink sink = Parse("a,b\n\"open,1\n2,3\n");
  EXPECT_EQ(sink.CellDump(), "1||a\n1||b\n2||open,1\n2,3\n\n");
}

TEST(CsvTest, Utf16IsDecodedFirst) {
  const std::string raw =
      "\xFF\xFE" + EncodeAs("メール,電話\r\ntaro@example.com,03-1234-5678\r\n", "UTF-16LE");
  const RecordingSink sink = Parse(raw);
  EXPECT_EQ(sink.CellDump(),
            "0||メール\n0||電話\n1|メール|taro@example.com\n1|電話|03-1234-5678\n");
}

TEST(CsvTest, ChunkBoundariesDoNotMatter) {
  const std::string utf8 =
      "氏名,メモ\r\n\"山田\r\n太郎\",\"a\"\"b\"\r\n佐藤,\"x,y\"\r\n鈴木,ポイント\r\n";
  for (const std::string& raw : {utf8, EncodeAs(utf8, "windows-31j"), EncodeAs(utf8, "EUC-JP")}) {
    const std::string expected = Parse(raw).CellDump();
    ASSERT_NE(expected, "");
    for (size_t chunk = 1; chunk <= 9; ++chunk) {
      RecordingSink sink;
      TrickleSource source(raw, 3);
      DelimitedOptions options;
      options.chunk_bytes = chunk;
      ASSERT_TRUE(ExtractDelimited(source, ',', sink, options).ok());
      EXPECT_EQ(sink.CellDump(), expected) << "chunk " << chunk;
    }
  }
}

// Rows read whole by the plain split (large pieces) and byte by byte by the
// tokenizer (one-byte pieces, where no row lies whole) give the same cells,
// offsets and lines, whatever quotes, delimiters and line ends they hold.
TEST(CsvTest, PlainSplitAgreesWithTheTokenizer) {
  const char* alphabet[] = {"a", "7", ",", "\"", "\"", "\r", "\n", "\n", " ", "山", "\t", ";"};
  const auto dump = [](const RecordingSink& sink) {
    std::string out;
    for (const auto& c : sink.cells) {
      out += std::to_string(c.row) + "|" + c.column + "|" + c.text + "|" +
             (c.offset ? std::to_string(*c.offset) : "-") + "|" + std::to_string(c.line) + "\n";
    }
    return out;
  };
  std::mt19937 rng(5);
  for (int round = 0; round < 400; ++round) {
    std::string raw = "氏名,電話,メモ\n";
    const int n = static_cast<int>(rng() % 200);
    for (int k = 0; k < n; ++k) raw += alphabet[rng() % std::size(alphabet)];
    DelimitedOptions bytewise;
    bytewise.chunk_bytes = 1;
    RecordingSink split, tokenized;
    MemorySource a(raw), b(raw);
    ASSERT_TRUE(ExtractDelimited(a, ',', split, {}).ok());
    ASSERT_TRUE(ExtractDelimited(b, ',', tokenized, bytewise).ok());
    ASSERT_EQ(dump(split), dump(tokenized)) << raw;
  }
}

TEST(CsvTest, HugeFieldIsCutAndTheRestScannedAsText) {
  DelimitedOptions options;
  options.max_field_bytes = 16;
  const RecordingSink sink = Parse(
      "memo,email\n\"0123456789abcdefTAIL-04-1234-5678 and more text\",a@example.com\n"
      "short,b@example.com\n",
      ',', options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("1 field over 16 bytes"), std::string::npos) << sink.reason;
  EXPECT_NE(sink.FindCell("0123456789abcdef"), nullptr);
  EXPECT_EQ(sink.AllText(), "TAIL-04-1234-567\n8 and more text");
  // The row goes on.
  EXPECT_EQ(sink.FindCell("a@example.com")->column, "email");
  EXPECT_EQ(sink.FindCell("b@example.com")->row, 2u);
}

TEST(CsvTest, HugeFieldAtTheDefaultLimitKeepsMemoryBounded) {
  std::string big = "memo\n\"";
  big.append(3 << 20, 'x');
  big += " 4980123456789011\"\nnext\n";
  const RecordingSink sink = Parse(big);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  ASSERT_FALSE(sink.cells.empty());
  size_t longest_text = 0;
  for (const auto& t : sink.texts) longest_text = std::max(longest_text, t.text.size());
  EXPECT_LE(longest_text, size_t{1} << 20);
  EXPECT_NE(sink.texts.back().text.find("4980123456789011"), std::string::npos);
  EXPECT_EQ(sink.FindCell("next")->row, 3u);  // no header: "memo" names nothing
}

TEST(CsvTest, Cp932FieldCutKeepsCharactersWhole) {
  DelimitedOptions options;
  options.max_field_bytes = 5;  // cuts inside a two-byte character
  const RecordingSink sink =
      Parse(EncodeAs("メモ\nあいうえおかきくけこ\n", "windows-31j"), ',', options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  std::string all;
  for (const auto& c : sink.cells) all += c.text;
  for (const auto& t : sink.texts) all += t.text;
  EXPECT_EQ(all, "メモあいうえおかきくけこ");
}

TEST(CsvTest, RowsOverTheFieldLimit) {
  DelimitedOptions options;
  options.max_row_fields = 3;
  const RecordingSink sink = Parse("a,b,c,d,e@example.com\n1,2\n", ',', options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("1 row over 3 fields"), std::string::npos) << sink.reason;
  EXPECT_EQ(sink.cells.size(), 5u);  // a b c, 1 2
  EXPECT_EQ(sink.AllText(), "d\ne@example.com");
}

TEST(CsvTest, RowsOverTheByteLimit) {
  DelimitedOptions options;
  options.max_row_bytes = 8;
  const RecordingSink sink = Parse("abcde,fghij,klm\nx,y\n", ',', options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_EQ(sink.FindCell("abcde")->row, 1u);
  EXPECT_EQ(sink.FindCell("fgh")->row, 1u);
  EXPECT_EQ(sink.AllText(), "ij\nklm");
  EXPECT_EQ(sink.FindCell("y")->row, 2u);
}

TEST(CsvTest, EmptyBinaryAndBadInput) {
  EXPECT_TRUE(Parse("").cells.empty());
  EXPECT_TRUE(Parse("\n\r\n,,\n").cells.empty());
  const RecordingSink binary = Parse(std::string("PK\x03\x04\0\0\0\0\x01\x02\0\0", 12));
  EXPECT_EQ(binary.status, ObjectStatus::kUnsupported);
  RecordingSink sink;
  MemorySource source("a,b");
  EXPECT_FALSE(ExtractDelimited(source, '"', sink).ok());
}

TEST(CsvTest, ReadErrorIsReported) {
  std::string bytes = "a,b\n";
  for (int i = 0; i < 20000; ++i) bytes += "x,y\n";  // past the first read
  RecordingSink sink;
  TrickleSource source(bytes, 1 << 20, /*fail_at_end=*/true);
  EXPECT_FALSE(ExtractDelimited(source, ',', sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("disk gone"), std::string::npos);
  EXPECT_GT(sink.cells.size(), 20000u);
}

TEST(CsvTest, ExpiredBudgetStops) {
  Limits limits;
  limits.max_seconds = 0;
  RecordingSink sink(limits);
  std::string bytes;
  for (int i = 0; i < 40000; ++i) bytes += "x,y\n";
  MemorySource source(bytes);
  // The deadline is "now": it passes before the second chunk.
  while (sink.budget().Expired().ok()) {
  }
  EXPECT_TRUE(ExtractDelimited(source, ',', sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("time budget"), std::string::npos);
}

TEST(CsvSniffTest, FindsTheDelimiter) {
  char d = 0;
  EXPECT_TRUE(LooksDelimited("name,email,phone\na,b,c\nd,e,f\n", &d));
  EXPECT_EQ(d, ',');
  EXPECT_TRUE(LooksDelimited("name\temail\nyamada\tx@example.com\nsato\ty@example.com\n", &d));
  EXPECT_EQ(d, '\t');
  EXPECT_TRUE(LooksDelimited("a;b;c\n1;2,5;3\n4;5;6\n7;8;9\n", &d));
  EXPECT_EQ(d, ';');
  EXPECT_TRUE(LooksDelimited("a|b\n1|2\n3|4\n", &d));
  EXPECT_EQ(d, '|');
  // Quoted line breaks and delimiters do not count; a title line is tolerated.
  EXPECT_TRUE(LooksDelimited("顧客一覧\nid,memo\n1,\"x,\ny\"\n2,z\n3,w\n4,v\n", &d));
  EXPECT_EQ(d, ',');
}

TEST(CsvSniffTest, ProseIsNotATable) {
  char d = 0;
  EXPECT_FALSE(LooksDelimited("Hello, world.\nThis is text, with commas, here.\nAnd more.\n", &d));
  EXPECT_FALSE(LooksDelimited("one line, only\n", &d));
  EXPECT_FALSE(LooksDelimited("a\nb\nc\nd\n", &d));
  EXPECT_FALSE(LooksDelimited("", &d));
}

// Cells know where they are in the file: byte offset and line, also after
// a quoted line break.
TEST(CsvTest, CellsCarryOffsetsAndLines) {
  const std::string csv = "氏名,メモ\n山田 太郎,\"一行目\n二行目\"\n佐藤 花子,x\n";
  const RecordingSink sink = Parse(csv);
  ASSERT_EQ(sink.cells.size(), 6u);  // the header's two cells come first, as row 0
  EXPECT_EQ(sink.cells[0].line, 1u);
  EXPECT_EQ(sink.cells[2].offset, csv.find("山田"));
  EXPECT_EQ(sink.cells[2].line, 2u);
  EXPECT_EQ(sink.cells[3].offset, csv.find("一行目"));
  EXPECT_EQ(sink.cells[3].line, 2u);
  EXPECT_EQ(sink.cells[4].offset, csv.find("佐藤"));
  EXPECT_EQ(sink.cells[4].line, 4u);
  // Read three bytes at a time, the counts come out the same.
  DelimitedOptions tiny;
  tiny.chunk_bytes = 3;
  const RecordingSink pieces = Parse(csv, ',', tiny);
  ASSERT_EQ(pieces.cells.size(), 6u);
  EXPECT_EQ(pieces.cells[4].offset, csv.find("佐藤"));
  EXPECT_EQ(pieces.cells[4].line, 4u);
}

}  // namespace
}  // namespace mamori
