// notifications.csv: the list a company needs to tell each person, with the
// contact written out (that is its purpose) and what leaked masked.
#include <algorithm>

#include "assess/report.h"

namespace mamori::assess {
namespace {

// RFC 4180 quoting, and a leading = + - @ made inert so a spreadsheet does
// not run a value from the leaked data as a formula.
std::string CsvField(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && std::string_view("=+-@\t\r").find(text.front()) != std::string_view::npos)
    out += '\'';
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Fill(std::string_view tmpl,
                 const std::vector<std::pair<std::string_view, std::string>>& values) {
  std::string out;
  size_t i = 0;
  while (i < tmpl.size()) {
    const size_t open = tmpl.find("{{", i);
    if (open == std::string_view::npos) break;
    const size_t close = tmpl.find("}}", open + 2);
    if (close == std::string_view::npos) break;
    out.append(tmpl.substr(i, open - i));
    const std::string_view key = tmpl.substr(open + 2, close - open - 2);
    auto it =
        std::find_if(values.begin(), values.end(), [&](const auto& v) { return v.first == key; });
    if (it != values.end())
      out += it->second;
    else
      out.append(tmpl.substr(open, close + 2 - open));  // unknown placeholders stay visible
    i = close + 2;
  }
  out.append(tmpl.substr(std::min(i, tmpl.size())));
  return out;
}

}  // namespace

void WriteNotifications(const Assessment& a, std::string_view notice_template, Lang lang,
                        std::ostream& out) {
  const Incident& in = a.incident;
  const std::string organization =
      in.organization.empty() ? Say(lang, "当社", "us") : in.organization;
  out << "person,contact_type,contact,name,leaked,notice\r\n";
  uint64_t n = 0;
  for (const Person& p : a.people) {
    std::string type = "none", contact;
    if (const std::string* email = p.First(DataType::kEmail)) {
      type = "email";
      contact = *email;
    } else if (const std::string* address = p.First(DataType::kAddress)) {
      type = "postal";
      if (const std::string* postal = p.First(DataType::kPostalCode))
        contact = "〒" + *postal + " ";
      contact += *address;
    } else if (const std::string* phone = p.First(DataType::kPhone)) {
      type = "phone";
      contact = *phone;
    }
    const std::string* name_value = p.First(DataType::kPersonName);
    const std::string name = name_value ? *name_value : "";
    const std::string leaked = LeakedSummary(p, lang);
    const std::string notice =
        Fill(notice_template, {{"name", name.empty() ? Say(lang, "お客", "Customer") : name},
                               {"leaked", leaked},
                               {"organization", organization},
                               {"contact", in.contact},
                               {"discovered", FormatIsoDate(in.discovered_on)},
                               {"description", in.description}});
    out << ++n << ',' << type << ',' << CsvField(contact) << ',' << CsvField(name) << ','
        << CsvField(leaked) << ',' << CsvField(notice) << "\r\n";
  }
}

}  // namespace mamori::assess
