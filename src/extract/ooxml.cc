#include "extract/ooxml.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "extract/xml_text.h"

namespace mamori {
namespace {

using Event = XmlPull::Event;

// ---------------------------------------------------------------------------
// Package structure: relationships and their targets.

struct Relationship {
  std::string id;
  std::string type;    // lower-cased
  std::string target;  // resolved to a part name; empty for external targets
};

// Relationship types end in a stable word (".../officeDocument",
// ".../worksheet") while their prefix differs between transitional and strict.
bool TypeIs(const Relationship& rel, std::string_view word) {
  const std::string w = "/" + AsciiLower(word);
  return rel.type.size() >= w.size() &&
         rel.type.compare(rel.type.size() - w.size(), w.size(), w) == 0;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// A relationship target is a URI relative to the source part's folder
// ("worksheets/sheet1.xml", "../media/x.png", "/xl/styles.xml").
std::string ResolveTarget(std::string_view source, std::string_view target) {
  std::string decoded;
  for (size_t i = 0; i < target.size(); ++i) {
    if (target[i] == '%' && i + 2 < target.size() && HexValue(target[i + 1]) >= 0 &&
        HexValue(target[i + 2]) >= 0) {
      decoded.push_back(static_cast<char>(HexValue(target[i + 1]) * 16 + HexValue(target[i + 2])));
      i += 2;
    } else {
      decoded.push_back(target[i] == '\\' ? '/' : target[i]);
    }
  }
  std::string path;
  if (decoded.empty() || decoded[0] != '/') {
    const size_t slash = source.find_last_of('/');
    if (slash != std::string_view::npos) path = std::string(source.substr(0, slash + 1));
  }
  path += decoded;
  std::vector<std::string> parts;
  size_t at = 0;
  while (at <= path.size()) {
    size_t end = path.find('/', at);
    if (end == std::string::npos) end = path.size();
    const std::string part = path.substr(at, end - at);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    at = end + 1;
  }
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "/") + p;
  return out;
}

// "xl/workbook.xml" -> "xl/_rels/workbook.xml.rels"; "" (the package) -> "_rels/.rels".
std::string RelsPart(std::string_view part) {
  const size_t slash = part.find_last_of('/');
  if (slash == std::string_view::npos) return "_rels/" + std::string(part) + ".rels";
  return std::string(part.substr(0, slash + 1)) + "_rels/" + std::string(part.substr(slash + 1)) +
         ".rels";
}

std::vector<Relationship> ReadRels(OfficeZip& zip, std::string_view part, ExtractSink& sink) {
  std::vector<Relationship> rels;
  const std::string rels_part = RelsPart(part);
  std::string bytes;
  if (!zip.Has(rels_part) || !LoadPart(zip, rels_part, sink, &bytes)) return rels;
  XmlPull xml(bytes, &sink.budget());
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    if (e != Event::kStart || xml.name() != "Relationship") continue;
    Relationship rel;
    rel.id = xml.Attr("Id").value_or("");
    rel.type = AsciiLower(xml.Attr("Type").value_or(""));
    if (AsciiLower(xml.Attr("TargetMode").value_or("")) != "external") {
      rel.target = ResolveTarget(part, xml.Attr("Target").value_or(""));
    }
    rels.push_back(std::move(rel));
  }
  ReportXmlEnd(xml, rels_part, sink);
  return rels;
}

const Relationship* FindRel(const std::vector<Relationship>& rels, std::string_view id) {
  for (const Relationship& r : rels) {
    if (r.id == id) return &r;
  }
  return nullptr;
}

// The main part the package relationships name, else the usual name. An
// empty result (reported as kError) means there is no document to read.
std::string MainPart(OfficeZip& zip, std::string_view usual, ExtractSink& sink, Status* failed) {
  for (const Relationship& rel : ReadRels(zip, "", sink)) {
    if (TypeIs(rel, "officeDocument") && zip.Has(rel.target)) return rel.target;
  }
  if (zip.Has(usual)) return std::string(usual);
  *failed = Status::Corrupt(std::string(usual) + " is missing: not an Office document");
  sink.SetStatus(ObjectStatus::kError, failed->message());
  return "";
}

// Objects embedded in the document (an Excel table inside a Word file)
// are nested objects the engine scans in their own right.
void ReportEmbeddings(OfficeZip& zip, std::string_view folder, ExtractSink& sink) {
  const std::string prefix = AsciiLower(folder);
  std::string bytes;
  for (const std::string& part : zip.names()) {
    if (part.empty() || AsciiLower(part).rfind(prefix, 0) != 0) continue;
    bool encrypted = false;
    const Status s = zip.Read(part, sink.budget(), &bytes, &encrypted);
    if (s.ok()) {
      sink.Member(part, bytes);
    } else {
      sink.MemberStatus(part, bytes.size(),
                        encrypted ? ObjectStatus::kEncrypted : ObjectStatus::kIncomplete,
                        encrypted ? "encrypted" : s.message(), encrypted);
    }
  }
}

// ---------------------------------------------------------------------------
// Text of WordprocessingML and DrawingML: the same local names (p, t, tab,
// br, tc, tr) serve docx bodies, slides, notes, comments and text boxes.

class MarkupText {
 public:
  // `text_element`: <text> holds text too (legacy pptx comments).
  MarkupText(ExtractSink& sink, const StructuredLocation& where, bool text_element)
      : sink_(sink), where_(where), text_element_(text_element) {}

