#include "assess/incident.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "assess/row_filter.h"
#include "config/toml_file.h"

namespace mamori::assess {
namespace {

constexpr std::string_view kCauseNames[] = {"unauthorized_access", "insider", "misdelivery", "loss",
                                            "misconfiguration",    "unknown"};

// Errors carry "file:line: " so a person can fix the file.
using Errors = config::TomlErrors;

Result<std::string> Text(const toml::table& table, std::string_view key, const Errors& errors) {
  const toml::node* node = table.get(key);
  if (!node) return std::string();
  if (!node->is_string()) return errors.At(*node, std::string(key) + " must be a string");
  return node->as_string()->get();
}

Result<bool> Flag(const toml::table& table, std::string_view key, const Errors& errors) {
  const toml::node* node = table.get(key);
  if (!node) return false;
  if (!node->is_boolean()) return errors.At(*node, std::string(key) + " must be true or false");
  return node->as_boolean()->get();
}

// A string or an array of strings.
Result<std::vector<std::string>> TextList(const toml::node& node, std::string_view key,
                                          const Errors& errors) {
  std::vector<std::string> out;
  if (node.is_string()) {
    out.push_back(node.as_string()->get());
  } else if (const toml::array* array = node.as_array()) {
    for (const toml::node& item : *array) {
      if (!item.is_string()) return errors.At(item, std::string(key) + " must hold strings");
      out.push_back(item.as_string()->get());
    }
  } else {
    return errors.At(node, std::string(key) + " must be a string or an array of strings");
  }
  for (const std::string& s : out) {
    if (s.empty()) return errors.At(node, std::string(key) + " has an empty entry");
  }
  return out;
}

Date FromToml(const toml::date& d) {
  return *MakeDate(d.year, d.month, d.day);  // toml++ only yields real dates
}

// The day of discovery in Japan: an offset date-time is moved to UTC+9; a
// local date-time or a date is taken as written.
Result<Date> DiscoveryDay(const toml::node& node, const Errors& errors) {
  if (const auto* d = node.as_date()) return FromToml(d->get());
  const auto* dt = node.as_date_time();
  if (!dt) {
    return errors.At(node,
                     "discovered_at must be a TOML date-time, e.g. 2013-04-23T17:00:00+09:00");
  }
  const toml::date_time& v = dt->get();
  Date day = FromToml(v.date);
  if (v.offset) {
    const int minutes = v.time.hour * 60 + v.time.minute - v.offset->minutes + 9 * 60;
    if (minutes < 0) day -= std::chrono::days(1);
    if (minutes >= 24 * 60) day += std::chrono::days(1);
  }
  return day;
}

// As written in RFC 3339: 2013-04-23T17:00:00+09:00 (seconds kept, fractions dropped).
std::string FormatDateTime(const toml::date_time& v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "T%02u:%02u:%02u", v.time.hour, v.time.minute, v.time.second);
  std::string out = FormatIsoDate(FromToml(v.date)) + buf;
  if (v.offset) {
    const int m = v.offset->minutes;
    if (m == 0) return out + "Z";
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", m < 0 ? '-' : '+', std::abs(m) / 60,
                  std::abs(m) % 60);
    out += buf;
  }
  return out;
}

Result<Date> FilterDate(const toml::node& node, const Errors& errors) {
  if (const auto* d = node.as_date()) return FromToml(d->get());
  if (const auto* s = node.as_string()) {
    if (auto d = ParseIsoDate(s->get())) return *d;
  }
  return errors.At(node, "a date must be written YYYY-MM-DD");
}

Result<SqlValue> FilterValue(const toml::node& node, const Errors& errors) {
  if (const auto* s = node.as_string()) return SqlValue(s->get());
  if (const auto* i = node.as_integer()) return SqlValue(static_cast<long long>(i->get()));
  return errors.At(node, "a filter value must be a string or an integer");
}

Result<RowFilter> ParseFilter(const toml::table& table, const Errors& errors) {
  if (Status s = errors.OnlyKeys(table, {"column", "from", "to", "equal", "not_equal"},
                                 "[[source.filter]]");
      !s.ok()) {
    return s;
  }
  RowFilter filter;
  auto column = Text(table, "column", errors);
  if (!column.ok()) return column.status();
  if (column->empty()) return errors.At(table, "a filter needs a column");
  filter.column = *column;
  for (auto [key, field] : {std::pair{"from", &filter.from}, std::pair{"to", &filter.to}}) {
    if (const toml::node* n = table.get(key)) {
      auto d = FilterDate(*n, errors);
      if (!d.ok()) return d.status();
      *field = *d;
    }
  }
  if (filter.from && filter.to && *filter.to < *filter.from) {
    return errors.At(table, "filter on " + filter.column + ": 'to' is before 'from'");
  }
  for (auto [key, field] :
       {std::pair{"equal", &filter.equal}, std::pair{"not_equal", &filter.not_equal}}) {
    if (const toml::node* n = table.get(key)) {
      auto v = FilterValue(*n, errors);
      if (!v.ok()) return v.status();
      *field = *v;
    }
  }
  if (!filter.from && !filter.to && !filter.equal && !filter.not_equal) {
    return errors.At(table, "filter on " + filter.column + " needs from, to, equal or not_equal");
  }
  return filter;
}

std::string Resolve(const std::string& path, const std::string& base_dir) {
  if (path.empty() || path[0] == '/' || base_dir.empty()) return path;
  return base_dir + "/" + path;
}

