#include "detectors/morphology.h"

#include <mecab.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace mamori {
namespace {

// Where Debian installs the UTF-8 IPADIC; the EUC-JP one is of no use.
constexpr std::array<const char*, 2> kDictionaryDirs = {"/var/lib/mecab/dic/ipadic-utf8",
                                                        "/usr/share/mecab/dic/ipadic"};

MeCab::Model* SharedModel() {
  static MeCab::Model* const model = []() -> MeCab::Model* {
    for (const char* dir : kDictionaryDirs) {
      // "-r /dev/null": no mecabrc is needed or read, so a user's rc cannot
      // switch the dictionary under us.
      const std::string args = std::string("-r /dev/null -d ") + dir;
      if (MeCab::Model* m = MeCab::createModel(args.c_str())) return m;
    }
    std::fprintf(stderr,
                 "mamori: warning: MeCab with the UTF-8 IPADIC is not available (Debian packages "
                 "libmecab2, mecab-ipadic-utf8): person names are recognized with ENAMDICT and "
                 "context only\n");
    return nullptr;
  }();
  return model;
}

struct ThreadTagger {
  std::unique_ptr<MeCab::Tagger> tagger;
  std::unique_ptr<MeCab::Lattice> lattice;
};

// IPADIC features: 品詞,細分類1,細分類2,細分類3,...
uint8_t TagsOf(const char* feature, bool unknown) {
  const std::string_view f(feature);
  if (!f.starts_with("名詞,")) return kTagOther;
  if (unknown) return kTagUnknown;
  if (f.starts_with("名詞,固有名詞,人名,姓")) return kTagPersonName | kTagSurname;
  if (f.starts_with("名詞,固有名詞,人名,名")) return kTagPersonName | kTagGivenName;
  if (f.starts_with("名詞,固有名詞,人名")) return kTagPersonName;
  if (f.starts_with("名詞,固有名詞,地域") || f.starts_with("名詞,接尾,地域")) return kTagPlace;
  if (f.starts_with("名詞,固有名詞,組織")) return kTagOrganization;
  return kTagCommonNoun;
}

}  // namespace

bool AnalyzeMorphemes(std::string_view text, std::vector<Morpheme>* out) {
  out->clear();
  MeCab::Model* model = SharedModel();
  if (model == nullptr) return false;
  thread_local ThreadTagger t;
  if (!t.tagger) {
    t.tagger.reset(model->createTagger());
    t.lattice.reset(model->createLattice());
    if (!t.tagger || !t.lattice) return false;
  }
  t.lattice->set_sentence(text.data(), text.size());
  if (!t.tagger->parse(t.lattice.get())) return false;
  for (const MeCab::Node* n = t.lattice->bos_node(); n != nullptr; n = n->next) {
    if (n->stat == MECAB_BOS_NODE || n->stat == MECAB_EOS_NODE) continue;
    const auto begin = static_cast<uint32_t>(n->surface - text.data());
    out->push_back({begin, begin + n->length, TagsOf(n->feature, n->stat == MECAB_UNK_NODE)});
  }
  return true;
}

void LoadMorphology() { SharedModel(); }

}  // namespace mamori
