#include "engine/walker.h"

#include <fnmatch.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace mamori {
namespace fs = std::filesystem;

bool Excluded(const std::string& path, const std::vector<std::string>& excludes) {
  const std::string name = fs::path(path).filename().string();
  for (const std::string& glob : excludes) {
    if (fnmatch(glob.c_str(), name.c_str(), 0) == 0) return true;
    if (fnmatch(glob.c_str(), path.c_str(), 0) == 0) return true;
  }
  return false;
}

namespace {

void WalkDirectory(const fs::path& root, const std::vector<std::string>& excludes,
                   std::vector<WalkItem>* out) {
  std::error_code ec;
  std::vector<WalkItem> found;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out->push_back({root.string(), 0, ec.message()});
    return;
  }
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) {
      found.push_back({it->path().string(), 0, ec.message()});
      ec.clear();
      continue;
    }
    const fs::directory_entry& entry = *it;
    const std::string path = entry.path().string();
    if (Excluded(path, excludes)) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec)) continue;        // never leave the tree or loop
    if (!entry.is_regular_file(ec)) continue;  // devices, sockets, fifos
    const uintmax_t size = entry.file_size(ec);
    found.push_back({path, ec ? 0 : static_cast<uint64_t>(size), ec ? ec.message() : ""});
  }
  std::sort(found.begin(), found.end(),
            [](const WalkItem& a, const WalkItem& b) { return a.path < b.path; });
  out->insert(out->end(), found.begin(), found.end());
}

}  // namespace

std::vector<WalkItem> Walk(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& excludes) {
  std::vector<WalkItem> items;
  for (const std::string& input : inputs) {
    if (input == "-") {
      items.push_back({"-", 0, ""});
      continue;
    }
    std::error_code ec;
    const fs::file_status st = fs::status(input, ec);
    if (ec) {
      items.push_back({input, 0, ec.message()});
    } else if (fs::is_directory(st)) {
      WalkDirectory(input, excludes, &items);
    } else {
      const uintmax_t size = fs::file_size(input, ec);
      items.push_back({input, ec ? 0 : static_cast<uint64_t>(size), ""});
    }
  }
  return items;
}

}  // namespace mamori
