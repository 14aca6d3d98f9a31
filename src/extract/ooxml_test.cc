#include "extract/ooxml.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/office_zip_test_util.h"
#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using testing::MakeZip;
using testing::OfficeFixture;
using testing::ZipParts;

constexpr const char* kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr const char* kRelNs =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
constexpr const char* kRelType =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Rel(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRelType + type + "\" Target=\"" + target +
         "\"/>";
}

std::string Rels(const std::string& body) {
  return "<?xml version=\"1.0\"?><Relationships "
         "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         body + "</Relationships>";
}

// A one-sheet workbook ("名簿") with the given sheetData and shared strings.
ZipParts XlsxParts(const std::string& sheet_data, const std::string& shared = "",
                   const std::string& styles = "") {
  ZipParts parts = {
      {"[Content_Types].xml", "<Types/>"},
      {"_rels/.rels", Rels(Rel("rId1", "officeDocument", "xl/workbook.xml"))},
      {"xl/workbook.xml", std::string("<workbook xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelNs +
                              "\"><sheets><sheet name=\"名簿\" sheetId=\"1\" r:id=\"rId1\"/>"
                              "</sheets></workbook>"},
      {"xl/_rels/workbook.xml.rels",
       Rels(Rel("rId1", "worksheet", "worksheets/sheet1.xml") +
            (shared.empty() ? "" : Rel("rId2", "sharedStrings", "sharedStrings.xml")) +
            (styles.empty() ? "" : Rel("rId3", "styles", "styles.xml")))},
      {"xl/worksheets/sheet1.xml", std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" +
                                       sheet_data + "</sheetData></worksheet>"},
  };
  if (!shared.empty()) {
    parts.push_back(
        {"xl/sharedStrings.xml", std::string("<sst xmlns=\"") + kMain + "\">" + shared + "</sst>"});
  }
  if (!styles.empty()) {
    parts.push_back({"xl/styles.xml", std::string("<styleSheet xmlns=\"") + kMain + "\">" + styles +
                                          "</styleSheet>"});
  }
  return parts;
}

RecordingSink ExtractXlsxParts(const ZipParts& parts, const Limits& limits = Limits{}) {
  RecordingSink sink(limits);
  EXPECT_TRUE(ExtractXlsx(MakeZip(parts), "t.xlsx", sink).ok());
  return sink;
}

// A docx whose document.xml body is `body`.
ZipParts DocxParts(const std::string& body) {
  return {
      {"[Content_Types].xml", "<Types/>"},
      {"_rels/.rels", Rels(Rel("rId1", "officeDocument", "word/document.xml"))},
      {"word/document.xml",
       "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
       "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>" +
           body + "</w:body></w:document>"},
  };
}

// --- xlsx made by LibreOffice ------------------------------------------------

TEST(OoxmlXlsx, CsvImportedByLibreOfficeGivesCellsWithHeaders) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractXlsx(OfficeFixture("customers.xlsx"), "customers.xlsx", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const auto* mail = sink.FindCell("taro.yamada82@example.co.jp");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->sheet, "customers");
  EXPECT_EQ(mail->cell, "C2");
  EXPECT_EQ(mail->column, "メールアドレス");
  EXPECT_EQ(mail->column_kind, LabelKind::kEmail);
  EXPECT_EQ(mail->row, 1u);
  const auto* phone = sink.FindCell("03-5550-1234");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->cell, "B3");
  EXPECT_EQ(phone->row, 2u);
  // The 16-digit card number was imported as a number: stored (and
  // reported) as Calc rounded it to 15 significant digits.
  const auto* card = sink.FindCell("4532015112830370");
  ASSERT_NE(card, nullptr);
  EXPECT_EQ(card->column, "カード番号");
}