  // Handles one event; false when the walk must stop.
  bool On(XmlPull& xml, Event e) {
    switch (e) {
      case Event::kStart:
        return OnStart(xml);
      case Event::kText:
        if (in_text_) out_.Append(xml.text());
        return true;
      case Event::kEnd:
        OnEnd(xml.name());
        return true;
      default:
        return false;
    }
  }
  void Flush() { FlushText(out_, sink_, where_, /*force=*/true); }

 private:
  bool OnStart(XmlPull& xml) {
    const std::string_view n = xml.name();
    // mc:Fallback repeats the mc:Choice content for old readers (text boxes
    // twice); rPh is furigana; pPr/rPr hold tab stops, not tabs.
    if (n == "Fallback" || n == "rPh" || n == "pPr" || n == "rPr" || n == "tabs" || n == "tabLst") {
      return xml.SkipElement();
    }
    if (n == "p") {
      // A text box inside a paragraph starts a line of its own.
      if (paragraphs_++ > 0) out_.EndParagraph();
    } else if (n == "t" || n == "delText" || n == "instrText" || (text_element_ && n == "text")) {
      in_text_ = true;
    } else if (n == "tab" || n == "ptab") {
      out_.Append("\t");
    } else if (n == "br" || n == "cr") {
      out_.Append("\n");
    } else if (n == "noBreakHyphen") {
      out_.Append("-");
    }
    return true;
  }

  void OnEnd(std::string_view n) {
    if (n == "t" || n == "delText" || n == "instrText" || n == "text") {
      in_text_ = false;
      if (n == "text") out_.EndParagraph();
    } else if (n == "p") {
      if (paragraphs_ > 0) --paragraphs_;
      out_.EndParagraph();
      FlushText(out_, sink_, where_, /*force=*/false);
    } else if (n == "tc") {
      out_.EndCell();
    } else if (n == "tr") {
      out_.EndRow();
    }
  }

