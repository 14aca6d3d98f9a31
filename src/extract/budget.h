// Limits travel with every top-level object (like ClamAV's scan limits):
// each extractor asks the budget before it extracts, and a refusal makes the
// object "incomplete" with the reason, while scanning goes on.
#ifndef MAMORI_EXTRACT_BUDGET_H_
#define MAMORI_EXTRACT_BUDGET_H_

#include <chrono>
#include <cstdint>
#include <string>

#include "mamori/options.h"
#include "mamori/status.h"

namespace mamori {

class Budget {
 public:
  explicit Budget(const Limits& limits)
      : limits_(limits),
        deadline_(std::chrono::steady_clock::now() + std::chrono::seconds(limits.max_seconds)) {}

  const Limits& limits() const { return limits_; }

  // Asks to extract one more member of `size` bytes (0 when unknown yet).
  Status AdmitMember(uint64_t size) {
    if (++members_ > limits_.max_members)
      return Status::Unsupported("too many members (limit " + std::to_string(limits_.max_members) +
                                 ")");
    if (size > limits_.max_member_bytes)
      return Status::Unsupported("member too large: " + std::to_string(size) + " bytes (limit " +
                                 std::to_string(limits_.max_member_bytes) + ")");
    return Expired();
  }

  // Asks to produce `bytes` more decompressed bytes.
  Status Take(uint64_t bytes) {
    total_ += bytes;
    if (total_ > limits_.max_total_bytes)
      return Status::Unsupported("extracted bytes over the limit of " +
                                 std::to_string(limits_.max_total_bytes));
    return Status::Ok();
  }

  Status Expired() const {
    if (std::chrono::steady_clock::now() > deadline_)
      return Status::Unsupported("time budget of " + std::to_string(limits_.max_seconds) +
                                 " s used up");
    return Status::Ok();
  }

  // Nesting: Enter() before scanning a nested container, Leave() after.
  Status Enter() {
    if (depth_ + 1 > limits_.max_depth)
      return Status::Unsupported("nested deeper than " + std::to_string(limits_.max_depth));
    ++depth_;
    return Status::Ok();
  }
  void Leave() { --depth_; }
  uint32_t depth() const { return depth_; }

 private:
  Limits limits_;
  std::chrono::steady_clock::time_point deadline_;
  uint64_t members_ = 0;
  uint64_t total_ = 0;
  uint32_t depth_ = 0;
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_BUDGET_H_
