// Turns the command line's inputs into the list of objects to scan.
#ifndef MAMORI_ENGINE_WALKER_H_
#define MAMORI_ENGINE_WALKER_H_

#include <cstdint>
#include <string>
#include <vector>

namespace mamori {

struct WalkItem {
  std::string path;   // as given or found; "-" is standard input
  uint64_t size = 0;  // 0 for stdin
  std::string error;  // set when the path could not be listed or stat'ed
};

// Expands files and directories (recursively, not following symlinks out of
// the tree) in a stable order, leaving out paths that match an exclude glob
// by name or by whole path. Unreadable entries become items with an error,
// never silent gaps.
std::vector<WalkItem> Walk(const std::vector<std::string>& inputs,
                           const std::vector<std::string>& excludes);

// True when `path` or its last component matches one of the globs.
bool Excluded(const std::string& path, const std::vector<std::string>& excludes);

}  // namespace mamori

#endif  // MAMORI_ENGINE_WALKER_H_
