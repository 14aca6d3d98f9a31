#include "engine/text_decoder.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>

#include "detectors/context.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mamori {
namespace {

bool IsLongVowelMark(char32_t cp) { return cp == 0x30FC || cp == 0xFF70; }

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsDigitCodePoint(char32_t cp) {
  return (cp >= '0' && cp <= '9') || (cp >= 0xFF10 && cp <= 0xFF19);
}

const char* IcuName(Encoding e, const std::string& name) {
  switch (e) {
    case Encoding::kUtf16Le:
      return "UTF-16LE";
    case Encoding::kUtf16Be:
      return "UTF-16BE";
    case Encoding::kCp932:
      return "windows-31j";
    case Encoding::kEucJp:
      return "EUC-JP";
    case Encoding::kIso2022Jp:
      return "ISO-2022-JP";
    default:
      return name.c_str();
  }
}

// Bytes one character `cp` takes in the source encoding, from its first
// byte. ICU reports where a character starts, not where it ends.
size_t SourceCharLength(Encoding e, unsigned char lead, char32_t cp) {
  switch (e) {
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
      return 2;
    case Encoding::kCp932:
      return ((lead >= 0x81 && lead <= 0x9F) || (lead >= 0xE0 && lead <= 0xFC)) ? 2 : 1;
    case Encoding::kEucJp:
      return lead == 0x8F ? 3 : (lead >= 0x8E ? 2 : 1);
    case Encoding::kIso2022Jp:
      // One in ASCII, JIS-Roman (¥, ‾) and half-width katakana modes; two in
      // the JIS X 0208 and 0212 ones.
      return cp < 0x80 || cp == 0xA5 || cp == 0x203E || (cp >= 0xFF61 && cp <= 0xFF9F) ? 1 : 2;
    default:
      return 1;
  }
}

// Bytes of a UTF-8 character cut by the end of `s` (0 when the end is clean).
size_t CutTailLength(std::string_view s) {
  const size_t n = s.size();
  for (size_t back = 1; back <= 3 && back <= n; ++back) {
    const unsigned char c = static_cast<unsigned char>(s[n - back]);
    if (c < 0x80) return 0;
    if (c >= 0xC0) {
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      return len > back ? back : 0;
    }
  }
  return 0;
}

// How many bytes at the start of `s` finish a cut character (its
// continuation bytes) and then hold one more whole character: what a carried
// character (or a long vowel mark after a digit) needs to be decided.
size_t CompletingPrefixLength(std::string_view s) {
  size_t i = 0;
  const auto continuation = [&](size_t at) {
    return at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80;
  };
  while (i < 3 && continuation(i)) ++i;
  if (i < s.size()) ++i;  // the next character's first byte
  for (int k = 0; k < 3 && continuation(i); ++k) ++i;
  return i;
}

#if defined(__x86_64__)
// The AVX-512 form of NextFoldable's block loop: 64 bytes per step, the
// byte tests combined in mask registers. Returns where it stopped: the
// first hit, or the first of fewer than 66 bytes left.
__attribute__((target("avx512f,avx512bw,bmi"))) size_t NextFoldableAvx512(const unsigned char* p,
                                                                          size_t i, size_t end) {
  // (Lambdas would not inherit this function's target: plain intrinsics.)
  const __m512i e2 = _mm512_set1_epi8(static_cast<char>(0xE2));
  const __m512i e3 = _mm512_set1_epi8(static_cast<char>(0xE3));
  const __m512i ef = _mm512_set1_epi8(static_cast<char>(0xEF));
  const __m512i x80 = _mm512_set1_epi8(static_cast<char>(0x80));
  const __m512i x83 = _mm512_set1_epi8(static_cast<char>(0x83));
  const __m512i x88 = _mm512_set1_epi8(static_cast<char>(0x88));
  const __m512i x90 = _mm512_set1_epi8(static_cast<char>(0x90));
  const __m512i x92 = _mm512_set1_epi8(static_cast<char>(0x92));
  const __m512i xbc = _mm512_set1_epi8(static_cast<char>(0xBC));
  const __m512i five = _mm512_set1_epi8(5);
  for (; i + 66 <= end; i += 64) {
    const __m512i v = _mm512_loadu_si512(p + i);
    const __m512i n1 = _mm512_loadu_si512(p + i + 1);
    const __m512i n2 = _mm512_loadu_si512(p + i + 2);
    const __mmask64 n1_80 = _mm512_cmpeq_epi8_mask(n1, x80);
    const __mmask64 dash = n1_80 & _mm512_cmple_epu8_mask(_mm512_sub_epi8(n2, x90), five);
    const __mmask64 minus = _mm512_cmpeq_epi8_mask(n1, x88) & _mm512_cmpeq_epi8_mask(n2, x92);
    const __mmask64 space = n1_80 & _mm512_cmpeq_epi8_mask(n2, x80);
    const __mmask64 vowel = _mm512_cmpeq_epi8_mask(n1, x83) & _mm512_cmpeq_epi8_mask(n2, xbc);
    const __mmask64 hit = (_mm512_cmpeq_epi8_mask(v, e2) & (dash | minus)) |
                          (_mm512_cmpeq_epi8_mask(v, e3) & (space | vowel)) |
                          _mm512_cmpeq_epi8_mask(v, ef);
    if (hit) return i + _tzcnt_u64(hit);
  }
  return i;
}
#endif

// The next position in [i, end) that may start a character normalization
// changes: E2 80 90-95 and E2 88 92 (dashes, minus), EF (full-width forms),
// E3 80 80 (ideographic space) and E3 83 BC (long vowel mark). Japanese text
// is mostly other E3 and E4-E9 sequences, which this skips 16 bytes (with
// AVX-512, 64) at a time.
size_t NextFoldable(std::string_view s, size_t i, size_t end) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
#if defined(__x86_64__)
  static const bool avx512 = __builtin_cpu_supports("avx512f") &&
                             __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi");
  if (avx512 && i + 66 <= end) {
    i = NextFoldableAvx512(p, i, end);
    if (i + 66 <= end) return i;  // a hit
  }
#endif
#if defined(__SSE2__)
  const auto splat = [](int b) { return _mm_set1_epi8(static_cast<char>(b)); };
  const __m128i e2 = splat(0xE2), e3 = splat(0xE3), ef = splat(0xEF), x80 = splat(0x80),
                x83 = splat(0x83), x88 = splat(0x88), x92 = splat(0x92), xbc = splat(0xBC),
                x90 = splat(0x90), five = splat(5);
  const auto eq = [](__m128i a, __m128i b) { return _mm_cmpeq_epi8(a, b); };
  for (; i + 18 <= end; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i));
    const __m128i n1 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 1));
    const __m128i n2 = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p + i + 2));
    const __m128i off = _mm_sub_epi8(n2, x90);  // 0..5 for U+2010-2015
    const __m128i dash = _mm_and_si128(eq(n1, x80), eq(_mm_min_epu8(off, five), off));
    const __m128i e2_hit =
        _mm_and_si128(eq(v, e2), _mm_or_si128(dash, _mm_and_si128(eq(n1, x88), eq(n2, x92))));
    const __m128i e3_hit =
        _mm_and_si128(eq(v, e3), _mm_or_si128(_mm_and_si128(eq(n1, x80), eq(n2, x80)),
                                              _mm_and_si128(eq(n1, x83), eq(n2, xbc))));
    const __m128i hit = _mm_or_si128(_mm_or_si128(e2_hit, e3_hit), eq(v, ef));
    if (const int mask = _mm_movemask_epi8(hit)) return i + __builtin_ctz(mask);
  }
