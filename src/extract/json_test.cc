#include "extract/json.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>

#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using K = LabelKind;

RecordingSink Json(std::string_view text, const JsonOptions& options = {}) {
  RecordingSink sink;
  EXPECT_TRUE(ExtractJson(text, sink, options).ok());
  return sink;
}

RecordingSink Ndjson(std::string_view text, const JsonOptions& options = {}) {
  RecordingSink sink;
  MemorySource source(text);
  EXPECT_TRUE(ExtractNdjson(source, sink, options).ok());
  return sink;
}

TEST(JsonTest, NestedKeysTypeTheirValues) {
  const RecordingSink sink = Json(
      R"({"order_id": "A-1", "payment": {"cvv": "123", "card_no": "4980 1234 5678 9011",
          "card": {"number": "3530123456789018", "holder": "TARO YAMADA"}},
          "customer": {"name": "山田太郎", "contact": {"E-mail": "taro@example.com"}}})");
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  const auto* cvv = sink.FindCell("123");
  ASSERT_NE(cvv, nullptr);
  EXPECT_EQ(cvv->column, "cvv");
  EXPECT_EQ(cvv->column_kind, K::kSecurityCode);
  EXPECT_EQ(sink.FindCell("4980 1234 5678 9011")->column_kind, K::kCardNumber);
  // A key that names nothing alone is read with its parent: "card number".
  EXPECT_EQ(sink.FindCell("3530123456789018")->column, "number");
  EXPECT_EQ(sink.FindCell("3530123456789018")->column_kind, K::kCardNumber);
  EXPECT_EQ(sink.FindCell("TARO YAMADA")->column_kind, K::kCardHolder);
  EXPECT_EQ(sink.FindCell("山田太郎")->column_kind, K::kName);
  EXPECT_EQ(sink.FindCell("taro@example.com")->column_kind, K::kEmail);
  EXPECT_EQ(sink.FindCell("A-1")->column_kind, K::kNegative);
  // One document outside arrays is one record.
  for (const auto& c : sink.cells) EXPECT_EQ(c.row, 1u);
}

TEST(JsonTest, ArrayOfRecordsNumbersRows) {
  const RecordingSink sink = Json(
      R"([{"email": "a@example.com", "tags": ["x", "y"]}, {"email": "b@example.com"},
          "c@example.com"])");
  EXPECT_EQ(sink.CellDump(),
            "1|email|a@example.com\n1|tags|x\n1|tags|y\n2|email|b@example.com\n3||c@example.com\n");
}

TEST(JsonTest, RecordsInsideAnObject) {
  const RecordingSink sink = Json(
      R"({"count": 2, "customers": [{"tel": "03-1234-5678"}, {"tel": "090-1234-5678"}],
          "staff": [{"tel": "0120-123-456"}], "owner": "佐藤"})");
  EXPECT_EQ(sink.CellDump(),
            "1|count|2\n2|tel|03-1234-5678\n3|tel|090-1234-5678\n4|tel|0120-123-456\n"
            "1|owner|佐藤\n");
}

TEST(JsonTest, NumbersAreReportedAsWritten) {
  const RecordingSink sink = Json(
      R"({"card_number": 4980123456789011, "n": -42, "f": 1.5e3, "big": 12345678901234567890123,
          "flag": true, "none": null, "empty": ""})");
  EXPECT_EQ(sink.CellDump(),
            "1|card_number|4980123456789011\n1|n|-42\n1|f|1.5e3\n1|big|12345678901234567890123\n");
  EXPECT_EQ(sink.FindCell("4980123456789011")->column_kind, K::kCardNumber);
}

TEST(JsonTest, KeysThatAreValuesAreCells) {
  const RecordingSink sink = Json(R"({"taro@example.com": {"tel": "03-1234-5678"}})");
  const auto* key = sink.FindCell("taro@example.com");
  ASSERT_NE(key, nullptr);
  EXPECT_EQ(key->column, "");
  EXPECT_EQ(sink.FindCell("03-1234-5678")->column_kind, K::kPhone);
  EXPECT_EQ(sink.FindCell("tel"), nullptr);  // a label key is a header only
}

TEST(JsonTest, EscapesAndFullWidthKeys) {
  const RecordingSink sink = Json(R"({"\uff45\u30e1\u30fc\u30eb": "a\u0040example.com"})");
  const auto* cell = sink.FindCell("a@example.com");
  ASSERT_NE(cell, nullptr);
  EXPECT_EQ(cell->column, "ｅメール");
  EXPECT_EQ(cell->column_kind, K::kEmail);
}