TEST(OoxmlXlsx, WorkbookWithRichTextDatesCommentsAndTwoSheets) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractXlsx(OfficeFixture("workbook.xlsx"), "workbook.xlsx", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  // A title of five rich-text runs is one string, above the header.
  const auto* title = sink.FindCell("顧客一覧 2024年4月");
  ASSERT_NE(title, nullptr);
  EXPECT_EQ(title->cell, "A1");
  EXPECT_EQ(title->row, 0u);
  const auto* phone = sink.FindCell("080-1122-3344");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->sheet, "顧客一覧");
  EXPECT_EQ(phone->column, "電話番号");
  EXPECT_EQ(phone->row, 1u);
  // A date cell is a serial number in a date format.
  const auto* birth = sink.FindCell("1975/08/30");
  ASSERT_NE(birth, nullptr);
  EXPECT_EQ(birth->cell, "D3");
  EXPECT_EQ(birth->column, "生年月日");
  ASSERT_NE(sink.FindCell("4532015112830370"), nullptr);
  // The cell comment, with its cell, without its author.
  bool comment = false;
  for (const auto& t : sink.texts) {
    if (t.text.find("090-9988-7766") != std::string::npos) {
      comment = true;
      EXPECT_EQ(t.where.sheet, "顧客一覧");
      EXPECT_EQ(t.where.cell, "B3");
    }
  }
  EXPECT_TRUE(comment);
  const auto* mail = sink.FindCell("tanaka@example.com");
  ASSERT_NE(mail, nullptr);
  EXPECT_EQ(mail->sheet, "メモ");
  EXPECT_EQ(mail->cell, "D1");
}

// --- xlsx made here --------------------------------------------------------

TEST(OoxmlXlsx, FuriganaRunsAreLeftOut) {
  const std::string shared =
      "<si><t>氏名</t><rPh sb=\"0\" eb=\"2\"><t>シメイ</t></rPh><phoneticPr fontId=\"1\"/></si>"
      "<si><r><rPr><b/></rPr><t>山田</t></r><r><t xml:space=\"preserve\"> 太郎</t></r>"
      "<rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh><rPh sb=\"3\" eb=\"5\"><t>タロウ</t></rPh>"
      "<phoneticPr fontId=\"1\" type=\"Hiragana\"/></si>";
  const std::string data =
      "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" "
      "t=\"inlineStr\"><is><t>電話</t></is></c></row>"
      "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>1</v></c><c r=\"B2\" "
      "t=\"inlineStr\"><is><r><t>03-</t></r>"
      "<r><t>1234-5678</t></r><rPh sb=\"0\" eb=\"1\"><t>ゼロサン</t></rPh></is></c></row>";
  RecordingSink sink = ExtractXlsxParts(XlsxParts(data, shared));
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const auto* name = sink.FindCell("山田 太郎");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->column, "氏名");
  EXPECT_EQ(name->cell, "A2");
  const auto* phone = sink.FindCell("03-1234-5678");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->column, "電話");
  for (const auto& c : sink.cells) {
    EXPECT_EQ(c.text.find("ヤマダ"), std::string::npos) << c.text;
    EXPECT_EQ(c.text.find("シメイ"), std::string::npos) << c.text;
    EXPECT_EQ(c.text.find("ゼロサン"), std::string::npos) << c.text;
  }
}

TEST(OoxmlXlsx, CellTypesAndCellsWithoutReferences) {
  const std::string data =
      "<row><c t=\"inlineStr\"><is><t>card</t></is></c><c t=\"inlineStr\"><is><t>ok</t></is></c>"
      "<c t=\"inlineStr\"><is><t>memo</t></is></c></row>"
      "<row><c><v>4.9012345678901E+15</v></c><c t=\"b\"><v>1</v></c>"
      "<c t=\"str\"><f>CONCAT(\"a\",\"b\")</f><v>ab_x000D_c</v></c></row>"
      "<row><c t=\"e\"><v>#N/A</v></c></row>";
  RecordingSink sink = ExtractXlsxParts(XlsxParts(data));
  const auto* number = sink.FindCell("4.9012345678901E+15");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->cell, "A2");
  const auto* formula = sink.FindCell("ab\rc");  // _x000D_ is an escaped CR
  ASSERT_NE(formula, nullptr);
  EXPECT_EQ(formula->cell, "C2");
  EXPECT_EQ(sink.FindCell("1"), nullptr);     // booleans are not reported
  EXPECT_EQ(sink.FindCell("#N/A"), nullptr);  // nor errors
  EXPECT_EQ(sink.FindCell("CONCAT(\"a\",\"b\")"), nullptr);
}

