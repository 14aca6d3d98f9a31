#include "extract/json.h"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#include <exception>
#include <iterator>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "engine/encoding.h"
#include "engine/offset_map.h"
#include "engine/text_decoder.h"
#include "extract/record_skip.h"
#include "extract/table.h"

namespace mamori {
namespace {

using Json = nlohmann::json;

constexpr size_t kSampleBytes = size_t{64} << 10;  // encoding detection sample
constexpr size_t kMaxCachedKeys = 4096;
constexpr uint64_t kEventsPerClockCheck = 4096;
constexpr size_t kPiece = size_t{1} << 20;  // text units of lines scanned as text

// Walks a char range for nlohmann's lexer and counts what it has read, so a
// parse that fails can go on as text right after the last reported value.
class CountingIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  CountingIterator(const char* p, size_t* count) : p_(p), count_(count) {}
  reference operator*() const { return *p_; }
  CountingIterator& operator++() {
    ++p_;
    ++*count_;
    return *this;
  }
  CountingIterator operator++(int) {
    CountingIterator old = *this;
    ++*this;
    return old;
  }
  bool operator==(const CountingIterator& o) const { return p_ == o.p_; }
  bool operator!=(const CountingIterator& o) const { return p_ != o.p_; }

 private:
  const char* p_;
  size_t* count_;
};

// ClassifyColumn() is too slow to run for every key of a large document;
// keys repeat, so their answers are kept (bounded).
class KeyCache {
 public:
  struct Info {
    std::optional<LabelKind> kind;  // of a value under the key
    bool is_value = false;          // the key itself reads as a value (an address, a number)
  };

  // What `key` inside an object under `parent` says: one lookup per key.
  const Info& Lookup(std::string_view parent, std::string_view key) {
    scratch_.assign(parent);
    scratch_.push_back('\x1f');
    scratch_.append(key);
    if (auto it = infos_.find(scratch_); it != infos_.end()) return it->second;
    Info info;
    info.kind = ClassifyColumn(key);
    if (!info.kind && !parent.empty()) {
      info.kind = ClassifyColumn(std::string(parent) + " " + std::string(key));
    }
    info.is_value = !key.empty() && !LooksLikeLabel(NormalizeHeader(key));
    if (infos_.size() >= kMaxCachedKeys) infos_.clear();
    return infos_.emplace(scratch_, info).first->second;
  }

 private:
  std::unordered_map<std::string, Info> infos_;
  std::string scratch_;  // lookups without an allocation per key
};

// Whether a top-level key's kind matters to the sink, for Quiet(): logs
// repeat the same few keys on every line, so the answers are kept in a small
// direct-mapped table (compared in full, never trusted on a hash alone).
class KeyVerdicts {
 public:
  template <typename Decide>
  bool Matters(std::string_view key, const Decide& decide) {
    const Words w = WordsOf(key);
    Slot& slot = slots_[Index(w, key.size())];
    // Keys of up to 16 bytes are their words and length: no compare.
    const bool same = slot.known && slot.size == key.size() && slot.words.head == w.head &&
                      slot.words.tail == w.tail && (key.size() <= 16 || slot.key == key);
    if (!same) {
      slot.key.assign(key);
      slot.size = key.size();
      slot.words = w;
      slot.matters = decide(key);
      slot.known = true;
    }
    return slot.matters;
  }