TEST(JsonTest, TruncatedDocumentGoesOnAsText) {
  const std::string text = R"({"name": "山田", "email": "taro@exam)";
  const RecordingSink sink = Json(text);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("not valid JSON"), std::string::npos);
  EXPECT_EQ(sink.reason.find("taro"), std::string::npos);  // no input in the reason
  EXPECT_EQ(sink.FindCell("山田")->column_kind, K::kName);
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].text, R"(, "email": "taro@exam)");  // the key stays with its value
  EXPECT_EQ(sink.texts[0].offset, text.find(", \"email\""));
}

TEST(JsonTest, InvalidUtf8AndCommentsGoOnAsText) {
  // A document that is not UTF-8 is decoded as what it seems to be.
  const RecordingSink latin = Json("{\"a\": \"ok\", \"b\": \"\xff 090-1234-5678\"}");
  EXPECT_EQ(latin.status, ObjectStatus::kOk);
  ASSERT_EQ(latin.cells.size(), 2u);
  EXPECT_NE(latin.cells[1].text.find("090-1234-5678"), std::string::npos);
  // Invalid UTF-8 after the encoding sample fails to parse: that line is text.
  std::string lines;
  while (lines.size() < (100 << 10)) lines += "{\"a\": \"ok\"}\n";
  const RecordingSink bad = Ndjson(lines + "{\"b\": \"\xff 090-1234-5678\"}\n{\"c\": \"z\"}\n");
  EXPECT_EQ(bad.status, ObjectStatus::kIncomplete);
  EXPECT_NE(bad.AllText().find("090-1234-5678"), std::string::npos);
  EXPECT_NE(bad.FindCell("z"), nullptr);
  const RecordingSink comment = Json("{\"a\": 1 /* tel 03-1234-5678 */}");
  EXPECT_EQ(comment.status, ObjectStatus::kIncomplete);
  EXPECT_NE(comment.AllText().find("03-1234-5678"), std::string::npos);
}

TEST(JsonTest, ConcatenatedDocuments) {
  const RecordingSink sink = Json(R"({"tel": "1"} {"tel": "2"}[{"tel": "3"}])");
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  EXPECT_EQ(sink.CellDump(), "1|tel|1\n2|tel|2\n3|tel|3\n");
}

TEST(JsonTest, DepthLimit) {
  const auto nested = [](int depth) {
    return std::string(depth, '[') + "\"deep@example.com\"" + std::string(depth, ']');
  };
  const RecordingSink ok = Json(nested(512));
  EXPECT_EQ(ok.status, ObjectStatus::kOk);
  EXPECT_NE(ok.FindCell("deep@example.com"), nullptr);
  const RecordingSink deep = Json(nested(513));
  EXPECT_EQ(deep.status, ObjectStatus::kIncomplete);
  EXPECT_NE(deep.reason.find("deeper than 512"), std::string::npos);
  EXPECT_NE(deep.AllText().find("deep@example.com"), std::string::npos);
  // Far deeper input costs nothing more.
  const RecordingSink hostile = Json(std::string(1 << 20, '['));
  EXPECT_EQ(hostile.status, ObjectStatus::kIncomplete);
  JsonOptions shallow;
  shallow.max_depth = 2;
  EXPECT_EQ(Json(R"({"a": {"b": {"c": 1}}})", shallow).status, ObjectStatus::kIncomplete);
}

TEST(JsonTest, Cp932DocumentIsDecoded) {
  const std::string utf8 = R"({"氏名": "山田太郎", "電話番号": "０３－１２３４－５６７８"})";
  UErrorCode err = U_ZERO_ERROR;
  std::string raw(utf8.size() * 2, '\0');
  raw.resize(ucnv_convert("windows-31j", "UTF-8", raw.data(), static_cast<int32_t>(raw.size()),
                          utf8.data(), static_cast<int32_t>(utf8.size()), &err));
  ASSERT_TRUE(U_SUCCESS(err));
  const RecordingSink sink = Json(raw);
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
  ASSERT_NE(sink.FindCell("山田太郎"), nullptr);
  EXPECT_EQ(sink.FindCell("03-1234-5678")->column_kind, K::kPhone);
}

TEST(JsonTest, BinaryAndEmpty) {
  EXPECT_EQ(Json(std::string("\x00\x01\x02\x03\x00\x00\xff\xfe", 8)).status,
            ObjectStatus::kUnsupported);
  const RecordingSink empty = Json("  \n");
  EXPECT_EQ(empty.status, ObjectStatus::kOk);
  EXPECT_TRUE(empty.cells.empty());
}

