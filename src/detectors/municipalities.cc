#include "detectors/municipalities.h"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

namespace mamori {

// Generated from data/jp/municipalities.tsv by cmake/embed_lines.cmake.
extern const std::string_view kMunicipalityLines[];
extern const size_t kMunicipalityLines_count;

namespace {

constexpr size_t kMaxNameBytes = 3 * 12;
constexpr size_t kMaxKeyBytes = 64;  // a prefecture (12 bytes at most), a tab, a name

// "ヶ" and "ケ" are written interchangeably in place names and have the same
// UTF-8 length (E3 83 B6, E3 82 B1): the key folds the one into the other.
// Writes "prefecture\tname" (or "name" alone) into `buf`.
std::string_view Key(std::string_view prefecture, std::string_view name,
                     std::array<char, kMaxKeyBytes>& buf) {
  size_t n = 0;
  if (!prefecture.empty()) {
    prefecture.copy(buf.data(), prefecture.size());
    n = prefecture.size();
    buf[n++] = '\t';
  }
  name.copy(buf.data() + n, name.size());
  for (size_t i = n; i + 2 < n + name.size(); ++i) {
    if (buf[i] == '\xE3' && buf[i + 1] == '\x83' && buf[i + 2] == '\xB6') {
      buf[i + 1] = '\x82';
      buf[i + 2] = '\xB1';
    }
  }
  return std::string_view(buf.data(), n + name.size());
}

// Keys of every municipality, sorted: with its prefecture and alone, and
// for those in a 郡 also without it.
class MunicipalityIndex {
 public:
  MunicipalityIndex() {
    std::array<char, kMaxKeyBytes> buf;
    for (size_t i = 0; i < kMunicipalityLines_count; ++i) {
      const std::string_view line = kMunicipalityLines[i];
      const size_t tab1 = line.find('\t');
      const size_t tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
      const std::string_view prefecture = line.substr(0, tab1);
      const std::string_view name = line.substr(tab1 + 1, tab2 - tab1 - 1);
      if (prefecture.size() + 1 + name.size() > kMaxKeyBytes) continue;
      Add(prefecture, name, buf);
      const size_t gun = name.find("郡");
      if (gun != std::string_view::npos && gun + 3 < name.size())
        Add(prefecture, name.substr(gun + 3), buf);
    }
    for (auto* keys : {&with_prefecture_, &alone_}) {
      std::sort(keys->begin(), keys->end());
      keys->erase(std::unique(keys->begin(), keys->end()), keys->end());
    }
  }

  bool Contains(std::string_view prefecture, std::string_view name) const {
    std::array<char, kMaxKeyBytes> buf;
    if (prefecture.size() + 1 + name.size() > kMaxKeyBytes) return false;
    const std::string_view key = Key(prefecture, name, buf);
    const auto& keys = prefecture.empty() ? alone_ : with_prefecture_;
    return std::binary_search(keys.begin(), keys.end(), key,
                              [](std::string_view a, std::string_view b) { return a < b; });
  }

 private:
  void Add(std::string_view prefecture, std::string_view name,
           std::array<char, kMaxKeyBytes>& buf) {
    with_prefecture_.emplace_back(Key(prefecture, name, buf));
    alone_.emplace_back(Key({}, name, buf));
  }

  std::vector<std::string> with_prefecture_;
  std::vector<std::string> alone_;
};

const MunicipalityIndex& Index() {
  static const MunicipalityIndex index;
  return index;
}

// 市 区 町 村 (each three bytes in UTF-8).
bool EndsWithSuffix(std::string_view s) {
  return s.ends_with("市") || s.ends_with("区") || s.ends_with("町") || s.ends_with("村");
}

}  // namespace

size_t MunicipalityCount() { return kMunicipalityLines_count; }

size_t KnownMunicipalityLength(std::string_view text, std::string_view prefecture) {
  const MunicipalityIndex& index = Index();
  // Names are kana and kanji, three bytes a character: try each length that
  // ends in a suffix, longest first.
  size_t len = std::min(text.size(), kMaxNameBytes);
  len -= len % 3;
  for (; len >= 6; len -= 3) {
    const std::string_view name = text.substr(0, len);
    if (EndsWithSuffix(name) && index.Contains(prefecture, name)) return len;
  }
  return 0;
}

}  // namespace mamori