  ExtractSink& sink_;
  const StructuredLocation& where_;
  const bool text_element_;
  TextJoiner out_;
  int paragraphs_ = 0;  // open <p> elements
  bool in_text_ = false;
};

// Reports the text of one markup part at `where`.
void MarkupPart(OfficeZip& zip, std::string_view part, const StructuredLocation& where,
                ExtractSink& sink, bool text_element = false) {
  std::string bytes;
  if (!LoadPart(zip, part, sink, &bytes)) return;
  XmlPull xml(bytes, &sink.budget());
  MarkupText text(sink, where, text_element);
  while (text.On(xml, xml.Next())) {
  }
  text.Flush();  // what was read before a parse error still counts
  ReportXmlEnd(xml, part, sink);
}

// ---------------------------------------------------------------------------
// docx

Status DocxImpl(std::string_view bytes, ExtractSink& sink) {
  Status failed;
  auto zip = OpenOfficeZip(bytes, sink, &failed);
  if (!zip) return failed;
  const std::string main = MainPart(*zip, "word/document.xml", sink, &failed);
  if (main.empty()) return failed;
  const StructuredLocation where;
  MarkupPart(*zip, main, where, sink);
  const std::vector<Relationship> rels = ReadRels(*zip, main, sink);
  for (const char* kind : {"header", "footer", "footnotes", "endnotes", "comments"}) {
    for (const Relationship& rel : rels) {
      if (TypeIs(rel, kind) && !rel.target.empty()) MarkupPart(*zip, rel.target, where, sink);
    }
  }
  ReportEmbeddings(*zip, "word/embeddings/", sink);
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// pptx

// Slide parts in presentation order (p:sldIdLst), else in relationship order.
std::vector<std::string> SlideOrder(OfficeZip& zip, const std::string& main, ExtractSink& sink) {
  const std::vector<Relationship> rels = ReadRels(zip, main, sink);
  std::vector<std::string> slides;
  std::string bytes;
  if (LoadPart(zip, main, sink, &bytes)) {
    XmlPull xml(bytes, &sink.budget());
    for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
      if (e != Event::kStart || xml.name() != "sldId") continue;
      const Relationship* rel = FindRel(rels, xml.Attr("id").value_or(""));
      if (rel && TypeIs(*rel, "slide") && !rel->target.empty()) slides.push_back(rel->target);
    }
    ReportXmlEnd(xml, main, sink);
  }
  if (slides.empty()) {
    for (const Relationship& rel : rels) {
      if (TypeIs(rel, "slide") && !rel.target.empty()) slides.push_back(rel.target);
    }
  }
  return slides;
}

Status PptxImpl(std::string_view bytes, ExtractSink& sink) {
  Status failed;
  auto zip = OpenOfficeZip(bytes, sink, &failed);
  if (!zip) return failed;
  const std::string main = MainPart(*zip, "ppt/presentation.xml", sink, &failed);
  if (main.empty()) return failed;
  std::vector<std::string> slides = SlideOrder(*zip, main, sink);
  const size_t listed_count = slides.size();
  // Slide parts the deck does not list: not shown, still in the file.
  std::set<std::string> listed;
  for (const std::string& s : slides) listed.insert(AsciiLower(s));
  for (const std::string& part : zip->names()) {
    const std::string lower = AsciiLower(part);
    if (lower.rfind("ppt/slides/", 0) == 0 && lower.find('/', 11) == std::string::npos &&
        lower.size() > 15 && lower.compare(lower.size() - 4, 4, ".xml") == 0 &&
        !listed.count(lower)) {
      slides.push_back(part);
    }
  }
  for (size_t i = 0; i < slides.size(); ++i) {
    StructuredLocation where;
    where.sheet = i < listed_count ? "slide " + std::to_string(i + 1) : "unlisted " + slides[i];
    if (!zip->Has(slides[i])) {
      sink.SetStatus(ObjectStatus::kIncomplete, "slide part " + slides[i] + " is missing");
      continue;
    }
    MarkupPart(*zip, slides[i], where, sink);
    for (const Relationship& rel : ReadRels(*zip, slides[i], sink)) {
      if (rel.target.empty()) continue;
      if (TypeIs(rel, "notesSlide")) {
        StructuredLocation notes;
        notes.sheet = where.sheet + " notes";
        MarkupPart(*zip, rel.target, notes, sink);
      } else if (TypeIs(rel, "comments")) {
        StructuredLocation comments;
        comments.sheet = where.sheet + " comments";
        MarkupPart(*zip, rel.target, comments, sink, /*text_element=*/true);
      }
    }
  }
  ReportEmbeddings(*zip, "ppt/embeddings/", sink);
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// xlsx

// OOXML escapes characters XML cannot hold as _xHHHH_ (and "_" before such
// a pattern as _x005F_).
void DecodeEscapes(std::string* s) {
  if (s->find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s->size());
  for (size_t i = 0; i < s->size(); ++i) {
    if (i + 6 < s->size() && (*s)[i] == '_' && (*s)[i + 1] == 'x' && (*s)[i + 6] == '_') {
      int cp = 0;
      bool hex = true;
      for (size_t k = i + 2; k < i + 6; ++k) {
        const int h = HexValue((*s)[k]);
        hex = hex && h >= 0;
        cp = cp * 16 + std::max(h, 0);
      }
      // A surrogate pair stays escaped rather than become invalid UTF-8.
      if (hex && (cp < 0xD800 || cp > 0xDFFF)) {
        if (cp < 0x80) {
          out.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
          out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        } else {
          out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
          out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
          out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
        }
        i += 6;
        continue;
      }
    }
    out.push_back((*s)[i]);
  }
  *s = std::move(out);
}

// Rich text (<si> of the shared strings, <is> of an inline cell): the <t> of
// the string and of its runs, without the phonetic runs <rPh>, whose
// furigana would glue a reading onto the value ("山田ヤマダ").
class RichText {
 public:
  // Handles an event inside the rich-text element; false when the walk ends.
  bool On(XmlPull& xml, Event e) {
    if (e == Event::kStart) {
      if (xml.name() == "rPh" || xml.name() == "phoneticPr") return xml.SkipElement();
      if (xml.name() == "t") in_t_ = true;
    } else if (e == Event::kEnd) {
      if (xml.name() == "t") in_t_ = false;
    } else if (e == Event::kText) {
      if (in_t_) text_.append(xml.text());
    } else {
      return false;
    }
    return true;
  }
  std::string Take() {
    DecodeEscapes(&text_);
    in_t_ = false;
    return std::move(text_);
  }

 private:
  std::string text_;
  bool in_t_ = false;
};

// The shared string table, packed: one pool and the end of each string.
class SharedStrings {
 public:
  void Add(std::string_view s) {
    pool_.append(s);
    ends_.push_back(pool_.size());
  }
  std::optional<std::string_view> Get(std::string_view index) const {
    uint64_t i = 0;
    if (index.empty() || index.size() > 12) return std::nullopt;
    for (char c : index) {
      if (c < '0' || c > '9') return std::nullopt;
      i = i * 10 + static_cast<uint64_t>(c - '0');
    }
    if (i >= ends_.size()) return std::nullopt;
    const uint64_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(pool_).substr(begin, ends_[i] - begin);
  }

 private:
  std::string pool_;
  std::vector<uint64_t> ends_;
};

void LoadSharedStrings(OfficeZip& zip, const std::string& part, ExtractSink& sink,
                       SharedStrings* strings) {
  std::string bytes;
  if (!LoadPart(zip, part, sink, &bytes)) return;
  XmlPull xml(bytes, &sink.budget());
  RichText si;
  bool in_si = false;
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    if (e == Event::kStart && xml.name() == "si") {
      in_si = true;
    } else if (e == Event::kEnd && xml.name() == "si") {
      in_si = false;
      strings->Add(si.Take());
    } else if (in_si && !si.On(xml, e)) {
      break;
    }
  }
  ReportXmlEnd(xml, part, sink);
}

// Built-in number formats that show a date (ECMA-376 18.8.30 and the
// East Asian ones Japanese Excel uses); times alone are not dates.
bool BuiltinDateFormat(uint64_t id) {
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) ||
         (id >= 50 && id <= 58);
}