 private:
  // The first and last (up to) eight bytes of a key: enough to tell a log's
  // keys apart, and much cheaper than hashing every byte. (Fixed-size
  // loads: a memcpy of a variable length into a word stalls.)
  struct Words {
    uint64_t head = 0, tail = 0;
  };
  static Words WordsOf(std::string_view key) {
    Words w;
    if (key.size() >= 8) {
      std::memcpy(&w.head, key.data(), 8);
      std::memcpy(&w.tail, key.data() + key.size() - 8, 8);
    } else {
      for (char c : key) w.head = (w.head << 8) | static_cast<unsigned char>(c);
    }
    return w;
  }
  static size_t Index(const Words& w, size_t size) {
    const uint64_t mixed =
        (w.head ^ (w.tail * 0x9E3779B97F4A7C15ULL) ^ size) * 0xFF51AFD7ED558CCDULL;
    return static_cast<size_t>(mixed >> 56);  // 0..255
  }
  struct Slot {
    std::string key;
    size_t size = 0;
    Words words;
    bool known = false;
    bool matters = false;
  };
  std::array<Slot, 256> slots_;
};

// How a walk over some JSON text ended.
struct Outcome {
  enum Kind { kOk, kSyntax, kTooDeep, kExpired };
  Kind kind = kOk;
  size_t resume = 0;    // offset where the text was left unreported
  std::string message;  // for kExpired
};

// The SAX handler: turns values into cells, keys into columns.
class JsonWalker {
 public:
  JsonWalker(ExtractSink& sink, const JsonOptions& options, KeyCache& keys)
      : sink_(sink), options_(options), keys_(keys) {}

  // Walks every JSON value in `text`, one after another. `line` > 0 is the
  // row of every value (NDJSON); 0 numbers rows by records.
  // `base` is where `text` starts in the object, when the text is the
  // object's own bytes (UTF-8): cells then get their byte offsets.
  Outcome Walk(std::string_view text, uint64_t line, std::optional<uint64_t> base = std::nullopt) {
    line_ = line;
    base_ = base;
    size_t at = 0;
    for (;;) {
      while (at < text.size() && IsJsonSpace(text[at])) ++at;
      if (at == text.size()) return {};
      size_t read = 0;
      walk_text_ = text.substr(at);
      walk_offset_ = at;
      const std::optional<Outcome> failed = WalkOne(text.substr(at), &read);
      if (failed) return {failed->kind, at + failed->resume, failed->message};
      if (read == 0) return {Outcome::kSyntax, at, {}};  // no progress: never loop
      at += read;
    }
  }

  // Cells reported so far.
  uint64_t cells() const { return cells_; }

  // nlohmann SAX interface.
  bool null() { return Value({}); }
  bool boolean(bool) { return Value({}); }
  bool number_integer(Json::number_integer_t v) { return Value(std::to_string(v)); }
  bool number_unsigned(Json::number_unsigned_t v) { return Value(std::to_string(v)); }
  bool number_float(Json::number_float_t, const Json::string_t& text) { return Value(text); }
  bool string(Json::string_t& s) { return Value(s); }
  bool binary(Json::binary_t&) { return Value({}); }
  bool start_object(std::size_t) { return Open(false); }
  bool start_array(std::size_t) { return Open(true); }
  bool end_object() { return Close(); }
  bool end_array() { return Close(); }
  bool key(Json::string_t& k) {
    // The key's kind is looked up once here, not for every value under it.
    const KeyCache::Info& info = keys_.Lookup(ParentKey(), k);
    frames_.back().key = k;
    frames_.back().kind = info.kind;
    if (info.is_value) {
      CellRef ref;
      ref.row = Row();
      sink_.Cell(k, ref);
      ++cells_;
    }
    // The key is not counted as reported: if its value fails to parse,
    // the text from before the key keeps it as the value's label.
    return Tick(/*reported=*/false);
  }
  bool parse_error(std::size_t, const std::string&, const Json::exception&) {
    // nlohmann's message quotes the input: it could hold the very data we
    // look for, so it stays out of the reason.
    if (stop_ == Outcome::kOk) stop_ = Outcome::kSyntax;
    return false;
  }

 private:
  struct Frame {
    bool array;
    std::string key;                // objects: the current key
    std::optional<LabelKind> kind;  // and the kind of its values
  };

  // The key of the object around the innermost one (arrays have none).
  std::string_view ParentKey() const {
    for (size_t i = frames_.size() - 1; i-- > 0;) {
      if (!frames_[i].array) return frames_[i].key;
    }
    return {};
  }

