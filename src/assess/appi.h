// The decision the law asks for: is the incident reportable to the Personal
// Information Protection Commission (APPI Art. 26, Enforcement Rules Art. 7),
// by when, and which PCI DSS requirements the stored data breaks.
#ifndef MAMORI_ASSESS_APPI_H_
#define MAMORI_ASSESS_APPI_H_

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include "assess/calendar.h"
#include "assess/incident.h"
#include "assess/people.h"

namespace mamori::assess {

// Enforcement Rules Art. 7 items 1-4.
enum class Trigger { kSensitive, kFinancial, kWrongfulPurpose, kOver1000 };
std::string_view TriggerName(Trigger trigger);

// People per data type, and how many in all.
struct Counts {
  uint64_t people = 0;
  std::array<uint64_t, kDataTypeCount> by_type{};
};
Counts CountPeople(const std::vector<Person>& people);

struct AppiDecision {
  std::vector<Trigger> triggers;
  bool exempt_encrypted = false;      // strongly encrypted: no report, no notices
  bool reportable = false;            // a trigger applies and no exemption
  bool my_number_reportable = false;  // My Number data of more than 100 people
  // Deadlines, when reportable (APPI or My Number): the preliminary report
  // "promptly" (guideline: about 3-5 days), the final one in 30 or 60 days.
  Date preliminary_earliest{}, preliminary_latest{};
  int final_days = 0;
  Deadline final_due{};
};

inline constexpr uint64_t kOverPeople = 1000;         // Art. 7 item 4: more than 1,000
inline constexpr uint64_t kMyNumberOverPeople = 100;  // My Number rules: more than 100

AppiDecision DecideAppi(const Incident& incident, const Counts& counts);

// PCI DSS v4.0 requirements the found data breaks: "3.3.1" (sensitive
// authentication data kept after authorization), "3.5.1" (PAN unprotected).
std::vector<std::string> PciViolations(const Counts& counts);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_APPI_H_