// A custom format shows a date when it has y or d outside quoted text,
// [brackets] and escapes ("yyyy/mm/dd", "ggge\"年\"m\"月\"d\"日\"").
bool CustomDateFormat(std::string_view code) {
  bool quoted = false;
  for (size_t i = 0; i < code.size(); ++i) {
    const char c = code[i];
    if (c == '"') {
      quoted = !quoted;
    } else if (quoted) {
      continue;
    } else if (c == '\\' || c == '_' || c == '*') {
      ++i;  // the next character is literal or padding
    } else if (c == '[') {
      const size_t end = code.find(']', i);
      if (end == std::string_view::npos) return false;
      i = end;
    } else if (c == 'y' || c == 'Y' || c == 'd' || c == 'D') {
      return true;
    }
  }
  return false;
}

// For each cell format (the s="" of a cell): does it show a date?
std::vector<bool> LoadDateStyles(OfficeZip& zip, const std::string& part, ExtractSink& sink) {
  std::vector<bool> date_styles;
  std::string bytes;
  if (!zip.Has(part) || !LoadPart(zip, part, sink, &bytes)) return date_styles;
  std::unordered_map<uint64_t, bool> custom;
  bool in_cell_xfs = false;
  XmlPull xml(bytes, &sink.budget());
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    if (e == Event::kEnd && xml.name() == "cellXfs") in_cell_xfs = false;
    if (e != Event::kStart) continue;
    if (xml.name() == "numFmt") {
      const uint64_t id = std::strtoull(xml.Attr("numFmtId").value_or("0").c_str(), nullptr, 10);
      custom[id] = CustomDateFormat(xml.Attr("formatCode").value_or(""));
    } else if (xml.name() == "cellXfs") {
      in_cell_xfs = true;
    } else if (in_cell_xfs && xml.name() == "xf") {
      const uint64_t id = std::strtoull(xml.Attr("numFmtId").value_or("0").c_str(), nullptr, 10);
      const auto it = custom.find(id);
      date_styles.push_back(it != custom.end() ? it->second : BuiltinDateFormat(id));
    }
  }
  ReportXmlEnd(xml, part, sink);
  return date_styles;
}