  static bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

  // One top-level value at the start of `text`; nullopt when it parsed.
  std::optional<Outcome> WalkOne(std::string_view text, size_t* read) {
    frames_.clear();
    arrays_open_ = 0;
    doc_row_ = 0;
    stop_ = Outcome::kOk;
    message_.clear();
    read_ = read;
    good_ = 0;
    bool ok = false;
    try {
      ok = Json::sax_parse(CountingIterator(text.data(), read),
                           CountingIterator(text.data() + text.size(), read), this,
                           Json::input_format_t::json, /*strict=*/false,
                           /*ignore_comments=*/false);
    } catch (const std::exception& e) {  // bad_alloc; the parser itself reports, not throws
      stop_ = Outcome::kSyntax;
      message_ = e.what();
    }
    if (ok) return std::nullopt;
    return Outcome{stop_ == Outcome::kOk ? Outcome::kSyntax : stop_, good_, message_};
  }

  // A value starts: as an element of an outermost array it is a new record.
  void NoteValue() {
    if (line_ == 0 && !frames_.empty() && frames_.back().array && arrays_open_ == 1) {
      record_ = ++next_row_;
    }
  }

  uint64_t Row() {
    if (line_ > 0) return line_;
    if (arrays_open_ > 0) return record_;
    if (doc_row_ == 0) doc_row_ = ++next_row_;
    return doc_row_;
  }

  bool Value(std::string_view text) {
    NoteValue();
    if (!text.empty()) {
      // The innermost key (arrays have none).
      const auto object =
          std::find_if(frames_.rbegin(), frames_.rend(), [](const Frame& f) { return !f.array; });
      CellRef ref;
      ref.row = Row();
      if (object != frames_.rend() && !object->key.empty()) {
        ref.column = object->key;
        ref.column_kind = object->kind;
      }
      ref.offset = OffsetOf(text);
      sink_.Cell(text, ref);
      ++cells_;
    }
    return Tick();
  }

  // Where the value just parsed sits in the object: the parser has read
  // up to its end (a string's closing quote, or one byte past a number).
  // Escaped strings do not match their bytes and stay without an offset.
  std::optional<uint64_t> OffsetOf(std::string_view value) const {
    if (!base_ || !read_) return std::nullopt;
    const size_t end = *read_;
    for (size_t back : {size_t{1}, size_t{0}}) {  // string: quote; number: lookahead
      if (end < back + value.size()) continue;
      const size_t begin = end - back - value.size();
      if (walk_text_.substr(begin, value.size()) == value) return *base_ + walk_offset_ + begin;
    }
    return std::nullopt;
  }

  bool Open(bool array) {
    if (frames_.size() >= options_.max_depth) {
      stop_ = Outcome::kTooDeep;
      return false;
    }
    NoteValue();
    frames_.push_back({array, {}, std::nullopt});
    if (array) ++arrays_open_;
    return Tick();
  }

  bool Close() {
    if (frames_.back().array) --arrays_open_;
    frames_.pop_back();
    return Tick();
  }

  // After every event: remember how far the input is reported, and look at
  // the clock now and then.
  bool Tick(bool reported = true) {
    if (reported) good_ = *read_;
    if (++events_ % kEventsPerClockCheck == 0) {
      if (Status s = sink_.budget().Expired(); !s.ok()) {
        stop_ = Outcome::kExpired;
        message_ = s.message();
        return false;
      }
    }
    return true;
  }

