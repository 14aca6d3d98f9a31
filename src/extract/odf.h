// OpenDocument files (ods, odt): zips whose content.xml is walked with
// libxml2's streaming reader. A document encrypted with a password keeps its
// zip readable but its parts encrypted; META-INF/manifest.xml says so, and
// the document is reported kEncrypted.
//
// Like the OOXML extractors, everything is reported through the sink; the
// returned Status is Ok unless the document could not be opened at all (the
// sink already got SetStatus(kError, same reason)).
#ifndef MAMORI_EXTRACT_ODF_H_
#define MAMORI_EXTRACT_ODF_H_

#include <string_view>

#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

// Each table:table is a sheet fed to TableReader with its name and cell
// references ("B7"). Repeated rows and cells (table:number-rows-repeated,
// table:number-columns-repeated) cost nothing when empty; a non-empty one
// is reported at most kMaxOdfRepeat times, as further copies add no new
// value. Cell annotations and text outside cells are text with the sheet.
Status ExtractOds(std::string_view bytes, std::string_view name, ExtractSink& sink);

// Paragraphs and headings of content.xml (then headers and footers from
// styles.xml, then embedded sub-documents) as text: a paragraph per line,
// table cells joined by tabs and rows by newlines. Works for any ODF text
// layout (odp, odg too: their text is text:p as well).
Status ExtractOdt(std::string_view bytes, std::string_view name, ExtractSink& sink);

inline constexpr uint64_t kMaxOdfRepeat = 100;

}  // namespace mamori

#endif  // MAMORI_EXTRACT_ODF_H_
