#include "scan_command.h"

#include <unistd.h>

#include <cstdio>
#include <memory>
#include <sstream>

#include "args.h"
#include "mamori/engine.h"
#include "mamori/sinks.h"
#include "private_file.h"
#include "store_option.h"

namespace mamori::cli {
namespace {

constexpr const char* kUsage = R"(usage: mamori scan [options] PATH...

Scans files, directories (recursively) and "-" (standard input) for card and
personal data. Values are shown masked unless --reveal is given. A PATH may
also name a database: sqlite:FILE, or postgresql://USER@HOST:PORT/DB (a libpq
URI; the password comes from PGPASSWORD or ~/.pgpass). Databases are only read.

options:
  --format text|jsonl|sarif   output format (default: text on a terminal, else jsonl)
  -o, --output FILE           write the report to FILE (created mode 0600)
  -j, --jobs N                scanner threads (default: all cores)
  --types LIST                only these types, comma separated (e.g. card_number,email)
  --exclude GLOB              skip paths or names matching GLOB (repeatable)
  --max-file-size SIZE        skip larger files (e.g. 100M); they are reported as skipped
  --min-confidence LEVEL      low|medium|high (default: medium)
  --fail-on RISK              exit 1 when an object's risk is at least RISK:
                              low|medium|high|critical|none (default: medium)
  --fail-on-incomplete        also exit 1 when an object could not be read completely
  --reveal                    show raw values (says so on stderr)
  --show-clean                text format: also list objects without findings
  --sample N                  databases: scan at most N rows of each table
  --table NAME                databases: only this table (repeatable)
  --where SQL                 databases: only rows meeting this SQL condition
                              (of each --table, or of every table)
  --store FILE|postgresql://URL  record the scan in an inventory (SQLite file, created
                              0600, or a central PostgreSQL); unchanged files are not
                              rescanned, and what appeared/changed/disappeared is reported
  --store-key FILE            the inventory's HMAC key (default: MAMORI_STORE_KEY (hex),
                              else FILE.key beside an SQLite store, made on first use)
  --no-record-filter          parse every CSV row and NDJSON line into cells, also those
                              that cannot hold a finding (slower; same findings)
)";

Result<std::bitset<kDataTypeCount>> ParseTypes(const std::string& list) {
  std::bitset<kDataTypeCount> types;
  std::stringstream ss(list);
  std::string name;
  while (std::getline(ss, name, ',')) {
    if (name.empty()) continue;
    const auto t = ParseDataType(name);
    if (!t) return Status::InvalidArgument("unknown type '" + name + "'");
    types.set(static_cast<size_t>(*t));
  }
  if (types.none()) return Status::InvalidArgument("--types names no type");
  return types;
}

int Usage(const std::string& error) {
  std::fprintf(stderr, "mamori scan: %s\n\n%s", error.c_str(), kUsage);
  return 2;
}

}  // namespace

int RunScan(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.flags = {"--reveal", "--fail-on-incomplete", "--show-clean", "--no-record-filter", "--help"};
  spec.valued = {"--format",        "--output",         "--jobs",     "--types",  "--exclude",
                 "--max-file-size", "--min-confidence", "--fail-on",  "--sample", "--table",
                 "--where",         "--store",          "--store-key"};
  spec.aliases = {{"-j", "--jobs"}, {"-o", "--output"}, {"-h", "--help"}};
  Result<Args> args = ParseArgs(argv, spec);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("--help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (args->positional.empty()) return Usage("no PATH given");

  ScanOptions options;
  if (auto v = args->Last("--types")) {
    auto types = ParseTypes(*v);
    if (!types.ok()) return Usage(types.status().message());
    options.types = *types;
  }
  if (auto v = args->Last("--jobs")) {
    auto n = ParseSize(*v);
    if (!n.ok() || *n > 1024) return Usage("--jobs takes a number up to 1024");
    options.jobs = static_cast<unsigned>(*n);
  }
  if (auto v = args->Last("--max-file-size")) {
    auto n = ParseSize(*v);
    if (!n.ok()) return Usage(n.status().message());
    options.max_file_size = *n;
  }
  if (auto v = args->Last("--min-confidence")) {
    auto c = ParseConfidence(*v);
    if (!c) return Usage("--min-confidence takes low, medium or high");
    options.min_confidence = *c;
  }
  Risk fail_on = Risk::kMedium;
  if (auto v = args->Last("--fail-on")) {
    auto r = ParseRisk(*v);
    if (!r) return Usage("--fail-on takes none, low, medium, high or critical");
    fail_on = *r;
  }
  options.excludes = args->All("--exclude");
  options.filter_records = !args->Has("--no-record-filter");
  if (auto v = args->Last("--sample")) {
    auto n = ParseSize(*v);
    if (!n.ok() || *n == 0) return Usage("--sample takes a number of rows");
    options.sample_rows = *n;
  }
  const std::string where = args->Last("--where").value_or("");
  for (const std::string& table : args->All("--table")) options.tables.push_back({table, where});
  if (options.tables.empty() && !where.empty()) options.tables.push_back({"", where});

  std::FILE* out = stdout;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, std::fclose);
  if (auto path = args->Last("--output")) {
    owned.reset(OpenPrivate(*path));
    if (!owned) return Usage("cannot write " + *path);
    out = owned.get();
  }
  std::string format = (out == stdout && ::isatty(STDOUT_FILENO)) ? "text" : "jsonl";
  if (auto v = args->Last("--format")) format = *v;

  SinkOptions sink_options;
  sink_options.reveal = args->Has("--reveal");
  sink_options.show_clean = args->Has("--show-clean");
  std::unique_ptr<ScanSink> sink;
  if (format == "text")
    sink = MakeTextSink(out, sink_options);
  else if (format == "jsonl")
    sink = MakeJsonlSink(out, sink_options);
  else if (format == "sarif")
    sink = MakeSarifSink(out, sink_options);
  else
    return Usage("unknown format '" + format + "'");
  if (sink_options.reveal) {
    std::fputs("mamori: --reveal: raw values are printed; handle this output as the data itself\n",
               stderr);
  }

  auto engine = Engine::Create(options);
  if (!engine.ok()) {
    std::fprintf(stderr, "mamori: %s\n", engine.status().message().c_str());
    return 2;
  }
  std::vector<std::string> inputs = args->positional;
  std::unique_ptr<StoredScan> stored;
  if (auto where = args->Last("--store")) {
    inputs = AbsoluteInputs(inputs);  // the inventory knows places, not working directories
    auto opened = StoredScan::Open(*where, args->Last("--store-key").value_or(""), inputs, argv,
                                   options, *sink);
    if (!opened.ok()) {
      std::fprintf(stderr, "mamori: %s\n", opened.status().message().c_str());
      return 2;
    }
    stored = std::move(*opened);
  }
  ScanSummary summary = (*engine)->Scan(inputs, stored ? stored->sink() : *sink);
  if (stored) {
    if (!stored->status().ok()) return 2;
    summary.max_risk = std::max(summary.max_risk, stored->max_risk());  // carried forward too
  }
  if (summary.errors) {
    std::fprintf(stderr,
                 "mamori: warning: %llu object(s) could not be read (see status \"error\")\n",
                 static_cast<unsigned long long>(summary.errors));
  }
  const bool risky = fail_on != Risk::kNone && summary.max_risk >= fail_on;
  const bool incomplete = args->Has("--fail-on-incomplete") &&
                          (summary.incomplete > 0 || summary.encrypted > 0 || summary.errors > 0);
  return (risky || incomplete) ? 1 : 0;
}

}  // namespace mamori::cli