  ExtractSink& sink_;
  const JsonOptions& options_;
  KeyCache& keys_;
  std::optional<uint64_t> base_;  // offset of the walked text in the object, when known
  std::string_view walk_text_;    // the top-level value being parsed and what follows
  size_t walk_offset_ = 0;        // its offset in the walked text
  std::vector<Frame> frames_;
  size_t arrays_open_ = 0;
  uint64_t line_ = 0;
  uint64_t next_row_ = 0;  // records numbered so far in this object
  uint64_t record_ = 0;    // the record being read
  uint64_t doc_row_ = 0;   // the row of values outside arrays (0: not yet given)
  const size_t* read_ = nullptr;
  size_t good_ = 0;
  uint64_t events_ = 0;
  uint64_t cells_ = 0;
  Outcome::Kind stop_ = Outcome::kOk;
  std::string message_;
};

// Bytes of `s` up to its last complete UTF-8 character.
size_t CompleteUtf8Prefix(std::string_view s) {
  for (size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const unsigned char c = static_cast<unsigned char>(s[s.size() - back]);
    if (c < 0x80) return s.size();
    if (c >= 0xC0) {
      const size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
      return len > back ? s.size() - back : s.size();
    }
  }
  return s.size();
}

#if defined(__x86_64__)
// PlainObject's AVX-512 form for a line's body (without its braces): 64
// bytes per step; the quotes are counted into *quotes.
__attribute__((target("avx512f,avx512bw"))) bool PlainBodyAvx512(std::string_view body,
                                                                 unsigned* quotes) {
  for (size_t i = 0; i < body.size(); i += 64) {
    const size_t left = body.size() - i;
    const __mmask64 in = left >= 64 ? ~uint64_t{0} : (uint64_t{1} << left) - 1;
    const __m512i v = _mm512_maskz_loadu_epi8(in, body.data() + i);
    // (Lambdas would not inherit this function's target: plain intrinsics.)
    const __mmask64 other = _mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8('{')) |
                            _mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8('}')) |
                            _mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8('[')) |
                            _mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8(']')) |
                            _mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8('\\'));
    if (other != 0) return false;
    *quotes += static_cast<unsigned>(
        __builtin_popcountll(_mm512_mask_cmpeq_epi8_mask(in, v, _mm512_set1_epi8('"'))));
  }
  return true;
}
#endif

// Whether `line` ('{' ... '}', an NDJSON line) has no other bracket, no
// backslash and an even number of quotes: a whole object, and flat (most
// log lines). A quick first look for NdjsonReader::WholeObject; with
// `quotes`, their offsets are appended there.
bool PlainObject(std::string_view line, std::vector<uint32_t>* quotes) {
  const std::string_view body = line.substr(1, line.size() - 2);
  unsigned count = 0;
#if defined(__x86_64__)
  static const bool avx512 =
      __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw");
  if (avx512 && !quotes) return PlainBodyAvx512(body, &count) && count % 2 == 0;
#endif
  const auto quote_at = [&](size_t i) {
    ++count;
    if (quotes) quotes->push_back(static_cast<uint32_t>(1 + i));
  };
  size_t i = 0;
#if defined(__SSE2__)
  const auto eq = [](__m128i v, char c) { return _mm_cmpeq_epi8(v, _mm_set1_epi8(c)); };
  for (; i + 16 <= body.size(); i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(body.data() + i));
    const __m128i other = _mm_or_si128(
        _mm_or_si128(_mm_or_si128(eq(v, '{'), eq(v, '}')), _mm_or_si128(eq(v, '['), eq(v, ']'))),
        eq(v, '\\'));
    if (_mm_movemask_epi8(other) != 0) return false;
    for (unsigned m = static_cast<unsigned>(_mm_movemask_epi8(eq(v, '"'))); m != 0; m &= m - 1) {
      quote_at(i + static_cast<size_t>(__builtin_ctz(m)));
    }
  }
#endif
  for (; i < body.size(); ++i) {
    const char c = body[i];
    if (c == '{' || c == '}' || c == '[' || c == ']' || c == '\\') return false;
    if (c == '"') quote_at(i);
  }
  return count % 2 == 0;
}