TEST(OoxmlXlsx, DateFormatsTurnSerialsIntoDates) {
  const std::string styles =
      "<numFmts><numFmt numFmtId=\"170\" "
      "formatCode=\"[$-411]ggge&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
      "<numFmt numFmtId=\"171\" formatCode=\"0.00E+00\"/></numFmts>"
      "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
      "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"170\"/><xf "
      "numFmtId=\"171\"/>"
      "<xf numFmtId=\"20\"/></cellXfs>";
  const std::string data =
      "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>29361</v></c><c r=\"B1\" s=\"2\"><v>32874.25</v></c>"
      "<c r=\"C1\" s=\"3\"><v>29361</v></c><c r=\"D1\" s=\"4\"><v>0.5</v></c>"
      "<c r=\"E1\" s=\"0\"><v>29361</v></c><c r=\"F1\" s=\"1\"><v>59</v></c>"
      "<c r=\"G1\" s=\"1\"><v>61</v></c><c r=\"H1\" s=\"9\"><v>7</v></c></row>";
  RecordingSink sink = ExtractXlsxParts(XlsxParts(data, "", styles));
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  EXPECT_NE(sink.FindCell("1980/05/20"), nullptr);  // built-in m/d/yyyy
  EXPECT_NE(sink.FindCell("1990/01/01"), nullptr);  // Japanese era format, time dropped
  EXPECT_EQ(sink.CellsIn("").size(), 8u);
  EXPECT_NE(sink.FindCell("0.5"), nullptr);  // a time format stays a number
  EXPECT_NE(sink.FindCell("1900/02/28"), nullptr);
  EXPECT_NE(sink.FindCell("1900/03/01"), nullptr);  // after Excel's 29 Feb 1900
  EXPECT_NE(sink.FindCell("7"), nullptr);           // a style index out of range
  int serials = 0;
  for (const auto& c : sink.cells) serials += c.text == "29361";
  EXPECT_EQ(serials, 2);  // scientific and General formats are no dates
}

TEST(OoxmlXlsx, Date1904System) {
  ZipParts parts = XlsxParts("<row><c s=\"1\"><v>0</v></c><c s=\"1\"><v>1462</v></c></row>", "",
                             "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/></cellXfs>");
  parts[2].second.replace(parts[2].second.find("<sheets>"), 0, "<workbookPr date1904=\"1\"/>");
  RecordingSink sink = ExtractXlsxParts(parts);
  EXPECT_NE(sink.FindCell("1908/01/02"), nullptr);
  EXPECT_NE(sink.FindCell("0"), nullptr);  // day 0 is no plausible date: kept
}

