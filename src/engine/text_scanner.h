// Scans text for findings: a byte stream in any supported encoding, read in
// bounded chunks, or one already-decoded unit from an extractor. One per
// thread; the compiled finder and detectors are shared read-only.
#ifndef MAMORI_ENGINE_TEXT_SCANNER_H_
#define MAMORI_ENGINE_TEXT_SCANNER_H_

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "detectors/detector.h"
#include "engine/byte_source.h"
#include "engine/collector.h"
#include "engine/encoding.h"
#include "engine/finder.h"
#include "engine/offset_map.h"
#include "engine/record_filter.h"
#include "engine/text_decoder.h"
#include "mamori/finding.h"
#include "mamori/options.h"

namespace mamori {

// What every scanner thread shares: compiled once, read-only.
struct ScanCore {
  ScanOptions options;
  std::unique_ptr<Finder> finder;
  std::vector<std::unique_ptr<Detector>> detectors;
  RecordFilter record_filter{ScanOptions::AllTypes()};
  // Labels are found only around values that ask for them (LabelSource):
  // when card numbers and tracks are all that is looked for, labels matter
  // only next to a valid card number, and those are rare.
  bool lazy_labels = false;

  static Result<std::unique_ptr<ScanCore>> Create(const ScanOptions& options);
};

class TextScanner {
 public:
  static Result<std::unique_ptr<TextScanner>> Create(const ScanCore& core);

  // Reads `source` to its end in chunks, detecting the encoding from the
  // first chunk unless the caller already did (`known`). Sets report->bytes,
  // encoding and, for binary or unreadable input, status and reason.
  // Findings go to `out`.
  void ScanStream(ByteSource& source, ObjectReport* report, FindingCollector* out,
                  const DetectedEncoding* known = nullptr);

  // Scans one UTF-8 text unit whose byte 0 is at `base_offset` of its object
  // and on line `base_line`. `unit_label` is the key or column header that
  // names the unit; `where` is copied into every finding.
  // When the text was decoded from the `extent` bytes at base_offset without
  // a byte-for-byte map (a cell of a stateful encoding whose bytes do not
  // decode alone), findings are kept within those bytes.
  void ScanUnit(std::string_view utf8, uint64_t base_offset, uint64_t base_line,
                std::optional<LabelKind> unit_label, const StructuredLocation& where,
                FindingCollector* out, uint64_t extent = 0);

  // Scans a unit in `encoding` (a mail body in its MIME charset) that sits
  // at `base_offset`, line `base_line`, of its object.
  void ScanEncodedUnit(std::string_view bytes, const DetectedEncoding& encoding,
                       uint64_t base_offset, uint64_t base_line,
                       std::optional<LabelKind> unit_label, const StructuredLocation& where,
                       FindingCollector* out);

  // Whether one record of a table (a CSV row, an NDJSON line, as written in
  // UTF-8) may hold a finding outside columns whose kind matters
  // (RecordFilter). Always true when the options turn the filter off.
  // With `triggers`, also the byte ranges that made it so (RecordFilter),
  // in utf8's own offsets when it is fold-free, else [0, size).
  bool MayHoldFinding(std::string_view utf8, std::vector<TextSpan>* triggers = nullptr);

  // MayHoldFinding's triggers for a record in CP932 or EUC-JP as written,
  // in its own offsets; false (nothing set) when the bytes cannot tell:
  // when the filter reads more than digits, gaps, '+' and '@', or when
  // something in the record folds to ASCII (IsFoldFreeEncoded).
  bool TriggersOfEncoded(std::string_view bytes, const DetectedEncoding& encoding,
                         std::vector<TextSpan>* triggers);

 private:
  explicit TextScanner(const ScanCore& core) : core_(core) {}

  // Runs the detectors over buffer_ and passes on the detections that end
  // in (settled_from, settle_to], mapped to original offsets and lines.
  void ScanBuffer(uint32_t settled_from, uint32_t settle_to, uint64_t lines_before,
                  std::optional<LabelKind> unit_label, const StructuredLocation& where,
                  FindingCollector* out);

  // The candidates RecordFilter needs (labels only when they matter).
  Candidates Find(std::string_view text);

  // Decodes a whole unit into buffer_ and map_.
  void DecodeUnit(std::string_view bytes, const DetectedEncoding& encoding, uint64_t base_offset);

  // ScanCore::lazy_labels: labels of buffer_ found when a detector asks.
  class LazyLabels final : public LabelSource {
   public:
    LazyLabels(const Finder& finder, Finder::Scratch& scratch)
        : finder_(finder), scratch_(scratch) {}
    void Reset(std::string_view text) { text_ = text; }
    std::span<const LabelHit> Within(uint32_t from, uint32_t to) const override {
      finder_.FindLabels(text_, from, to, scratch_, &hits_);
      return hits_;
    }
    uint32_t MaxLabelBytes() const override { return finder_.max_label_bytes(); }

   private:
    const Finder& finder_;
    Finder::Scratch& scratch_;
    std::string_view text_;
    mutable std::vector<LabelHit> hits_;
  };

  const ScanCore& core_;
  std::unique_ptr<Finder::Scratch> scratch_;
  std::unique_ptr<LazyLabels> lazy_labels_;
  CandidateBuffers candidates_;
  std::vector<Detection> detections_;
  std::string buffer_;  // normalized text
  OffsetMap map_;
  uint64_t unit_end_ = 0;  // ScanUnit's base_offset + extent; 0 when findings map exactly
  std::vector<char> raw_;
  std::unique_ptr<TextDecoder> utf8_decoder_;  // reused for every UTF-8 unit (table cells)
  // The decoder of the last other encoding, reused while units come in it
  // (every cell of a CP932 CSV: opening an ICU converter costs more than
  // decoding a cell).
  std::unique_ptr<TextDecoder> encoded_decoder_;
  DetectedEncoding encoded_as_;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_TEXT_SCANNER_H_
