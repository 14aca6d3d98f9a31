#include "extract/odf.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/office_zip_test_util.h"
#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using testing::MakeZip;
using testing::OfficeFixture;
using testing::ZipParts;

constexpr const char* kNamespaces =
    " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
    " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
    " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"";

// An ods whose office:spreadsheet holds `body`.
std::string Ods(const std::string& body) {
  return MakeZip(
      {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
       {"content.xml", std::string("<office:document-content") + kNamespaces +
                           "><office:body><office:spreadsheet>" + body +
                           "</office:spreadsheet></office:body></office:document-content>"}});
}

std::string Cell(const std::string& text, const std::string& attrs = "") {
  return "<table:table-cell" + attrs + "><text:p>" + text + "</text:p></table:table-cell>";
}

bool HasText(const RecordingSink& sink, const std::string& needle) {
  return sink.AllText().find(needle) != std::string::npos;
}

// --- ods -----------------------------------------------------------------

TEST(OdfOds, CsvImportedByLibreOfficeGivesCellsWithHeaders) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractOds(OfficeFixture("customers.ods"), "customers.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const auto* mail = sink.FindCell("hanako.sato@example.jp");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->sheet, "customers");
  EXPECT_EQ(mail->cell, "C3");
  EXPECT_EQ(mail->column, "メールアドレス");
  EXPECT_EQ(mail->column_kind, LabelKind::kEmail);
  EXPECT_EQ(mail->row, 2u);
}

TEST(OdfOds, WorkbookWithTitleAnnotationRepeatsAndTwoSheets) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractOds(OfficeFixture("workbook.ods"), "workbook.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const auto* title = sink.FindCell("顧客一覧 2024年4月");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->row, 0u);
  // Shown in scientific notation, the stored value keeps all digits.
  const auto* card = sink.FindCell("4532015112830366");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->cell, "C3");
  EXPECT_EQ(card->column, "カード番号");
  const auto* birth = sink.FindCell("1975/08/30");
  ASSERT_NE(birth, nullptr);
  EXPECT_EQ(birth->column_kind, LabelKind::kBirthDate);
  // A row repeated twice is two rows; a million empty rows are nothing.
  int same = 0;
  for (const auto& c : sink.cells) same += c.text == "同上";
  EXPECT_EQ(same, 2);
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].text, "携帯 090-9988-7766 にも連絡可");  // no author
  EXPECT_EQ(sink.texts[0].where.sheet, "顧客一覧");
  EXPECT_EQ(sink.texts[0].where.cell, "B3");
  const auto* mail = sink.FindCell("tanaka@example.com");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->sheet, "メモ");
  EXPECT_EQ(mail->cell, "D1");
}

TEST(OdfOds, SpacesTabsAndLineBreaksInCells) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractOds(Ods("<table:table table:name=\"s\"><table:table-row>" +
                             Cell("03<text:s text:c=\"2\"/>1234<text:tab/>x<text:line-break/>y") +
                             Cell("<text:span>a</text:span>b") +
                             "<table:table-cell>"
                             "<text:p>p1</text:p><text:p>p2</text:p></table:table-cell>"
                             "</table:table-row></table:table>"),
                         "t.ods", sink)
                  .ok());
  EXPECT_NE(sink.FindCell("03  1234\tx\ny"), nullptr);
  EXPECT_NE(sink.FindCell("ab"), nullptr);
  EXPECT_NE(sink.FindCell("p1\np2"), nullptr);
}