// Splits NDJSON into lines (bounded) and walks each.
class NdjsonReader {
 public:
  // `first_offset`: where the first line starts in the object, when known.
  NdjsonReader(ExtractSink& sink, const JsonOptions& options, std::optional<uint64_t> first_offset)
      : sink_(sink),
        options_(options),
        walker_(sink, options, keys_),
        keys_matter_(sink.AnyKindMatters()),
        offsets_known_(first_offset.has_value()),
        line_start_(first_offset.value_or(0)) {}

  // The next decoded bytes; `offset` is where they start in the object.
  void Feed(std::string_view data, uint64_t offset) {
    // Lines that lie whole in `data` take their filter answer from one
    // question about all of it.
    if (walker_.cells() > 0) piece_.Reset(sink_, data);
    const std::string_view whole = data;
    while (!data.empty() && !stopped()) {
      const size_t nl = data.find('\n');
      const std::string_view part = data.substr(0, nl == std::string_view::npos ? data.size() : nl);
      const bool whole_line = line_.empty() && !overlong_ && nl != std::string_view::npos;
      piece_at_ = static_cast<size_t>(part.data() - whole.data());
      in_piece_ = whole_line && piece_.Knows(piece_at_);
      if (whole_line && part.size() <= options_.max_line_bytes) {
        EndLine(part);  // walked where it lies, not copied
      } else {
        Append(part);
        if (nl == std::string_view::npos) break;
        EndLine(line_);
      }
      data.remove_prefix(nl + 1);
      offset += nl + 1;
      line_start_ = offset;
    }
    in_piece_ = false;
    piece_.Clear();
  }

  void Finish() {
    if (!stopped() && (!line_.empty() || overlong_)) EndLine(line_);
    Report();
  }

  bool stopped() const { return !expired_.empty(); }

 private:
  void Append(std::string_view part) {
    if (!overlong_ && line_.size() + part.size() <= options_.max_line_bytes) {
      line_.append(part);
      return;
    }
    // Too long to parse: scanned as text as it comes, in bounded pieces.
    if (!overlong_) {
      overlong_ = true;
      ++overlong_lines_;
    }
    line_.append(part);
    const size_t cut = CompleteUtf8Prefix(line_);
    EmitTextPieces(sink_, std::string_view(line_).substr(0, cut), Where(), std::nullopt, kPiece,
                   line_no_);
    line_.erase(0, cut);
  }

  // Ends the line: `line` is line_ or, when the line lay whole in the data
  // fed, a view of it there.
  void EndLine(std::string_view line) {
    if (overlong_) {
      EmitTextPieces(sink_, line_, Where(), std::nullopt, kPiece, line_no_);
      overlong_ = false;
    } else {
      WalkLine(line);
    }
    line_.clear();
    ++line_no_;
  }

