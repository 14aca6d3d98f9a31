#include "inventory/inventory_sink.h"

#include <algorithm>

namespace mamori::inventory {
namespace {

// A flush is one short write transaction: often enough that a concurrent
// scan never waits long for the store, rarely enough to stay cheap.
constexpr size_t kFlushRows = 16384;
constexpr auto kFlushEvery = std::chrono::seconds(1);
constexpr size_t kListedChanges = 20;  // per kind on stderr; all are in the store

// Outcomes that reading the same bytes again would repeat. An error, a
// limit that stopped the scan (time, memory) or a size skip may not repeat.
bool Settled(ObjectStatus s) {
  return s == ObjectStatus::kOk || s == ObjectStatus::kEncrypted ||
         s == ObjectStatus::kUnsupported || s == ObjectStatus::kNoText;
}

bool SameFile(const FileIdentity& a, const FileIdentity& b) {
  return a.size == b.size && a.mtime_ns == b.mtime_ns && a.content_hash == b.content_hash;
}

void Add(ScanSummary& to, const KnownObject& known) {
  to.findings += known.findings;
  for (int t = 0; t < kDataTypeCount; ++t) to.counts[t] += known.counts[t];
  to.max_risk = std::max(to.max_risk, known.risk);
}

}  // namespace

InventorySink::InventorySink(InventoryStore& store, LastRun last, ScanSink& out, std::FILE* report)
    : store_(store), last_(std::move(last)), out_(out), report_(report) {}

bool InventorySink::Unchanged(const FileIdentity& file) {
  std::lock_guard<std::mutex> lock(mu_);
  const auto it = last_.objects.find(file.path);
  if (it == last_.objects.end() || !it->second.file || !SameFile(*it->second.file, file) ||
      !Settled(it->second.status)) {
    return false;
  }
  seen_.insert(file.path);
  store_.CarryForward(last_.id, file.path);
  ++changes_.unchanged;
  Add(carried_, it->second);
  max_risk_ = std::max(max_risk_, it->second.risk);
  MaybeFlush();
  return true;
}

void InventorySink::OnFindings(const std::string& path, const std::vector<Finding>& findings) {
  out_.OnFindings(path, findings);
  std::lock_guard<std::mutex> lock(mu_);
  store_.AddFindings(path, findings);
}

void InventorySink::OnObject(const ObjectReport& object) {
  out_.OnObject(object);
  std::lock_guard<std::mutex> lock(mu_);
  max_risk_ = std::max(max_risk_, object.risk);
  Classify(object);
  MaybeFlush();
}

void InventorySink::Classify(const ObjectReport& o) {
  if (TopOf(o.path) != o.path) return store_.AddObject(o, "");
  seen_.insert(o.path);
  const auto it = last_.objects.find(o.path);
  std::string kind = "appeared";
  if (it != last_.objects.end()) {
    const KnownObject& known = it->second;
    // A hashed file changed when its identity did; anything else (stdin, a
    // database table, a file over the size limit) when its results did.
    const bool changed = (o.file && known.file)
                             ? !SameFile(*o.file, *known.file)
                             : (o.status != known.status || o.risk != known.risk ||
                                o.findings != known.findings || o.counts != known.counts);
    kind = changed ? "changed" : "rescanned";
  }
  if (last_.id != 0 && kind == "appeared") changes_.appeared.push_back(o.path);
  if (kind == "changed") changes_.changed.push_back(o.path);
  store_.AddObject(o, kind);
}

void InventorySink::MaybeFlush() {
  const auto now = std::chrono::steady_clock::now();
  if (store_.pending() < kFlushRows && now - last_flush_ < kFlushEvery) return;
  last_flush_ = now;
  Status s = store_.Flush();
  if (!s.ok() && status_.ok()) status_ = s;
}

void InventorySink::OnSummary(const ScanSummary& summary) {
  ScanSummary merged = summary;
  {
    std::lock_guard<std::mutex> lock(mu_);
    merged.findings += carried_.findings;
    for (int t = 0; t < kDataTypeCount; ++t) merged.counts[t] += carried_.counts[t];
    merged.max_risk = std::max(merged.max_risk, carried_.max_risk);
  }
  out_.OnSummary(merged);
  std::lock_guard<std::mutex> lock(mu_);
  for (const auto& [path, known] : last_.objects) {
    if (!seen_.count(path)) changes_.disappeared.push_back(path);
  }
  if (status_.ok()) status_ = store_.FinishRun(merged, changes_);
  if (!status_.ok()) {
    std::fprintf(report_, "mamori: inventory: %s (this run is not recorded as finished)\n",
                 status_.message().c_str());
    return;
  }
  if (last_.id == 0) {
    std::fprintf(report_, "mamori: inventory run %lld: first run of this scope, %zu objects\n",
                 static_cast<long long>(store_.run_id()), seen_.size());
    return;
  }
  std::fprintf(report_,
               "mamori: inventory run %lld since run %lld: %zu appeared, %zu changed, "
               "%zu disappeared, %llu unchanged (not rescanned)\n",
               static_cast<long long>(store_.run_id()), static_cast<long long>(last_.id),
               changes_.appeared.size(), changes_.changed.size(), changes_.disappeared.size(),
               static_cast<unsigned long long>(changes_.unchanged));
  const std::pair<const std::vector<std::string>*, const char*> kinds[] = {
      {&changes_.appeared, "appeared"},
      {&changes_.changed, "changed"},
      {&changes_.disappeared, "disappeared"}};
  for (const auto& [paths, kind] : kinds) {
    for (size_t i = 0; i < paths->size() && i < kListedChanges; ++i) {
      std::fprintf(report_, "  %-11s %s\n", kind, (*paths)[i].c_str());
    }
    if (paths->size() > kListedChanges) {
      std::fprintf(report_, "  ... and %zu more %s (mamori inventory --changes)\n",
                   paths->size() - kListedChanges, kind);
    }
  }
}

Status InventorySink::status() const {
  std::lock_guard<std::mutex> lock(mu_);
  return status_;
}

}  // namespace mamori::inventory
