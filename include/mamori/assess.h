// Breach assessment: from an incident file to who was affected, what the law
// asks for and by when (report.html, report.json, notifications.csv, lookup).
#ifndef MAMORI_ASSESS_H_
#define MAMORI_ASSESS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "mamori/status.h"

namespace mamori {

struct AssessOptions {
  std::string incident_file;
  std::string out_dir;          // created if missing; every file in it mode 0600
  bool english = false;         // report and notices in English (default Japanese)
  std::string notice_template;  // a template file; empty: the shipped one
  unsigned jobs = 0;            // scanner threads, 0 = all cores
};

struct AssessResult {
  uint64_t people = 0;
  bool reportable = false;          // APPI or My Number report required
  std::string final_due;            // YYYY-MM-DD when reportable
  std::vector<std::string> unread;  // objects not read completely ("path: status")
};

Result<AssessResult> Assess(const AssessOptions& options);

enum class LookupBy { kEmail, kPhone, kCard };

// The data types that leaked for this person; empty when not affected.
Result<std::vector<std::string>> LookupAffected(const std::string& index_file, LookupBy by,
                                                const std::string& value);

}  // namespace mamori

#endif  // MAMORI_ASSESS_H_
