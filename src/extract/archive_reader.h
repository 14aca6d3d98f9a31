// Reading archives and compressed streams from memory with libarchive:
// zip (CP932 member names too), 7z, tar, rar, and gzip/bzip2/xz/zstd.
// Used by the archive extractor and by the OOXML/ODF extractors, which are
// zip files underneath.
#ifndef MAMORI_EXTRACT_ARCHIVE_READER_H_
#define MAMORI_EXTRACT_ARCHIVE_READER_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "mamori/status.h"

struct archive;

namespace mamori {

class ArchiveReader {
 public:
  struct Entry {
    std::string name;   // UTF-8; CP932 zip names are converted
    uint64_t size = 0;  // as the header says; 0 when unknown
    bool size_known = false;
    bool encrypted = false;
    bool is_file = true;  // false for directories, links, devices
  };

  // Opens `bytes` (which must outlive the reader) as an archive. With
  // `single_stream`, a compressed stream that is not an archive (a .gz of a
  // CSV) opens as one entry named "data".
  static Result<std::unique_ptr<ArchiveReader>> Open(std::string_view bytes, bool single_stream);
  ~ArchiveReader();

  // The next entry; nullopt at the end; an error for a corrupt header.
  Result<std::optional<Entry>> Next();

  // Reads the current entry's data into *out. Reading stops with an
  // Unsupported status once more than `limit` bytes came out (a bomb or a
  // lying header), and with Corrupt on damaged or encrypted data.
  Status ReadData(std::string* out, uint64_t limit);

  // The archive format libarchive recognised ("ZIP 2.0 (deflation)", "RAR"…).
  std::string FormatName() const;

 private:
  ArchiveReader() = default;
  archive* a_ = nullptr;
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_ARCHIVE_READER_H_
