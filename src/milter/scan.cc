#include "milter/scan.h"

#include <chrono>

#include "mamori/mask.h"

namespace mamori::milter {

ScanFacts FactsFrom(const ObjectReport& report, const std::vector<Finding>& findings) {
  ScanFacts facts;
  for (const Finding& f : findings) {
    if (f.type == DataType::kCardNumber && f.test) {
      ++facts.test_cards;
      continue;
    }
    ++facts.counts[static_cast<size_t>(f.type)];
    if (f.type == DataType::kCardNumber && facts.card_example.empty()) {
      facts.card_example = MaskValue(f.type, f.value);
    }
  }
  facts.records = report.records;
  facts.encrypted = report.encrypted;
  facts.status = report.status;
  facts.status_reason = report.reason;
  return facts;
}

ScanFacts ScanMessage(Engine& engine, std::string_view message, uint32_t timeout_seconds) {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Finding> findings;
  const ObjectReport report = engine.ScanBytes("message.eml", message, &findings);
  ScanFacts facts = FactsFrom(report, findings);
  facts.timed_out =
      std::chrono::steady_clock::now() - start >= std::chrono::seconds(timeout_seconds);
  return facts;
}

}  // namespace mamori::milter