#endif
  // The last bytes, as exactly as the blocks: a character that `end` cuts
  // is not decoded with these bytes, so it is not theirs to fold. (Japanese
  // punctuation and katakana start E3 80 and E3 83 too.)
  for (; i < end; ++i) {
    const unsigned char c = p[i];
    if (c == 0xEF) return i;
    if ((c != 0xE2 && c != 0xE3) || i + 2 >= end) continue;
    const unsigned char c1 = p[i + 1], c2 = p[i + 2];
    if (c == 0xE2 && ((c1 == 0x80 && c2 >= 0x90 && c2 <= 0x95) || (c1 == 0x88 && c2 == 0x92)))
      return i;
    if (c == 0xE3 && ((c1 == 0x80 && c2 == 0x80) || (c1 == 0x83 && c2 == 0xBC))) return i;
  }
  return end;
}

bool IsDigitAt(std::string_view s, size_t i) {
  if (i >= s.size()) return false;
  if (IsAsciiDigit(s[i])) return true;
  char32_t cp;
  return DecodeUtf8Char(s, i, &cp) > 0 && IsDigitCodePoint(cp);
}

}  // namespace

bool IsFoldFree(std::string_view utf8) { return NextFoldable(utf8, 0, utf8.size()) == utf8.size(); }

namespace {

// CP932: what folds sits under lead 0x81 (the ideographic space, dashes,
// long vowel mark, full-width punctuation), 0x82 below hiragana (full-width
// digits and letters), the IBM rows 0xFA-0xFC (two full-width quotes) and
// the single-byte half-width katakana 0xA1-0xDF.
bool IsFoldFreeCp932(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = p[i];
    // ICU's CP932 (IBM-943) reads the controls 0x1A, 0x1C and 0x7F as
    // one another.
    if (c == 0x1A || c == 0x1C || c == 0x7F) return false;
    if (c < 0x80) continue;
    const bool lead = (c >= 0x82 && c <= 0x9F) || (c >= 0xE0 && c <= 0xF9);
    if (!lead) return false;
    if (i + 1 == bytes.size()) return true;  // cut: not these bytes' to fold
    const unsigned char trail = p[++i];
    if (trail < 0x40 || trail == 0x7F || trail > 0xFC) return false;
    if (c == 0x82 && trail < 0x9F) return false;
  }
  return true;
}

