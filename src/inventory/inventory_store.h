// The findings inventory: every scan run, every object it saw and every
// finding, in an SQLite file or a PostgreSQL database (sql_backend.h).
// Values are never stored: a finding keeps its masked form and an HMAC of
// its normalized value (store_key.h). Writes are buffered and flushed in one
// short transaction, so concurrent scans share a store without waiting long.
#ifndef MAMORI_INVENTORY_INVENTORY_STORE_H_
#define MAMORI_INVENTORY_INVENTORY_STORE_H_

#include <array>
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "inventory/sql_backend.h"
#include "inventory/store_key.h"
#include "mamori/finding.h"
#include "mamori/sink.h"

namespace mamori::inventory {

using Counts = std::array<uint64_t, kDataTypeCount>;

// A run's scope: the host, the inputs it scanned and the settings that
// decide what is found. Rescans compare with the last finished run of the
// same scope: findings made with other types or limits are not carried.
struct RunInfo {
  std::string host;
  std::vector<std::string> inputs;
  std::string options;   // JSON, the command line as the user gave it
  std::string settings;  // canonical result-deciding options (types, limits...)
};

// A top-level object as the scope's last run left it.
struct KnownObject {
  std::optional<FileIdentity> file;  // absent when it was not a hashed file
  ObjectStatus status = ObjectStatus::kOk;
  Risk risk = Risk::kNone;
  uint64_t findings = 0;
  Counts counts{};
};

struct LastRun {
  int64_t id = 0;                              // 0: this scope has no finished run yet
  std::map<std::string, KnownObject> objects;  // by path
};

// What changed in a run, for its record.
struct RunChanges {
  std::vector<std::string> appeared, changed, disappeared;
  uint64_t unchanged = 0;
};

struct StoredObject {
  int64_t run_id = 0;
  std::string host, path, top, status, reason, change;
  Risk risk = Risk::kNone;
  uint64_t records = 0, findings = 0, size = 0;
  int64_t mtime_ns = 0;
  std::string content_hash;
  Counts counts{};
  bool top_level() const { return path == top; }
};

struct StoredFinding {
  std::string host, path, type, masked;
  StructuredLocation where;
  uint64_t line = 0;
};

struct StoredRun {
  int64_t id = 0;
  std::string host, started_at, finished_at, inputs;
  uint64_t objects = 0, findings = 0, appeared = 0, changed = 0, disappeared = 0, unchanged = 0;
  std::string max_risk;
};

class InventoryStore {
 public:
  // Opens (creating or upgrading) the store at `where`; an error when the
  // store was written with another key.
  static Result<std::unique_ptr<InventoryStore>> Open(const std::string& where, StoreKey key);
  static Result<std::unique_ptr<InventoryStore>> OnBackend(std::unique_ptr<SqlBackend> db,
                                                           StoreKey key);

  // Starts a run (committed at once, unfinished until FinishRun) and
  // returns what the scope's last finished run saw.
  Result<LastRun> BeginRun(const RunInfo& run);

  // Buffered writes for the current run.
  void AddFindings(const std::string& path, const std::vector<Finding>& findings);
  void AddObject(const ObjectReport& object, const std::string& change);
  // An unchanged top-level object: its rows (and members') of run `from` are
  // repeated in this run, pointing at the findings of the run that made them.
  void CarryForward(int64_t from, const std::string& top);
  size_t pending() const { return pending_.size(); }
  Status Flush();

  Status FinishRun(const ScanSummary& summary, const RunChanges& changes);

  // Reading: what the last finished run of every scope says.
  Result<std::vector<StoredObject>> CurrentObjects();
  Result<std::vector<StoredFinding>> FindValue(DataType type, const std::string& normalized);
  Result<std::vector<StoredRun>> Runs();
  Result<std::vector<std::pair<std::string, std::string>>> Changes(int64_t run_id);  // path, kind

  int64_t run_id() const { return run_id_; }

 private:
  InventoryStore(std::unique_ptr<SqlBackend> db, StoreKey key)
      : db_(std::move(db)), key_(std::move(key)) {}
  Status CheckKey();
  // The number of `path` within this run, given at its first finding.
  int64_t SeqOf(const std::string& path);
  void Queue(const char* sql, std::vector<SqlValue> params);

  std::unique_ptr<SqlBackend> db_;
  StoreKey key_;
  int64_t run_id_ = 0;
  std::string host_;
  int64_t next_seq_ = 1;
  std::map<std::string, int64_t> open_seqs_;  // objects with findings, not yet reported
  std::vector<std::pair<const char*, std::vector<SqlValue>>> pending_;
};

// "2026-11-21T13:45:07Z".
std::string UtcNow();

// ["a","b"]: a run's inputs and command line.
std::string JsonArray(const std::vector<std::string>& strings);

// The top-level object a path belongs to: "a.zip!/b.csv" -> "a.zip".
std::string TopOf(const std::string& path);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_INVENTORY_STORE_H_
