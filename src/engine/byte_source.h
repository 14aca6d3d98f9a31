// Reading is behind an interface so tests (and extractors) can feed bytes
// from memory, and the scanner never cares where they come from.
#ifndef MAMORI_ENGINE_BYTE_SOURCE_H_
#define MAMORI_ENGINE_BYTE_SOURCE_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "mamori/status.h"

namespace mamori {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to n bytes into buf; 0 at the end.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

class MemorySource final : public ByteSource {
 public:
  explicit MemorySource(std::string_view bytes) : bytes_(bytes) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

// Reads a file descriptor; owns it when `owned`.
class FdSource final : public ByteSource {
 public:
  FdSource(int fd, bool owned) : fd_(fd), owned_(owned) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
  bool owned_;
};

// Reads until `n` bytes are in `buf` or the source ends; the count read.
Result<size_t> ReadFull(ByteSource& source, char* buf, size_t n);

// Opens `path` for reading (read-only, no access-time update where allowed).
Result<std::unique_ptr<FdSource>> OpenFile(const std::string& path);

// A whole file mapped read-only: containers need random access, and a
// mapping costs no copy (its pages are clean and the kernel can drop them).
// A file that shrinks while mapped (a log rotated, a download replaced)
// would kill the process with SIGBUS on the first read past its new end:
// MappedFile catches that signal for its own pages, which then read as
// zeros, and says so (Shrank). At most kMaxMappings are open at once; Open
// fails beyond that and callers read the file instead.
class MappedFile {
 public:
  static constexpr size_t kMaxMappings = 256;

  static Result<std::unique_ptr<MappedFile>> Open(const std::string& path);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  std::string_view bytes() const { return {static_cast<const char*>(data_), size_}; }
  // Whether the file shrank while mapped: bytes past its new end read as zeros.
  bool Shrank() const;

 private:
  MappedFile() = default;
  void* data_ = nullptr;
  size_t size_ = 0;
  size_t slot_ = 0;  // in the registry the SIGBUS handler reads
};

// Counts the bytes read through it (table extractors do not report sizes).
class CountingSource final : public ByteSource {
 public:
  explicit CountingSource(ByteSource& inner) : inner_(inner) {}
  Result<size_t> Read(char* buf, size_t n) override {
    Result<size_t> k = inner_.Read(buf, n);
    if (k.ok()) bytes_ += *k;
    return k;
  }
  uint64_t bytes() const { return bytes_; }

 private:
  ByteSource& inner_;
  uint64_t bytes_ = 0;
};

// Replays bytes already read (a sniffed head), then reads on from `rest`.
class PrefixedSource final : public ByteSource {
 public:
  PrefixedSource(std::string_view head, ByteSource& rest) : head_(head), rest_(rest) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view head_;
  size_t pos_ = 0;
  ByteSource& rest_;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_BYTE_SOURCE_H_
