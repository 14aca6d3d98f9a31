// An incident as the company describes it: when it learned of it, why it
// happened, what was exposed (files, mail, database rows) and what it knows.
#ifndef MAMORI_ASSESS_INCIDENT_H_
#define MAMORI_ASSESS_INCIDENT_H_

#include <string>
#include <string_view>
#include <vector>

#include "assess/calendar.h"
#include "mamori/status.h"

namespace mamori::assess {

enum class Cause {
  kUnauthorizedAccess,
  kInsider,
  kMisdelivery,
  kLoss,
  kMisconfiguration,
  kUnknown
};
std::string_view CauseName(Cause cause);

// One exposed source: either a database (url, optional table and the rows
// that count) or files (paths and globs, mail files among them).
struct Source {
  int line = 0;                    // where it starts in the incident file
  std::string url;                 // "sqlite:PATH" or "postgresql://…"
  std::string table;               // empty: every table
  std::string where;               // the SQL condition built from `where` and the filters
  std::vector<std::string> paths;  // files, directories, globs, mail files
  bool database() const { return !url.empty(); }
};

struct Incident {
  std::string discovered_at;  // as written
  Date discovered_on;         // the day of discovery in Japan (UTC+9 when an offset is given)
  Cause cause = Cause::kUnknown;
  bool encrypted = false;  // strongly encrypted, key not exposed: the APPI exemption
  bool sensitive = false;  // declared: 要配慮個人情報 (mamori does not detect it)
  bool financial = false;  // declared: e.g. online-banking passwords mamori cannot see
  // Free text for the report; empty ones are marked for a person to write.
  std::string organization, contact, description, cause_detail, secondary_damage, notices,
      publication, measures_taken, other;
  std::vector<Source> sources;
};

// Parses an incident file; errors name the file and line. Relative paths of
// file sources and sqlite: URLs are resolved against `base_dir`.
Result<Incident> ParseIncident(std::string_view text, const std::string& file_name,
                               const std::string& base_dir);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_INCIDENT_H_
