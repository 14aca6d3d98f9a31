// Digit runs of long numbers only. The record filter's rules need many
// digits joined by a few separator bytes (13 for a card, 10 for a domestic
// phone, 8 after '+', 7 for a postal code), and such a number lies in one
// stretch of digits and separators at least that long. Most digits of logs
// and tables (dates, times, ids, amounts) lie in shorter stretches: one SIMD
// pass over the text finds the long ones, and only their runs are collected.
#ifndef MAMORI_ENGINE_DIGIT_STRETCH_H_
#define MAMORI_ENGINE_DIGIT_STRETCH_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "detectors/detector.h"

namespace mamori {

// A digit stretch is a maximal range of bytes each of which is an ASCII digit
// or one of `joiners` followed by a digit within `max_gap` bytes (a joiner
// that no digit follows closely cannot join two runs).
struct DigitStretchRule {
  std::string_view joiners;  // ASCII bytes, neither digits nor '@' (SIMD for up to 8)
  uint32_t max_gap;          // 1 to 63
  uint32_t min_digits;       // stretches with fewer digits are left out
};

// Sets *runs to the digit runs of `text` that lie in stretches holding at
// least rule.min_digits digits, in order, and *at_signs to the offset of
// every '@' (as FindDigitRunsAndAtSigns does). Uses AVX-512 where the CPU
// has it.
void FindRunsInLongDigitStretches(std::string_view text, const DigitStretchRule& rule,
                                  std::vector<DigitRun>* runs, std::vector<uint32_t>* at_signs);
// The same without AVX-512, for tests on machines that have it.
void FindRunsInLongDigitStretchesPortable(std::string_view text, const DigitStretchRule& rule,
                                          std::vector<DigitRun>* runs,
                                          std::vector<uint32_t>* at_signs);

}  // namespace mamori

#endif  // MAMORI_ENGINE_DIGIT_STRETCH_H_
