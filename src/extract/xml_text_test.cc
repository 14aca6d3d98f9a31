#include "extract/xml_text.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/office_zip_test_util.h"
#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using Event = XmlPull::Event;

TEST(OoxmlXmlText, CellNames) {
  EXPECT_EQ(ColumnName(0), "A");
  EXPECT_EQ(ColumnName(25), "Z");
  EXPECT_EQ(ColumnName(26), "AA");
  EXPECT_EQ(ColumnName(51), "AZ");
  EXPECT_EQ(ColumnName(52), "BA");
  EXPECT_EQ(ColumnName(701), "ZZ");
  EXPECT_EQ(ColumnName(702), "AAA");
  EXPECT_EQ(ColumnName(16383), "XFD");
  EXPECT_EQ(CellName(1, 7), "B7");
  for (uint64_t c : {0u, 25u, 26u, 701u, 702u, 16383u, 1000000u}) {
    uint64_t column = 0, row = 0;
    ASSERT_TRUE(ParseCellName(CellName(c, 42), &column, &row));
    EXPECT_EQ(column, c);
    EXPECT_EQ(row, 42u);
  }
  uint64_t column = 0, row = 0;
  EXPECT_TRUE(ParseCellName("$b$7", &column, &row));
  EXPECT_EQ(column, 1u);
  EXPECT_EQ(row, 7u);
  for (const char* bad : {"", "7B", "A0", "A", "B-1", "ABCDEFGHI1", "A1234567890123456789"}) {
    EXPECT_FALSE(ParseCellName(bad, &column, &row)) << bad;
  }
}

TEST(OoxmlXmlText, JoinerSeparatesParagraphsCellsAndRows) {
  TextJoiner j;
  j.EndParagraph();  // nothing yet: no leading newline
  j.Append("title");
  j.EndParagraph();
  j.Append("label");
  j.EndParagraph();
  j.EndCell();  // the cell end replaces the paragraph's line break
  j.Append("value");
  j.EndParagraph();
  j.EndCell();
  j.EndRow();
  j.EndCell();  // an empty first cell does not join the rows
  j.Append("second");
  j.EndParagraph();
  j.Append("");  // empty text adds no separator
  EXPECT_EQ(j.text(), "title\nlabel\tvalue\nsecond");
  j.Clear();
  j.Append("x");
  EXPECT_EQ(j.text(), "x");
}

TEST(OoxmlXmlText, PullEventsAttributesAndSkipping) {
  const std::string xml =
      "<?xml version=\"1.0\"?><!-- c --><x:root xmlns:x=\"urn:x\" xmlns:r=\"urn:r\" r:id=\"7\">"
      "<empty a=\"1\"/><skip><deep><t>hidden</t></deep></skip><t><![CDATA[a<b]]>&amp;c</t>"
      "</x:root>";
  XmlPull pull(xml);
  ASSERT_EQ(pull.Next(), Event::kStart);
  EXPECT_EQ(pull.name(), "root");
  EXPECT_EQ(pull.ns(), "urn:x");
  EXPECT_EQ(pull.Attr("id").value_or(""), "7");
  EXPECT_FALSE(pull.Attr("x").has_value());  // namespace declarations are no attributes
  ASSERT_EQ(pull.Next(), Event::kStart);
  EXPECT_EQ(pull.name(), "empty");
  EXPECT_EQ(pull.depth(), 1);
  EXPECT_EQ(pull.Attr("a").value_or(""), "1");
  ASSERT_EQ(pull.Next(), Event::kEnd);
  EXPECT_EQ(pull.name(), "empty");
  ASSERT_EQ(pull.Next(), Event::kStart);
  EXPECT_EQ(pull.name(), "skip");
  ASSERT_TRUE(pull.SkipElement());
  ASSERT_EQ(pull.Next(), Event::kStart);
  EXPECT_EQ(pull.name(), "t");
  std::string text;
  Event e;
  while ((e = pull.Next()) == Event::kText) text += pull.text();
  EXPECT_EQ(text, "a<b&c");
  EXPECT_EQ(e, Event::kEnd);
  ASSERT_EQ(pull.Next(), Event::kEnd);
  EXPECT_EQ(pull.Next(), Event::kDone);
  EXPECT_EQ(pull.Next(), Event::kDone);
  EXPECT_FALSE(pull.failed());
}