TEST(JsonTest, RandomBytesNeverThrowOrCrash) {
  std::mt19937 rng(7);
  const std::string alphabet = "{}[]\":,0123456789.eE+-truefalsnl \\u\n\x80\xff";
  for (int i = 0; i < 2000; ++i) {
    std::string s;
    const int n = rng() % 64;
    for (int k = 0; k < n; ++k) s.push_back(alphabet[rng() % alphabet.size()]);
    RecordingSink sink;
    EXPECT_TRUE(ExtractJson(s, sink).ok());
    MemorySource source(s);
    EXPECT_TRUE(ExtractNdjson(source, sink).ok());
  }
}

TEST(JsonNdjsonTest, LinesAreRowsAndABrokenLineIsText) {
  const std::string text =
      "{\"level\":\"info\",\"email\":\"a@example.com\"}\r\n"
      "\n"
      "{\"level\":\"info\",\"email\":\"b@exa\n"
      "{\"message\":\"user taro@example.com paid with 4980123456789011\","
      "\"user\":{\"tel\":\"090-1234-5678\"}}\n";
  const RecordingSink sink = Ndjson(text);
  EXPECT_EQ(sink.CellDump(),
            "1|level|info\n1|email|a@example.com\n3|level|info\n"
            "4|message|user taro@example.com paid with 4980123456789011\n4|tel|090-1234-5678\n");
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].text, ",\"email\":\"b@exa");
  EXPECT_EQ(sink.texts[0].where.row, 3u);
  EXPECT_EQ(sink.texts[0].line, 3u);  // findings in it point at their line
  EXPECT_EQ(sink.texts[0].offset, text.find(",\"email\":\"b@exa"));
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("1 of 3 lines not valid JSON (first: line 3)"), std::string::npos)
      << sink.reason;
  EXPECT_EQ(sink.FindCell("090-1234-5678")->column_kind, K::kPhone);
}

TEST(JsonNdjsonTest, ChunkSizesDoNotMatter) {
  std::string text;
  for (int i = 0; i < 50; ++i) {
    text += "{\"id\":" + std::to_string(i) + ",\"電話\":\"03-1234-" + std::to_string(1000 + i) +
            "\",\"note\":\"日本語のメモ\"}\n";
  }
  text += "not json 090-1234-5678";
  const RecordingSink whole = Ndjson(text);
  for (size_t chunk : {1, 2, 3, 7, 64}) {
    JsonOptions options;
    options.chunk_bytes = chunk;
    const RecordingSink sink = Ndjson(text, options);
    EXPECT_EQ(sink.CellDump(), whole.CellDump()) << chunk;
    EXPECT_EQ(sink.AllText(), "not json 090-1234-5678") << chunk;
  }
  EXPECT_EQ(whole.cells.back().row, 50u);
}

TEST(JsonNdjsonTest, OverlongLineIsTextInPieces) {
  JsonOptions options;
  options.max_line_bytes = 32;
  options.chunk_bytes = 5;
  const std::string line = "{\"memo\":\"" + std::string(40, 'x') + " あいう 03-1234-5678\"}";
  const RecordingSink sink = Ndjson(line + "\n{\"tel\":\"03-1234-5678\"}\n", options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("1 line over 32 bytes"), std::string::npos) << sink.reason;
  std::string all;
  for (const auto& t : sink.texts) {
    EXPECT_EQ(t.where.row, 1u);
    all += t.text;
  }
  EXPECT_EQ(all, line);
  EXPECT_EQ(sink.FindCell("03-1234-5678")->row, 2u);
}

TEST(JsonNdjsonTest, DeepLineAndUtf16) {
  const RecordingSink deep = Ndjson(std::string(600, '[') + "\n{\"a\":\"b\"}\n");
  EXPECT_EQ(deep.status, ObjectStatus::kIncomplete);
  EXPECT_NE(deep.reason.find("nested deeper than 512"), std::string::npos) << deep.reason;
  EXPECT_EQ(deep.FindCell("b")->row, 2u);

  const std::string utf8 = "{\"tel\":\"03-1234-5678\"}\n{\"tel\":\"090-1234-5678\"}\n";
  std::string raw = "\xFF\xFE";
  for (char c : utf8) {
    raw.push_back(c);
    raw.push_back('\0');
  }
  const RecordingSink sink = Ndjson(raw);
  EXPECT_EQ(sink.CellDump(), "1|tel|03-1234-5678\n2|tel|090-1234-5678\n");
}

}  // namespace
}  // namespace mamori
