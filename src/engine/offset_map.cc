#include "engine/offset_map.h"

#include <algorithm>

namespace mamori {

uint64_t OffsetMap::ToOriginal(uint32_t out) const {
  auto it = std::upper_bound(points_.begin(), points_.end(), out,
                             [](uint32_t o, const Point& p) { return o < p.out; });
  const uint64_t next_end = it == points_.end() ? UINT64_MAX : it->end;
  --it;  // points_[0].out == 0, so there is always one at or before `out`
  // Inside a character that grew (one invalid byte became U+FFFD's three),
  // stay within that character's input bytes.
  return std::min(it->in + (out - it->out), next_end);
}

uint64_t OffsetMap::ToOriginalEnd(uint32_t out) const {
  auto it = std::lower_bound(points_.begin(), points_.end(), out,
                             [](const Point& p, uint32_t o) { return p.out < o; });
  if (it != points_.end() && it->out == out && out > 0) return it->end;
  return ToOriginal(out);
}

void OffsetMap::DropPrefix(uint32_t pos) {
  const uint64_t origin = ToOriginal(pos);
  auto first_after = std::upper_bound(points_.begin(), points_.end(), pos,
                                      [](uint32_t o, const Point& p) { return o < p.out; });
  std::vector<Point> kept;
  kept.reserve(points_.end() - first_after + 1);
  kept.push_back({0, origin, origin});
  for (auto it = first_after; it != points_.end(); ++it)
    kept.push_back({it->out - pos, it->in, it->end});
  points_ = std::move(kept);
}

}  // namespace mamori
