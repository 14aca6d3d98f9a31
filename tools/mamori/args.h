// A small command-line reader: long options with values, repeated options,
// and positional arguments, with errors as values.
#ifndef MAMORI_TOOLS_ARGS_H_
#define MAMORI_TOOLS_ARGS_H_

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "mamori/status.h"

namespace mamori::cli {

struct ArgSpec {
  std::set<std::string> flags;                 // options without a value: "--reveal"
  std::set<std::string> valued;                // options with a value: "--format"
  std::map<std::string, std::string> aliases;  // "-j" -> "--jobs"
};

struct Args {
  std::map<std::string, std::vector<std::string>> values;  // option -> values in order
  std::set<std::string> flags;
  std::vector<std::string> positional;

  bool Has(const std::string& flag) const { return flags.count(flag) > 0; }
  std::optional<std::string> Last(const std::string& option) const;
  std::vector<std::string> All(const std::string& option) const;
};

// Accepts "--opt value", "--opt=value", "-j4", and "--" to end options.
Result<Args> ParseArgs(const std::vector<std::string>& argv, const ArgSpec& spec);

// "1024", "64K", "10M", "2G" (binary units) to bytes.
Result<uint64_t> ParseSize(const std::string& text);

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_ARGS_H_
