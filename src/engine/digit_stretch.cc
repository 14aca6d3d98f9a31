#include "engine/digit_stretch.h"

#include <algorithm>
#include <bit>

#include "detectors/context.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mamori {
namespace {

constexpr size_t kBlock = 64;
constexpr size_t kBatchBlocks = 256;  // masks are computed 16 KiB at a time

// One bit per byte of a 64-byte block.
struct BlockMasks {
  uint64_t digits = 0;
  uint64_t joiners = 0;
  uint64_t ats = 0;
};

bool IsJoiner(char c, std::string_view joiners) {
  // A handful of bytes: a loop, not a memchr call per byte.
  for (const char j : joiners) {
    if (c == j) return true;
  }
  return false;
}

// The masks of the n <= 64 bytes at p, byte by byte (the last block).
BlockMasks MaskBytes(const char* p, size_t n, std::string_view joiners) {
  BlockMasks m;
  for (size_t k = 0; k < n; ++k) {
    const uint64_t bit = uint64_t{1} << k;
    if (IsAsciiDigit(p[k])) {
      m.digits |= bit;
    } else if (p[k] == '@') {
      m.ats |= bit;
    } else if (IsJoiner(p[k], joiners)) {
      m.joiners |= bit;
    }
  }
  return m;
}

using MaskBlocksFn = void (*)(const char* p, size_t blocks, std::string_view joiners,
                              BlockMasks* out);

constexpr size_t kMaxSimdJoiners = 8;

void MaskBlocksScalar(const char* p, size_t blocks, std::string_view joiners, BlockMasks* out) {
  for (size_t b = 0; b < blocks; ++b) out[b] = MaskBytes(p + kBlock * b, kBlock, joiners);
}

void MaskBlocksPortable(const char* p, size_t blocks, std::string_view joiners, BlockMasks* out) {
#if defined(__SSE2__)
  __m128i join[kMaxSimdJoiners] = {};
  for (size_t k = 0; k < joiners.size(); ++k) join[k] = _mm_set1_epi8(joiners[k]);
  const __m128i zero_minus_one = _mm_set1_epi8('0' - 1);
  const __m128i nine_plus_one = _mm_set1_epi8('9' + 1);
  const __m128i at = _mm_set1_epi8('@');
  const auto bits = [](__m128i x) { return uint64_t{static_cast<uint16_t>(_mm_movemask_epi8(x))}; };
  for (size_t b = 0; b < blocks; ++b) {
    BlockMasks m;
    for (size_t q = 0; q < 4; ++q) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + kBlock * b + 16 * q));
      // Signed compares: bytes >= 0x80 are negative and never digits.
      const __m128i d =
          _mm_and_si128(_mm_cmpgt_epi8(v, zero_minus_one), _mm_cmplt_epi8(v, nine_plus_one));
      __m128i j = _mm_setzero_si128();
      for (size_t k = 0; k < joiners.size(); ++k) j = _mm_or_si128(j, _mm_cmpeq_epi8(v, join[k]));
      m.digits |= bits(d) << (16 * q);
      m.joiners |= bits(j) << (16 * q);
      m.ats |= bits(_mm_cmpeq_epi8(v, at)) << (16 * q);
    }
    out[b] = m;
  }
#else
  MaskBlocksScalar(p, blocks, joiners, out);
#endif
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx512bw"))) void MaskBlocksAvx512(const char* p, size_t blocks,
                                                                  std::string_view joiners,
                                                                  BlockMasks* out) {
  __m512i join[kMaxSimdJoiners] = {};
  for (size_t k = 0; k < joiners.size(); ++k) join[k] = _mm512_set1_epi8(joiners[k]);
  const __m512i zero = _mm512_set1_epi8('0');
  const __m512i nine = _mm512_set1_epi8(9);
  const __m512i at = _mm512_set1_epi8('@');
  for (size_t b = 0; b < blocks; ++b) {
    const __m512i v = _mm512_loadu_si512(p + kBlock * b);
    __mmask64 j = 0;
    for (size_t k = 0; k < joiners.size(); ++k) j |= _mm512_cmpeq_epi8_mask(v, join[k]);
    out[b] = {_mm512_cmple_epu8_mask(_mm512_sub_epi8(v, zero), nine), j,
              _mm512_cmpeq_epi8_mask(v, at)};
  }
}
#endif

// Tells whether a block has `n` consecutive one bits: x &= x >> shift for
// each shift marks where ever longer runs of ones start (n <= 64; longer
// runs cross blocks and are told by the caller's count of ones carried over).
class OnesRunTest {
 public:
  explicit OnesRunTest(uint32_t n) {
    if (n > kBlock) {
      never_ = true;
      return;
    }
    for (uint32_t have = 1; have < n;) {
      const uint32_t shift = std::min(have, n - have);
      shifts_[count_++] = shift;
      have += shift;
    }
  }
  bool operator()(uint64_t x) const {
    for (uint32_t k = 0; k < count_; ++k) x &= x >> shifts_[k];
    return !never_ && x != 0;
  }

 private:
  uint32_t shifts_[8] = {};  // doubling reaches 64 in 7 steps
  uint32_t count_ = 0;
  bool never_ = false;
};