  void WalkLine(const std::string_view whole_line) {
    std::string_view line = whole_line;
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
      line.remove_suffix(1);
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) return;  // blank
    ++lines_;
    // Until a first cell is reported the object may still turn out to be
    // free text (every line invalid), whose records are counted otherwise.
    if (walker_.cells() > 0 && attempts_.Try()) {
      const bool quiet = Quiet(line, whole_line.size());
      attempts_.Record(quiet);
      if (quiet) return;
    }
    const Outcome o = walker_.Walk(
        line, line_no_, offsets_known_ ? std::optional<uint64_t>(line_start_) : std::nullopt);
    if (o.kind == Outcome::kOk) return;
    if (o.kind == Outcome::kExpired) {
      expired_ = o.message;
      return;
    }
    if (bad_lines_++ == 0) first_bad_line_ = line_no_;
    if (o.kind == Outcome::kTooDeep) ++deep_lines_;
    const std::optional<uint64_t> offset =
        offsets_known_ ? std::optional<uint64_t>(line_start_ + o.resume) : std::nullopt;
    EmitTextPieces(sink_, line.substr(o.resume), Where(), offset, kPiece, line_no_);
  }

  // A line that cannot hold a finding is not parsed. It is one object (a
  // cut or garbled line is parsed, so that it is reported as such) without
  // an escape (which could hide any character) or a nested object (whose
  // keys are read together with their parent's; when no kind matters, keys
  // are not read at all), no key of a kind that matters, and nothing in its
  // text that the sink's record filter wants.
  // Not being parsed, a quiet line that is subtly invalid JSON ({"a":01})
  // does not count as such in the object's status.
  bool Quiet(std::string_view line, size_t whole_size) {
    line.remove_prefix(line.find_first_not_of(" \t"));
    if (line.front() != '{' || line.back() != '}') return false;
    if (in_piece_ ? piece_.Record(piece_at_, piece_at_ + whole_size, &spans_)
                  : sink_.MayHoldFinding(line)) {
      return false;
    }
    if (!keys_matter_) return WholeObject(line, /*flat=*/false, nullptr);
    // Without escapes the quotes pair up: a string ends at the next one. A
    // key is a string followed by ':'.
    if (!WholeObject(line, /*flat=*/true, &quotes_)) return false;
    const auto matters = [&](std::string_view key) {
      const KeyCache::Info& info = keys_.Lookup({}, key);
      return info.kind && sink_.KindMatters(*info.kind);
    };
    for (size_t k = 0; k < quotes_.size(); k += 2) {
      const size_t open = quotes_[k], close = quotes_[k + 1];
      size_t next = close + 1;
      while (next < line.size() && (line[next] == ' ' || line[next] == '\t')) ++next;
      if (next < line.size() && line[next] == ':' &&
          verdicts_.Matters(line.substr(open + 1, close - open - 1), matters)) {
        return false;
      }
    }
    return true;
  }

  // Whether `line` ('{' ... '}') is one whole object as far as a quiet line
  // must be: a line the walker would find invalid is walked, so that it is
  // counted the same with the filter and without. No backslash (so every
  // quote opens or closes a string); outside strings every bracket closes
  // the one opened last, and the object closes at the last byte only (a cut
  // line or a stray bracket is not quiet). With `flat`, no object opens
  // inside it (a nested key's kind depends on its parents). With `quotes`,
  // the quotes' offsets go there.
  static bool WholeObject(std::string_view line, bool flat, std::vector<uint32_t>* quotes) {
    if (quotes) quotes->clear();
    if (PlainObject(line, quotes)) return true;
    if (quotes) quotes->clear();
    uint64_t open_objects = 0;  // one bit per open bracket, the last lowest: 1 for '{'
    uint32_t depth = 0;
    // A bracket outside strings, at i.
    const auto bracket = [&](size_t i) {
      const char c = line[i];
      if (c == '{' || c == '[') {
        if (depth == 64 || (flat && c == '{' && depth > 0)) return false;
        open_objects = (open_objects << 1) | (c == '{' ? 1 : 0);
        ++depth;
        return true;
      }
      if (depth == 0 || (open_objects & 1) != (c == '}' ? 1u : 0u)) return false;
      open_objects >>= 1;
      --depth;
      return depth > 0 || i + 1 == line.size();
    };
    bool in_string = false;
    size_t i = 0;
#if defined(__SSE2__)
    // 16 bytes at a time: quotes, brackets and backslashes as bit masks;
    // which bytes lie in strings is the running parity of the quotes
    // (prefix XOR), so only brackets outside strings are read one by one
    // (a log line has two: its first byte and its last).
    const auto eq = [](__m128i v, char c) {
      return static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(c))));
    };
    for (; i + 16 <= line.size(); i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(line.data() + i));
      if (eq(v, '\\') != 0) return false;
      const unsigned q = eq(v, '"');
      unsigned strings = q;  // 1 from an opening quote up to its closing one
      strings ^= strings << 1;
      strings ^= strings << 2;
      strings ^= strings << 4;
      strings ^= strings << 8;
      strings = (in_string ? ~strings : strings) & 0xFFFF;
      in_string = (strings >> 15) & 1;
      for (unsigned m = (eq(v, '{') | eq(v, '}') | eq(v, '[') | eq(v, ']')) & ~strings; m != 0;
           m &= m - 1) {
        if (!bracket(i + static_cast<size_t>(__builtin_ctz(m)))) return false;
      }
      if (quotes) {
        for (unsigned m = q; m != 0; m &= m - 1)
          quotes->push_back(static_cast<uint32_t>(i + static_cast<size_t>(__builtin_ctz(m))));
      }
    }
