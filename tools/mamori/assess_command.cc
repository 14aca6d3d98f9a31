#include "assess_command.h"

#include <cstdio>

#include "args.h"
#include "mamori/assess.h"

namespace mamori::cli {
namespace {

constexpr const char* kUsage = R"(usage: mamori assess INCIDENT.toml --out DIR [options]
       mamori assess lookup --index DIR/lookup (--email ADDR | --phone NUMBER | --card NUMBER)

Scans the sources an incident file names, counts the people affected, decides
whether the incident must be reported under the APPI and by when, and writes
DIR/report.html, DIR/report.json, DIR/notifications.csv and DIR/lookup (all
mode 0600). notifications.csv holds each person's contact in clear: it is the
mailing list for the notices.

options:
  --out DIR          where the reports go (created)
  --lang ja|en       language of the report and notices (default: ja)
  --template FILE    notice template ({{name}}, {{leaked}}, {{organization}},
                     {{contact}}, {{discovered}}, {{description}})
  -j, --jobs N       scanner threads (default: all cores)

lookup exits 0 and prints what leaked when the person is affected, 1 when not.
)";

int Usage(const std::string& error) {
  std::fprintf(stderr, "mamori assess: %s\n\n%s", error.c_str(), kUsage);
  return 2;
}

int RunLookup(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.valued = {"--index", "--email", "--phone", "--card"};
  auto args = ParseArgs(argv, spec);
  if (!args.ok()) return Usage(args.status().message());
  const auto index = args->Last("--index");
  if (!index) return Usage("lookup needs --index");
  std::vector<std::pair<LookupBy, std::string>> asks;
  if (auto v = args->Last("--email")) asks.emplace_back(LookupBy::kEmail, *v);
  if (auto v = args->Last("--phone")) asks.emplace_back(LookupBy::kPhone, *v);
  if (auto v = args->Last("--card")) asks.emplace_back(LookupBy::kCard, *v);
  if (asks.size() != 1 || !args->positional.empty())
    return Usage("lookup takes one of --email, --phone, --card");
  auto kinds = LookupAffected(*index, asks[0].first, asks[0].second);
  if (!kinds.ok()) {
    std::fprintf(stderr, "mamori assess lookup: %s\n", kinds.status().message().c_str());
    return 2;
  }
  if (kinds->empty()) {
    std::puts("not affected");
    return 1;
  }
  std::string list;
  for (const std::string& k : *kinds) list += (list.empty() ? "" : ", ") + k;
  std::printf("affected: %s\n", list.c_str());
  return 0;
}

}  // namespace

int RunAssess(const std::vector<std::string>& argv) {
  if (!argv.empty() && argv[0] == "lookup") return RunLookup({argv.begin() + 1, argv.end()});
  ArgSpec spec;
  spec.flags = {"--help"};
  spec.valued = {"--out", "--lang", "--template", "--jobs"};
  spec.aliases = {{"-j", "--jobs"}, {"-h", "--help"}};
  auto args = ParseArgs(argv, spec);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("--help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args->positional.size() != 1) return Usage("give one incident file");
  AssessOptions options;
  options.incident_file = args->positional[0];
  const auto out = args->Last("--out");
  if (!out) return Usage("--out DIR is required");
  options.out_dir = *out;
  const std::string lang = args->Last("--lang").value_or("ja");
  if (lang != "ja" && lang != "en") return Usage("--lang takes ja or en");
  options.english = lang == "en";
  options.notice_template = args->Last("--template").value_or("");
  if (auto v = args->Last("--jobs")) {
    auto n = ParseSize(*v);
    if (!n.ok() || *n > 1024) return Usage("--jobs takes a number up to 1024");
    options.jobs = static_cast<unsigned>(*n);
  }
  auto result = Assess(options);
  if (!result.ok()) {
    std::fprintf(stderr, "mamori assess: %s\n", result.status().message().c_str());
    return 2;
  }
  for (const std::string& u : result->unread) {
    std::fprintf(stderr,
                 "mamori assess: warning: not read completely, counts are a lower bound: %s\n",
                 u.c_str());
  }
  std::printf("people: %llu\nreportable: %s\n", static_cast<unsigned long long>(result->people),
              result->reportable       ? "yes"
              : result->unread.empty() ? "no"
                                       : "not known (some objects could not be read)");
  if (result->reportable) std::printf("final report due: %s\n", result->final_due.c_str());
  std::printf("report: %s/report.html\n", options.out_dir.c_str());
  return 0;
}

}  // namespace mamori::cli
