#include "engine/encoding.h"

#include <uchardet/uchardet.h>
#include <unicode/ucnv.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

namespace mamori {
namespace {

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

// Length of the UTF-8 sequence at s[i], or 0 when invalid. Sets *cut when the
// sequence is valid so far but runs past the end.
size_t Utf8SequenceLength(std::string_view s, size_t i, bool* cut) {
  char32_t cp;
  const int n = DecodeUtf8Char(s, i, &cp);
  *cut = n < 0;
  return n > 0 ? static_cast<size_t>(n) : 0;
}

// UTF-16 text without a BOM shows zeros at every other byte in its ASCII.
Encoding GuessUtf16ByZeros(std::string_view s) {
  size_t even = 0, odd = 0;
  const size_t n = std::min<size_t>(s.size(), 4096) & ~size_t{1};
  for (size_t i = 0; i < n; i += 2) {
    even += s[i] == 0;
    odd += s[i + 1] == 0;
  }
  if (n < 8) return Encoding::kOther;
  if (odd > n / 8 && even == 0) return Encoding::kUtf16Le;
  if (even > n / 8 && odd == 0) return Encoding::kUtf16Be;
  return Encoding::kOther;
}

bool LooksBinary(std::string_view s) {
  const size_t n = std::min<size_t>(s.size(), 8192);
  size_t controls = 0;
  for (size_t i = 0; i < n; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1B) ++controls;
  }
  return controls * 10 > n;  // more than 10% control bytes
}

DetectedEncoding Named(Encoding e, std::string name, size_t bom = 0) {
  return DetectedEncoding{e, bom, std::move(name)};
}

// Converts `sample` with ICU, stopping at the first invalid sequence. Fills
// *halfwidth_kana with the share of half-width katakana among non-ASCII
// characters: EUC-JP read as CP932 is full of them, real CP932 text is not.
bool DecodesCleanly(std::string_view sample, const char* charset, bool whole,
                    double* halfwidth_kana) {
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(charset, &err);
  if (U_FAILURE(err)) return false;
  ucnv_setToUCallBack(conv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &err);
  std::u16string out(sample.size() + 1, u'\0');
  UChar* target = reinterpret_cast<UChar*>(out.data());
  const char* source = sample.data();
  ucnv_toUnicode(conv, &target, target + out.size(), &source, sample.data() + sample.size(),
                 nullptr, whole, &err);
  ucnv_close(conv);
  if (U_FAILURE(err)) return false;
  size_t non_ascii = 0, kana = 0;
  for (const UChar* c = reinterpret_cast<UChar*>(out.data()); c < target; ++c) {
    if (*c < 0x80) continue;
    ++non_ascii;
    kana += *c >= 0xFF61 && *c <= 0xFF9F;
  }
  *halfwidth_kana = non_ascii ? static_cast<double>(kana) / non_ascii : 0;
  return true;
}

DetectedEncoding FromUchardet(std::string_view sample) {
  std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> det(
      uchardet_new(), uchardet_delete);
  uchardet_handle_data(det.get(), sample.data(), sample.size());
  uchardet_data_end(det.get());
  std::string name = uchardet_get_charset(det.get());
  std::transform(name.begin(), name.end(), name.begin(), ::toupper);
  if (name == "SHIFT_JIS" || name == "CP932" || name == "WINDOWS-31J")
    return Named(Encoding::kCp932, "cp932");
  if (name == "EUC-JP") return Named(Encoding::kEucJp, "euc-jp");
  if (name == "ISO-2022-JP") return Named(Encoding::kIso2022Jp, "iso-2022-jp");
  if (name == "UTF-8" || name == "ASCII") return Named(Encoding::kUtf8, "utf-8");
  // No verdict: read it as a single-byte code page so ASCII digits and
  // letters still get scanned; unknown is never reported as clean.
  if (name.empty()) return Named(Encoding::kOther, "windows-1252");
  std::transform(name.begin(), name.end(), name.begin(), ::tolower);
  return Named(Encoding::kOther, name);
}

// The encodings mamori reads natively, by their MIME and ICU names.
std::optional<DetectedEncoding> KnownCharset(std::string_view charset, std::string_view bytes) {
  std::string name(charset);
  std::transform(name.begin(), name.end(), name.begin(), ::tolower);
  if (name == "iso-2022-jp" || name == "iso-2022-jp-2" || name == "csiso2022jp") {
    return Named(Encoding::kIso2022Jp, "iso-2022-jp");
  }
  if (name == "shift_jis" || name == "shift-jis" || name == "sjis" || name == "cp932" ||
      name == "windows-31j" || name == "x-sjis" || name == "ms_kanji") {
    return Named(Encoding::kCp932, "cp932");
  }
  if (name == "euc-jp" || name == "x-euc-jp") return Named(Encoding::kEucJp, "euc-jp");
  // Cells of a UTF-16 table carry their bytes without a BOM.
  if (name == "utf-16le") return Named(Encoding::kUtf16Le, "utf-16le");
  if (name == "utf-16be") return Named(Encoding::kUtf16Be, "utf-16be");
  // A declared UTF-8 body with a few stray bytes is still UTF-8.
  if (name == "utf-8" || name == "utf8" || (name == "us-ascii" && IsValidUtf8Prefix(bytes))) {
    return Named(Encoding::kUtf8, "utf-8");
  }
  return std::nullopt;
}

}  // namespace

