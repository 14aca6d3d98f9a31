#include "detectors/context.h"

#include <algorithm>

namespace mamori {

std::optional<LabelKind> OwningLabel(const Candidates& in, uint32_t pos, uint32_t window) {
  const uint32_t floor = pos > window ? pos - window : 0;
  std::span<const LabelHit> labels = in.labels;
  if (in.lazy_labels) {
    // The labels that may own pos lie in [floor - reach, pos + reach), and
    // so does any label that contains one of them, which is all it takes to
    // tell which labels the finder keeps (it drops contained ones).
    const uint32_t reach = in.lazy_labels->MaxLabelBytes();
    labels = in.lazy_labels->Within(floor > reach ? floor - reach : 0, pos + reach);
  }
  // Labels are sorted by begin; find the last one that begins before pos.
  auto it = std::lower_bound(labels.begin(), labels.end(), pos,
                             [](const LabelHit& h, uint32_t p) { return h.begin < p; });
  while (it != labels.begin()) {
    --it;
    if (it->end > pos) continue;                       // overlaps the value itself
    if (it->kind == LabelKind::kPrefecture) continue;  // a place name, not a label
    if (it->kind == LabelKind::kHonorific) continue;   // follows a name, names nothing after it
    if (it->end < floor) break;
    // More than one line break between label and value: not its label.
    const std::string_view gap = in.text.substr(it->end, pos - it->end);
    if (std::count(gap.begin(), gap.end(), '\n') > 1) break;
    return it->kind;
  }
  return in.unit_label;
}

bool LabelledAs(const Candidates& in, uint32_t pos, std::initializer_list<LabelKind> kinds,
                uint32_t window) {
  const std::optional<LabelKind> owner = OwningLabel(in, pos, window);
  return owner && std::find(kinds.begin(), kinds.end(), *owner) != kinds.end();
}

LabelZones::LabelZones(const Candidates& in, Kinds kinds, uint32_t reach)
    : in_(in), kinds_(kinds), reach_(reach) {
  if (in.unit_label && kinds_.test(static_cast<size_t>(*in.unit_label))) {
    to_ = kNone;  // one zone over the whole unit
    next_ = in.labels.size();
  }
}

uint32_t LabelZones::NextFrom(uint32_t pos) {
  // Zones are visited in the order their labels begin; one that ends before
  // `pos` can never cover a later position either.
  while (to_ <= pos) {
    while (next_ < in_.labels.size() && !kinds_.test(static_cast<size_t>(in_.labels[next_].kind))) {
      ++next_;
    }
    if (next_ == in_.labels.size()) return kNone;
    const LabelHit& h = in_.labels[next_++];
    from_ = h.begin;
    to_ = h.end >= kNone - reach_ ? kNone : h.end + reach_ + 1;
  }
  return std::max(from_, pos);
}

bool InsideLongerToken(std::string_view text, uint32_t begin, uint32_t end) {
  if (begin > 0 && IsAsciiAlnum(text[begin - 1])) return true;
  return end < text.size() && IsAsciiAlnum(text[end]);
}

}  // namespace mamori
