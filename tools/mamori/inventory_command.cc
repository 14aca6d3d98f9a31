#include "inventory_command.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <memory>

#include "args.h"
#include "inventory/inventory_store.h"
#include "inventory/sql_backend.h"
#include "mamori/mask.h"
#include "private_file.h"
#include "sinks/json.h"

namespace mamori::cli {
namespace {

using inventory::InventoryStore;
using inventory::StoredFinding;
using inventory::StoredObject;

constexpr const char* kUsage = R"(usage: mamori inventory --store FILE|postgresql://URL [options]

Reads the inventory that "mamori scan --store" writes: by default the objects
holding findings, highest risk first, and the totals by type, as the last run
of every scanned scope (host and inputs) left them. Values are never shown
unmasked; a value you look up is hashed with the inventory's key.

options:
  --store FILE|URL        the inventory (an SQLite file or a postgresql:// URL)
  --store-key FILE        its key (default: MAMORI_STORE_KEY, else FILE.key beside an SQLite store)
  --format text|jsonl     output format (default: text)
  --all                   also list objects without findings
  --find-card NUMBER      where this card number appears
  --find-email ADDRESS    where this email address appears
  --find-phone NUMBER     where this phone number appears
  --runs                  the scan runs and what changed in each
  --changes               what appeared, changed or disappeared in the newest run
  --csv FILE              export the current objects as CSV (created mode 0600)
)";

int Usage(const std::string& error) {
  std::fprintf(stderr, "mamori inventory: %s\n\n%s", error.c_str(), kUsage);
  return 2;
}

int Fail(const Status& s) {
  std::fprintf(stderr, "mamori inventory: %s\n", s.message().c_str());
  return 2;
}

std::string CountsText(const inventory::Counts& counts) {
  std::string out;
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (!counts[t]) continue;
    if (!out.empty()) out += ' ';
    out += std::string(DataTypeName(static_cast<DataType>(t))) + "=" + std::to_string(counts[t]);
  }
  return out;
}

// "line 3", "row 7 column カード番号", "table orders key 42"...
std::string PlaceText(const StoredFinding& f) {
  std::string out;
  const auto add = [&](const std::string& what, const std::string& v) {
    if (v.empty()) return;
    if (!out.empty()) out += ' ';
    out += what + ' ' + v;
  };
  const StructuredLocation& w = f.where;
  add("table", w.table);
  add("key", w.primary_key);
  add("sheet", w.sheet);
  add("cell", w.cell);
  if (w.page) add("page", std::to_string(*w.page));
  if (w.row) add("row", std::to_string(*w.row));
  add("column", w.column);
  if (out.empty() && f.line) add("line", std::to_string(f.line));
  return out;
}

std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

Status ExportCsv(const std::vector<StoredObject>& objects, const std::string& path) {
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(OpenPrivate(path), std::fclose);
  if (!out) return Status::IoError("cannot write " + path);
  std::string header =
      "host,path,status,reason,risk,records,findings,size,mtime_ns,content_hash,run";
  for (int t = 0; t < kDataTypeCount; ++t) header += "," + std::string(DataTypeName(DataType(t)));
  std::fprintf(out.get(), "%s\n", header.c_str());
  for (const StoredObject& o : objects) {
    std::string line = CsvField(o.host) + ',' + CsvField(o.path) + ',' + o.status + ',' +
                       CsvField(o.reason) + ',' + std::string(RiskName(o.risk)) + ',' +
                       std::to_string(o.records) + ',' + std::to_string(o.findings) + ',' +
                       std::to_string(o.size) + ',' + std::to_string(o.mtime_ns) + ',' +
                       o.content_hash + ',' + std::to_string(o.run_id);
    for (uint64_t n : o.counts) line += ',' + std::to_string(n);
    std::fprintf(out.get(), "%s\n", line.c_str());
  }
  return std::ferror(out.get()) ? Status::IoError("cannot write " + path) : Status::Ok();
}

void PrintObjects(std::vector<StoredObject> objects, bool jsonl, bool all) {
  std::stable_sort(objects.begin(), objects.end(), [](const auto& a, const auto& b) {
    if (a.risk != b.risk) return a.risk > b.risk;
    return a.records > b.records;
  });
  inventory::Counts totals{};
  uint64_t with_findings = 0, top_level = 0;
  for (const StoredObject& o : objects) {
    if (o.top_level()) {
      ++top_level;
      with_findings += o.findings > 0;
      for (int t = 0; t < kDataTypeCount; ++t) totals[t] += o.counts[t];
    }
    if (!all && o.findings == 0 && o.status == "ok") continue;
    if (jsonl) {
      JsonObject j;
      j.Str("kind", "object").Str("host", o.host).Str("path", o.path).Str("status", o.status);
      if (!o.reason.empty()) j.Str("reason", o.reason);
      j.Str("risk", RiskName(o.risk)).Num("records", o.records).Num("findings", o.findings);
      j.Raw("counts", CountsJson(o.counts)).Num("bytes", o.size).Num("run", o.run_id);
      std::printf("%s\n", j.Done().c_str());
    } else {
      std::printf("%-8s %6llu records  %-10s %s:%s  %s\n", std::string(RiskName(o.risk)).c_str(),
                  static_cast<unsigned long long>(o.records), o.status.c_str(), o.host.c_str(),
                  o.path.c_str(), CountsText(o.counts).c_str());
    }
  }
  if (jsonl) {
    JsonObject j;
    j.Str("kind", "totals").Num("objects", top_level).Num("with_findings", with_findings);
    j.Raw("counts", CountsJson(totals));
    std::printf("%s\n", j.Done().c_str());
  } else {
    std::printf("totals: %llu top-level objects, %llu with findings; %s\n",
                static_cast<unsigned long long>(top_level),
                static_cast<unsigned long long>(with_findings),
                totals == inventory::Counts{} ? "nothing found" : CountsText(totals).c_str());
  }
}

int FindValue(InventoryStore& store, DataType type, const std::string& typed, bool jsonl) {
  auto normalized = inventory::NormalizeTyped(type, typed);
  if (!normalized.ok()) return Usage(normalized.status().message());
  auto found = store.FindValue(type, *normalized);
  if (!found.ok()) return Fail(found.status());
  for (const StoredFinding& f : *found) {
    if (jsonl) {
      JsonObject j;
      j.Str("kind", "place").Str("host", f.host).Str("path", f.path).Str("type", f.type);
      j.Str("masked", f.masked);
      if (f.line) j.Num("line", f.line);
      if (f.where.row) j.Num("row", *f.where.row);
      if (!f.where.column.empty()) j.Str("column", f.where.column);
      if (!f.where.sheet.empty()) j.Str("sheet", f.where.sheet).Str("cell", f.where.cell);
      if (f.where.page) j.Num("page", *f.where.page);
      if (!f.where.table.empty()) j.Str("table", f.where.table).Str("key", f.where.primary_key);
      std::printf("%s\n", j.Done().c_str());
    } else {
      std::printf("%s:%s  %s  %s\n", f.host.c_str(), f.path.c_str(), PlaceText(f).c_str(),
                  f.masked.c_str());
    }
  }
  const std::string shown = MaskValue(type, *normalized);
  std::fprintf(stderr, "mamori inventory: %s appears in %zu place(s)\n", shown.c_str(),
               found->size());
  return found->empty() ? 1 : 0;
}

int PrintRuns(InventoryStore& store, bool jsonl, bool changes_only) {
  auto runs = store.Runs();
  if (!runs.ok()) return Fail(runs.status());
  if (changes_only) {
    if (runs->empty()) return Fail(Status::NotFound("the inventory has no runs"));
    runs->erase(runs->begin(), runs->end() - 1);
  }
  for (const auto& r : *runs) {
    if (jsonl) {
      JsonObject j;
      j.Str("kind", "run").Num("run", r.id).Str("host", r.host).Str("started", r.started_at);
      j.Str("finished", r.finished_at).Raw("inputs", r.inputs.empty() ? "[]" : r.inputs);
      j.Num("objects", r.objects).Num("findings", r.findings).Str("max_risk", r.max_risk);
      j.Num("appeared", r.appeared).Num("changed", r.changed).Num("disappeared", r.disappeared);
      j.Num("unchanged", r.unchanged);
      std::printf("%s\n", j.Done().c_str());
    } else {
      std::printf(
          "run %lld  %s  %s .. %s  %s  %llu objects, %llu findings, max %s; %llu appeared, "
          "%llu changed, %llu disappeared, %llu unchanged\n",
          static_cast<long long>(r.id), r.host.c_str(), r.started_at.c_str(),
          r.finished_at.empty() ? "(unfinished)" : r.finished_at.c_str(), r.inputs.c_str(),
          static_cast<unsigned long long>(r.objects), static_cast<unsigned long long>(r.findings),
          r.max_risk.c_str(), static_cast<unsigned long long>(r.appeared),
          static_cast<unsigned long long>(r.changed),
          static_cast<unsigned long long>(r.disappeared),
          static_cast<unsigned long long>(r.unchanged));
    }
    if (!changes_only) continue;
    auto changes = store.Changes(r.id);
    if (!changes.ok()) return Fail(changes.status());
    for (const auto& [path, kind] : *changes) {
      if (jsonl) {
        std::printf("%s\n", JsonObject()
                                .Str("kind", "change")
                                .Str("change", kind)
                                .Str("path", path)
                                .Done()
                                .c_str());
      } else {
        std::printf("  %-11s %s\n", kind.c_str(), path.c_str());
      }
    }
  }
  return 0;
}

}  // namespace

