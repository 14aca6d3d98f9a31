#include "engine/byte_source.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <mutex>

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

namespace {

// The mappings the SIGBUS handler may repair: lock-free, as the handler
// reads it. A slot is claimed through `used`, then given its range.
struct MappingSlot {
  std::atomic<bool> used{false};
  std::atomic<uintptr_t> begin{0};
  std::atomic<uintptr_t> end{0};
  std::atomic<bool> shrank{false};
};
MappingSlot g_mappings[MappedFile::kMaxMappings];
struct sigaction g_previous_sigbus;
uintptr_t g_page_mask = 0;  // ~(page size - 1), set before the handler

// A read past the end of a shrunk file: the mapping's pages from the one
// that faulted on become anonymous zero pages, and the read is retried.
// Faults elsewhere go to the handler there was before (or the default).
void OnSigbus(int signal, siginfo_t* info, void* context) {
  const auto address = reinterpret_cast<uintptr_t>(info->si_addr);
  for (MappingSlot& slot : g_mappings) {
    const uintptr_t begin = slot.begin.load(std::memory_order_acquire);
    const uintptr_t end = slot.end.load(std::memory_order_acquire);
    if (address < begin || address >= end) continue;
    const uintptr_t page = address & g_page_mask;
    void* zeros = ::mmap(reinterpret_cast<void*>(page), end - page, PROT_READ,
                         MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (zeros == MAP_FAILED) break;
    slot.shrank.store(true, std::memory_order_release);
    return;
  }
  if (g_previous_sigbus.sa_flags & SA_SIGINFO) {
    g_previous_sigbus.sa_sigaction(signal, info, context);
  } else if (g_previous_sigbus.sa_handler != SIG_DFL && g_previous_sigbus.sa_handler != SIG_IGN) {
    g_previous_sigbus.sa_handler(signal);
  } else {
    ::signal(SIGBUS, SIG_DFL);  // the retried read ends the process as it would have
  }
}

void InstallSigbusHandler() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_page_mask = ~(static_cast<uintptr_t>(::sysconf(_SC_PAGESIZE)) - 1);
    struct sigaction action = {};
    action.sa_sigaction = &OnSigbus;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGBUS, &action, &g_previous_sigbus);
  });
}

// A free slot, claimed; kMaxMappings when there is none.
size_t ClaimSlot() {
  for (size_t k = 0; k < MappedFile::kMaxMappings; ++k) {
    bool expected = false;
    if (g_mappings[k].used.compare_exchange_strong(expected, true)) return k;
  }
  return MappedFile::kMaxMappings;
}

}  // namespace

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
  m->slot_ = kMaxMappings;
  if (m->size_ > 0) {
    InstallSigbusHandler();
    m->slot_ = ClaimSlot();
    if (m->slot_ == kMaxMappings) {
      ::close(fd);
      return Status::Unsupported("too many files mapped at once");
    }
    m->data_ = ::mmap(nullptr, m->size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (m->data_ == MAP_FAILED) {
      const int e = errno;
      ::close(fd);
      m->data_ = nullptr;
      return Status::IoError(std::strerror(e));
    }
    MappingSlot& slot = g_mappings[m->slot_];
    slot.shrank.store(false);
    slot.begin.store(reinterpret_cast<uintptr_t>(m->data_), std::memory_order_release);
    slot.end.store(reinterpret_cast<uintptr_t>(m->data_) + m->size_, std::memory_order_release);
  }
  ::close(fd);
  return m;
}

bool MappedFile::Shrank() const {
  return slot_ < kMaxMappings && g_mappings[slot_].shrank.load(std::memory_order_acquire);
}

MappedFile::~MappedFile() {
  if (slot_ < kMaxMappings) {
    // The range is forgotten before it is unmapped: the handler never
    // repairs an address that may be mapped again by then.
    MappingSlot& slot = g_mappings[slot_];
    slot.begin.store(0, std::memory_order_release);
    slot.end.store(0, std::memory_order_release);
  }
  if (data_) ::munmap(data_, size_);
  if (slot_ < kMaxMappings) g_mappings[slot_].used.store(false, std::memory_order_release);
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