#endif
    for (; i < line.size(); ++i) {
      const char c = line[i];
      if (c == '\\') return false;
      if (c == '"') {
        in_string = !in_string;
        if (quotes) quotes->push_back(static_cast<uint32_t>(i));
      } else if (!in_string && (c == '{' || c == '}' || c == '[' || c == ']') && !bracket(i)) {
        return false;
      }
    }
    return !in_string && depth == 0;
  }

  StructuredLocation Where() const {
    StructuredLocation where;
    where.row = line_no_;
    return where;
  }

  void Report() {
    if (bad_lines_ > 0) {
      std::string reason = std::to_string(bad_lines_) + " of " + CountOf(lines_, "line") +
                           " not valid JSON (first: line " + std::to_string(first_bad_line_) + ")";
      if (deep_lines_ > 0) {
        reason += ", " + std::to_string(deep_lines_) + " nested deeper than " +
                  std::to_string(options_.max_depth) + " levels";
      }
      sink_.SetStatus(ObjectStatus::kIncomplete, reason + ": scanned as text");
    }
    if (overlong_lines_ > 0) {
      sink_.SetStatus(ObjectStatus::kIncomplete, CountOf(overlong_lines_, "line") + " over " +
                                                     std::to_string(options_.max_line_bytes) +
                                                     " bytes scanned as text without their keys");
    }
    if (!expired_.empty()) {
      sink_.SetStatus(ObjectStatus::kIncomplete,
                      expired_ + " at line " + std::to_string(line_no_) + " of the NDJSON");
    }
  }

  ExtractSink& sink_;
  const JsonOptions& options_;
  KeyCache keys_;
  JsonWalker walker_;
  SkipAttempts attempts_;
  PieceTriggers piece_;    // the filter's answer for the data being fed
  bool in_piece_ = false;  // the line being read lies whole in it,
  size_t piece_at_ = 0;    // at this offset
  std::vector<TextSpan> spans_;
  KeyVerdicts verdicts_;
  std::vector<uint32_t> quotes_;  // Quiet()'s
  const bool keys_matter_;        // whether a key's kind can make a quiet line loud
  bool offsets_known_;
  uint64_t line_start_;
  std::string line_;
  bool overlong_ = false;
  uint64_t line_no_ = 1;
  uint64_t lines_ = 0;  // non-blank lines walked
  uint64_t bad_lines_ = 0;
  uint64_t first_bad_line_ = 0;
  uint64_t deep_lines_ = 0;
  uint64_t overlong_lines_ = 0;
  std::string expired_;
};

std::string DecodeAll(std::string_view bytes, const DetectedEncoding& enc, Status* status) {
  std::string out;
  auto decoder = TextDecoder::Create(enc);
  if (!decoder.ok()) {
    *status = decoder.status();
    return out;
  }
  OffsetMap map;
  (*decoder)->Decode(bytes, 0, true, &out, &map);
  return out;
}

}  // namespace

