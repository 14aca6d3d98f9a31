// What extractors of records (CSV rows, NDJSON lines) use to skip those that
// cannot hold a finding (ExtractSink::MayHoldFinding, engine/record_filter.h).
#ifndef MAMORI_EXTRACT_RECORD_SKIP_H_
#define MAMORI_EXTRACT_RECORD_SKIP_H_

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "extract/extractor.h"

namespace mamori {

// Whether any of `triggers` overlaps [begin, end): a cell no trigger touches
// (outside a column whose kind matters) holds no finding.
bool Touched(std::span<const TextSpan> triggers, size_t begin, size_t end);

// The sink's trigger spans for a whole piece of records, asked once per
// piece instead of once per record: what can make a finding never spans a
// line break (a chain of digits, a label, an '@', a run of Japanese text),
// so the spans of a record that lies in the piece are its own.
class PieceTriggers {
 public:
  // Asks `sink` about `piece` (UTF-8 as written). A piece that normalization
  // would change is not asked (its spans would not be in its own offsets).
  void Reset(ExtractSink& sink, std::string_view piece);
  // The same for a piece in `charset` (CP932, EUC-JP) as written, which the
  // sink may not be able to answer for (ExtractSink::TriggersOfEncoded),
  // for its records from offset `from` on: the bytes before it end a record
  // begun earlier, maybe in the middle of a character.
  void ResetEncoded(ExtractSink& sink, std::string_view piece, std::string_view charset,
                    size_t from);

  // Forgets the piece (it is gone).
  void Clear() { known_ = false; }

  // Whether the piece was asked. Then Record() answers for records in it
  // that begin at `begin` or later.
  bool Knows(size_t begin) const { return known_ && begin >= known_from_; }

  // The spans of the record [begin, end) of the piece, relative to begin,
  // into *out; true when there is any. Records are asked in order.
  bool Record(size_t begin, size_t end, std::vector<TextSpan>* out);

 private:
  void Sort();

  bool known_ = false;
  size_t known_from_ = 0;
  std::vector<TextSpan> spans_;  // sorted by begin
  size_t next_ = 0;              // first span not before the last record asked
  size_t reach_ = 0;             // furthest end of the spans before it
};

// Whether an extractor should try to skip its next record. Where records keep
// holding findings, trying costs time and saves none: after kPatience records
// in a row that could not be skipped, only every kEvery-th is tried until one
// is skipped again.
class SkipAttempts {
 public:
  bool Try() { return misses_ < kPatience || ++waited_ % kEvery == 0; }
  void Record(bool skipped) {
    misses_ = skipped ? 0 : misses_ + 1;
    if (skipped) waited_ = 0;
  }

 private:
  static constexpr uint32_t kPatience = 32;
  static constexpr uint32_t kEvery = 32;
  uint32_t misses_ = 0;
  uint32_t waited_ = 0;
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_RECORD_SKIP_H_
