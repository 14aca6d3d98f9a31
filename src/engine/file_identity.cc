#include "engine/file_identity.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cerrno>
#include <cstring>
#include <memory>
#include <vector>

namespace mamori {
namespace {

struct HashState {
  void operator()(XXH3_state_t* s) const { XXH3_freeState(s); }
};

Status Errno(const std::string& what, const std::string& path) {
  return Status::IoError(what + " " + path + ": " + std::strerror(errno));
}

}  // namespace

Result<FileIdentity> IdentifyFile(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open", path);
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) return Errno("cannot stat", path);
  if (!S_ISREG(st.st_mode)) return Status::InvalidArgument(path + " is not a regular file");
  std::unique_ptr<XXH3_state_t, HashState> state(XXH3_createState());
  if (!state || XXH3_64bits_reset(state.get()) != XXH_OK) return Status::Internal("xxhash state");
  std::vector<char> buf(1 << 20);
  uint64_t size = 0;
  for (;;) {
    const ssize_t n = ::read(fd, buf.data(), buf.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Errno("cannot read", path);
    if (n == 0) break;
    XXH3_64bits_update(state.get(), buf.data(), static_cast<size_t>(n));
    size += static_cast<uint64_t>(n);
  }
  FileIdentity id;
  id.path = path;
  id.size = size;
  id.mtime_ns = static_cast<int64_t>(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec;
  id.content_hash = XXH3_64bits_digest(state.get());
  return id;
}

}  // namespace mamori