// A date serial ("29361", "29361.5") as "YYYY/MM/DD"; nullopt when `v` is
// not a plausible date number.
std::optional<std::string> SerialDate(std::string_view v, bool date1904) {
  if (v.empty() || v.size() > 32) return std::nullopt;
  const std::string s(v);
  char* end = nullptr;
  const double serial = std::strtod(s.c_str(), &end);
  if (end != s.c_str() + s.size() || !(serial >= 1 && serial < 2958466)) return std::nullopt;
  int64_t days = static_cast<int64_t>(std::floor(serial));
  // Day 1 is 1900-01-01 and Excel counts a 29 Feb 1900 that never was;
  // in the 1904 system day 0 is 1904-01-01.
  if (date1904) {
    days += 1462;
  } else if (days < 60) {
    days += 1;
  }
  // Days since 1899-12-30 to civil date (Howard Hinnant's algorithm).
  int64_t z = days - 25569 + 719468;  // 1970-01-01 is serial 25569
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  const int64_t d = doy - (153 * mp + 2) / 5 + 1;
  const int64_t m = mp < 10 ? mp + 3 : mp - 9;
  const int64_t y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04lld/%02lld/%02lld", static_cast<long long>(y),
                static_cast<long long>(m), static_cast<long long>(d));
  return std::string(buf);
}

struct Workbook {
  struct Sheet {
    std::string name;
    std::string part;  // empty when the relationship is missing or not a worksheet
  };
  std::vector<Sheet> sheets;
  bool date1904 = false;
  SharedStrings strings;
  std::vector<bool> date_styles;
  std::vector<std::string> pivot_caches;  // cache definition parts
};

void LoadWorkbook(OfficeZip& zip, const std::string& main, ExtractSink& sink, Workbook* book) {
  const std::vector<Relationship> rels = ReadRels(zip, main, sink);
  std::string bytes;
  if (LoadPart(zip, main, sink, &bytes)) {
    XmlPull xml(bytes, &sink.budget());
    for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
      if (e != Event::kStart) continue;
      if (xml.name() == "workbookPr") {
        const std::string v = xml.Attr("date1904").value_or("");
        book->date1904 = v == "1" || v == "true";
      } else if (xml.name() == "sheet") {
        Workbook::Sheet sheet;
        sheet.name = xml.Attr("name").value_or("");
        const Relationship* rel = FindRel(rels, xml.Attr("id").value_or(""));
        // Chart and dialog sheets hold no cells.
        if (rel && (TypeIs(*rel, "worksheet") || TypeIs(*rel, "xlMacrosheet"))) {
          sheet.part = rel->target;
        } else if (!rel) {
          sink.SetStatus(ObjectStatus::kIncomplete, "sheet \"" + sheet.name + "\" has no part");
        }
        book->sheets.push_back(std::move(sheet));
      }
    }
    ReportXmlEnd(xml, main, sink);
  }
  for (const Relationship& rel : rels) {
    if (rel.target.empty()) continue;
    if (TypeIs(rel, "sharedStrings")) LoadSharedStrings(zip, rel.target, sink, &book->strings);
    if (TypeIs(rel, "styles")) book->date_styles = LoadDateStyles(zip, rel.target, sink);
    if (TypeIs(rel, "pivotCacheDefinition")) book->pivot_caches.push_back(rel.target);
  }
}

