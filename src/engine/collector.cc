#include "engine/collector.h"

#include <algorithm>
#include <string_view>

namespace mamori {
namespace {

size_t Idx(DataType t) { return static_cast<size_t>(t); }

// FNV-1a: identities only need to be told apart, not kept.
uint64_t Hash(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
  return h;
}

int IdentitySlot(DataType t) {
  switch (t) {
    case DataType::kCardNumber:
      return 0;
    case DataType::kEmail:
      return 1;
    case DataType::kPhone:
      return 2;
    default:
      return -1;
  }
}

}  // namespace

Risk RateRisk(const std::array<uint64_t, kDataTypeCount>& c, uint64_t records) {
  const auto has = [&](DataType t) { return c[Idx(t)] > 0; };
  const bool card = has(DataType::kCardNumber);
  if (has(DataType::kCardSecurityCode) || has(DataType::kCardTrack) ||
      (card && (has(DataType::kPersonName) || has(DataType::kAddress)))) {
    return Risk::kCritical;
  }
  if (records >= 1000 || card || has(DataType::kMyNumber)) return Risk::kHigh;
  for (DataType t :
       {DataType::kEmail, DataType::kPhone, DataType::kPersonName, DataType::kAddress,
        DataType::kPassportNumber, DataType::kDriversLicense, DataType::kBankAccount}) {
    if (has(t)) return Risk::kMedium;
  }
  const bool any = std::any_of(c.begin(), c.end(), [](uint64_t n) { return n > 0; });
  return any ? Risk::kLow : Risk::kNone;
}

void FindingCollector::Add(Finding f) {
  ++added_;
  ++counts_[Idx(f.type)];
  if (!f.test) {
    ++real_counts_[Idx(f.type)];
    if (const int slot = IdentitySlot(f.type); slot >= 0) identities_[slot].insert(Hash(f.value));
  }
  batch_.push_back(std::move(f));
  if (batch_.size() >= kBatch) {
    flush_(batch_);
    batch_.clear();
  }
}

void FindingCollector::Finish(ObjectReport* report, std::optional<uint64_t> table_records) {
  if (!batch_.empty()) flush_(batch_);
  batch_.clear();
  report->counts = counts_;
  report->findings = 0;
  for (uint64_t n : counts_) report->findings += n;
  // Without rows to count, the person count is estimated by the most
  // numerous identity kind: a list of 100 customers with emails and
  // phones is 100 people, not 200.
  uint64_t people = 0;
  for (const auto& ids : identities_) people = std::max<uint64_t>(people, ids.size());
  report->records = table_records.value_or(people);
  // Test card numbers alone still make a finding: low, never none.
  report->risk = std::max(RateRisk(real_counts_, report->records),
                          report->findings > 0 ? Risk::kLow : Risk::kNone);
}

}  // namespace mamori
