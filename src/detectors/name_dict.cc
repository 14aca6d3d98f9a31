#include "detectors/name_dict.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iterator>

namespace mamori {
namespace {

// What an entry's tags "(s,f)" say it can be, as written / read / romanized.
struct Roles {
  bool surname = false;
  bool given = false;
};

Roles ParseTags(std::string_view tags) {
  Roles r;
  size_t i = 0;
  while (i < tags.size()) {
    const size_t comma = tags.find(',', i);
    const std::string_view t = tags.substr(i, comma == std::string_view::npos ? tags.npos : comma - i);
    if (t == "s") r.surname = true;
    if (t == "g" || t == "f" || t == "m") r.given = true;
    if (comma == std::string_view::npos) break;
    i = comma + 1;
  }
  return r;
}

// Keys collected while parsing: [begin, end) of `store`, with flags.
struct Pending {
  uint32_t begin;
  uint32_t end;
  uint8_t flags;
};

class Builder {
 public:
  void Add(std::string_view key, uint8_t flags) {
    if (key.empty() || flags == 0) return;
    const auto begin = static_cast<uint32_t>(store_.size());
    store_.append(key);
    pending_.push_back({begin, static_cast<uint32_t>(store_.size()), flags});
  }

  // Sorts, merges duplicates and packs into the dictionary's arrays.
  void Finish(std::string* blob, std::vector<uint32_t>* offsets, std::vector<uint8_t>* flags) {
    auto view = [&](const Pending& p) {
      return std::string_view(store_).substr(p.begin, p.end - p.begin);
    };
    std::sort(pending_.begin(), pending_.end(),
              [&](const Pending& a, const Pending& b) { return view(a) < view(b); });
    for (size_t i = 0; i < pending_.size(); ++i) {
      if (!flags->empty() && view(pending_[i]) == view(pending_[i - 1])) {
        flags->back() |= pending_[i].flags;
        continue;
      }
      offsets->push_back(static_cast<uint32_t>(blob->size()));
      blob->append(view(pending_[i]));
      flags->push_back(pending_[i].flags);
    }
    offsets->push_back(static_cast<uint32_t>(blob->size()));
    blob->shrink_to_fit();
    offsets->shrink_to_fit();
    flags->shrink_to_fit();
  }

 private:
  std::string store_;
  std::vector<Pending> pending_;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

// One line: KEY [READING] /(tags) Gloss/...
void ParseLine(std::string_view line, Builder& b) {
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos) return;
  const std::string_view key = line.substr(0, sp);
  std::string_view rest = line.substr(sp + 1);
  std::string_view reading;
  if (rest.starts_with('[')) {
    const size_t close = rest.find(']');
    if (close == std::string_view::npos) return;
    reading = rest.substr(1, close - 1);
    rest = rest.substr(close + 1);
  }
  const size_t open = rest.find("/(");
  if (open == std::string_view::npos) return;
  const size_t close = rest.find(')', open);
  if (close == std::string_view::npos) return;
  const Roles roles = ParseTags(rest.substr(open + 2, close - open - 2));
  if (!roles.surname && !roles.given) return;
  b.Add(key, (roles.surname ? kSurnameWritten : 0) | (roles.given ? kGivenWritten : 0));
  if (!reading.empty()) {
    b.Add(ToKatakana(reading), (roles.surname ? kSurnameReading : 0) | (roles.given ? kGivenReading : 0));
  } else {
    // A kana key is its own reading.
    b.Add(ToKatakana(key), (roles.surname ? kSurnameReading : 0) | (roles.given ? kGivenReading : 0));
  }
  // The romanization: the gloss up to '/', ' ' or '('.
  std::string_view gloss = rest.substr(close + 1);
  while (!gloss.empty() && gloss.front() == ' ') gloss.remove_prefix(1);
  const size_t stop = gloss.find_first_of("/ (");
  gloss = gloss.substr(0, stop);
  const bool alpha = !gloss.empty() && std::all_of(gloss.begin(), gloss.end(), [](char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  });
  if (alpha) {
    b.Add(Lower(gloss), (roles.surname ? kSurnameRomaji : 0) | (roles.given ? kGivenRomaji : 0));
  }
}

}  // namespace

std::string ToKatakana(std::string_view utf8) {
  std::string out(utf8);
  // Hiragana U+3041..U+3096 is E3 81 81..E3 82 96; katakana is +0x60.
  for (size_t i = 0; i + 2 < out.size(); ++i) {
    auto b0 = static_cast<unsigned char>(out[i]);
    if (b0 != 0xE3) continue;
    const unsigned cp = ((b0 & 0x0F) << 12) | ((static_cast<unsigned char>(out[i + 1]) & 0x3F) << 6) |
                        (static_cast<unsigned char>(out[i + 2]) & 0x3F);
    if (cp >= 0x3041 && cp <= 0x3096) {
      const unsigned k = cp + 0x60;
      out[i + 1] = static_cast<char>(0x80 | ((k >> 6) & 0x3F));
      out[i + 2] = static_cast<char>(0x80 | (k & 0x3F));
    }
    i += 2;
  }
  return out;
}

NameDictionary NameDictionary::FromUtf8(std::string_view text) {
  Builder b;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    ParseLine(text.substr(pos, nl - pos), b);
    pos = nl + 1;
  }
  NameDictionary d;
  b.Finish(&d.blob_, &d.offsets_, &d.flags_);
  return d;
}

NameDictionary NameDictionary::Load(const std::string& path, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return {};
  }
  const std::string euc((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  // EUC-JP is at most 3 bytes per character, UTF-8 at most 4 for the same.
  std::string utf8(euc.size() * 2 + 16, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = ucnv_convert("UTF-8", "EUC-JP", utf8.data(), static_cast<int32_t>(utf8.size()),
                                 euc.data(), static_cast<int32_t>(euc.size()), &status);
  if (U_FAILURE(status)) {
    *error = std::string("cannot decode ") + path + " as EUC-JP: " + u_errorName(status);
    return {};
  }
  utf8.resize(static_cast<size_t>(n));
  return FromUtf8(utf8);
}

const NameDictionary& NameDictionary::Shared() {
  static const NameDictionary* const shared = [] {
    std::string error;
    auto* d = new NameDictionary(Load(std::string(kEnamdictPath), &error));
    if (d->size() == 0) {
      std::fprintf(stderr,
                   "mamori: warning: no ENAMDICT name list (%s; Debian package enamdict): "
                   "person names are recognized with IPADIC and context only\n",
                   error.empty() ? "empty" : error.c_str());
    }
    return d;
  }();
  return *shared;
}

uint8_t NameDictionary::Lookup(std::string_view key) const {
  if (flags_.empty()) return 0;
  size_t lo = 0, hi = flags_.size();
  while (lo < hi) {
    const size_t mid = (lo + hi) / 2;
    const std::string_view k(blob_.data() + offsets_[mid], offsets_[mid + 1] - offsets_[mid]);
    if (k < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo == flags_.size()) return 0;
  const std::string_view k(blob_.data() + offsets_[lo], offsets_[lo + 1] - offsets_[lo]);
  return k == key ? flags_[lo] : 0;
}

}  // namespace mamori
