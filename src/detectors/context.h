// Context rules shared by all detectors: which label a value belongs to.
#ifndef MAMORI_DETECTORS_CONTEXT_H_
#define MAMORI_DETECTORS_CONTEXT_H_

#include <bitset>
#include <cstdint>
#include <initializer_list>
#include <optional>

#include "detectors/detector.h"

namespace mamori {

// How far before a value its label may stand, in bytes of normalized text
// (about 20 Japanese characters or 60 ASCII ones).
inline constexpr uint32_t kLabelWindow = 60;

// The label a value at `pos` belongs to: the nearest label that ends before
// `pos` within `window` bytes, not separated from it by more than one line
// break. The unit's key or column header counts when no closer label exists.
// Returns nullopt when there is none.
std::optional<LabelKind> OwningLabel(const Candidates& in, uint32_t pos,
                                     uint32_t window = kLabelWindow);

// True when the owning label of the value at `pos` is one of `kinds`.
bool LabelledAs(const Candidates& in, uint32_t pos, std::initializer_list<LabelKind> kinds,
                uint32_t window = kLabelWindow);

// Label-first search for detectors that only report labelled values: the
// stretches of a buffer where a label of some kinds may own a value, from
// where such a label begins to `reach` bytes past its end (everything when
// the unit's key is of those kinds). A superset of OwningLabel's reach, so
// values outside every zone can be skipped without looking at them.
class LabelZones {
 public:
  using Kinds = std::bitset<kLabelKindCount>;
  LabelZones(const Candidates& in, Kinds kinds, uint32_t reach = kLabelWindow);
  LabelZones(const Candidates& in, std::initializer_list<LabelKind> kinds,
             uint32_t reach = kLabelWindow)
      : LabelZones(in, KindsOf(kinds), reach) {}

  static Kinds KindsOf(std::initializer_list<LabelKind> kinds) {
    Kinds set;
    for (LabelKind k : kinds) set.set(static_cast<size_t>(k));
    return set;
  }

  // The first position at or after `pos` inside a zone; kNone when there is
  // none. Callers ask with non-decreasing `pos`.
  uint32_t NextFrom(uint32_t pos);

  static constexpr uint32_t kNone = UINT32_MAX;

 private:
  const Candidates& in_;
  Kinds kinds_;
  uint32_t reach_;
  size_t next_ = 0;             // the next label to look at
  uint32_t from_ = 0, to_ = 0;  // the current zone, [from_, to_); none at first
};

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

// True when the byte before `begin` or at `end` is an ASCII letter or digit,
// i.e. the span is part of a longer token.
bool InsideLongerToken(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_CONTEXT_H_