TEST(OoxmlXlsx, PivotCacheRecordsAreATable) {
  // The source sheet is gone; the cache Excel saved with the pivot table
  // still holds every row.
  ZipParts parts = XlsxParts("");
  parts[3].second =
      Rels(Rel("rId1", "worksheet", "worksheets/sheet1.xml") +
           Rel("rId9", "pivotCacheDefinition", "pivotCache/pivotCacheDefinition1.xml"));
  parts.push_back(
      {"xl/pivotCache/pivotCacheDefinition1.xml",
       std::string("<pivotCacheDefinition xmlns=\"") + kMain + "\" xmlns:r=\"" + kRelNs +
           "\" r:id=\"rId1\"><cacheSource type=\"worksheet\"><worksheetSource ref=\"A1:C3\" "
           "sheet=\"deleted\"/></cacheSource><cacheFields count=\"4\">"
           "<cacheField name=\"氏名\"><sharedItems><s v=\"山田 太郎\"/><s v=\"佐藤 花子\"/>"
           "</sharedItems></cacheField><cacheField name=\"電話番号\"><sharedItems/></cacheField>"
           "<cacheField name=\"calc\" databaseField=\"0\"><sharedItems><s v=\"no\"/></sharedItems>"
           "</cacheField><cacheField name=\"金額\"><sharedItems containsNumber=\"1\"/></cacheField>"
           "</cacheFields></pivotCacheDefinition>"});
  parts.push_back({"xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels",
                   Rels(Rel("rId1", "pivotCacheRecords", "pivotCacheRecords1.xml"))});
  parts.push_back({"xl/pivotCache/pivotCacheRecords1.xml",
                   std::string("<pivotCacheRecords xmlns=\"") + kMain +
                       "\" count=\"2\">"
                       "<r><x v=\"0\"/><s v=\"090-3344-7120\"/><n v=\"1200\"/></r>"
                       "<r><x v=\"1\"/><s v=\"03-5550-1234\"/><m/></r>"
                       "<r><x v=\"99\"/><s v=\"x\"/></r></pivotCacheRecords>"});
  RecordingSink sink = ExtractXlsxParts(parts);
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const auto* phone = sink.FindCell("03-5550-1234");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->sheet, "pivot cache 1");
  EXPECT_EQ(phone->column, "電話番号");
  EXPECT_EQ(phone->row, 2u);
  const auto* name = sink.FindCell("山田 太郎");
  ASSERT_NE(name, nullptr);
  EXPECT_EQ(name->column, "氏名");
  ASSERT_NE(sink.FindCell("1200"), nullptr);
  EXPECT_EQ(sink.FindCell("1200")->column, "金額");
  EXPECT_EQ(sink.FindCell("no"), nullptr);
}

TEST(OoxmlXlsx, ColumnsPastTheLimitBecomeTextWithoutAllocating) {
  const std::string data =
      "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>a</t></is></c>"
      "<c r=\"XFD1\" t=\"inlineStr\"><is><t>far</t></is></c>"
      "<c r=\"ZZZZZZZ1\" t=\"inlineStr\"><is><t>too far</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>out of order</t></is></c>"
      "<c r=\"B1\" t=\"inlineStr\"><is><t>twice</t></is></c></row>"
      "<row r=\"1048576\"><c r=\"A1048576\" t=\"inlineStr\"><is><t>last</t></is></c></row>";
  RecordingSink sink = ExtractXlsxParts(XlsxParts(data));
  ASSERT_NE(sink.FindCell("far"), nullptr);
  EXPECT_EQ(sink.FindCell("far")->cell, "XFD1");
  EXPECT_NE(sink.FindCell("out of order"), nullptr);
  EXPECT_EQ(sink.FindCell("last")->cell, "A1048576");
  bool too_far = false, twice = false;
  for (const auto& t : sink.texts) {
    too_far |= t.text == "too far" && t.where.cell == "ZZZZZZZ1" && t.where.sheet == "名簿";
    twice |= t.text == "twice" && t.where.cell == "B1";
  }
  EXPECT_TRUE(too_far);
  EXPECT_TRUE(twice);
}

TEST(OoxmlXlsx, SharedStringIndexOutOfRangeIsIncomplete) {
  RecordingSink sink = ExtractXlsxParts(
      XlsxParts("<row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>7</v></c><c t=\"s\"><v>x</v></c></row>",
                "<si><t>only</t></si>"));
  EXPECT_NE(sink.FindCell("only"), nullptr);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("2 cell(s)"), std::string::npos) << sink.reason;
}

TEST(OoxmlXlsx, BillionLaughsDoesNotExpand) {
  ZipParts parts = XlsxParts("");
  parts[4].second = testing::BillionLaughs(
      std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData><row><c t=\"inlineStr\"><is><t>",
      "</t></is></c></row></sheetData></worksheet>");
  RecordingSink sink = ExtractXlsxParts(parts);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("xl/worksheets/sheet1.xml"), std::string::npos) << sink.reason;
  for (const auto& c : sink.cells) EXPECT_LT(c.text.size(), 1000u);
}