// One worksheet's <sheetData>, row by row into the table reader.
class SheetWalker {
 public:
  SheetWalker(const Workbook& book, const std::string& sheet, ExtractSink& sink)
      : book_(book), table_(sink, sheet) {}

  void Walk(XmlPull& xml) {
    for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
      if (in_cell_) {
        OnCellEvent(xml, e);
      } else if (e == Event::kStart) {
        OnStart(xml);
      } else if (e == Event::kEnd && xml.name() == "row") {
        table_.EndRow();
      }
    }
    table_.Finish();  // a row cut short by damage still counts
  }

  // Shared string indexes that point nowhere, in this sheet.
  uint64_t bad_indexes() const { return bad_indexes_; }

 private:
  void OnStart(XmlPull& xml) {
    if (xml.name() == "row") {
      table_.EndRow();
      const uint64_t r = std::strtoull(xml.Attr("r").value_or("").c_str(), nullptr, 10);
      row_ = r > 0 ? r : row_ + 1;
      next_column_ = 0;
    } else if (xml.name() == "c") {
      // r="B7" is optional: without it a cell follows the previous one.
      if (row_ == 0) row_ = 1;  // a cell outside any <row>
      if (!ParseCellName(xml.Attr("r").value_or(""), &column_, &cell_row_)) {
        column_ = next_column_;
        cell_row_ = row_;
      }
      next_column_ = column_ + 1;
      type_ = xml.Attr("t").value_or("n");
      style_ = std::strtoull(xml.Attr("s").value_or("0").c_str(), nullptr, 10);
      value_.clear();
      rich_ = RichText();
      in_cell_ = true;
      depth_ = xml.depth();
      in_v_ = in_is_ = false;
    }
  }

  void OnCellEvent(XmlPull& xml, Event e) {
    if (in_is_) {
      if (e == Event::kEnd && xml.name() == "is") {
        in_is_ = false;
      } else {
        rich_.On(xml, e);
      }
      return;
    }
    if (e == Event::kStart) {
      if (xml.name() == "v") {
        in_v_ = true;
      } else if (xml.name() == "is") {
        in_is_ = true;
      } else if (xml.name() == "f" || xml.name() == "extLst") {
        xml.SkipElement();  // formulas are not values; their results are in <v>
      }
    } else if (e == Event::kText && in_v_) {
      value_.append(xml.text());
    } else if (e == Event::kEnd) {
      if (xml.name() == "v") in_v_ = false;
      if (xml.name() == "c" && xml.depth() == depth_) EndCell();
    }
  }

  void EndCell() {
    in_cell_ = false;
    std::string text;
    if (type_ == "s") {
      if (auto s = book_.strings.Get(value_)) {
        text = *s;
      } else {
        ++bad_indexes_;
      }
    } else if (type_ == "inlineStr") {
      text = rich_.Take();
    } else if (type_ == "str" || type_ == "d") {
      text = value_;  // a formula's text result; an ISO date
      DecodeEscapes(&text);
    } else if (type_ == "n") {
      const bool date = style_ < book_.date_styles.size() && book_.date_styles[style_];
      std::optional<std::string> as_date = date ? SerialDate(value_, book_.date1904) : std::nullopt;
      text = as_date ? *as_date : value_;
    }
    // Booleans and error values (#N/A) cannot hold personal data.
    table_.Add(column_, cell_row_, std::move(text));
  }

  const Workbook& book_;
  SheetTable table_;
  uint64_t row_ = 0, cell_row_ = 0, next_column_ = 0, column_ = 0, style_ = 0;
  std::string type_, value_;
  RichText rich_;
  bool in_cell_ = false, in_v_ = false, in_is_ = false;
  int depth_ = 0;
  uint64_t bad_indexes_ = 0;
};

