// One pass over a normalized buffer that collects the candidates every
// detector works from: digit runs and '@' signs (a SIMD byte scan) and label
// hits (a Vectorscan literal database).
#ifndef MAMORI_ENGINE_FINDER_H_
#define MAMORI_ENGINE_FINDER_H_

#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "detectors/detector.h"
#include "mamori/status.h"

struct hs_database;
struct hs_scratch;

namespace mamori {

// Reusable per-thread storage for one buffer's candidates.
struct CandidateBuffers {
  std::vector<DigitRun> runs;
  std::vector<uint32_t> at_signs;
  std::vector<LabelHit> labels;

  Candidates View(std::string_view text, std::optional<LabelKind> unit_label = std::nullopt,
                  std::bitset<kDataTypeCount> enabled = std::bitset<kDataTypeCount>().set()) const {
    return Candidates{text, runs, at_signs, labels, unit_label, enabled};
  }
};

// Collects digit runs and '@' offsets of `text` into *runs and *at_signs.
// Uses AVX-512 where the CPU has it.
void FindDigitRunsAndAtSigns(std::string_view text, std::vector<DigitRun>* runs,
                             std::vector<uint32_t>* at_signs);
// The same without AVX-512 (SSE2 or scalar), for tests on machines that have it.
void FindDigitRunsAndAtSignsPortable(std::string_view text, std::vector<DigitRun>* runs,
                                     std::vector<uint32_t>* at_signs);

class Finder {
 public:
  // Per-thread Vectorscan scratch space.
  class Scratch {
   public:
    ~Scratch();
    Scratch(const Scratch&) = delete;
    Scratch& operator=(const Scratch&) = delete;

   private:
    friend class Finder;
    Scratch() = default;
    hs_scratch* scratch_ = nullptr;
  };

  // Where labels are looked for in text without digits or '@' (what every
  // structured detector starts from).
  enum class WordLabels {
    kNever,
    kNonAscii,  // Japanese text: addresses in kanji numerals (東京都千代田区永田町一丁目), names
    kAnyText,  // also ASCII text: "Name: Taro Yamada"
  };
  static Result<std::unique_ptr<Finder>> Create(WordLabels word_labels = WordLabels::kNever);
  ~Finder();

  Result<std::unique_ptr<Scratch>> NewScratch() const;

  // Fills *out with the candidates of `text` (at most 4 GiB).
  void Find(std::string_view text, Scratch& scratch, CandidateBuffers* out) const;

  // Find() for the detectors of structured values (a finder made with
  // WordLabels::kNever; others get Find()): labels are looked for only within
  // reach of a digit run or an '@', where those detectors read them. The
  // detectors report the same from either (tests compare both), and prose
  // with few numbers is spared most of the label search.
  void FindNearValues(std::string_view text, Scratch& scratch, CandidateBuffers* out) const;

  // The labels Find() would report that lie within [from, to) of `text`
  // (labels contained in longer ones in the range dropped), into *out.
  void FindLabels(std::string_view text, uint32_t from, uint32_t to, Scratch& scratch,
                  std::vector<LabelHit>* out) const;

  // The longest label in bytes.
  uint32_t max_label_bytes() const { return max_label_bytes_; }

 private:
  Finder() = default;
  hs_database* labels_db_ = nullptr;
  WordLabels word_labels_ = WordLabels::kNever;
  // Every label has a letter (ASCII or any non-ASCII byte), so text without
  // one has no labels and needs no Vectorscan call (digit-only table cells).
  bool labels_need_letters_ = false;
  uint32_t max_label_bytes_ = 0;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_FINDER_H_
