#include "assess/appi.h"

namespace mamori::assess {
namespace {

uint64_t PeopleWith(const Counts& counts, DataType t) {
  return counts.by_type[static_cast<size_t>(t)];
}

}  // namespace

std::string_view TriggerName(Trigger trigger) {
  switch (trigger) {
    case Trigger::kSensitive:
      return "sensitive";
    case Trigger::kFinancial:
      return "financial";
    case Trigger::kWrongfulPurpose:
      return "wrongful_purpose";
    case Trigger::kOver1000:
      return "over_1000";
  }
  return "";
}

Counts CountPeople(const std::vector<Person>& people) {
  Counts counts;
  counts.people = people.size();
  for (const Person& p : people) {
    for (int t = 0; t < kDataTypeCount; ++t) counts.by_type[t] += p.Has(static_cast<DataType>(t));
  }
  return counts;
}

AppiDecision DecideAppi(const Incident& incident, const Counts& counts) {
  AppiDecision d;
  if (incident.sensitive) d.triggers.push_back(Trigger::kSensitive);
  // Item 2: data whose misuse may cause financial damage: card numbers (with
  // or without the rest), magnetic-stripe data, bank accounts with what is
  // needed to use them (declared, as mamori does not see passwords).
  const bool financial = PeopleWith(counts, DataType::kCardNumber) > 0 ||
                         PeopleWith(counts, DataType::kCardTrack) > 0 ||
                         PeopleWith(counts, DataType::kBankAccount) > 0 || incident.financial;
  if (financial) d.triggers.push_back(Trigger::kFinancial);
  if (incident.cause == Cause::kUnauthorizedAccess || incident.cause == Cause::kInsider) {
    d.triggers.push_back(Trigger::kWrongfulPurpose);
  }
  if (counts.people > kOverPeople) d.triggers.push_back(Trigger::kOver1000);
  // The exemption covers every item: data under strong encryption whose key
  // did not leak is outside Art. 7.
  d.exempt_encrypted = incident.encrypted;
  d.reportable = !d.triggers.empty() && !d.exempt_encrypted;
  d.my_number_reportable =
      !d.exempt_encrypted && PeopleWith(counts, DataType::kMyNumber) > kMyNumberOverPeople;
  if (d.reportable || d.my_number_reportable) {
    const Date day = incident.discovered_on;
    d.preliminary_earliest = day + std::chrono::days(3);
    d.preliminary_latest = day + std::chrono::days(5);
    bool wrongful = false;
    for (Trigger t : d.triggers) wrongful |= t == Trigger::kWrongfulPurpose;
    d.final_days = wrongful ? 60 : 30;
    d.final_due = PeriodDeadline(day, d.final_days);
  }
  return d;
}

std::vector<std::string> PciViolations(const Counts& counts) {
  std::vector<std::string> out;
  if (PeopleWith(counts, DataType::kCardSecurityCode) > 0 ||
      PeopleWith(counts, DataType::kCardTrack) > 0) {
    out.push_back("3.3.1");
  }
  if (PeopleWith(counts, DataType::kCardNumber) > 0) out.push_back("3.5.1");
  return out;
}

}  // namespace mamori::assess
