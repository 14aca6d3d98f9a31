// Gathers one object's findings: counts them, estimates the people behind
// them, rates the risk, and hands them on in batches so a huge file never
// holds all its findings in memory.
#ifndef MAMORI_ENGINE_COLLECTOR_H_
#define MAMORI_ENGINE_COLLECTOR_H_

#include <array>
#include <cstdint>
#include <functional>
#include <unordered_set>
#include <vector>

#include "mamori/finding.h"

namespace mamori {

// Risk of an object from its finding counts (test values excluded) and its
// estimated records. See README "Risk".
Risk RateRisk(const std::array<uint64_t, kDataTypeCount>& real_counts, uint64_t records);

class FindingCollector {
 public:
  using Flush = std::function<void(std::vector<Finding>&)>;
  // Small enough that a batch is still in the cache when the sink formats it.
  static constexpr size_t kBatch = 512;

  explicit FindingCollector(Flush flush) : flush_(std::move(flush)) {}

  void Add(Finding finding);

  // Findings added so far.
  uint64_t added() const { return added_; }

  // Flushes what is left and fills counts, findings, records and risk.
  // `table_records`, when set, replaces the identity estimate (a table's
  // rows with findings are its people).
  void Finish(ObjectReport* report, std::optional<uint64_t> table_records = std::nullopt);

 private:
  Flush flush_;
  uint64_t added_ = 0;
  std::vector<Finding> batch_;
  std::array<uint64_t, kDataTypeCount> counts_{};
  std::array<uint64_t, kDataTypeCount> real_counts_{};  // without test values
  // Distinct identities per kind (card, email, phone), as 64-bit hashes.
  std::array<std::unordered_set<uint64_t>, 3> identities_;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_COLLECTOR_H_
