#include "extract/record_skip.h"

#include <algorithm>

#include "engine/text_decoder.h"

namespace mamori {

bool Touched(std::span<const TextSpan> triggers, size_t begin, size_t end) {
  return std::any_of(triggers.begin(), triggers.end(),
                     [&](const TextSpan& t) { return t.begin < end && begin < t.end; });
}

void PieceTriggers::Reset(ExtractSink& sink, std::string_view piece) {
  spans_.clear();
  next_ = 0;
  reach_ = 0;
  known_ = IsFoldFree(piece);
  known_from_ = 0;
  if (!known_) return;
  sink.MayHoldFinding(piece, &spans_);
  Sort();
}

void PieceTriggers::ResetEncoded(ExtractSink& sink, std::string_view piece,
                                 std::string_view charset, size_t from) {
  spans_.clear();
  next_ = 0;
  reach_ = 0;
  from = std::min(from, piece.size());
  known_ = sink.TriggersOfEncoded(piece.substr(from), charset, &spans_);
  known_from_ = from;
  if (!known_) return;
  for (TextSpan& s : spans_) {
    s.begin += from;
    s.end += from;
  }
  Sort();
}

void PieceTriggers::Sort() {
  std::sort(spans_.begin(), spans_.end(),
            [](const TextSpan& a, const TextSpan& b) { return a.begin < b.begin; });
}

bool PieceTriggers::Record(size_t begin, size_t end, std::vector<TextSpan>* out) {
  out->clear();
  while (next_ < spans_.size() && spans_[next_].begin < begin) {
    reach_ = std::max(reach_, spans_[next_].end);
    ++next_;
  }
  // A span from before the record that reaches into it (a sink that answers
  // for the whole piece at once) counts for the part it covers.
  if (reach_ > begin) out->push_back({0, std::min(reach_, end) - begin});
  for (size_t k = next_; k < spans_.size() && spans_[k].begin < end; ++k) {
    out->push_back({spans_[k].begin - begin, std::min(spans_[k].end, end) - begin});
  }
  return !out->empty();
}

}  // namespace mamori
