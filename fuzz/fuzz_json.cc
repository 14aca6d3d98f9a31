// JSON documents and NDJSON streams on arbitrary bytes: nlohmann's SAX
// parser behind our handler (no exception may escape), the depth limit, the
// resume-as-text path, line splitting with tight limits and tiny reads. The
// first byte picks the mode and the limits.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/json.h"
#include "extract/recording_sink_test_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const uint8_t control = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  mamori::JsonOptions options;
  options.max_depth = 1 + (control >> 1) % 16;
  options.chunk_bytes = 1 + (control >> 3) % 7;
  options.max_line_bytes = 4 + (control >> 5) * 16;
  mamori::RecordingSink sink;
  if (control & 1) {
    mamori::MemorySource source(bytes);
    if (!mamori::ExtractNdjson(source, sink, options).ok()) std::abort();
  } else if (!mamori::ExtractJson(bytes, sink, options).ok()) {
    std::abort();
  }
  for (const auto& cell : sink.cells) {
    if (cell.text.empty() || cell.row == 0) std::abort();
  }
  // Text is only what failed to parse, and that is always said.
  if (!sink.texts.empty() && sink.status != mamori::ObjectStatus::kIncomplete) std::abort();
  return 0;
}
