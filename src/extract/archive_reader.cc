#include "extract/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>

namespace mamori {

ArchiveReader::~ArchiveReader() {
  if (a_) archive_read_free(a_);
}

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::Open(std::string_view bytes, bool single_stream) {
  std::unique_ptr<ArchiveReader> r(new ArchiveReader());
  r->a_ = archive_read_new();
  if (!r->a_) return Status::Internal("libarchive: out of memory");
  archive_read_support_filter_all(r->a_);
  archive_read_support_format_all(r->a_);
  // Raw bids lowest, so real archive formats still win over it.
  if (single_stream) archive_read_support_format_raw(r->a_);
  // Zip members without the UTF-8 flag are named in CP932 when made on
  // Japanese Windows; libarchive converts them to UTF-8 for us.
  archive_read_set_options(r->a_, "zip:hdrcharset=CP932");
  if (archive_read_open_memory(r->a_, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Status::Corrupt(std::string("not a readable archive: ") + archive_error_string(r->a_));
  }
  return r;
}

Result<std::optional<ArchiveReader::Entry>> ArchiveReader::Next() {
  archive_entry* e = nullptr;
  const int rc = archive_read_next_header(a_, &e);
  if (rc == ARCHIVE_EOF) return std::optional<Entry>();
  if (rc == ARCHIVE_FATAL || !e) {
    const char* why = archive_error_string(a_);
    return Status::Corrupt(why ? why : "damaged archive");
  }
  Entry entry;
  const char* utf8 = archive_entry_pathname_utf8(e);
  const char* raw = archive_entry_pathname(e);
  entry.name = utf8 ? utf8 : raw ? raw : "";
  entry.size_known = archive_entry_size_is_set(e) != 0;
  entry.size = entry.size_known ? static_cast<uint64_t>(archive_entry_size(e)) : 0;
  entry.encrypted = archive_entry_is_encrypted(e) != 0;
  entry.is_file = archive_entry_filetype(e) == AE_IFREG || archive_entry_filetype(e) == 0;
  return std::optional<Entry>(std::move(entry));
}

Status ArchiveReader::ReadData(std::string* out, uint64_t limit) {
  out->clear();
  char buf[64 * 1024];
  for (;;) {
    const la_ssize_t n = archive_read_data(a_, buf, sizeof buf);
    if (n == 0) return Status::Ok();
    if (n < 0) {
      const char* why = archive_error_string(a_);
      return Status::Corrupt(why ? why : "damaged data");
    }
    if (out->size() + static_cast<uint64_t>(n) > limit) {
      return Status::Unsupported("more than " + std::to_string(limit) + " bytes decompressed");
    }
    out->append(buf, static_cast<size_t>(n));
  }
}

std::string ArchiveReader::FormatName() const {
  const char* name = archive_format_name(a_);
  return name ? name : "";
}

}  // namespace mamori