Status ExtractJson(std::string_view bytes, ExtractSink& sink, const JsonOptions& options) {
  const DetectedEncoding enc =
      DetectEncoding(bytes.substr(0, kSampleBytes), bytes.size() <= kSampleBytes);
  if (enc.encoding == Encoding::kBinary) {
    sink.SetStatus(ObjectStatus::kUnsupported, "binary content, not JSON");
    return Status::Ok();
  }
  // JSON is UTF-8; anything else is decoded first (offsets are then unknown).
  const bool utf8 = enc.encoding == Encoding::kUtf8;
  std::string decoded;
  if (!utf8) {
    Status s;
    decoded = DecodeAll(bytes.substr(enc.bom_bytes), enc, &s);
    if (!s.ok()) {
      sink.SetStatus(ObjectStatus::kUnsupported, "cannot decode " + enc.name + ": " + s.message());
      return Status::Ok();
    }
  }
  const std::string_view text = utf8 ? bytes.substr(enc.bom_bytes) : std::string_view(decoded);
  KeyCache keys;
  JsonWalker walker(sink, options, keys);
  const Outcome o =
      walker.Walk(text, 0, utf8 ? std::optional<uint64_t>(enc.bom_bytes) : std::nullopt);
  switch (o.kind) {
    case Outcome::kOk:
      return Status::Ok();
    case Outcome::kExpired:
      sink.SetStatus(ObjectStatus::kIncomplete,
                     o.message + " at byte " + std::to_string(o.resume) + " of the JSON");
      return Status::Ok();
    case Outcome::kSyntax:
    case Outcome::kTooDeep:
      break;
  }
  const std::optional<uint64_t> offset =
      utf8 ? std::optional<uint64_t>(enc.bom_bytes + o.resume) : std::nullopt;
  EmitTextPieces(sink, text.substr(o.resume), StructuredLocation{}, offset);
  const std::string what =
      o.kind == Outcome::kTooDeep
          ? "JSON nested deeper than " + std::to_string(options.max_depth) + " levels"
          : std::string("not valid JSON");
  sink.SetStatus(ObjectStatus::kIncomplete,
                 what + " after byte " + std::to_string(o.resume) + ": the rest scanned as text");
  return Status::Ok();
}

Status ExtractNdjson(ByteSource& source, ExtractSink& sink, const JsonOptions& options) {
  const size_t chunk = std::max<size_t>(options.chunk_bytes, 1);
  std::string buf;
  const std::optional<TextSample> sample = ReadTextSample(source, &buf, chunk, sink, "NDJSON");
  if (!sample) return Status::Ok();
  const DetectedEncoding& enc = sample->encoding;
  bool eof = sample->eof;
  Result<size_t> got = sample->size;
  const bool utf8 = enc.encoding == Encoding::kUtf8;
  std::unique_ptr<TextDecoder> decoder;
  if (!utf8) {
    auto d = TextDecoder::Create(enc);
    if (!d.ok()) {
      sink.SetStatus(ObjectStatus::kUnsupported,
                     "cannot decode " + enc.name + ": " + d.status().message());
      return Status::Ok();
    }
    decoder = std::move(*d);
  }
  NdjsonReader reader(sink, options, utf8 ? std::optional<uint64_t>(enc.bom_bytes) : std::nullopt);
  std::string decoded;
  OffsetMap map;
  uint64_t offset = enc.bom_bytes;
  std::string_view data(buf.data() + enc.bom_bytes, *got - enc.bom_bytes);
  Status result;
  for (;;) {
    if (decoder) {
      decoded.clear();
      map.Reset(offset);
      decoder->Decode(data, offset, eof, &decoded, &map);
      reader.Feed(decoded, 0);
    } else {
      reader.Feed(data, offset);
    }
    offset += data.size();
    if (eof || reader.stopped()) break;
    if (Status t = sink.budget().Expired(); !t.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete,
                     t.message() + " after " + std::to_string(offset) + " bytes of the NDJSON");
      break;
    }
    got = ReadFull(source, buf.data(), chunk);
    if (!got.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete, "read failed after " + std::to_string(offset) +
                                                    " bytes: " + got.status().message());
      result = got.status();
      break;
    }
    eof = *got < chunk;
    data = std::string_view(buf.data(), *got);
  }
  reader.Finish();
  return result;
}

}  // namespace mamori