void WalkSheet(OfficeZip& zip, const Workbook& book, const Workbook::Sheet& sheet,
               ExtractSink& sink) {
  std::string bytes;
  if (!LoadPart(zip, sheet.part, sink, &bytes)) return;
  XmlPull xml(bytes, &sink.budget());
  SheetWalker walker(book, sheet.name, sink);
  walker.Walk(xml);
  ReportXmlEnd(xml, sheet.part, sink);
  if (walker.bad_indexes() > 0) {
    sink.SetStatus(ObjectStatus::kIncomplete, "sheet \"" + sheet.name +
                                                  "\": " + std::to_string(walker.bad_indexes()) +
                                                  " cell(s) point to missing shared strings");
  }
}

// Comments (one text unit per comment, with its cell) and the text boxes of
// a sheet's drawings.
void SheetExtras(OfficeZip& zip, const Workbook::Sheet& sheet, ExtractSink& sink) {
  for (const Relationship& rel : ReadRels(zip, sheet.part, sink)) {
    if (rel.target.empty()) continue;
    StructuredLocation where;
    where.sheet = sheet.name;
    if (TypeIs(rel, "drawing")) {
      MarkupPart(zip, rel.target, where, sink);
    } else if (TypeIs(rel, "comments")) {
      std::string bytes;
      if (!LoadPart(zip, rel.target, sink, &bytes)) continue;
      XmlPull xml(bytes, &sink.budget());
      MarkupText text(sink, where, /*text_element=*/false);
      for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
        if (e == Event::kStart && xml.name() == "comment") {
          text.Flush();
          where.cell = xml.Attr("ref").value_or("");
        } else if (e == Event::kEnd && xml.name() == "comment") {
          text.Flush();
        } else if (!text.On(xml, e)) {
          break;
        }
      }
      text.Flush();
      ReportXmlEnd(xml, rel.target, sink);
    }
  }
}

// The fields of a pivot cache: names, and the values records refer to by
// index (<x v="3"/>). Calculated fields have no place in the records.
struct PivotFields {
  std::vector<std::string> names;               // record order
  std::vector<std::vector<std::string>> items;  // per record field
};

PivotFields LoadPivotFields(std::string_view bytes, const std::string& part, ExtractSink& sink) {
  PivotFields fields;
  XmlPull xml(bytes, &sink.budget());
  bool in_field = false, in_items = false;
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    const std::string_view n = xml.name();
    if (e == Event::kEnd) {
      if (n == "cacheField") in_field = false;
      if (n == "sharedItems") in_items = false;
    } else if (e != Event::kStart) {
      continue;
    } else if (n == "cacheField") {
      in_field = xml.Attr("databaseField").value_or("1") != "0";
      if (in_field) {
        fields.names.push_back(xml.Attr("name").value_or(""));
        fields.items.emplace_back();
      }
    } else if (n == "sharedItems") {
      in_items = in_field;
    } else if (in_items && (n == "s" || n == "n" || n == "d" || n == "b" || n == "e" || n == "m")) {
      fields.items.back().push_back(xml.Attr("v").value_or(""));
    }
  }
  ReportXmlEnd(xml, part, sink);
  return fields;
}

// A pivot table's cache keeps a copy of its source rows (Excel saves it by
// default), and it outlives the source sheet: it is scanned as a table
// headed by the field names, named "pivot cache N".
void PivotCache(OfficeZip& zip, const std::string& definition, size_t number, ExtractSink& sink) {
  std::string bytes;
  if (!LoadPart(zip, definition, sink, &bytes)) return;
  const PivotFields fields = LoadPivotFields(bytes, definition, sink);
  std::string records;
  for (const Relationship& rel : ReadRels(zip, definition, sink)) {
    if (TypeIs(rel, "pivotCacheRecords") && !rel.target.empty()) records = rel.target;
  }
  if (records.empty() || !LoadPart(zip, records, sink, &bytes)) return;
  TableReader table(sink, "pivot cache " + std::to_string(number));
  std::vector<std::string> row(fields.names);
  auto add_row = [&] {
    std::vector<TableCell> cells;
    for (const std::string& text : row) cells.push_back({text, {}});
    table.AddRow(cells);
    row.clear();
  };
  add_row();  // the field names: the table's header
  XmlPull xml(bytes, &sink.budget());
  for (Event e = xml.Next(); e != Event::kDone && e != Event::kError; e = xml.Next()) {
    const std::string_view n = xml.name();
    if (e == Event::kEnd && n == "r") {
      add_row();
    } else if (e == Event::kStart && n == "x") {
      const size_t field = row.size();
      const uint64_t i = std::strtoull(xml.Attr("v").value_or("").c_str(), nullptr, 10);
      const bool known = field < fields.items.size() && i < fields.items[field].size();
      row.push_back(known ? fields.items[field][i] : "");
    } else if (e == Event::kStart && (n == "s" || n == "n" || n == "d" || n == "e")) {
      row.push_back(xml.Attr("v").value_or(""));
    } else if (e == Event::kStart && (n == "b" || n == "m")) {
      row.push_back("");  // booleans and missing values keep the columns aligned
    }
  }
  table.Finish();
  ReportXmlEnd(xml, records, sink);
}