// EUC-JP: what folds is in row 1 (lead 0xA1: spaces, dashes, punctuation),
// row 3 (0xA3: full-width digits and letters), the half-width katakana
// (0x8E) and JIS X 0212 (0x8F, which has the full-width tilde).
bool IsFoldFreeEucJp(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned char c = p[i];
    if (c < 0x80) continue;
    if (c < 0xA2 || c == 0xA3 || c == 0xFF) return false;
    if (i + 1 == bytes.size()) return true;  // cut: not these bytes' to fold
    const unsigned char trail = p[++i];
    if (trail < 0xA1 || trail == 0xFF) return false;
  }
  return true;
}

}  // namespace

bool IsFoldFreeEncoded(std::string_view bytes, Encoding encoding) {
  if (encoding == Encoding::kCp932) return IsFoldFreeCp932(bytes);
  if (encoding == Encoding::kEucJp) return IsFoldFreeEucJp(bytes);
  return false;
}

char FoldToAscii(char32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) return static_cast<char>(cp - 0xFEE0);
  if (cp == 0x3000) return ' ';
  if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212) return '-';
  return 0;
}

Result<std::unique_ptr<TextDecoder>> TextDecoder::Create(const DetectedEncoding& encoding) {
  std::unique_ptr<TextDecoder> d(new TextDecoder());
  d->encoding_ = encoding.encoding;
  if (encoding.encoding == Encoding::kUtf8) return d;
  if (encoding.encoding == Encoding::kBinary) return Status::InvalidArgument("not text");
  UErrorCode err = U_ZERO_ERROR;
  d->converter_ = ucnv_open(IcuName(encoding.encoding, encoding.name), &err);
  if (U_FAILURE(err)) return Status::Unsupported("no converter for " + encoding.name);
  return d;
}

void TextDecoder::Reset() {
  carry_.clear();
  dash_pending_ = false;
  last_in_end_ = 0;
  if (converter_) ucnv_resetToUnicode(converter_);
}

TextDecoder::~TextDecoder() {
  if (converter_) ucnv_close(converter_);
}

void TextDecoder::Decode(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
                         OffsetMap* map) {
  if (encoding_ == Encoding::kUtf8) {
    DecodeUtf8(raw, raw_offset, final, out, map);
  } else {
    DecodeIcu(raw, raw_offset, final, out, map);
  }
  if (final && dash_pending_) FlushPendingDash(false, out, map);
}

