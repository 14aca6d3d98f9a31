// The contract between the finder and the detectors.
//
// The finder makes one pass over a normalized UTF-8 buffer and hands every
// detector the same candidates: runs of ASCII digits, '@' positions and label
// hits. A detector validates candidates, looks at their context and reports
// findings in buffer coordinates; the engine maps them back to the original
// bytes and lines.
#ifndef MAMORI_DETECTORS_DETECTOR_H_
#define MAMORI_DETECTORS_DETECTOR_H_

#include <bitset>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "engine/labels.h"
#include "mamori/types.h"

namespace mamori {

// A maximal run of ASCII digits [begin, end) in the buffer.
struct DigitRun {
  uint32_t begin;
  uint32_t end;
};

// A label matched in the buffer [begin, end). ASCII labels only match on
// word boundaries.
struct LabelHit {
  uint32_t begin;
  uint32_t end;
  LabelKind kind;
};

// Labels found on demand, for scans that consult them only next to rare
// values (card numbers alone): OwningLabel asks for a range instead of
// reading Candidates::labels.
class LabelSource {
 public:
  virtual ~LabelSource() = default;
  // The labels lying within [from, to) of the text, as the finder reports
  // them for that range (boundaries judged on the whole text).
  virtual std::span<const LabelHit> Within(uint32_t from, uint32_t to) const = 0;
  // The longest label in bytes.
  virtual uint32_t MaxLabelBytes() const = 0;
};

struct Candidates {
  std::string_view text;               // normalized UTF-8
  std::span<const DigitRun> runs;      // sorted by begin
  std::span<const uint32_t> at_signs;  // offsets of '@', sorted
  std::span<const LabelHit> labels;    // sorted by begin; empty when lazy_labels is set
  // The key or column header that names this whole text unit ("cvv" in
  // {"cvv": "123"}, a table column typed by its header); nullopt in free text.
  std::optional<LabelKind> unit_label;
  // The types the user asked for: a detector may skip work for the others
  // (their detections would be dropped anyway).
  std::bitset<kDataTypeCount> enabled = std::bitset<kDataTypeCount>().set();
  // Set instead of `labels` when labels are found on demand.
  const LabelSource* lazy_labels = nullptr;

  bool Wants(DataType t) const { return enabled.test(static_cast<size_t>(t)); }
};

// A finding in buffer coordinates.
struct Detection {
  DataType type;
  Confidence confidence;
  uint32_t begin;
  uint32_t end;
  std::string value;  // normalized: digits only for numbers
  std::string brand;
  bool test = false;
};

class Detector {
 public:
  virtual ~Detector() = default;
  // The types this detector can report; the engine skips detectors whose
  // types are all disabled.
  virtual std::bitset<kDataTypeCount> Types() const = 0;
  // Appends detections; called once per buffer with the same candidates
  // for all detectors. Must be thread-safe (const, no shared mutable state).
  virtual void Detect(const Candidates& in, std::vector<Detection>& out) const = 0;
  // Loads what the detector reads at run time (dictionaries, models) ahead
  // of its first Detect(), which otherwise loads it, with up to `threads`
  // threads. Thread-safe: the engine may call it on a helper thread while
  // scanning starts.
  virtual void Prepare(unsigned threads) const { (void)threads; }
};

}  // namespace mamori

#endif  // MAMORI_DETECTORS_DETECTOR_H_
