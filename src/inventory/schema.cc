#include "inventory/schema.h"

#include <iterator>
#include <string>

namespace mamori::inventory {
namespace {

// Version 1: runs, the objects of each run (numbered within their run by
// `seq`), their findings (never the raw value: a masked form and a keyed
// hash). Findings point at (run_id, object_seq): integers, cheap to index.
constexpr const char* kVersion1 = R"(
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
  id @ID, host TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
  inputs TEXT NOT NULL, options TEXT NOT NULL,
  objects @INT NOT NULL DEFAULT 0, findings @INT NOT NULL DEFAULT 0,
  max_risk TEXT NOT NULL DEFAULT 'none');
CREATE TABLE objects (
  id @ID, run_id @INT NOT NULL REFERENCES runs(id), seq @INT, host TEXT NOT NULL,
  path TEXT NOT NULL, size @INT, status TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '',
  encoding TEXT NOT NULL DEFAULT '', records @INT NOT NULL DEFAULT 0,
  risk TEXT NOT NULL DEFAULT 'none', counts TEXT NOT NULL DEFAULT '{}',
  findings @INT NOT NULL DEFAULT 0);
CREATE TABLE findings (
  id @ID, run_id @INT NOT NULL REFERENCES runs(id), object_seq @INT NOT NULL,
  type TEXT NOT NULL, confidence TEXT NOT NULL, offset_bytes @INT, length_bytes @INT,
  line @INT, row_index @INT, column_name TEXT, sheet TEXT, cell TEXT, page @INT,
  table_name TEXT, primary_key TEXT, masked TEXT NOT NULL, value_hmac TEXT NOT NULL);
CREATE INDEX objects_run ON objects(run_id);
CREATE INDEX findings_object ON findings(run_id, object_seq);
CREATE INDEX findings_hmac ON findings(value_hmac);
)";

// Version 2: rescans. A run has a scope (its host and inputs) and what
// changed since the scope's last run; an object has its file identity, its
// top-level file, and the run whose findings it carries (an unchanged file's
// findings are not copied, its row points at the run that found them).
constexpr const char* kVersion2 = R"(
ALTER TABLE runs ADD COLUMN scope TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN appeared @INT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN changed @INT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN disappeared @INT NOT NULL DEFAULT 0;
ALTER TABLE runs ADD COLUMN unchanged @INT NOT NULL DEFAULT 0;
ALTER TABLE objects ADD COLUMN top TEXT NOT NULL DEFAULT '';
ALTER TABLE objects ADD COLUMN mtime_ns @INT;
ALTER TABLE objects ADD COLUMN content_hash TEXT;
ALTER TABLE objects ADD COLUMN findings_run @INT;
ALTER TABLE objects ADD COLUMN findings_seq @INT;
ALTER TABLE objects ADD COLUMN change_kind TEXT NOT NULL DEFAULT '';
ALTER TABLE findings ADD COLUMN record TEXT;
UPDATE objects SET top = path, findings_run = run_id, findings_seq = seq;
CREATE TABLE changes (
  run_id @INT NOT NULL REFERENCES runs(id), path TEXT NOT NULL, change_kind TEXT NOT NULL);
CREATE INDEX changes_run ON changes(run_id);
CREATE INDEX objects_top ON objects(run_id, top);
CREATE INDEX objects_place ON objects(host, path);
CREATE INDEX runs_scope ON runs(host, scope);
)";

constexpr const char* kSteps[] = {kVersion1, kVersion2};
static_assert(std::size(kSteps) == kSchemaVersion);

std::string ForDialect(std::string sql, Dialect dialect) {
  const bool pg = dialect == Dialect::kPostgres;
  const auto replace = [&](const std::string& from, const std::string& to) {
    for (size_t at = sql.find(from); at != std::string::npos; at = sql.find(from, at + to.size())) {
      sql.replace(at, from.size(), to);
    }
  };
  replace("@ID", pg ? "BIGSERIAL PRIMARY KEY" : "INTEGER PRIMARY KEY");
  replace("@INT", pg ? "BIGINT" : "INTEGER");
  return sql;
}

Status MigrateLocked(SqlBackend& db, int target) {
  Status s = db.Script(ForDialect(
      "CREATE TABLE IF NOT EXISTS schema_version (version @INT NOT NULL)", db.dialect()));
  if (!s.ok()) return s;
  auto version = SchemaVersion(db);
  if (!version.ok()) return version.status();
  if (*version > kSchemaVersion) {
    return Status::Unsupported("the inventory has schema version " + std::to_string(*version) +
                               ", newer than this mamori's " + std::to_string(kSchemaVersion));
  }
  for (int v = *version + 1; v <= target; ++v) {
    s = db.Script(ForDialect(kSteps[v - 1], db.dialect()));
    if (!s.ok()) return Status::IoError("step " + std::to_string(v) + ": " + s.message());
  }
  if (*version >= target) return Status::Ok();
  if (auto r = db.Run("DELETE FROM schema_version"); !r.ok()) return r.status();
  auto r = db.Run("INSERT INTO schema_version (version) VALUES (?)", {int64_t{target}});
  return r.ok() ? Status::Ok() : r.status();
}

}  // namespace

Result<int> SchemaVersion(SqlBackend& db) {
  auto rows = db.Run("SELECT max(version) FROM schema_version");
  if (!rows.ok()) return rows.status();
  return rows->empty() ? 0 : static_cast<int>(AsInt(rows->front()[0]));
}

Status Migrate(SqlBackend& db, int target) {
  if (Status s = db.Begin(true); !s.ok()) return s;
  Status s = MigrateLocked(db, target);
  if (!s.ok()) {
    db.Rollback();
    return Status::IoError("inventory schema: " + s.message());
  }
  return db.Commit();
}

}  // namespace mamori::inventory