void TextDecoder::FlushPendingDash(bool next_is_digit, std::string* out, OffsetMap* map) {
  dash_pending_ = false;
  if (next_is_digit) {
    map->Set(static_cast<uint32_t>(out->size()), dash_begin_);
    out->push_back('-');
    map->SetEnd(static_cast<uint32_t>(out->size()), dash_end_);
  } else {
    std::string utf8;
    AppendUtf8(dash_cp_, &utf8);
    EmitRaw(utf8, dash_begin_, dash_end_, out, map);
  }
}

void TextDecoder::EmitRaw(std::string_view utf8, uint64_t in_begin, uint64_t in_end,
                          std::string* out, OffsetMap* map) {
  map->Set(static_cast<uint32_t>(out->size()), in_begin);
  out->append(utf8);
  map->SetEnd(static_cast<uint32_t>(out->size()), in_end);
}

void TextDecoder::Emit(char32_t cp, uint64_t in_begin, uint64_t in_end, std::string* out,
                       OffsetMap* map) {
  // ICU's offsets around invalid sequences can step back; the map must not.
  in_begin = std::max(in_begin, last_in_end_);
  in_end = std::max(in_end, in_begin);
  last_in_end_ = in_end;
  if (dash_pending_) FlushPendingDash(IsDigitCodePoint(cp), out, map);
  if (IsLongVowelMark(cp) && !out->empty() && IsAsciiDigit(out->back())) {
    dash_pending_ = true;
    dash_cp_ = cp;
    dash_begin_ = in_begin;
    dash_end_ = in_end;
    return;
  }
  if (const char c = FoldToAscii(cp)) {
    EmitRaw(std::string_view(&c, 1), in_begin, in_end, out, map);
    return;
  }
  std::string utf8;
  AppendUtf8(cp, &utf8);
  EmitRaw(utf8, in_begin, in_end, out, map);
}

// Invalid UTF-8 passes through unchanged: no detector matches it, every sink
// escapes it, and validating every byte would halve the throughput.
void TextDecoder::DecodeUtf8(std::string_view raw, uint64_t raw_offset, bool final,
                             std::string* out, OffsetMap* map) {
  // Bytes carried from the previous call (a cut character, or a long vowel
  // mark waiting for what follows) are decoded joined with only the few
  // bytes that complete them, not with a copy of the whole chunk.
  while (!carry_.empty() && (!raw.empty() || final)) {
    const size_t take = std::min(raw.size(), CompletingPrefixLength(raw));
    std::string joined = std::move(carry_);
    joined.append(raw.substr(0, take));
    carry_.clear();
    DecodeUtf8Piece(joined, carry_offset_, final && take == raw.size(), out, map);
    raw.remove_prefix(take);
    raw_offset += take;
    if (raw.empty()) return;
  }
  DecodeUtf8Piece(raw, raw_offset, final, out, map);
}

void TextDecoder::DecodeUtf8Piece(std::string_view raw, uint64_t raw_offset, bool final,
                                  std::string* out, OffsetMap* map) {
  size_t end = final ? raw.size() : raw.size() - CutTailLength(raw);
  size_t copy_from = 0;  // start of bytes that pass through unchanged
  const auto flush_copy = [&](size_t to) {
    if (to == copy_from) return;
    map->Set(static_cast<uint32_t>(out->size()), raw_offset + copy_from);
    out->append(raw.substr(copy_from, to - copy_from));
    copy_from = to;
  };
  for (size_t i = NextFoldable(raw, 0, end); i < end; i = NextFoldable(raw, i, end)) {
    char32_t cp;
    const int len = DecodeUtf8Char(raw.substr(0, end), i, &cp);
    if (len <= 0) {
      ++i;  // invalid: passes through
      continue;
    }
    char folded = FoldToAscii(cp);
    if (IsLongVowelMark(cp)) {
      const bool prev_is_digit =
          i > copy_from ? IsAsciiDigit(raw[i - 1]) : (!out->empty() && IsAsciiDigit(out->back()));
      if (prev_is_digit && i + len >= end && !final) {
        end = i;  // the next character decides; it comes with the next call
        break;
      }
      if (prev_is_digit && IsDigitAt(raw.substr(0, end), i + len)) folded = '-';
    }
    if (folded == 0) {
      i += len;
      continue;
    }
    flush_copy(i);
    EmitRaw(std::string_view(&folded, 1), raw_offset + i, raw_offset + i + len, out, map);
    i += len;
    copy_from = i;
  }
  flush_copy(end);
  if (end < raw.size()) {
    carry_.assign(raw.substr(end));
    carry_offset_ = raw_offset + end;
  }
}

