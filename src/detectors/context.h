// Context rules shared by all detectors: which label a value belongs to.
#ifndef MAMORI_DETECTORS_CONTEXT_H_
#define MAMORI_DETECTORS_CONTEXT_H_

#include <cstdint>
#include <initializer_list>

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

inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiDigit(c) || IsAsciiAlpha(c); }

// True when the byte before `begin` or at `end` is an ASCII letter or digit,
// i.e. the span is part of a longer token.
bool InsideLongerToken(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_CONTEXT_H_