Result<Source> ParseSource(const toml::table& table, const std::string& base_dir,
                           const Errors& errors) {
  if (Status s =
          errors.OnlyKeys(table, {"url", "table", "where", "filter", "path", "mail"}, "[[source]]");
      !s.ok()) {
    return s;
  }
  Source source;
  source.line = static_cast<int>(table.source().begin.line);
  auto url = Text(table, "url", errors);
  auto name = Text(table, "table", errors);
  auto where = Text(table, "where", errors);
  if (!url.ok()) return url.status();
  if (!name.ok()) return name.status();
  if (!where.ok()) return where.status();
  for (std::string_view key : {"path", "mail"}) {
    if (const toml::node* n = table.get(key)) {
      auto list = TextList(*n, key, errors);
      if (!list.ok()) return list.status();
      for (const std::string& p : *list) source.paths.push_back(Resolve(p, base_dir));
    }
  }
  std::vector<RowFilter> filters;
  if (const toml::node* n = table.get("filter")) {
    const toml::array* array = n->as_array();
    if (!array || !array->is_array_of_tables()) {
      return errors.At(*n, "filter must be written as [[source.filter]] tables");
    }
    for (const toml::node& item : *array) {
      auto f = ParseFilter(*item.as_table(), errors);
      if (!f.ok()) return f.status();
      filters.push_back(*f);
    }
  }
  if (url->empty()) {
    if (source.paths.empty()) return errors.At(table, "a source needs url, path or mail");
    if (!name->empty() || !where->empty() || !filters.empty()) {
      return errors.At(table, "table, where and filter apply to database sources (url) only");
    }
    return source;
  }
  if (!source.paths.empty())
    return errors.At(table, "a source has either url or path/mail, not both");
  if (url->starts_with("sqlite:")) {
    source.url = "sqlite:" + Resolve(url->substr(7), base_dir);
  } else if (url->starts_with("postgresql://") || url->starts_with("postgres://")) {
    source.url = *url;
  } else {
    return errors.At(table, "url must start with sqlite: or postgresql://");
  }
  if (name->empty() && (!where->empty() || !filters.empty())) {
    return errors.At(table, "where and filter need a table");
  }
  source.table = *name;
  auto condition = RowCondition(filters, *where);
  if (!condition.ok()) return errors.At(table, condition.status().message());
  source.where = *condition;
  return source;
}

}  // namespace

std::string_view CauseName(Cause cause) { return kCauseNames[static_cast<int>(cause)]; }

Result<Incident> ParseIncident(std::string_view text, const std::string& file_name,
                               const std::string& base_dir) {
  const Errors errors(file_name);
  const Result<toml::table> parsed = config::ParseToml(text, file_name);
  if (!parsed.ok()) return parsed.status();
  const toml::table& root = *parsed;
  if (Status s = errors.OnlyKeys(
          root,
          {"discovered_at", "cause", "encrypted", "sensitive", "financial", "organization",
           "contact", "description", "cause_detail", "secondary_damage", "notices", "publication",
           "measures_taken", "other", "source"},
          "");
      !s.ok()) {
    return s;
  }
  Incident incident;
  const toml::node* discovered = root.get("discovered_at");
  if (!discovered)
    return errors.At(1, "discovered_at is missing (when the company learned of the incident)");
  auto day = DiscoveryDay(*discovered, errors);
  if (!day.ok()) return day.status();
  incident.discovered_on = *day;
  if (const auto* dt = discovered->as_date_time()) {
    incident.discovered_at = FormatDateTime(dt->get());
  } else {
    incident.discovered_at = FormatIsoDate(*day);
  }

  const toml::node* cause = root.get("cause");
  if (!cause)
    return errors.At(1,
                     "cause is missing (one of unauthorized_access, insider, misdelivery, loss, "
                     "misconfiguration, unknown)");
  const auto* cause_text = cause->as_string();
  const auto* found =
      cause_text ? std::find(std::begin(kCauseNames), std::end(kCauseNames), cause_text->get())
                 : std::end(kCauseNames);
  if (found == std::end(kCauseNames)) {
    return errors.At(*cause,
                     "cause must be one of unauthorized_access, insider, misdelivery, loss, "
                     "misconfiguration, unknown");
  }
  incident.cause = static_cast<Cause>(found - std::begin(kCauseNames));

  for (auto [key, flag] :
       {std::pair{"encrypted", &incident.encrypted}, std::pair{"sensitive", &incident.sensitive},
        std::pair{"financial", &incident.financial}}) {
    auto v = Flag(root, key, errors);
    if (!v.ok()) return v.status();
    *flag = *v;
  }
  for (auto [key, field] :
       {std::pair{"organization", &incident.organization}, std::pair{"contact", &incident.contact},
        std::pair{"description", &incident.description},
        std::pair{"cause_detail", &incident.cause_detail},
        std::pair{"secondary_damage", &incident.secondary_damage},
        std::pair{"notices", &incident.notices}, std::pair{"publication", &incident.publication},
        std::pair{"measures_taken", &incident.measures_taken},
        std::pair{"other", &incident.other}}) {
    auto v = Text(root, key, errors);
    if (!v.ok()) return v.status();
    *field = *v;
  }

  const toml::node* sources = root.get("source");
  if (!sources) return errors.At(1, "no [[source]]: say what was exposed");
  const toml::array* array = sources->as_array();
  if (!array || !array->is_array_of_tables() || array->empty()) {
    return errors.At(*sources, "source must be written as [[source]] tables");
  }
  for (const toml::node& item : *array) {
    auto source = ParseSource(*item.as_table(), base_dir, errors);
    if (!source.ok()) return source.status();
    incident.sources.push_back(std::move(*source));
  }
  return incident;
}

}  // namespace mamori::assess
