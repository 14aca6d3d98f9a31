// Everything the assessment found, and the files written from it.
#ifndef MAMORI_ASSESS_REPORT_H_
#define MAMORI_ASSESS_REPORT_H_

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "assess/appi.h"
#include "assess/incident.h"
#include "assess/people.h"
#include "assess/texts.h"

namespace mamori::assess {

struct Assessment {
  Incident incident;
  std::vector<Person> people;
  Counts counts;
  AppiDecision appi;
  std::vector<std::string> pci;
  std::vector<Unread> unread;  // objects not read completely: counts are a lower bound
  uint64_t objects = 0;
  uint64_t test_cards = 0;  // public test card numbers, not counted as people
  Date assessed_on{};
};

// Text safe inside HTML elements and attribute values.
std::string HtmlEscape(std::string_view text);

std::string RenderHtml(const Assessment& a, Lang lang);
std::string RenderJson(const Assessment& a);

// One CSV row per person: contact, what leaked (masked) and the notice from
// `notice_template` ({{name}}, {{leaked}}, {{organization}}, {{contact}},
// {{discovered}}, {{description}} are filled in).
// Written row by row: a million people do not make a string of the file.
void WriteNotifications(const Assessment& a, std::string_view notice_template, Lang lang,
                        std::ostream& out);

// The shipped templates (share/mamori/notice_*.txt, compiled in).
std::string_view DefaultNoticeTemplate(Lang lang);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_REPORT_H_