class StretchFinder {
 public:
  StretchFinder(std::string_view text, const DigitStretchRule& rule, std::vector<DigitRun>* runs)
      : text_(text), rule_(rule), runs_(runs) {}

  // Byte i belongs to a stretch.
  bool InStretch(size_t i) const {
    if (IsAsciiDigit(text_[i])) return true;
    if (!IsJoiner(text_[i], rule_.joiners)) return false;
    for (size_t k = i + 1; k <= i + rule_.max_gap && k < text_.size(); ++k) {
      if (IsAsciiDigit(text_[k])) return true;
    }
    return false;
  }

  // Block b may hold part of a long stretch: its stretches, grown to their
  // whole length, are read byte by byte.
  void Scan(size_t b) {
    size_t begin = std::max(b * kBlock, scanned_to_);
    size_t end = std::min(b * kBlock + kBlock, text_.size());
    if (begin >= end) return;
    while (begin > scanned_to_ && InStretch(begin - 1)) --begin;
    while (end < text_.size() && InStretch(end)) ++end;
    size_t stretch_runs = runs_->size();  // where the stretch's runs start
    uint32_t stretch_digits = 0;
    bool in_stretch = false, in_run = false;
    for (size_t i = begin; i <= end; ++i) {
      const bool digit = i < end && IsAsciiDigit(text_[i]);
      if (digit && !in_run) runs_->push_back({static_cast<uint32_t>(i), 0});
      if (!digit && in_run) runs_->back().end = static_cast<uint32_t>(i);
      in_run = digit;
      const bool in = i < end && InStretch(i);
      if (in && !in_stretch) {
        stretch_runs = runs_->size() - (digit ? 1 : 0);
        stretch_digits = 0;
      }
      if (!in && in_stretch && stretch_digits < rule_.min_digits) runs_->resize(stretch_runs);
      in_stretch = in;
      stretch_digits += digit;
    }
    scanned_to_ = end;
  }

 private:
  std::string_view text_;
  const DigitStretchRule& rule_;
  std::vector<DigitRun>* runs_;
  size_t scanned_to_ = 0;  // bytes before it have been read
};

void FindRuns(std::string_view text, const DigitStretchRule& rule, MaskBlocksFn mask_blocks,
              std::vector<DigitRun>* runs, std::vector<uint32_t>* at_signs) {
  runs->clear();
  at_signs->clear();
  thread_local std::vector<BlockMasks> masks;
  StretchFinder finder(text, rule, runs);
  const size_t blocks = (text.size() + kBlock - 1) / kBlock;
  const size_t full_blocks = text.size() / kBlock;
  const OnesRunTest has_long_stretch(rule.min_digits);
  uint64_t carried = 0;  // stretch bytes at the end of the blocks before
  for (size_t first = 0; first < blocks; first += kBatchBlocks) {
    // One block more than the batch decides: its digits end the last one's stretches.
    const size_t count = std::min(kBatchBlocks + 1, blocks - first);
    const size_t simd = std::min(count, full_blocks - std::min(full_blocks, first));
    masks.resize(count);
    mask_blocks(text.data() + kBlock * first, simd, rule.joiners, masks.data());
    if (simd < count) {
      const size_t at = kBlock * (first + simd);
      masks[simd] = MaskBytes(text.data() + at, text.size() - at, rule.joiners);
    }
    for (size_t k = 0; k < std::min(kBatchBlocks, count); ++k) {
      const BlockMasks& m = masks[k];
      const size_t base = kBlock * (first + k);
      for (uint64_t a = m.ats; a != 0; a &= a - 1)
        at_signs->push_back(static_cast<uint32_t>(base + std::countr_zero(a)));
      const uint64_t next = k + 1 < count ? masks[k + 1].digits : 0;
      uint64_t digit_near = 0;  // a digit follows within max_gap bytes
      for (uint32_t g = 1; g <= rule.max_gap; ++g)
        digit_near |= (m.digits >> g) | (next << (64 - g));
      const uint64_t stretch = m.digits | (m.joiners & digit_near);
      if (carried + static_cast<uint64_t>(std::countr_one(stretch)) >= rule.min_digits ||
          has_long_stretch(stretch)) {
        finder.Scan(first + k);
      }
      carried = stretch == ~uint64_t{0} ? carried + kBlock : std::countl_one(stretch);
    }
  }
}

}  // namespace

void FindRunsInLongDigitStretchesPortable(std::string_view text, const DigitStretchRule& rule,
                                          std::vector<DigitRun>* runs,
                                          std::vector<uint32_t>* at_signs) {
  const bool simd = rule.joiners.size() <= kMaxSimdJoiners;
  FindRuns(text, rule, simd ? &MaskBlocksPortable : &MaskBlocksScalar, runs, at_signs);
}

void FindRunsInLongDigitStretches(std::string_view text, const DigitStretchRule& rule,
                                  std::vector<DigitRun>* runs, std::vector<uint32_t>* at_signs) {
#if defined(__x86_64__)
  static const bool avx512 =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  if (avx512 && rule.joiners.size() <= kMaxSimdJoiners)
    return FindRuns(text, rule, &MaskBlocksAvx512, runs, at_signs);
#endif
  FindRunsInLongDigitStretchesPortable(text, rule, runs, at_signs);
}

}  // namespace mamori