TEST(OoxmlXmlText, PullReportsTheFirstError) {
  XmlPull pull("<a>\n<b></c></a>");
  Event e;
  while ((e = pull.Next()) != Event::kDone && e != Event::kError) {
  }
  EXPECT_EQ(e, Event::kError);
  EXPECT_TRUE(pull.failed());
  EXPECT_NE(pull.error().find("malformed XML (line 2)"), std::string::npos) << pull.error();
  EXPECT_EQ(pull.Next(), Event::kError);
  XmlPull empty("");
  EXPECT_EQ(empty.Next(), Event::kError);
}

TEST(OoxmlXmlText, PullStopsWhenTheTimeBudgetIsUsedUp) {
  Limits limits;
  limits.max_seconds = 0;
  Budget budget(limits);
  std::string xml = "<a>";
  for (int i = 0; i < 10000; ++i) xml += "<b/>";
  xml += "</a>";
  XmlPull pull(xml, &budget);
  Event e;
  while ((e = pull.Next()) != Event::kDone && e != Event::kError) {
  }
  // A zero budget may or may not have expired at the first look.
  if (e == Event::kError) {
    EXPECT_NE(pull.error().find("time budget"), std::string::npos);
  }
}

TEST(OoxmlXmlText, OfficeZipReadsPartsInAnyOrder) {
  const std::string zip =
      testing::MakeZip({{"a.xml", "first"}, {"Dir/B.xml", "second"}, {"c.xml", "third"}});
  auto opened = OfficeZip::Open(zip, 100);
  ASSERT_TRUE(opened.ok());
  OfficeZip& parts = **opened;
  EXPECT_EQ(parts.names().size(), 3u);
  EXPECT_TRUE(parts.Has("dir/b.xml"));  // OPC names compare without case
  Budget budget{Limits{}};
  std::string out;
  bool encrypted = false;
  ASSERT_TRUE(parts.Read("c.xml", budget, &out, &encrypted).ok());
  EXPECT_EQ(out, "third");
  ASSERT_TRUE(parts.Read("a.xml", budget, &out, &encrypted).ok());  // backwards: reopens
  EXPECT_EQ(out, "first");
  ASSERT_TRUE(parts.Read("DIR/B.XML", budget, &out, &encrypted).ok());
  EXPECT_EQ(out, "second");
  EXPECT_EQ(parts.Read("none.xml", budget, &out, &encrypted).code(), Status::Code::kNotFound);
  auto few = OfficeZip::Open(zip, 2);
  ASSERT_TRUE(few.ok());
  EXPECT_NE((*few)->listing_error().find("more than 2 parts"), std::string::npos);
  EXPECT_FALSE(OfficeZip::Open("not a zip at all", 100).ok());
}

TEST(OoxmlXmlText, EncryptedPartIsReportedEncrypted) {
  const std::string zip = testing::MakeZip({{"content.xml", "<a/>"}}, "secret");
  RecordingSink sink;
  Status failed;
  auto parts = OpenOfficeZip(zip, sink, &failed);
  ASSERT_NE(parts, nullptr);
  std::string out;
  EXPECT_FALSE(LoadPart(*parts, "content.xml", sink, &out));
  EXPECT_EQ(sink.status, ObjectStatus::kEncrypted);
  EXPECT_EQ(sink.reason, "content.xml is encrypted");
}

TEST(OoxmlXmlText, SheetTableKeepsColumnsOfSparseRows) {
  RecordingSink sink;
  SheetTable table(sink, "s");
  table.Add(0, 1, "氏名");
  table.Add(3, 1, "電話番号");
  table.EndRow();
  table.Add(3, 2, "090-1234-5678");  // only the fourth column is filled
  table.Add(0, 2, "山田");           // out of order
  table.Add(SheetTable::kMaxColumns, 2, "beyond");
  table.EndRow();
  table.Finish();
  const auto* phone = sink.FindCell("090-1234-5678");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->column, "電話番号");
  EXPECT_EQ(phone->cell, "D2");
  ASSERT_NE(sink.FindCell("山田"), nullptr);
  EXPECT_EQ(sink.FindCell("山田")->column, "氏名");
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].text, "beyond");
  EXPECT_EQ(sink.texts[0].where.cell, "XFE2");
}

}  // namespace
}  // namespace mamori
