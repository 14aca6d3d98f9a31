// One message through the engine, reduced to what the policy decides on.
#ifndef MAMORI_MILTER_SCAN_H_
#define MAMORI_MILTER_SCAN_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/engine.h"
#include "mamori/finding.h"

namespace mamori::milter {

struct ScanFacts {
  // Findings by type; public test card numbers are counted apart.
  std::array<uint64_t, kDataTypeCount> counts{};
  uint64_t test_cards = 0;
  uint64_t records = 0;  // distinct people, as the engine estimates them
  bool encrypted = false;
  ObjectStatus status = ObjectStatus::kOk;
  std::string status_reason;  // fixed words from the engine, no content
  bool timed_out = false;
  std::string card_example;  // one card number, masked, for the reason
};

// Counts `findings` of a scanned object into facts (the pure half of ScanMessage).
ScanFacts FactsFrom(const ObjectReport& report, const std::vector<Finding>& findings);

// Scans a whole message (headers and body, as the MTA sent them). A scan
// that ran `timeout_seconds` or longer is timed_out: its report may be cut short.
ScanFacts ScanMessage(Engine& engine, std::string_view message, uint32_t timeout_seconds);

}  // namespace mamori::milter

#endif  // MAMORI_MILTER_SCAN_H_