void TextDecoder::DecodeIcu(std::string_view raw, uint64_t raw_offset, bool final, std::string* out,
                            OffsetMap* map) {
  UErrorCode err = U_ZERO_ERROR;
  const int32_t pending_before = ucnv_toUCountPending(converter_, &err);
  const uint64_t pending_start = raw_offset - (pending_before > 0 ? pending_before : 0);
  units_.resize(raw.size() + 16);
  unit_offsets_.assign(units_.size(), -1);
  const char* src = raw.data();
  const char* src_end = raw.data() + raw.size();
  size_t produced = 0;
  for (;;) {
    UChar* target = reinterpret_cast<UChar*>(units_.data()) + produced;
    UChar* target_end = reinterpret_cast<UChar*>(units_.data()) + units_.size();
    err = U_ZERO_ERROR;
    const char* before = src;
    ucnv_toUnicode(converter_, &target, target_end, &src, src_end, unit_offsets_.data() + produced,
                   final, &err);
    // Offsets of this round are relative to where this round started.
    for (size_t k = produced;
         k < static_cast<size_t>(target - reinterpret_cast<UChar*>(units_.data())); ++k) {
      if (unit_offsets_[k] >= 0) unit_offsets_[k] += static_cast<int32_t>(before - raw.data());
    }
    produced = target - reinterpret_cast<UChar*>(units_.data());
    if (err != U_BUFFER_OVERFLOW_ERROR) break;
    units_.resize(units_.size() * 2);
    unit_offsets_.resize(units_.size(), -1);
  }
  err = U_ZERO_ERROR;
  const int32_t pending_after = final ? 0 : ucnv_toUCountPending(converter_, &err);
  const uint64_t consumed_end = raw_offset + raw.size() - (pending_after > 0 ? pending_after : 0);

  // Units made from bytes held over from the last call have offset -1. ICU
  // leaves some offsets unset around invalid input, so anything outside
  // this call's bytes is treated the same way.
  const auto valid = [&](size_t k) {
    return unit_offsets_[k] >= 0 && static_cast<size_t>(unit_offsets_[k]) < raw.size();
  };
  const auto start_of = [&](size_t k) -> uint64_t {
    return valid(k) ? raw_offset + unit_offsets_[k] : std::max(pending_start, last_in_end_);
  };
  size_t k = 0;
  while (k < produced) {
    char32_t cp = units_[k];
    size_t width = 1;
    if (cp >= 0xD800 && cp <= 0xDBFF && k + 1 < produced && units_[k + 1] >= 0xDC00 &&
        units_[k + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units_[k + 1] - 0xDC00);
      width = 2;
    }
    uint64_t begin = start_of(k);
    // ICU counts an ISO-2022-JP mode switch as part of the next character;
    // a value's span starts at its own bytes.
    while (encoding_ == Encoding::kIso2022Jp && begin >= raw_offset &&
           begin - raw_offset + 2 < raw.size() && raw[begin - raw_offset] == '\x1B') {
      begin += (raw[begin - raw_offset + 1] == '$' && raw[begin - raw_offset + 2] == '(') ? 4 : 3;
    }
    uint64_t end = k + width < produced ? start_of(k + width) : consumed_end;
    if (valid(k) && begin - raw_offset < raw.size()) {
      const unsigned char lead = static_cast<unsigned char>(raw[begin - raw_offset]);
      end = std::min<uint64_t>(end, begin + SourceCharLength(encoding_, lead, cp) * width);
    }
    if (end < begin) end = begin;
    Emit(cp, begin, end, out, map);
    k += width;
  }
}

}  // namespace mamori