int RunInventory(const std::vector<std::string>& argv) {
  ArgSpec spec;
  spec.flags = {"--all", "--runs", "--changes", "--help"};
  spec.valued = {"--store",      "--store-key",  "--format", "--find-card",
                 "--find-email", "--find-phone", "--csv"};
  spec.aliases = {{"-h", "--help"}};
  Result<Args> args = ParseArgs(argv, spec);
  if (!args.ok()) return Usage(args.status().message());
  if (args->Has("--help")) {
    std::fputs(kUsage, stdout);
    return 0;
  }
  if (!args->positional.empty()) return Usage("unexpected argument '" + args->positional[0] + "'");
  const auto where = args->Last("--store");
  if (!where) return Usage("--store is required");
  const std::string format = args->Last("--format").value_or("text");
  if (format != "text" && format != "jsonl") return Usage("--format takes text or jsonl");
  const bool jsonl = format == "jsonl";
  if (!inventory::IsPostgresUrl(*where) && ::access(where->c_str(), F_OK) != 0) {
    return Fail(Status::NotFound("no inventory at " + *where));
  }
  auto key = inventory::StoreKey::Load(*where, args->Last("--store-key").value_or(""));
  if (!key.ok()) return Fail(key.status());
  auto store = InventoryStore::Open(*where, std::move(*key));
  if (!store.ok()) return Fail(store.status());

  const std::pair<const char*, DataType> finds[] = {{"--find-card", DataType::kCardNumber},
                                                    {"--find-email", DataType::kEmail},
                                                    {"--find-phone", DataType::kPhone}};
  for (const auto& [option, type] : finds) {
    if (auto v = args->Last(option)) return FindValue(**store, type, *v, jsonl);
  }
  if (args->Has("--runs") || args->Has("--changes")) {
    return PrintRuns(**store, jsonl, args->Has("--changes"));
  }
  auto objects = (*store)->CurrentObjects();
  if (!objects.ok()) return Fail(objects.status());
  if (auto csv = args->Last("--csv")) {
    Status s = ExportCsv(*objects, *csv);
    if (!s.ok()) return Fail(s);
    std::fprintf(stderr, "mamori inventory: %zu objects written to %s\n", objects->size(),
                 csv->c_str());
    return 0;
  }
  PrintObjects(std::move(*objects), jsonl, args->Has("--all"));
  return 0;
}

}  // namespace mamori::cli
