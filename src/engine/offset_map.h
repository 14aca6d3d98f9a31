// Maps offsets in a derived buffer (decoded, normalized text) back to the
// original bytes of the object. Piecewise: from each breakpoint on, one
// output byte is one input byte, until the next breakpoint. ASCII and plain
// UTF-8 text need no breakpoints at all.
#ifndef MAMORI_ENGINE_OFFSET_MAP_H_
#define MAMORI_ENGINE_OFFSET_MAP_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace mamori {

class OffsetMap {
 public:
  // Identity from output 0 to input `origin`.
  void Reset(uint64_t origin) {
    points_.clear();
    points_.push_back({0, origin, origin});
  }

  // The input offset that output offset `out` currently maps to.
  uint64_t Expected(uint32_t out) const {
    const Point& p = points_.back();
    return p.in + (out - p.out);
  }

  // The character starting at output `out` starts at input `in`.
  // Breakpoints come in order.
  void Set(uint32_t out, uint64_t in) {
    if (points_.back().out == out) {
      points_.back().in = in;
    } else if (Expected(out) != in) {
      points_.push_back({out, in, Expected(out)});
    }
  }

  // The output before `out` ends at input `end` (and, unless Set says
  // otherwise, the next character starts there).
  void SetEnd(uint32_t out, uint64_t end) {
    if (points_.back().out == out) {
      points_.back().in = points_.back().end = end;
    } else if (Expected(out) != end) {
      points_.push_back({out, end, end});
    }
  }

  // Where the character at output `out` starts in the input.
  uint64_t ToOriginal(uint32_t out) const;
  // Where output ending at `out` ends in the input: differs from
  // ToOriginal when input bytes (an encoding's mode switch) sit between.
  uint64_t ToOriginalEnd(uint32_t out) const;

  // Forgets output before `pos`: offset `pos` becomes offset 0.
  void DropPrefix(uint32_t pos);

  size_t breakpoints() const { return points_.size(); }

 private:
  struct Point {
    uint32_t out;
    uint64_t in;   // where the character at `out` starts
    uint64_t end;  // where the output before `out` ends
  };
  std::vector<Point> points_{{0, 0, 0}};
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_OFFSET_MAP_H_
