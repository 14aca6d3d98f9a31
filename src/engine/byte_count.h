// Counting one byte value fast: line numbers need the line breaks in every
// chunk, and std::count is a byte loop at -O2.
#ifndef MAMORI_ENGINE_BYTE_COUNT_H_
#define MAMORI_ENGINE_BYTE_COUNT_H_

#include <cstddef>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mamori {

inline size_t CountByte(const char* data, size_t size, char byte) {
  size_t count = 0, i = 0;
#if defined(__SSE2__)
  // Matches subtract 1 (0xFF) from byte-wide counters; every 255 blocks the
  // counters are summed with SAD before they could wrap. No POPCNT needed.
  const __m128i needle = _mm_set1_epi8(byte);
  const __m128i zero = _mm_setzero_si128();
  while (i + 16 <= size) {
    __m128i acc = zero;
    for (int k = 0; k < 255 && i + 16 <= size; ++k, i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(v, needle));
    }
    const __m128i sums = _mm_sad_epu8(acc, zero);
    count += static_cast<size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i < size; ++i) count += data[i] == byte;
  return count;
}

}  // namespace mamori

#endif  // MAMORI_ENGINE_BYTE_COUNT_H_
