// The OOXML extractors on arbitrary bytes. The first byte picks a mode:
// the rest is either a whole package (xlsx, docx, pptx, OLE2) or one XML
// part put into an otherwise valid package, so the fuzzer reaches the XML
// walkers without having to forge zip checksums. Checks that every sheet
// cell carries its reference.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/office_zip_test_util.h"
#include "extract/ooxml.h"
#include "extract/recording_sink_test_util.h"

namespace {

using mamori::testing::MakeZip;
using mamori::testing::ZipParts;

const std::string kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Rels(const std::string& body) {
  return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
         body + "</Relationships>";
}

std::string Rel(const std::string& id, const std::string& type, const std::string& target) {
  return "<Relationship Id=\"" + id + "\" Type=\"" + kRel + type + "\" Target=\"" + target + "\"/>";
}

// An xlsx whose part `slot` (0 sheet, 1 shared strings, 2 styles, 3
// workbook, 4 comments, 5 pivot cache definition, 6 pivot cache records)
// is `xml`.
std::string Xlsx(int slot, const std::string& xml) {
  const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  std::string sheet = "<worksheet xmlns=\"" + ns + "\"><sheetData><row r=\"1\">";
  for (int i = 0; i < 4; ++i) {
    sheet += "<c t=\"s\"><v>" + std::to_string(i) + "</v></c><c s=\"" + std::to_string(i) +
             "\"><v>3" + std::to_string(i) + "000</v></c>";
  }
  sheet += "</row></sheetData></worksheet>";
  const std::string parts[7] = {
      sheet,
      "<sst xmlns=\"" + ns +
          "\"><si><t>a</t></si><si><r><t>b</t></r><rPh><t>c</t></rPh></si></sst>",
      "<styleSheet xmlns=\"" + ns + "\"><cellXfs><xf numFmtId=\"14\"/></cellXfs></styleSheet>",
      "<workbook xmlns=\"" + ns + "\" xmlns:r=\"" + kRel.substr(0, kRel.size() - 1) +
          "\"><sheets><sheet name=\"s\" r:id=\"rId1\"/></sheets></workbook>",
      "<comments xmlns=\"" + ns +
          "\"><commentList><comment ref=\"A1\"><text><t>n</t></text>"
          "</comment></commentList></comments>",
      "<pivotCacheDefinition xmlns=\"" + ns +
          "\"><cacheFields><cacheField name=\"a\"><sharedItems>"
          "<s v=\"x\"/></sharedItems></cacheField><cacheField name=\"b\"/></cacheFields>"
          "</pivotCacheDefinition>",
      "<pivotCacheRecords xmlns=\"" + ns +
          "\"><r><x v=\"0\"/><n v=\"1\"/></r></pivotCacheRecords>"};
  auto part = [&](int i) { return i == slot ? xml : parts[i]; };
  return MakeZip(
      {{"_rels/.rels", Rels(Rel("rId1", "officeDocument", "xl/workbook.xml"))},
       {"xl/workbook.xml", part(3)},
       {"xl/_rels/workbook.xml.rels",
        Rels(Rel("rId1", "worksheet", "worksheets/sheet1.xml") +
             Rel("rId2", "sharedStrings", "sharedStrings.xml") +
             Rel("rId3", "styles", "styles.xml") + Rel("rId4", "pivotCacheDefinition", "p/d.xml"))},
       {"xl/worksheets/_rels/sheet1.xml.rels", Rels(Rel("rId1", "comments", "../c.xml"))},
       {"xl/worksheets/sheet1.xml", part(0)},
       {"xl/sharedStrings.xml", part(1)},
       {"xl/styles.xml", part(2)},
       {"xl/c.xml", part(4)},
       {"xl/p/d.xml", part(5)},
       {"xl/p/_rels/d.xml.rels", Rels(Rel("rId1", "pivotCacheRecords", "r.xml"))},
       {"xl/p/r.xml", part(6)}});
}

std::string Docx(const std::string& xml) {
  return MakeZip({{"_rels/.rels", Rels(Rel("rId1", "officeDocument", "word/document.xml"))},
                  {"word/document.xml", xml}});
}

std::string Pptx(const std::string& xml) {
  return MakeZip({{"_rels/.rels", Rels(Rel("rId1", "officeDocument", "ppt/presentation.xml"))},
                  {"ppt/presentation.xml", "<p:presentation xmlns:p=\"p\" xmlns:r=\"" +
                                               kRel.substr(0, kRel.size() - 1) +
                                               "\"><p:sldIdLst><p:sldId r:id=\"rId1\"/>"
                                               "</p:sldIdLst></p:presentation>"},
                  {"ppt/_rels/presentation.xml.rels", Rels(Rel("rId1", "slide", "slides/s1.xml"))},
                  {"ppt/slides/s1.xml", xml}});
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  mamori::RecordingSink sink(mamori::testing::FuzzLimits());
  switch (data[0] % 13) {
    case 0:
      (void)mamori::ExtractXlsx(rest, "f.xlsx", sink);
      break;
    case 1:
      (void)mamori::ExtractDocx(rest, "f.docx", sink);
      break;
    case 2:
      (void)mamori::ExtractPptx(rest, "f.pptx", sink);
      break;
    case 3:
      (void)mamori::ExtractOle2(rest, sink);
      break;
    case 4:
    case 5:
    case 6:
    case 7:
    case 8:
    case 9:
    case 10:
      (void)mamori::ExtractXlsx(Xlsx(data[0] % 13 - 4, rest), "f.xlsx", sink);
      break;
    case 11:
      (void)mamori::ExtractDocx(Docx(rest), "f.docx", sink);
      break;
    default:
      (void)mamori::ExtractPptx(Pptx(rest), "f.pptx", sink);
      break;
  }
  // Sheet cells carry their reference; pivot cache records have none.
  for (const auto& cell : sink.cells) {
    if (cell.cell.empty() && cell.sheet.rfind("pivot cache ", 0) != 0) std::abort();
  }
  return 0;
}
