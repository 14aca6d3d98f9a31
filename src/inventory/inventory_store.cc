#include "inventory/inventory_store.h"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <nlohmann/json.hpp>

#include "inventory/schema.h"
#include "mamori/mask.h"
#include "sinks/json.h"

namespace mamori::inventory {
namespace {

// The current state: the last finished run of every scope.
constexpr const char* kCurrentRuns =
    "SELECT max(id) FROM runs WHERE finished_at IS NOT NULL GROUP BY host, scope";

constexpr const char* kInsertObject =
    "INSERT INTO objects (run_id, seq, host, top, path, size, mtime_ns, content_hash, status, "
    "reason, encoding, records, risk, counts, findings, findings_run, findings_seq, change_kind) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kInsertFinding =
    "INSERT INTO findings (run_id, object_seq, type, confidence, offset_bytes, length_bytes, line, "
    "row_index, column_name, sheet, cell, page, table_name, primary_key, record, masked, "
    "value_hmac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

constexpr const char* kCarryForward =
    "INSERT INTO objects (run_id, host, top, path, size, mtime_ns, content_hash, status, reason, "
    "encoding, records, risk, counts, findings, findings_run, findings_seq, change_kind) "
    "SELECT ?, host, top, path, size, mtime_ns, content_hash, status, reason, encoding, records, "
    "risk, counts, findings, findings_run, findings_seq, 'unchanged' FROM objects "
    "WHERE run_id = ? AND top = ?";

SqlValue Text(std::string_view s) { return std::string(s); }
SqlValue Int(uint64_t n) { return static_cast<int64_t>(n); }
SqlValue OrNull(const std::string& s) { return s.empty() ? SqlValue{} : SqlValue{s}; }
template <typename T>
SqlValue OrNull(const std::optional<T>& n) {
  return n ? SqlValue{static_cast<int64_t>(*n)} : SqlValue{};
}

std::string HashHex(uint64_t h) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

uint64_t HashFromHex(const std::string& hex) {
  uint64_t h = 0;
  std::from_chars(hex.data(), hex.data() + hex.size(), h, 16);
  return h;
}

Counts ParseCounts(const std::string& json) {
  Counts counts{};
  const auto parsed = nlohmann::json::parse(json, nullptr, false);
  if (!parsed.is_object()) return counts;
  for (const auto& [name, n] : parsed.items()) {
    const auto type = ParseDataType(name);
    if (type && n.is_number_unsigned()) counts[static_cast<size_t>(*type)] = n.get<uint64_t>();
  }
  return counts;
}

std::optional<ObjectStatus> ParseStatus(const std::string& name) {
  for (int s = 0; s <= static_cast<int>(ObjectStatus::kError); ++s) {
    if (ObjectStatusName(static_cast<ObjectStatus>(s)) == name) return static_cast<ObjectStatus>(s);
  }
  return std::nullopt;
}

std::string Scope(const std::string& settings, std::vector<std::string> inputs) {
  std::sort(inputs.begin(), inputs.end());
  std::string scope = settings + "\n";
  for (const auto& in : inputs) scope += in + "\n";
  return scope;
}

}  // namespace

std::string UtcNow() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string JsonArray(const std::vector<std::string>& strings) {
  std::string json = "[";
  for (const auto& s : strings) {
    if (json.size() > 1) json.push_back(',');
    AppendJsonString(&json, s);
  }
  return json + "]";
}

std::string TopOf(const std::string& path) {
  const size_t at = path.find("!/");
  return at == std::string::npos ? path : path.substr(0, at);
}

Result<std::unique_ptr<InventoryStore>> InventoryStore::Open(const std::string& where,
                                                             StoreKey key) {
  auto db = OpenSqlBackend(where);
  if (!db.ok()) return db.status();
  return OnBackend(std::move(*db), std::move(key));
}

Result<std::unique_ptr<InventoryStore>> InventoryStore::OnBackend(std::unique_ptr<SqlBackend> db,
                                                                  StoreKey key) {
  if (Status s = Migrate(*db); !s.ok()) return s;
  std::unique_ptr<InventoryStore> store(new InventoryStore(std::move(db), std::move(key)));
  if (Status s = store->CheckKey(); !s.ok()) return s;
  return store;
}

Status InventoryStore::CheckKey() {
  const std::string check = key_.Check();
  auto rows = db_->Run("SELECT value FROM meta WHERE key = 'key_check'");
  if (!rows.ok()) return rows.status();
  if (rows->empty()) {
    // Two first runs may race here: the second insert fails on the primary
    // key and the check below reads the winner's.
    (void)db_->Run("INSERT INTO meta (key, value) VALUES ('key_check', ?)", {check});
    rows = db_->Run("SELECT value FROM meta WHERE key = 'key_check'");
    if (!rows.ok()) return rows.status();
  }
  if (rows->empty() || AsText(rows->front()[0]) != check) {
    return Status::InvalidArgument(
        "the inventory was written with another key (check --store-key / MAMORI_STORE_KEY)");
  }
  return Status::Ok();
}

Result<LastRun> InventoryStore::BeginRun(const RunInfo& run) {
  host_ = run.host;
  next_seq_ = 1;
  open_seqs_.clear();
  const std::string scope = Scope(run.settings, run.inputs);
  LastRun last;
  auto prev =
      db_->Run("SELECT max(id) FROM runs WHERE host = ? AND scope = ? AND finished_at IS NOT NULL",
               {run.host, scope});
  if (!prev.ok()) return prev.status();
  if (!prev->empty() && !IsNull(prev->front()[0])) last.id = AsInt(prev->front()[0]);
  auto id = db_->Run(
      "INSERT INTO runs (host, started_at, inputs, options, scope) VALUES (?, ?, ?, ?, ?) "
      "RETURNING id",
      {run.host, UtcNow(), JsonArray(run.inputs), run.options, scope});
  if (!id.ok()) return id.status();
  run_id_ = AsInt(id->front()[0]);
  if (last.id == 0) return last;
  auto rows = db_->Run(
      "SELECT path, size, mtime_ns, content_hash, status, risk, findings, counts FROM objects "
      "WHERE run_id = ? AND top = path",
      {last.id});
  if (!rows.ok()) return rows.status();
  for (const SqlRow& r : *rows) {
    KnownObject known;
    if (!IsNull(r[3])) {
      known.file = FileIdentity{AsText(r[0]), static_cast<uint64_t>(AsInt(r[1])), AsInt(r[2]),
                                HashFromHex(AsText(r[3]))};
    }
    known.status = ParseStatus(AsText(r[4])).value_or(ObjectStatus::kError);
    known.risk = ParseRisk(AsText(r[5])).value_or(Risk::kNone);
    known.findings = static_cast<uint64_t>(AsInt(r[6]));
    known.counts = ParseCounts(AsText(r[7]));
    last.objects.emplace(AsText(r[0]), std::move(known));
  }
  return last;
}

void InventoryStore::Queue(const char* sql, std::vector<SqlValue> params) {
  pending_.emplace_back(sql, std::move(params));
}

int64_t InventoryStore::SeqOf(const std::string& path) {
  auto [it, fresh] = open_seqs_.try_emplace(path, next_seq_);
  next_seq_ += fresh;
  return it->second;
}

void InventoryStore::AddFindings(const std::string& path, const std::vector<Finding>& findings) {
  const int64_t seq = SeqOf(path);
  for (const Finding& f : findings) {
    const StructuredLocation& w = f.where;
    Queue(kInsertFinding,
          {run_id_, seq, Text(DataTypeName(f.type)), Text(ConfidenceName(f.confidence)),
           Int(f.offset), Int(f.length), Int(f.line), OrNull(w.row), OrNull(w.column),
           OrNull(w.sheet), OrNull(w.cell), OrNull(w.page), OrNull(w.table), OrNull(w.primary_key),
           OrNull(w.record), MaskValue(f.type, f.value), key_.Hmac(f.type, f.value)});
  }
}

void InventoryStore::AddObject(const ObjectReport& o, const std::string& change) {
  const int64_t seq = SeqOf(o.path);
  open_seqs_.erase(o.path);  // the object is complete: its findings came before
  Queue(kInsertObject,
        {run_id_, seq, host_, TopOf(o.path), o.path, Int(o.bytes),
         o.file ? SqlValue{o.file->mtime_ns} : SqlValue{},
         o.file ? SqlValue{HashHex(o.file->content_hash)} : SqlValue{},
         Text(ObjectStatusName(o.status)), o.reason, o.encoding, Int(o.records),
         Text(RiskName(o.risk)), CountsJson(o.counts), Int(o.findings), run_id_, seq, change});
}

void InventoryStore::CarryForward(int64_t from, const std::string& top) {
  Queue(kCarryForward, {run_id_, from, top});
}

Status InventoryStore::Flush() {
  if (pending_.empty()) return Status::Ok();
  if (Status s = db_->Begin(); !s.ok()) return s;
  for (const auto& [sql, params] : pending_) {
    auto r = db_->Run(sql, params);
    if (!r.ok()) {
      db_->Rollback();
      pending_.clear();
      return r.status();
    }
  }
  pending_.clear();
  return db_->Commit();
}

Status InventoryStore::FinishRun(const ScanSummary& summary, const RunChanges& changes) {
  const std::pair<const std::vector<std::string>*, const char*> kinds[] = {
      {&changes.appeared, "appeared"},
      {&changes.changed, "changed"},
      {&changes.disappeared, "disappeared"}};
  for (const auto& [paths, kind] : kinds) {
    for (const auto& path : *paths) {
      Queue("INSERT INTO changes (run_id, path, change_kind) VALUES (?, ?, ?)",
            {run_id_, path, Text(kind)});
    }
  }
  Queue(
      "UPDATE runs SET finished_at = ?, objects = (SELECT count(*) FROM objects WHERE run_id = ?), "
      "findings = ?, max_risk = ?, appeared = ?, changed = ?, disappeared = ?, unchanged = ? "
      "WHERE id = ?",
      {UtcNow(), run_id_, Int(summary.findings), Text(RiskName(summary.max_risk)),
       Int(changes.appeared.size()), Int(changes.changed.size()), Int(changes.disappeared.size()),
       Int(changes.unchanged), run_id_});
  return Flush();
}

Result<std::vector<StoredObject>> InventoryStore::CurrentObjects() {
  auto rows =
      db_->Run(std::string("SELECT run_id, host, path, top, status, reason, change_kind, risk, "
                           "records, findings, size, "
                           "mtime_ns, content_hash, counts FROM objects WHERE run_id IN (") +
               kCurrentRuns + ")");
  if (!rows.ok()) return rows.status();
  // Overlapping scopes (a folder and its parent) both hold an object: the
  // later run's row is the current one.
  std::map<std::pair<std::string, std::string>, StoredObject> latest;
  for (const SqlRow& r : *rows) {
    StoredObject o;
    o.run_id = AsInt(r[0]);
    o.host = AsText(r[1]);
    o.path = AsText(r[2]);
    o.top = AsText(r[3]);
    o.status = AsText(r[4]);
    o.reason = AsText(r[5]);
    o.change = AsText(r[6]);
    o.risk = ParseRisk(AsText(r[7])).value_or(Risk::kNone);
    o.records = AsInt(r[8]);
    o.findings = AsInt(r[9]);
    o.size = AsInt(r[10]);
    o.mtime_ns = AsInt(r[11]);
    o.content_hash = AsText(r[12]);
    o.counts = ParseCounts(AsText(r[13]));
    auto [it, fresh] = latest.try_emplace({o.host, o.path}, o);
    if (!fresh && it->second.run_id < o.run_id) it->second = std::move(o);
  }
  std::vector<StoredObject> objects;
  for (auto& [place, o] : latest) objects.push_back(std::move(o));
  return objects;
}

Result<std::vector<StoredFinding>> InventoryStore::FindValue(DataType type,
                                                             const std::string& normalized) {
  auto rows = db_->Run(
      std::string("SELECT o.run_id, o.host, o.path, f.type, f.masked, f.line, f.row_index, "
                  "f.column_name, f.sheet, f.cell, f.page, f.table_name, f.primary_key, f.record "
                  "FROM objects o JOIN findings f ON f.run_id = o.findings_run AND f.object_seq = "
                  "o.findings_seq "
                  "WHERE f.value_hmac = ? AND o.run_id IN (") +
          kCurrentRuns + ") ORDER BY o.host, o.path, f.offset_bytes",
      {key_.Hmac(type, normalized)});
  if (!rows.ok()) return rows.status();
  std::map<std::pair<std::string, std::string>, int64_t> newest;  // overlapping scopes
  for (const SqlRow& r : *rows) {
    auto& run = newest[{AsText(r[1]), AsText(r[2])}];
    run = std::max(run, AsInt(r[0]));
  }
  std::vector<StoredFinding> found;
  for (const SqlRow& r : *rows) {
    if (newest[{AsText(r[1]), AsText(r[2])}] != AsInt(r[0])) continue;
    StoredFinding f;
    f.host = AsText(r[1]);
    f.path = AsText(r[2]);
    f.type = AsText(r[3]);
    f.masked = AsText(r[4]);
    f.line = AsInt(r[5]);
    if (!IsNull(r[6])) f.where.row = AsInt(r[6]);
    f.where.column = AsText(r[7]);
    f.where.sheet = AsText(r[8]);
    f.where.cell = AsText(r[9]);
    if (!IsNull(r[10])) f.where.page = static_cast<uint32_t>(AsInt(r[10]));
    f.where.table = AsText(r[11]);
    f.where.primary_key = AsText(r[12]);
    f.where.record = AsText(r[13]);
    found.push_back(std::move(f));
  }
  return found;
}

Result<std::vector<StoredRun>> InventoryStore::Runs() {
  auto rows = db_->Run(
      "SELECT id, host, started_at, finished_at, inputs, objects, findings, max_risk, appeared, "
      "changed, disappeared, unchanged FROM runs ORDER BY id");
  if (!rows.ok()) return rows.status();
  std::vector<StoredRun> runs;
  for (const SqlRow& r : *rows) {
    StoredRun run;
    run.id = AsInt(r[0]);
    run.host = AsText(r[1]);
    run.started_at = AsText(r[2]);
    run.finished_at = AsText(r[3]);
    run.inputs = AsText(r[4]);
    run.objects = AsInt(r[5]);
    run.findings = AsInt(r[6]);
    run.max_risk = AsText(r[7]);
    run.appeared = AsInt(r[8]);
    run.changed = AsInt(r[9]);
    run.disappeared = AsInt(r[10]);
    run.unchanged = AsInt(r[11]);
    runs.push_back(std::move(run));
  }
  return runs;
}

Result<std::vector<std::pair<std::string, std::string>>> InventoryStore::Changes(int64_t run_id) {
  auto rows =
      db_->Run("SELECT path, change_kind FROM changes WHERE run_id = ? ORDER BY path", {run_id});
  if (!rows.ok()) return rows.status();
  std::vector<std::pair<std::string, std::string>> changes;
  for (const SqlRow& r : *rows) changes.emplace_back(AsText(r[0]), AsText(r[1]));
  return changes;
}

}  // namespace mamori::inventory
