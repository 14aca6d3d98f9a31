// Incident files (TOML) on arbitrary bytes: the parser returns an incident
// or an error naming the file and line, never crashes; a parsed incident has
// a source, and every database source's condition is balanced.
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "assess/incident.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto incident = mamori::assess::ParseIncident(text, "fuzz.toml", "/base");
  if (!incident.ok()) {
    if (!incident.status().message().starts_with("fuzz.toml:")) std::abort();
    return 0;
  }
  if (incident->sources.empty()) std::abort();
  for (const auto& source : incident->sources) {
    if (source.database() == !source.paths.empty()) std::abort();
    if (!source.database() && (!source.where.empty() || !source.table.empty())) std::abort();
  }
  return 0;
}