TEST(OoxmlXlsx, ExternalEntitiesAreNotLoaded) {
  ZipParts parts = XlsxParts("", "<si/>");
  parts[5].second = std::string(
                        "<?xml version=\"1.0\"?><!DOCTYPE sst [<!ENTITY x SYSTEM "
                        "\"file:///etc/passwd\">]><sst xmlns=\"") +
                    kMain + "\"><si><t>a&x;b</t></si></sst>";
  parts[4].second = std::string("<worksheet xmlns=\"") + kMain +
                    "\"><sheetData><row><c t=\"s\"><v>0</v></c></row></sheetData></worksheet>";
  RecordingSink sink = ExtractXlsxParts(parts);
  ASSERT_EQ(sink.cells.size(), 1u);
  EXPECT_EQ(sink.cells[0].text, "ab");
}

TEST(OoxmlXlsx, MalformedSheetKeepsTheRowsBeforeTheDamage) {
  ZipParts parts = XlsxParts("");
  std::string rows;
  for (int r = 1; r <= 100; ++r) {
    rows += "<row r=\"" + std::to_string(r) + "\"><c r=\"A" + std::to_string(r) +
            "\" t=\"inlineStr\"><is><t>090-1111-" + std::to_string(1000 + r) +
            "</t></is></c></row>";
  }
  parts[4].second =
      std::string("<worksheet xmlns=\"") + kMain + "\"><sheetData>" + rows +
      "<row r=\"101\"><c r=\"A101\" t=\"inlineStr\"><is><t>03-3333</x></is></c></row>";
  RecordingSink sink = ExtractXlsxParts(parts);
  // libxml2 parses ahead in chunks: what the last chunk held is lost.
  EXPECT_NE(sink.FindCell("090-1111-1001"), nullptr);
  EXPECT_NE(sink.FindCell("090-1111-1090"), nullptr);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("xl/worksheets/sheet1.xml: malformed XML"), std::string::npos)
      << sink.reason;
}

TEST(OoxmlXlsx, DeepNestingIsRefused) {
  for (int depth : {230, 5000}) {
    ZipParts parts = XlsxParts("");
    std::string deep;
    for (int i = 0; i < depth; ++i) deep += "<x>";
    parts[4].second = std::string("<worksheet xmlns=\"") + kMain + "\">" + deep;
    RecordingSink sink = ExtractXlsxParts(parts);
    EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
    // Ours stops at 200; libxml2's own limit (256) may come first.
    EXPECT_TRUE(sink.reason.find("nested deeper than 200") != std::string::npos ||
                sink.reason.find("Excessive depth") != std::string::npos)
        << sink.reason;
  }
}

TEST(OoxmlXlsx, MissingSheetPartIsIncomplete) {
  ZipParts parts = XlsxParts("");
  parts.erase(parts.begin() + 4);
  RecordingSink sink = ExtractXlsxParts(parts);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("xl/worksheets/sheet1.xml is missing"), std::string::npos)
      << sink.reason;
}

TEST(OoxmlXlsx, PartOverTheMemberLimitIsIncomplete) {
  std::string data;
  for (int i = 0; i < 200; ++i) data += "<row><c t=\"inlineStr\"><is><t>x</t></is></c></row>";
  Limits limits;
  limits.max_member_bytes = 2000;
  RecordingSink sink = ExtractXlsxParts(XlsxParts(data), limits);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("sheet1.xml: member too large"), std::string::npos) << sink.reason;
  EXPECT_TRUE(sink.cells.empty());
}

TEST(OoxmlXlsx, TotalBudgetStopsAtTheLimit) {
  Limits limits;
  limits.max_total_bytes = 400;  // enough for the small parts only
  RecordingSink sink = ExtractXlsxParts(
      XlsxParts("<row><c t=\"inlineStr\"><is><t>" + std::string(1000, 'x') + "</t></is></c></row>"),
      limits);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_NE(sink.reason.find("over the limit"), std::string::npos) << sink.reason;
}