TEST(OdfOds, HugeRepeatsAreBounded) {
  // A million rows of a thousand copies of one value: reported a bounded
  // number of times, without allocating for the empty ones. (How fast is a
  // benchmark question; here the exact cell count proves the bound.)
  const std::string body =
      "<table:table table:name=\"bomb\">"
      "<table:table-row table:number-rows-repeated=\"1048576\">" +
      Cell("090-1234-5678", " table:number-columns-repeated=\"1000\"") +
      "<table:table-cell table:number-columns-repeated=\"18446744073709551615\"/>"
      "</table:table-row>"
      "<table:table-row table:number-rows-repeated=\"99999999999999999999\">"
      "<table:table-cell table:number-columns-repeated=\"16384\"/></table:table-row>"
      "<table:table-row>" +
      Cell("last") + "</table:table-row></table:table>";
  RecordingSink sink;
  ASSERT_TRUE(ExtractOds(Ods(body), "bomb.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  EXPECT_EQ(sink.cells.size(), kMaxOdfRepeat * kMaxOdfRepeat + 1);
  const auto* last = sink.FindCell("last");
  ASSERT_NE(last, nullptr);
  EXPECT_EQ(last->cell, "A18446744073709551615");  // the row count saturates, never wraps
}

TEST(OdfOds, BillionLaughsDoesNotExpand) {
  const std::string content =
      testing::BillionLaughs(std::string("<office:document-content") + kNamespaces +
                                 "><office:body><office:spreadsheet><table:table "
                                 "table:name=\"s\"><table:table-row><table:table-cell><text:p>",
                             "</text:p></table:table-cell></table:table-row></table:table>"
                             "</office:spreadsheet></office:body></office:document-content>");
  RecordingSink sink;
  ASSERT_TRUE(ExtractOds(MakeZip({{"content.xml", content}}), "lol.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("content.xml: malformed XML"), std::string::npos) << sink.reason;
  for (const auto& c : sink.cells) EXPECT_LT(c.text.size(), 1000u);
}

TEST(OdfOds, TruncatedContentKeepsWhatWasRead) {
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    rows += "<table:table-row>" + Cell("row " + std::to_string(r)) + "</table:table-row>";
  }
  std::string zip = Ods("<table:table table:name=\"s\">" + rows + "</table:table>");
  RecordingSink sink;
  // Cut the XML itself: a zip whose content.xml stops mid-element.
  std::string content = std::string("<office:document-content") + kNamespaces +
                        "><office:body><office:spreadsheet><table:table table:name=\"s\">" + rows +
                        "<table:table-row><table:table-cell><text:p>cut";
  ASSERT_TRUE(ExtractOds(MakeZip({{"content.xml", content}}), "cut.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.FindCell("row 1"), nullptr);
  EXPECT_NE(sink.FindCell("row 80"), nullptr);
  // And cutting the zip anywhere never crashes.
  for (size_t cut = 0; cut < zip.size(); cut += 61) {
    RecordingSink s;
    (void)ExtractOds(std::string_view(zip).substr(0, cut), "cut.ods", s);
    if (cut < zip.size() / 2) {
      EXPECT_NE(s.status, ObjectStatus::kOk) << "cut at " << cut;
    }
  }
}

TEST(OdfOds, EncryptedDocument) {
  RecordingSink sink;
  EXPECT_TRUE(ExtractOds(OfficeFixture("encrypted.ods"), "encrypted.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kEncrypted);
  EXPECT_EQ(sink.reason, "encrypted document");
  EXPECT_TRUE(sink.cells.empty());
}

TEST(OdfOds, MissingContentAndNotAZipAreErrors) {
  RecordingSink no_content;
  EXPECT_FALSE(ExtractOds(MakeZip({{"mimetype", "x"}}), "x.ods", no_content).ok());
  EXPECT_EQ(no_content.status, ObjectStatus::kError);
  EXPECT_NE(no_content.reason.find("content.xml is missing"), std::string::npos);
  RecordingSink garbage;
  EXPECT_FALSE(ExtractOds("PK\x03\x04 broken", "x.ods", garbage).ok());
  EXPECT_EQ(garbage.status, ObjectStatus::kError);
}

TEST(OdfOds, ContentOverTheMemberLimitIsIncomplete) {
  std::string rows;
  for (int r = 0; r < 100; ++r) rows += "<table:table-row>" + Cell("x") + "</table:table-row>";
  Limits limits;
  limits.max_member_bytes = 1000;
  RecordingSink sink(limits);
  ASSERT_TRUE(ExtractOds(Ods("<table:table>" + rows + "</table:table>"), "x.ods", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("content.xml: member too large"), std::string::npos) << sink.reason;
}

// --- odt -----------------------------------------------------------------

TEST(OdfOdt, LetterFromLibreOffice) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractOdt(OfficeFixture("letter.odt"), "letter.odt", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const std::string all = sink.AllText();
  EXPECT_NE(all.find("電話番号：090-1234-5678"), std::string::npos) << all;
  // The footnote is a line of its own; its citation number is left out.
  EXPECT_NE(all.find("カード番号\t4532 0151 1283 0366\n有効期限 12/27"), std::string::npos) << all;
  EXPECT_NE(all.find("備考\nセキュリティコード 123 は削除済み\nを参照"), std::string::npos) << all;
  EXPECT_EQ(all.find("確認者"), std::string::npos) << all;  // annotation author
  EXPECT_NE(all.find("メールアドレス\tjiro.suzuki@example.ne.jp\n郵便番号\t〒100-0001"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("株式会社サンプル 03-6666-7777"), std::string::npos) << all;  // header
  EXPECT_NE(all.find("info@sample.example.jp"), std::string::npos) << all;         // footer
}

TEST(OdfOdt, EmbeddedObjectsAndMalformedParts) {
  const std::string doc = std::string("<office:document-content") + kNamespaces +
                          "><office:body><office:text><text:p>本文</text:p>";
  RecordingSink sink;
  ASSERT_TRUE(
      ExtractOdt(MakeZip({{"content.xml", doc + "</office:text></office:body>"
                                                "</office:document-content>"},
                          {"styles.xml", "<broken"},
                          {"Object 1/content.xml", doc + "<text:p>埋め込み 03-1111-2222"
                                                         "</text:p></office:text></office:body>"
                                                         "</office:document-content>"}}),
                 "x.odt", sink)
          .ok());
  EXPECT_TRUE(HasText(sink, "本文"));
  EXPECT_TRUE(HasText(sink, "埋め込み 03-1111-2222"));
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("styles.xml: malformed XML"), std::string::npos) << sink.reason;
}

}  // namespace
}  // namespace mamori
