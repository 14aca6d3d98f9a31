#include "engine/byte_source.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace mamori {

Result<size_t> MemorySource::Read(char* buf, size_t n) {
  const size_t k = std::min(n, bytes_.size() - pos_);
  std::memcpy(buf, bytes_.data() + pos_, k);
  pos_ += k;
  return k;
}

FdSource::~FdSource() {
  if (owned_) ::close(fd_);
}

Result<size_t> FdSource::Read(char* buf, size_t n) {
  for (;;) {
    const ssize_t k = ::read(fd_, buf, n);
    if (k >= 0) return static_cast<size_t>(k);
    if (errno != EINTR) return Status::IoError(std::strerror(errno));
  }
}

Result<size_t> ReadFull(ByteSource& source, char* buf, size_t n) {
  size_t got = 0;
  while (got < n) {
    Result<size_t> k = source.Read(buf + got, n - got);
    if (!k.ok()) return k.status();
    if (*k == 0) break;
    got += *k;
  }
  return got;
}

Result<std::unique_ptr<FdSource>> OpenFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOATIME);
  if (fd < 0 && errno == EPERM) fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(std::strerror(errno));
#ifdef POSIX_FADV_SEQUENTIAL
  ::posix_fadvise(fd, 0, 0, POSIX_FADV_SEQUENTIAL);
#endif
  return std::make_unique<FdSource>(fd, true);
}

Result<std::unique_ptr<MappedFile>> MappedFile::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IoError(std::strerror(errno));
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return Status::IoError(std::strerror(e));
  }
  std::unique_ptr<MappedFile> m(new MappedFile());
  m->size_ = static_cast<size_t>(st.st_size);
  if (m->size_ > 0) {
    m->data_ = ::mmap(nullptr, m->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m->data_ == MAP_FAILED) {
      const int e = errno;
      ::close(fd);
      m->data_ = nullptr;
      return Status::IoError(std::strerror(e));
    }
  }
  ::close(fd);
  return m;
}

MappedFile::~MappedFile() {
  if (data_) ::munmap(data_, size_);
}

Result<size_t> PrefixedSource::Read(char* buf, size_t n) {
  if (pos_ < head_.size()) {
    const size_t k = std::min(n, head_.size() - pos_);
    std::memcpy(buf, head_.data() + pos_, k);
    pos_ += k;
    return k;
  }
  return rest_.Read(buf, n);
}

}  // namespace mamori
