// Japanese morphology with MeCab and IPADIC (Debian libmecab2 and
// mecab-ipadic-utf8): the part-of-speech signals the name detector needs.
// The model is loaded once per process on first use and shared read-only;
// each thread gets its own tagger and lattice, also on first use. Only small
// windows around name triggers are analysed, never whole files.
#ifndef MAMORI_DETECTORS_MORPHOLOGY_H_
#define MAMORI_DETECTORS_MORPHOLOGY_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace mamori {

enum MorphTag : uint8_t {
  kTagPersonName = 1 << 0,    // 名詞,固有名詞,人名 (姓, 名 or 一般)
  kTagSurname = 1 << 1,       // 名詞,固有名詞,人名,姓
  kTagGivenName = 1 << 2,     // 名詞,固有名詞,人名,名
  kTagPlace = 1 << 3,         // 名詞,固有名詞,地域 and 名詞,接尾,地域 (県, 町)
  kTagOrganization = 1 << 4,  // 名詞,固有名詞,組織
  kTagCommonNoun = 1 << 5,    // any other known noun (一般, サ変接続, 代名詞 ...)
  kTagUnknown = 1 << 6,       // not in the dictionary (rare names land here)
  kTagOther = 1 << 7,         // particles, verbs, symbols ...
};

// One word of the analysed text: [begin, end) in bytes of that text.
struct Morpheme {
  uint32_t begin;
  uint32_t end;
  uint8_t tags;
};

// Splits `text` into words. False (and nothing in *out) when MeCab or its
// UTF-8 IPADIC is not installed; a warning goes to stderr once.
bool AnalyzeMorphemes(std::string_view text, std::vector<Morpheme>* out);

// Loads the shared model now instead of on first use.
void LoadMorphology();

}  // namespace mamori

#endif  // MAMORI_DETECTORS_MORPHOLOGY_H_
