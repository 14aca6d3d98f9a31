// PDF text through poppler's pdftotext, run as a child process: poppler is
// GPL, so mamori never links it. The PDF goes to the child through an
// anonymous in-memory file (memfd; a private unlinked temp file where memfd
// is missing), never through a named file another process could open.
#ifndef MAMORI_EXTRACT_PDF_H_
#define MAMORI_EXTRACT_PDF_H_

#include <chrono>
#include <string>
#include <string_view>

#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

struct PdfOptions {
  // The program, looked up on PATH unless it holds a '/'. Tests swap it.
  std::string pdftotext = "pdftotext";
  // How long the child may run; 0: the budget's max_seconds. The budget's
  // own deadline also stops it.
  std::chrono::milliseconds timeout{0};
};

// Reports each page with text as sink.Text(page, where.page = N), in page
// order. Statuses: no text layer at all -> kNoText; needs a user password
// -> kEncrypted; damaged -> kError with pdftotext's first message (cut
// before any quoted content); timeout or output over budget -> kIncomplete
// after the pages read so far; no pdftotext -> kUnsupported. The returned
// Status is not ok only when the child could not be run at all; the sink
// hears about that too.
Status ExtractPdf(std::string_view bytes, ExtractSink& sink);
Status ExtractPdf(std::string_view bytes, ExtractSink& sink, const PdfOptions& options);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_PDF_H_