TEST(OoxmlXlsx, NotAZipAndNoWorkbookAreErrors) {
  RecordingSink garbage;
  EXPECT_FALSE(ExtractXlsx("definitely not a zip", "x.xlsx", garbage).ok());
  EXPECT_EQ(garbage.status, ObjectStatus::kError);
  RecordingSink empty;
  EXPECT_FALSE(ExtractXlsx(MakeZip({{"readme.txt", "hi"}}), "x.xlsx", empty).ok());
  EXPECT_EQ(empty.status, ObjectStatus::kError);
  EXPECT_NE(empty.reason.find("xl/workbook.xml is missing"), std::string::npos) << empty.reason;
}

TEST(OoxmlXlsx, TruncatedFilesNeverCrash) {
  const std::string whole = OfficeFixture("workbook.xlsx");
  for (size_t cut = 0; cut < whole.size(); cut += 97) {
    RecordingSink sink;
    (void)ExtractXlsx(std::string_view(whole).substr(0, cut), "cut.xlsx", sink);
    // Past the last part only the central directory is cut: all was read.
    if (cut < whole.size() / 2) {
      EXPECT_NE(sink.status, ObjectStatus::kOk) << "cut at " << cut;
    }
  }
}

// --- docx ------------------------------------------------------------------

TEST(OoxmlDocx, LetterFromLibreOffice) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractDocx(OfficeFixture("letter.docx"), "letter.docx", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  const std::string all = sink.AllText();
  // Label and value in different runs of one paragraph stay adjacent.
  EXPECT_NE(all.find("電話番号：090-1234-5678"), std::string::npos) << all;
  EXPECT_NE(all.find("カード番号\t4532 0151 1283 0366"), std::string::npos) << all;
  EXPECT_EQ(all.find("03661"), std::string::npos) << all;  // no footnote number glued on
  EXPECT_NE(all.find("メールアドレス\tjiro.suzuki@example.ne.jp\n郵便番号\t〒100-0001"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("株式会社サンプル 03-6666-7777"), std::string::npos) << all;        // header
  EXPECT_NE(all.find("お問い合わせ info@sample.example.jp"), std::string::npos) << all;  // footer
  EXPECT_NE(all.find("有効期限 12/27"), std::string::npos) << all;                       // footnote
  EXPECT_NE(all.find("セキュリティコード 123"), std::string::npos) << all;               // comment
}

TEST(OoxmlDocx, RunsTabsBreaksFallbacksAndDeletions) {
  const std::string body =
      "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>"
      "<w:r><w:t>TEL</w:t></w:r><w:r><w:tab/><w:t>03-</w:t></w:r><w:r><w:t>1234-5678</w:t></w:r>"
      "<w:r><w:br/><w:t>next line</w:t></w:r></w:p>"
      "<w:p><w:del><w:r><w:delText>削除 090-0000-1111</w:delText></w:r></w:del></w:p>"
      "<w:p><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:txbxContent><w:p><w:r><w:t>"
      "text box</w:t></w:r></w:p></w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent><w:p>"
      "<w:r><w:t>text "
      "box</w:t></w:r></w:p></w:txbxContent></mc:Fallback></mc:AlternateContent></w:p>"
      "<w:p/><w:p><w:r><w:t>end</w:t></w:r></w:p>";
  RecordingSink sink;
  ASSERT_TRUE(ExtractDocx(MakeZip(DocxParts(body)), "d.docx", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  EXPECT_EQ(sink.AllText(), "TEL\t03-1234-5678\nnext line\n削除 090-0000-1111\ntext box\nend");
}

TEST(OoxmlDocx, EmbeddedWorkbookIsAMember) {
  ZipParts parts = DocxParts("<w:p><w:r><w:t>see the table</w:t></w:r></w:p>");
  parts.push_back({"word/embeddings/Microsoft_Excel_Worksheet.xlsx", "PK fake"});
  RecordingSink sink;
  ASSERT_TRUE(ExtractDocx(MakeZip(parts), "d.docx", sink).ok());
  ASSERT_EQ(sink.members.size(), 1u);
  EXPECT_EQ(sink.members[0].name, "word/embeddings/Microsoft_Excel_Worksheet.xlsx");
  EXPECT_EQ(sink.members[0].bytes, "PK fake");
}

TEST(OoxmlDocx, MainPartFoundThroughRelationships) {
  ZipParts parts = DocxParts("<w:p><w:r><w:t>moved</w:t></w:r></w:p>");
  parts[1].second = Rels(Rel("rId1", "officeDocument", "/word/main%20doc.xml"));
  parts[2].first = "word/main doc.xml";
  RecordingSink sink;
  ASSERT_TRUE(ExtractDocx(MakeZip(parts), "d.docx", sink).ok());
  EXPECT_EQ(sink.AllText(), "moved");
}

TEST(OoxmlDocx, LongDocumentsComeInBoundedPieces) {
  std::string body;
  const std::string para = "<w:p><w:r><w:t>" + std::string(1000, 'a') + "</w:t></w:r></w:p>";
  for (int i = 0; i < 3000; ++i) body += para;
  RecordingSink sink;
  ASSERT_TRUE(ExtractDocx(MakeZip(DocxParts(body)), "d.docx", sink).ok());
  ASSERT_GE(sink.texts.size(), 2u);
  for (const auto& t : sink.texts) EXPECT_LE(t.text.size(), (1u << 20) + 1001);
  EXPECT_EQ(sink.AllText().size(), 3000u * 1001 - 1);
}

// --- pptx ------------------------------------------------------------------

TEST(OoxmlPptx, SlidesAndNotesInOrder) {
  RecordingSink sink;
  ASSERT_TRUE(ExtractPptx(OfficeFixture("slides.pptx"), "slides.pptx", sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  std::string slide1, slide2, notes2;
  for (const auto& t : sink.texts) {
    if (t.where.sheet == "slide 1") slide1 += t.text;
    if (t.where.sheet == "slide 2") slide2 += t.text;
    if (t.where.sheet == "slide 2 notes") notes2 += t.text;
  }
  EXPECT_NE(slide1.find("第1四半期 売上報告"), std::string::npos) << slide1;
  EXPECT_NE(slide2.find("問い合わせ先：090-5555-6666\n担当 kobayashi@example.org"),
            std::string::npos)
      << slide2;
  EXPECT_NE(notes2.find("3540 1123 4567 8902"), std::string::npos) << notes2;
  EXPECT_EQ(sink.texts.front().where.sheet, "slide 1");
}

// --- OLE2 --------------------------------------------------------------------

TEST(OoxmlOle2, PasswordProtectedXlsxIsEncrypted) {
  const std::string bytes = OfficeFixture("encrypted.xlsx");
  ASSERT_EQ(bytes.substr(0, 4), "\xD0\xCF\x11\xE0");
  RecordingSink sink;
  EXPECT_TRUE(ExtractOle2(bytes, sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kEncrypted);
  EXPECT_EQ(sink.reason, "password-protected Office document");
  // Handed to the zip reader by mistake, it is an error, not clean.
  RecordingSink as_zip;
  EXPECT_FALSE(ExtractXlsx(bytes, "encrypted.xlsx", as_zip).ok());
  EXPECT_EQ(as_zip.status, ObjectStatus::kError);
}

TEST(OoxmlOle2, LegacyBinaryIsUnsupported) {
  RecordingSink sink;
  EXPECT_TRUE(ExtractOle2(OfficeFixture("legacy.xls"), sink).ok());
  EXPECT_EQ(sink.status, ObjectStatus::kUnsupported);
  EXPECT_EQ(sink.reason, "legacy Office binary format (.xls/.doc/.ppt) is not supported");
  RecordingSink other;
  EXPECT_TRUE(ExtractOle2(std::string(4096, '\0'), other).ok());
  EXPECT_EQ(other.status, ObjectStatus::kUnsupported);
}

}  // namespace
}  // namespace mamori
