// The OpenDocument extractors on arbitrary bytes. The first byte picks a
// mode: the rest is a whole package (ods, odt), or content.xml or the
// manifest of an otherwise valid package, so the fuzzer reaches the XML
// walkers without having to forge zip checksums. Checks that every cell
// carries its reference.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "extract/odf.h"
#include "extract/office_zip_test_util.h"
#include "extract/recording_sink_test_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const std::string rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  mamori::RecordingSink sink(mamori::testing::FuzzLimits());
  const std::string content =
      "<office:document-content "
      "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"/>";
  switch (data[0] % 5) {
    case 0:
      (void)mamori::ExtractOds(rest, "f.ods", sink);
      break;
    case 1:
      (void)mamori::ExtractOdt(rest, "f.odt", sink);
      break;
    case 2:
      (void)mamori::ExtractOds(mamori::testing::MakeZip({{"content.xml", rest}}), "f.ods", sink);
      break;
    case 3:
      (void)mamori::ExtractOdt(
          mamori::testing::MakeZip({{"content.xml", rest}, {"styles.xml", rest}}), "f.odt", sink);
      break;
    default:
      (void)mamori::ExtractOds(
          mamori::testing::MakeZip({{"META-INF/manifest.xml", rest}, {"content.xml", content}}),
          "f.ods", sink);
      break;
  }
  for (const auto& cell : sink.cells) {
    if (cell.cell.empty()) std::abort();
  }
  return 0;
}
