// `mamori scan --store`: the scan's sink wrapped in the inventory.
#ifndef MAMORI_TOOLS_STORE_OPTION_H_
#define MAMORI_TOOLS_STORE_OPTION_H_

#include <memory>
#include <string>
#include <vector>

#include "inventory/inventory_sink.h"
#include "inventory/inventory_store.h"
#include "mamori/options.h"

namespace mamori::cli {

class StoredScan {
 public:
  // Opens the store (and its key), begins a run for `inputs` recording the
  // command line `argv`, and wraps `out`.
  static Result<std::unique_ptr<StoredScan>> Open(const std::string& where,
                                                  const std::string& key_file,
                                                  const std::vector<std::string>& inputs,
                                                  const std::vector<std::string>& argv,
                                                  const ScanOptions& options, ScanSink& out);
  ScanSink& sink() { return *sink_; }
  Status status() const { return sink_->status(); }
  Risk max_risk() const { return sink_->max_risk(); }

 private:
  StoredScan() = default;
  std::unique_ptr<inventory::InventoryStore> store_;
  std::unique_ptr<inventory::InventorySink> sink_;
};

// Existing paths (also "sqlite:PATH") made absolute (lexically: symlinks are
// kept as named);
// "-" and anything that is not a path (a database URL) as given.
std::vector<std::string> AbsoluteInputs(const std::vector<std::string>& inputs);

// The options that decide what a scan finds, canonical: runs with other
// settings are another scope for rescans.
std::string ResultSettings(const ScanOptions& options);

// This machine's name, for the inventory's runs.
std::string HostName();

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_STORE_OPTION_H_
