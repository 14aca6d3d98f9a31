#include "sinks/json.h"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "mamori/mask.h"

namespace mamori {

namespace {

// Bytes that go out as they are: printable ASCII but the quote and backslash.
bool Plain(unsigned char c) { return c >= 0x20 && c < 0x7F && c != '"' && c != '\\'; }

// Length of the valid UTF-8 sequence that starts s[i] (a byte >= 0x80), or 0.
size_t ValidUtf8At(std::string_view s, size_t i) {
  const unsigned char c = static_cast<unsigned char>(s[i]);
  const size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return 0;
  }
  return n;
}

// True when none of the 8 bytes of `w` needs a look of its own: all are
// printable ASCII but the quote and backslash (bit tricks from "Bit
// Twiddling Hacks": a byte below n, a byte equal to c).
bool AllPlain(uint64_t w) {
  constexpr uint64_t kOnes = ~uint64_t{0} / 255;
  constexpr uint64_t kHigh = kOnes * 0x80;
  const auto has_zero = [](uint64_t x) { return (x - kOnes) & ~x & kHigh; };
  const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
  return !(below_space | (w & kHigh) | has_zero(w ^ (kOnes * '"')) | has_zero(w ^ (kOnes * '\\')) |
           has_zero(w ^ (kOnes * 0x7F)));
}

// Bytes from s[i] on that go out unchanged: plain ASCII and valid UTF-8.
size_t VerbatimRun(std::string_view s, size_t i) {
  const size_t start = i;
  while (i < s.size()) {
    uint64_t w;
    if (i + 8 <= s.size() && (std::memcpy(&w, s.data() + i, 8), AllPlain(w))) {
      i += 8;
      continue;
    }
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (Plain(c)) {
      ++i;
    } else if (const size_t n = c >= 0x80 ? ValidUtf8At(s, i) : 0; n > 0) {
      i += n;
    } else {
      break;
    }
  }
  return i - start;
}

// Appends the escape of one byte that cannot go out verbatim.
void AppendEscaped(std::string* out, unsigned char c) {
  switch (c) {
    case '"':
      out->append("\\\"");
      return;
    case '\\':
      out->append("\\\\");
      return;
    case '\n':
      out->append("\\n");
      return;
    case '\r':
      out->append("\\r");
      return;
    case '\t':
      out->append("\\t");
      return;
    default:
      break;
  }
  if (c < 0x20 || c == 0x7F) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", c);
    out->append(buf);
  } else {
    out->append("\xEF\xBF\xBD");  // a byte >= 0x80 outside valid UTF-8
  }
}

}  // namespace

void AppendJsonString(std::string* out, std::string_view s) {
  out->push_back('"');
  // Whole verbatim runs are copied at once: most values have no escapes.
  for (size_t i = 0; i < s.size();) {
    const size_t run = VerbatimRun(s, i);
    out->append(s.data() + i, run);
    i += run;
    if (i < s.size()) AppendEscaped(out, static_cast<unsigned char>(s[i++]));
  }
  out->push_back('"');
}

void JsonObject::Key(std::string_view key) {
  // Keys are our own short ASCII names: nothing to escape, and `,"key":`
  // goes out in one append.
  char buf[64];
  if (key.size() + 4 > sizeof buf) {
    out_.append(first_ ? "\"" : ",\"").append(key).append("\":");
    first_ = false;
    return;
  }
  char* p = buf;
  if (!first_) *p++ = ',';
  *p++ = '"';
  p = std::copy(key.begin(), key.end(), p);
  *p++ = '"';
  *p++ = ':';
  out_.append(buf, static_cast<size_t>(p - buf));
  first_ = false;
}

JsonObject& JsonObject::Str(std::string_view key, std::string_view value) {
  Key(key);
  AppendJsonString(&out_, value);
  return *this;
}

JsonObject& JsonObject::Num(std::string_view key, uint64_t value) {
  Key(key);
  char buf[24];
  const auto end = std::to_chars(buf, buf + sizeof buf, value).ptr;
  out_.append(buf, static_cast<size_t>(end - buf));
  return *this;
}

JsonObject& JsonObject::Real(std::string_view key, double value) {
  Key(key);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3f", value);
  out_.append(buf);
  return *this;
}

JsonObject& JsonObject::Bool(std::string_view key, bool value) {
  Key(key);
  out_.append(value ? "true" : "false");
  return *this;
}

JsonObject& JsonObject::Raw(std::string_view key, std::string_view json) {
  Key(key);
  out_.append(json);
  return *this;
}

std::string JsonObject::Done() {
  out_.push_back('}');
  return &out_ == &own_ ? std::move(own_) : std::string();
}

std::string CountsJson(const std::array<uint64_t, kDataTypeCount>& counts) {
  JsonObject o;
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (counts[t]) o.Num(DataTypeName(static_cast<DataType>(t)), counts[t]);
  }
  return o.Done();
}

void AppendShown(std::string* out, const Finding& f, bool reveal) {
  if (reveal) {
    out->append(f.value);
  } else {
    AppendMaskedValue(out, f.type, f.value);
  }
}

std::string Shown(const Finding& f, bool reveal) {
  std::string out;
  AppendShown(&out, f, reveal);
  return out;
}

}  // namespace mamori
