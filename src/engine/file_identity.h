// The identity of a file for rescans: size, modification time and a fast
// hash of its bytes, all taken from one open descriptor.
#ifndef MAMORI_ENGINE_FILE_IDENTITY_H_
#define MAMORI_ENGINE_FILE_IDENTITY_H_

#include <string>

#include "mamori/finding.h"
#include "mamori/status.h"

namespace mamori {

// Reads `path` once in bounded memory (1 MiB at a time) and returns its size,
// mtime and XXH3-64. An error when it cannot be opened, stat'ed or read, or
// is not a regular file.
Result<FileIdentity> IdentifyFile(const std::string& path);

}  // namespace mamori

#endif  // MAMORI_ENGINE_FILE_IDENTITY_H_