Status XlsxImpl(std::string_view bytes, ExtractSink& sink) {
  Status failed;
  auto zip = OpenOfficeZip(bytes, sink, &failed);
  if (!zip) return failed;
  const std::string main = MainPart(*zip, "xl/workbook.xml", sink, &failed);
  if (main.empty()) return failed;
  Workbook book;
  LoadWorkbook(*zip, main, sink, &book);
  for (const Workbook::Sheet& sheet : book.sheets) {
    if (sheet.part.empty()) continue;
    if (!zip->Has(sheet.part)) {
      sink.SetStatus(ObjectStatus::kIncomplete, "sheet part " + sheet.part + " is missing");
      continue;
    }
    WalkSheet(*zip, book, sheet, sink);
    SheetExtras(*zip, sheet, sink);
  }
  for (size_t i = 0; i < book.pivot_caches.size(); ++i) {
    PivotCache(*zip, book.pivot_caches[i], i + 1, sink);
  }
  ReportEmbeddings(*zip, "xl/embeddings/", sink);
  return Status::Ok();
}

// ---------------------------------------------------------------------------
// OLE2

// A stream or storage of that name in the compound file's directory: the
// entry's UTF-16LE name sits at the start of a 128-byte directory entry,
// followed 64 bytes in by its byte length with the terminating NUL.
bool HasOle2Entry(std::string_view bytes, std::u16string_view name) {
  std::string needle;
  for (char16_t c : name) {
    needle.push_back(static_cast<char>(c & 0xFF));
    needle.push_back(static_cast<char>(c >> 8));
  }
  for (size_t at = bytes.find(needle); at != std::string_view::npos;
       at = bytes.find(needle, at + 1)) {
    if (at % 128 != 0 || at + 66 > bytes.size()) continue;
    const auto len = static_cast<uint16_t>(static_cast<uint8_t>(bytes[at + 64]) |
                                           static_cast<uint8_t>(bytes[at + 65]) << 8);
    if (len == (name.size() + 1) * 2) return true;
  }
  return false;
}

}  // namespace

Status ExtractXlsx(std::string_view bytes, std::string_view, ExtractSink& sink) {
  return XlsxImpl(bytes, sink);
}

Status ExtractDocx(std::string_view bytes, std::string_view, ExtractSink& sink) {
  return DocxImpl(bytes, sink);
}

Status ExtractPptx(std::string_view bytes, std::string_view, ExtractSink& sink) {
  return PptxImpl(bytes, sink);
}

Status ExtractOle2(std::string_view bytes, ExtractSink& sink) {
  if (HasOle2Entry(bytes, u"EncryptedPackage")) {
    sink.SetStatus(ObjectStatus::kEncrypted, "password-protected Office document");
    return Status::Ok();
  }
  // Debian has no maintained C/C++ library for the binary formats under a
  // licence that fits ours, so they are reported, never silently skipped.
  if (HasOle2Entry(bytes, u"Workbook") || HasOle2Entry(bytes, u"Book") ||
      HasOle2Entry(bytes, u"WordDocument") || HasOle2Entry(bytes, u"PowerPoint Document")) {
    sink.SetStatus(ObjectStatus::kUnsupported,
                   "legacy Office binary format (.xls/.doc/.ppt) is not supported");
  } else {
    sink.SetStatus(ObjectStatus::kUnsupported,
                   "OLE2 compound file (e.g. Outlook .msg, .msi) is not supported");
  }
  return Status::Ok();
}

}  // namespace mamori
