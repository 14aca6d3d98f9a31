#include <nlohmann/json.hpp>

#include "assess/report.h"
#include "extract/database.h"

namespace mamori::assess {

std::string RenderJson(const Assessment& a) {
  using Json = nlohmann::ordered_json;
  Json sources = Json::array();
  for (const Source& s : a.incident.sources) {
    Json j;
    if (s.database()) {
      j["url"] = DisplayDatabaseUri(s.url);  // never a password
      j["table"] = s.table;
      j["where"] = s.where;
    } else {
      j["paths"] = s.paths;
    }
    sources.push_back(j);
  }
  Json by_type = Json::object();
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (a.counts.by_type[t])
      by_type[std::string(DataTypeName(static_cast<DataType>(t)))] = a.counts.by_type[t];
  }
  Json triggers = Json::array();
  for (Trigger t : a.appi.triggers) triggers.push_back(TriggerName(t));
  const bool due = a.appi.reportable || a.appi.my_number_reportable;
  Json appi;
  appi["reportable"] = a.appi.reportable;
  appi["triggers"] = triggers;
  appi["exempt_encrypted"] = a.appi.exempt_encrypted;
  appi["my_number_reportable"] = a.appi.my_number_reportable;
  // Not reportable over data that could not all be read is not a clean bill.
  appi["provisional"] = !due && !a.unread.empty();
  appi["preliminary_due"] = due ? Json::array({FormatIsoDate(a.appi.preliminary_earliest),
                                               FormatIsoDate(a.appi.preliminary_latest)})
                                : Json(nullptr);
  appi["final_due"] = due ? Json(FormatIsoDate(a.appi.final_due.due)) : Json(nullptr);
  appi["final_period_end"] = due ? Json(FormatIsoDate(a.appi.final_due.period_end)) : Json(nullptr);
  appi["final_days"] = a.appi.final_days;
  appi["notify_individuals"] = due ? "promptly" : "not required";
  Json unread = Json::array();
  for (const Unread& u : a.unread) {
    unread.push_back(
        {{"path", u.path}, {"status", ObjectStatusName(u.status)}, {"reason", u.reason}});
  }
  Json j;
  j["incident"] = {{"discovered_at", a.incident.discovered_at},
                   {"discovered_on", FormatIsoDate(a.incident.discovered_on)},
                   {"cause", CauseName(a.incident.cause)},
                   {"encrypted", a.incident.encrypted},
                   {"sources", sources}};
  j["assessed_on"] = FormatIsoDate(a.assessed_on);
  j["people"] = a.counts.people;
  j["by_type"] = by_type;
  j["appi"] = appi;
  j["pci"] = a.pci;
  j["complete"] = a.unread.empty();
  j["objects"] = a.objects;
  j["unread"] = unread;
  j["test_cards_ignored"] = a.test_cards;
  return j.dump(2) + "\n";
}

}  // namespace mamori::assess
