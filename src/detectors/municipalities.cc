#include "detectors/municipalities.h"

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace mamori {

// Generated from data/jp/municipalities.tsv by cmake/embed_lines.cmake.
extern const std::string_view kMunicipalityLines[];
extern const size_t kMunicipalityLines_count;

namespace {

constexpr std::string_view kSmallKe = "ヶ";
constexpr std::string_view kLargeKe = "ケ";
constexpr size_t kMaxNameBytes = 3 * 12;

// "ヶ" and "ケ" are written interchangeably in place names: fold to one.
std::string FoldKe(std::string_view s) {
  std::string out(s);
  for (size_t at = out.find(kSmallKe); at != std::string::npos; at = out.find(kSmallKe, at)) {
    out.replace(at, kSmallKe.size(), kLargeKe);
  }
  return out;
}

// (prefecture, name) pairs, names folded, sorted; each municipality in a 郡
// also appears without it.
class MunicipalityIndex {
 public:
  MunicipalityIndex() {
    for (size_t i = 0; i < kMunicipalityLines_count; ++i) {
      const std::string_view line = kMunicipalityLines[i];
      const size_t tab1 = line.find('\t');
      const size_t tab2 = line.find('\t', tab1 + 1);
      if (tab1 == std::string_view::npos || tab2 == std::string_view::npos) continue;
      const std::string_view prefecture = line.substr(0, tab1);
      const std::string_view name = line.substr(tab1 + 1, tab2 - tab1 - 1);
      entries_.emplace_back(std::string(prefecture), FoldKe(name));
      const size_t gun = name.find("郡");
      if (gun != std::string_view::npos && gun + 3 < name.size()) {
        entries_.emplace_back(std::string(prefecture), FoldKe(name.substr(gun + 3)));
      }
    }
    std::sort(entries_.begin(), entries_.end());
    entries_.erase(std::unique(entries_.begin(), entries_.end()), entries_.end());
    for (const auto& e : entries_) names_.push_back(e.second);
    std::sort(names_.begin(), names_.end());
    names_.erase(std::unique(names_.begin(), names_.end()), names_.end());
  }

  size_t count() const { return kMunicipalityLines_count; }

  bool Contains(std::string_view prefecture, const std::string& name) const {
    if (prefecture.empty()) return std::binary_search(names_.begin(), names_.end(), name);
    const std::pair<std::string, std::string> key(std::string(prefecture), name);
    return std::binary_search(entries_.begin(), entries_.end(), key);
  }

 private:
  std::vector<std::pair<std::string, std::string>> entries_;
  std::vector<std::string> names_;
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

size_t MunicipalityCount() { return Index().count(); }

size_t KnownMunicipalityLength(std::string_view text, std::string_view prefecture) {
  const MunicipalityIndex& index = Index();
  // Names are kana and kanji, three bytes a character: try each length that
  // ends in a suffix, longest first.
  size_t len = std::min(text.size(), kMaxNameBytes);
  len -= len % 3;
  for (; len >= 6; len -= 3) {
    const std::string_view name = text.substr(0, len);
    if (!EndsWithSuffix(name)) continue;
    if (index.Contains(prefecture, FoldKe(name))) return len;
  }
  return 0;
}

}  // namespace mamori
