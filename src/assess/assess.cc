// The assessment driver: parse the incident, scan each source into one
// people collector, decide, and write the outputs.
#include "mamori/assess.h"

#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <ctime>
#include <fstream>
#include <functional>

#include "assess/lookup_index.h"
#include "assess/report.h"
#include "mamori/engine.h"

namespace mamori {
namespace {

using namespace assess;

constexpr size_t kMaxIncidentBytes = 1 << 20;

Result<std::string> ReadSmallFile(const std::string& path, size_t limit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  std::string text;
  char buf[65536];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) {
    text.append(buf, static_cast<size_t>(n));
    if (text.size() > limit) {
      ::close(fd);
      return Status::InvalidArgument(path + ": too large");
    }
  }
  ::close(fd);
  if (n < 0) return Status::IoError(path + ": " + std::strerror(errno));
  return text;
}

// Creates the file owner-only (an existing one is truncated and made so),
// then streams `write` into it; a failed write is an error, not a short file.
Status WritePrivateFile(const std::string& path,
                        const std::function<Status(std::ostream&)>& write) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0600);
  if (fd < 0) return Status::IoError(path + ": " + std::strerror(errno));
  const bool private_mode = ::fchmod(fd, 0600) == 0;  // O_CREAT keeps an existing file's mode
  ::close(fd);
  if (!private_mode) return Status::IoError(path + ": cannot make it owner-only");
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(path + ": cannot write");
  if (Status s = write(out); !s.ok()) return s;
  out.close();
  if (!out) return Status::IoError(path + ": write failed");
  return Status::Ok();
}

// Files of a source: globs expanded; a pattern that matches nothing is an
// error, since an exposed file we cannot find is not a clean one.
Result<std::vector<std::string>> Expand(const Source& source) {
  std::vector<std::string> inputs;
  for (const std::string& pattern : source.paths) {
    glob_t g{};
    const int rc = ::glob(pattern.c_str(), GLOB_NOCHECK | GLOB_BRACE, nullptr, &g);
    for (size_t i = 0; rc == 0 && i < g.gl_pathc; ++i) inputs.emplace_back(g.gl_pathv[i]);
    ::globfree(&g);
    if (rc != 0)
      return Status::IoError("source at line " + std::to_string(source.line) + ": cannot expand " +
                             pattern);
  }
  for (const std::string& path : inputs) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) {
      return Status::NotFound("source at line " + std::to_string(source.line) + ": " + path + ": " +
                              std::strerror(errno));
    }
  }
  return inputs;
}

std::string DirName(const std::string& path) {
  const size_t slash = path.rfind('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

Date Today() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  ::localtime_r(&now, &tm);
  return *MakeDate(tm.tm_year + 1900, static_cast<unsigned>(tm.tm_mon + 1),
                   static_cast<unsigned>(tm.tm_mday));
}

}  // namespace

Result<AssessResult> Assess(const AssessOptions& options) {
  auto text = ReadSmallFile(options.incident_file, kMaxIncidentBytes);
  if (!text.ok()) return text.status();
  auto incident = ParseIncident(*text, options.incident_file, DirName(options.incident_file));
  if (!incident.ok()) return incident.status();
  const Lang lang = options.english ? Lang::kEn : Lang::kJa;
  std::string notice_template(DefaultNoticeTemplate(lang));
  if (!options.notice_template.empty()) {
    auto t = ReadSmallFile(options.notice_template, kMaxIncidentBytes);
    if (!t.ok()) return t.status();
    notice_template = *t;
  }
  if (::mkdir(options.out_dir.c_str(), 0700) != 0 && errno != EEXIST) {
    return Status::IoError(options.out_dir + ": " + std::strerror(errno));
  }

  PeopleCollector collector;
  for (const Source& source : incident->sources) {
    ScanOptions scan;
    scan.jobs = options.jobs;
    std::vector<std::string> inputs;
    if (source.database()) {
      inputs.push_back(source.url);
      if (!source.table.empty()) scan.tables.push_back({source.table, source.where});
    } else {
      auto files = Expand(source);
      if (!files.ok()) return files.status();
      inputs = std::move(*files);
    }
    auto engine = Engine::Create(scan);
    if (!engine.ok()) return engine.status();
    collector.BeginSource(source.url);
    (*engine)->Scan(inputs, collector);
  }

  Assessment a;
  a.incident = std::move(*incident);
  a.people = collector.People();
  a.unread = collector.unread();
  a.objects = collector.objects();
  a.test_cards = collector.test_cards();
  a.counts = CountPeople(a.people);
  a.appi = DecideAppi(a.incident, a.counts);
  a.pci = PciViolations(a.counts);
  a.assessed_on = Today();

  const std::string& dir = options.out_dir;
  using Writer = std::function<Status(std::ostream&)>;
  const auto whole = [](std::string content) -> Writer {
    return [content = std::move(content)](std::ostream& out) {
      out << content;
      return Status::Ok();
    };
  };
  const std::vector<std::pair<std::string, Writer>> files = {
      {"report.html", whole(RenderHtml(a, lang))},
      {"report.json", whole(RenderJson(a))},
      {"notifications.csv",
       [&](std::ostream& out) {
         WriteNotifications(a, notice_template, lang, out);
         return Status::Ok();
       }},
      {"lookup", [&](std::ostream& out) { return WriteLookupIndex(a.people, out); }}};
  for (const auto& [name, write] : files) {
    if (Status s = WritePrivateFile(dir + "/" + name, write); !s.ok()) return s;
  }

  AssessResult result;
  result.people = a.counts.people;
  result.reportable = a.appi.reportable || a.appi.my_number_reportable;
  if (result.reportable) result.final_due = FormatIsoDate(a.appi.final_due.due);
  for (const Unread& u : a.unread)
    result.unread.push_back(u.path + ": " + std::string(ObjectStatusName(u.status)));
  return result;
}

Result<std::vector<std::string>> LookupAffected(const std::string& index_file, LookupBy by,
                                                const std::string& value) {
  auto key = LookupKey(static_cast<LookupKind>(by), value);
  if (!key.ok()) return key.status();
  auto text = ReadSmallFile(index_file, size_t{1} << 34);
  if (!text.ok()) return text.status();
  return QueryLookupIndex(*text, *key);
}

}  // namespace mamori
