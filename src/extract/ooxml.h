// Office Open XML documents (xlsx, docx, pptx): zips of XML parts, read with
// ArchiveReader and walked with libxml2's streaming reader. Also the status of
// OLE2 compound files (password-protected OOXML, legacy .xls/.doc/.ppt).
//
// Every function reports through the sink, problems included (SetStatus with
// the part's name). The returned Status is Ok unless the document could not
// be opened at all; then the sink already got SetStatus(kError, same reason),
// so callers need not report it again.
#ifndef MAMORI_EXTRACT_OOXML_H_
#define MAMORI_EXTRACT_OOXML_H_

#include <string_view>

#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

// Each worksheet is a table: its rows go through TableReader, so cells
// arrive with sheet name, cell reference ("B7") and column header. Text of
// shared strings includes rich-text runs and leaves out phonetic (furigana)
// runs. Numbers are reported as stored ("4.9012345678901E+15" when Excel
// kept a 16-digit card number as a float); numbers in a date format become
// "YYYY/MM/DD". Cell comments and text boxes of drawings are reported as text
// with the sheet name. Embedded objects are reported as members.
Status ExtractXlsx(std::string_view bytes, std::string_view name, ExtractSink& sink);

// Body, headers, footers, footnotes, endnotes and comments, as text: a
// paragraph per line, table cells joined by tabs and rows by newlines (so a
// label cell and its value cell stay adjacent). Deleted (tracked) text is
// included: it is still in the file.
Status ExtractDocx(std::string_view bytes, std::string_view name, ExtractSink& sink);

// Slides in presentation order, each followed by its notes and comments;
// the location's `sheet` says "slide 3" or "slide 3 notes".
Status ExtractPptx(std::string_view bytes, std::string_view name, ExtractSink& sink);

// An OLE2 compound file: a password-protected OOXML document (it holds an
// "EncryptedPackage" stream) is kEncrypted; anything else (legacy
// .xls/.doc/.ppt, .msg…) is kUnsupported with the reason.
Status ExtractOle2(std::string_view bytes, ExtractSink& sink);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_OOXML_H_
