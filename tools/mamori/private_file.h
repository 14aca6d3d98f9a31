// Files mamori writes hold findings: they are created owner-only.
#ifndef MAMORI_TOOLS_PRIVATE_FILE_H_
#define MAMORI_TOOLS_PRIVATE_FILE_H_

#include <cstdio>
#include <string>

namespace mamori::cli {

// Opens `path` for writing, truncated, mode 0600 (also when it existed);
// nullptr when it cannot.
std::FILE* OpenPrivate(const std::string& path);

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_PRIVATE_FILE_H_
