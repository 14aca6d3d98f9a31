// Which records of a table (an NDJSON line, a CSV row) can hold a finding at
// all. Most rows of a log or an export hold none of the enabled types; the
// extractors skip those without parsing them into cells, which is most of
// the cost of a table. The rules below are a superset of what the detectors
// accept, written from their own constants (each rule names its source), so
// a skipped record is one the full path would have reported nothing for:
// `mamori scan --no-record-filter` reads every record, and the tests compare
// both ways on every corpus.
#ifndef MAMORI_ENGINE_RECORD_FILTER_H_
#define MAMORI_ENGINE_RECORD_FILTER_H_

#include <bitset>
#include <string_view>
#include <vector>

#include "detectors/detector.h"
#include "engine/digit_stretch.h"
#include "engine/labels.h"
#include "mamori/types.h"

namespace mamori {

// A byte range [begin, end) of a text.
struct TextSpan {
  size_t begin;
  size_t end;
};

class RecordFilter {
 public:
  explicit RecordFilter(const std::bitset<kDataTypeCount>& enabled);

  // Whether a column header or JSON key of this kind can make a cell of its
  // column a finding, or give a value in it the context it needs.
  bool KindMatters(LabelKind kind) const { return kinds_.test(static_cast<size_t>(kind)); }
  // Whether MayHoldFinding reads nothing but ASCII digits, the gap bytes,
  // '+' and '@' (no labels, no Japanese text): cards, emails, phones.
  bool ReadsOnlyAscii() const { return !needs_labels_ && !non_ascii_ && !postal_; }
  // Whether any kind does (false for card numbers and emails alone).
  bool AnyKindMatters() const { return kinds_.any(); }

  // Whether a cell of `text` (as written or normalized: only ASCII digits
  // and gap bytes are read) under a column or key of kind `column` can hold
  // no finding, whatever MayHoldFinding said of it: order and reference
  // numbers own their digits. A cell of nothing but ASCII
  // digits and gap bytes holds no label, '@' or Japanese text, so its
  // column is the owner of every number in it: the phone detector passes
  // over numbers an order or reference label owns, the card detector over
  // those an order label owns (a card number under a reference label is
  // still one, so such a cell with enough digits for a card may hold one).
  bool ColumnOwnsDigits(LabelKind column, std::string_view text) const;

  // Whether label hits can change the answer (false for card numbers
  // alone): callers may then skip the label search.
  bool NeedsLabels() const { return needs_labels_; }

  // The digit stretches whose runs MayHoldFinding reads: its rules count
  // digits of runs joined across a few gap bytes, and such a chain lies in
  // one stretch of these joiners with at least as many digits. `found` may
  // then hold only the runs of such stretches (FindRunsInLongDigitStretches).
  const DigitStretchRule& ChainStretch() const { return chain_stretch_; }

  // False when normalized `text`, whose digit runs, '@' signs and (when
  // NeedsLabels()) labels are `found`, can hold no finding in a column or
  // under a key whose kind does not matter. With `triggers`, it also lists
  // every byte range of `text` that made it true (a part of `text` that
  // overlaps none holds no finding on its own).
  bool MayHoldFinding(std::string_view text, const Candidates& found,
                      std::vector<TextSpan>* triggers = nullptr) const;

 private:
  template <typename Hit>
  void FindTriggers(std::string_view text, const Candidates& found, const Hit& hit) const;

  std::bitset<kLabelKindCount> kinds_;  // label kinds that give an enabled type its context
  bool needs_labels_ = false;
  DigitStretchRule chain_stretch_{};
  bool at_sign_ = false;    // email, or a name on a record line with an email
  bool card_ = false;       // any card type: 13 digits in a chain
  bool phone_ = false;      // phone, or a name on a record line with a phone
  bool postal_ = false;     // NNN-NNNN before a Japanese address
  bool non_ascii_ = false;  // names and addresses start from Japanese words
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_RECORD_FILTER_H_
