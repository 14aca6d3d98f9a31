#include "extract/archive_reader.h"

#include <archive.h>
#include <archive_entry.h>
#include <locale.h>
#include <unicode/ucnv.h>

#include "engine/encoding.h"

namespace mamori {
namespace {

// libarchive converts names through the thread's locale; under the "C"
// locale non-ASCII names come back empty. A UTF-8 locale for the calls
// into libarchive, set per thread, fixes that without touching the process.
class Utf8Locale {
 public:
  Utf8Locale() {
    static const locale_t utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", static_cast<locale_t>(0));
    if (utf8) previous_ = uselocale(utf8);
  }
  ~Utf8Locale() {
    if (previous_) uselocale(previous_);
  }

 private:
  locale_t previous_ = static_cast<locale_t>(0);
};

// Zip names without the UTF-8 flag are in the maker's code page: on
// Japanese Windows, CP932.
std::string NameToUtf8(const char* raw) {
  if (!raw) return "";
  const std::string_view name(raw);
  if (IsValidUtf8Prefix(name)) return std::string(name);
  UErrorCode err = U_ZERO_ERROR;
  std::string out(name.size() * 3 + 1, '\0');
  const int32_t n =
      ucnv_convert("UTF-8", "windows-31j", out.data(), static_cast<int32_t>(out.size()),
                   name.data(), static_cast<int32_t>(name.size()), &err);
  if (U_FAILURE(err)) return std::string(name);
  out.resize(n);
  return out;
}

// libarchive may have no message to give: never build a string from NULL.
std::string ErrorOf(archive* a, const char* fallback) {
  const char* why = archive_error_string(a);
  return why ? why : fallback;
}

}  // namespace

ArchiveReader::~ArchiveReader() {
  if (a_) archive_read_free(a_);
}

Result<std::unique_ptr<ArchiveReader>> ArchiveReader::Open(std::string_view bytes,
                                                           bool single_stream) {
  Utf8Locale locale;
  std::unique_ptr<ArchiveReader> r(new ArchiveReader());
  r->a_ = archive_read_new();
  if (!r->a_) return Status::Internal("libarchive: out of memory");
  archive_read_support_filter_all(r->a_);
  archive_read_support_format_all(r->a_);
  // Raw bids lowest, so real archive formats still win over it.
  if (single_stream) archive_read_support_format_raw(r->a_);
  if (archive_read_open_memory(r->a_, bytes.data(), bytes.size()) != ARCHIVE_OK) {
    return Status::Corrupt("not a readable archive: " + ErrorOf(r->a_, "unknown format"));
  }
  return r;
}

Result<std::optional<ArchiveReader::Entry>> ArchiveReader::Next() {
  Utf8Locale locale;
  archive_entry* e = nullptr;
  const int rc = archive_read_next_header(a_, &e);
  if (rc == ARCHIVE_EOF) return std::optional<Entry>();
  if (rc == ARCHIVE_FATAL || !e) return Status::Corrupt(ErrorOf(a_, "damaged archive"));
  Entry entry;
  entry.name = NameToUtf8(archive_entry_pathname(e));
  entry.size_known = archive_entry_size_is_set(e) != 0;
  entry.size = entry.size_known ? static_cast<uint64_t>(archive_entry_size(e)) : 0;
  entry.encrypted = archive_entry_is_encrypted(e) != 0;
  entry.is_file = archive_entry_filetype(e) == AE_IFREG || archive_entry_filetype(e) == 0;
  return std::optional<Entry>(std::move(entry));
}

Status ArchiveReader::ReadData(std::string* out, uint64_t limit) {
  Utf8Locale locale;
  out->clear();
  char buf[64 * 1024];
  for (;;) {
    const la_ssize_t n = archive_read_data(a_, buf, sizeof buf);
    if (n == 0) return Status::Ok();
    if (n < 0) return Status::Corrupt(ErrorOf(a_, "damaged data"));
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
