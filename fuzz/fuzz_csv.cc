// Delimited tables on arbitrary bytes: encoding detection, the raw and the
// decode-first tokenizers, field/row limits, header search. The first byte
// picks the delimiter, the read size and tight limits, so the spill paths
// run often. Checks the limits hold, data rows only go up, and a cell's own
// bytes are the input's at its offset.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "extract/csv.h"
#include "extract/recording_sink_test_util.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  static constexpr char kDelimiters[] = {',', '\t', ';', '|'};
  const uint8_t control = data[0];
  const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
  mamori::DelimitedOptions options;
  options.chunk_bytes = 1 + (control >> 2) % 13;
  options.max_field_bytes = 1 + (control >> 4) * 4;
  options.max_row_bytes = 3 * options.max_field_bytes;
  options.max_row_fields = 1 + (control >> 5);
  mamori::RecordingSink sink;
  mamori::MemorySource source(bytes);
  if (!mamori::ExtractDelimited(source, kDelimiters[control % 4], sink, options).ok()) {
    std::abort();  // memory never fails to read
  }
  // Decoding may grow a piece: a CP932 byte pair becomes up to 3 bytes, a
  // stray byte U+FFFD (3 bytes), and a character held over adds 4.
  const size_t bound = 3 * options.max_field_bytes + 8;
  uint64_t last_row = 0;
  for (const auto& cell : sink.cells) {
    if (cell.text.empty() || cell.text.size() > bound) std::abort();
    if (cell.row != 0) {
      if (cell.row < last_row) std::abort();
      last_row = cell.row;
    }
    if (cell.row == 0 && (!cell.column.empty() || cell.column_kind)) std::abort();
    if (!cell.raw.empty() && (!cell.offset || *cell.offset > bytes.size() ||
                              bytes.substr(*cell.offset, cell.raw.size()) != cell.raw)) {
      std::abort();
    }
  }
  for (const auto& text : sink.texts) {
    if (text.text.size() > bound) std::abort();
  }
  if (!sink.texts.empty() && sink.status != mamori::ObjectStatus::kIncomplete) std::abort();
  char delimiter = 0;
  if (mamori::LooksDelimited(bytes, &delimiter) && delimiter == 0) std::abort();
  return 0;
}