int DecodeUtf8Char(std::string_view s, size_t i, char32_t* cp) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  int n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    *cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    *cp = c & 0x0F;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    *cp = c & 0x07;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else {
    return 0;
  }
  for (int k = 1; k < n; ++k) {
    if (i + k >= s.size()) return -1;
    const unsigned char cc = b(i + k);
    if (k == 1 ? (cc < lo || cc > hi) : (cc < 0x80 || cc > 0xBF)) return 0;
    *cp = (*cp << 6) | (cc & 0x3F);
  }
  return n;
}

bool IsValidUtf8Prefix(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII, 8 bytes at a time.
    if (i + 8 <= bytes.size()) {
      uint64_t w;
      std::memcpy(&w, bytes.data() + i, 8);
      if ((w & 0x8080808080808080ull) == 0) {
        i += 8;
        continue;
      }
    }
    bool cut = false;
    const size_t n = Utf8SequenceLength(bytes, i, &cut);
    if (n == 0) return cut;
    i += n;
  }
  return true;
}

DetectedEncoding DetectEncoding(std::string_view sample, bool sample_is_whole) {
  if (StartsWith(sample, "\xEF\xBB\xBF")) return Named(Encoding::kUtf8, "utf-8-bom", 3);
  if (StartsWith(sample, "\xFF\xFE")) return Named(Encoding::kUtf16Le, "utf-16le", 2);
  if (StartsWith(sample, "\xFE\xFF")) return Named(Encoding::kUtf16Be, "utf-16be", 2);
  const Encoding by_zeros = GuessUtf16ByZeros(sample);
  if (by_zeros == Encoding::kUtf16Le) return Named(by_zeros, "utf-16le");
  if (by_zeros == Encoding::kUtf16Be) return Named(by_zeros, "utf-16be");
  if (LooksBinary(sample)) return Named(Encoding::kBinary, "");
  if (sample.find("\x1B$B") != std::string_view::npos ||
      sample.find("\x1B$@") != std::string_view::npos) {
    return Named(Encoding::kIso2022Jp, "iso-2022-jp");
  }
  if (IsValidUtf8Prefix(sample)) {
    // A cut final sequence is fine in a prefix, not in a whole object.
    bool cut = false;
    if (!sample_is_whole || sample.empty()) return Named(Encoding::kUtf8, "utf-8");
    size_t last = sample.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(sample[last]) & 0xC0) == 0x80) --last;
    if (Utf8SequenceLength(sample, last, &cut) != 0 || !cut) return Named(Encoding::kUtf8, "utf-8");
  }
  // Japanese first: uchardet alone takes short CP932 CSVs for Latin-1.
  // Whichever Japanese encoding decodes the sample without a single error
  // wins; when both do, half-width katakana tell EUC-JP read as CP932.
  const DetectedEncoding hint = FromUchardet(sample);
  double cp932_kana = 0, euc_kana = 0;
  const bool cp932 = DecodesCleanly(sample, "windows-31j", sample_is_whole, &cp932_kana);
  const bool euc = DecodesCleanly(sample, "EUC-JP", sample_is_whole, &euc_kana);
  if ((hint.encoding == Encoding::kCp932 && cp932) || (hint.encoding == Encoding::kEucJp && euc)) {
    return hint;
  }
  if (cp932 && euc)
    return cp932_kana > 0.3 ? Named(Encoding::kEucJp, "euc-jp") : Named(Encoding::kCp932, "cp932");
  if (cp932) return Named(Encoding::kCp932, "cp932");
  if (euc) return Named(Encoding::kEucJp, "euc-jp");
  return hint;
}

DetectedEncoding EncodingForCharset(std::string_view charset, std::string_view bytes) {
  if (std::optional<DetectedEncoding> known = KnownCharset(charset, bytes)) return *known;
  return DetectEncoding(bytes.substr(0, 64 * 1024), bytes.size() <= 64 * 1024);
}

DetectedEncoding EncodingNamed(std::string_view name, std::string_view bytes) {
  if (std::optional<DetectedEncoding> known = KnownCharset(name, bytes)) return *known;
  return Named(Encoding::kOther, std::string(name));
}

bool DecodesFromAnyCharacter(const DetectedEncoding& encoding) {
  switch (encoding.encoding) {
    case Encoding::kUtf8:
    case Encoding::kUtf16Le:
    case Encoding::kUtf16Be:
    case Encoding::kCp932:
    case Encoding::kEucJp:
      return true;
    case Encoding::kIso2022Jp:
    case Encoding::kBinary:
      return false;
    case Encoding::kOther:
      break;
  }
  UErrorCode err = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(encoding.name.c_str(), &err);
  if (U_FAILURE(err)) return false;
  const UConverterType type = ucnv_getType(conv);
  ucnv_close(conv);
  switch (type) {
    case UCNV_SBCS:
    case UCNV_DBCS:
    case UCNV_MBCS:
    case UCNV_LATIN_1:
    case UCNV_US_ASCII:
    case UCNV_UTF8:
    case UCNV_CESU8:
    case UCNV_UTF16_BigEndian:
    case UCNV_UTF16_LittleEndian:
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian:
      return true;
    default:  // shift states (ISO-2022, HZ, UTF-7, EBCDIC), or a BOM to read first
      return false;
  }
}

}  // namespace mamori
