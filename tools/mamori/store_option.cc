#include "store_option.h"

#include <unistd.h>

#include <cstdio>
#include <filesystem>

namespace mamori::cli {

std::vector<std::string> AbsoluteInputs(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  std::vector<std::string> out;
  for (const std::string& in : inputs) {
    // "sqlite:PATH" names a file too.
    const std::string prefix = in.starts_with("sqlite:") ? "sqlite:" : "";
    const std::string file = in.substr(prefix.size());
    std::error_code ec;
    if (in == "-" || !fs::exists(fs::symlink_status(file, ec)) || ec) {
      out.push_back(in);
      continue;
    }
    std::string path = fs::absolute(file, ec).lexically_normal().string();
    while (path.size() > 1 && path.back() == '/') path.pop_back();
    out.push_back(ec ? in : prefix + path);
  }
  return out;
}

std::string ResultSettings(const ScanOptions& o) {
  const Limits& l = o.limits;
  std::string s = "types=" + o.types.to_string() +
                  " confidence=" + std::string(ConfidenceName(o.min_confidence)) +
                  " max_file_size=" + std::to_string(o.max_file_size) +
                  " sample=" + std::to_string(o.sample_rows) +
                  " limits=" + std::to_string(l.max_depth) + "," +
                  std::to_string(l.max_member_bytes) + "," + std::to_string(l.max_total_bytes) +
                  "," + std::to_string(l.max_members) + "," + std::to_string(l.max_seconds);
  for (const TableSelection& t : o.tables) s += " table=" + t.table + " where=" + t.where;
  return s;
}

std::string HostName() {
  char name[256] = {};
  if (::gethostname(name, sizeof name - 1) != 0) return "unknown";
  return name;
}

Result<std::unique_ptr<StoredScan>> StoredScan::Open(const std::string& where,
                                                     const std::string& key_file,
                                                     const std::vector<std::string>& inputs,
                                                     const std::vector<std::string>& argv,
                                                     const ScanOptions& options, ScanSink& out) {
  auto key = inventory::StoreKey::Load(where, key_file);
  if (!key.ok()) return key.status();
  auto store = inventory::InventoryStore::Open(where, std::move(*key));
  if (!store.ok()) return store.status();
  auto last =
      (*store)->BeginRun({HostName(), inputs, inventory::JsonArray(argv), ResultSettings(options)});
  if (!last.ok()) return last.status();
  std::unique_ptr<StoredScan> scan(new StoredScan());
  scan->store_ = std::move(*store);
  scan->sink_ =
      std::make_unique<inventory::InventorySink>(*scan->store_, std::move(*last), out, stderr);
  return scan;
}

}  // namespace mamori::cli
