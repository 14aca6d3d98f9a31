// Test helpers for the office extractors: zips made in memory with
// libarchive's writer, and the path of the committed fixtures.
#ifndef MAMORI_EXTRACT_OFFICE_ZIP_TEST_UTIL_H_
#define MAMORI_EXTRACT_OFFICE_ZIP_TEST_UTIL_H_

#include <archive.h>
#include <archive_entry.h>

#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "mamori/options.h"

namespace mamori::testing {

using ZipParts = std::vector<std::pair<std::string, std::string>>;  // name, content

// A deflated zip holding `parts` in the given order; with a passphrase,
// every member is encrypted (traditional PKWARE encryption).
inline std::string MakeZip(const ZipParts& parts, const char* passphrase = nullptr) {
  std::string out;
  archive* a = archive_write_new();
  archive_write_set_format_zip(a);
  archive_write_set_bytes_in_last_block(a, 1);  // no padding after the zip
  if (passphrase) {
    archive_write_set_options(a, "zip:encryption=zipcrypt");
    archive_write_set_passphrase(a, passphrase);
  }
  archive_write_open(
      a, &out, nullptr,
      [](archive*, void* buffer, const void* data, size_t size) -> la_ssize_t {
        static_cast<std::string*>(buffer)->append(static_cast<const char*>(data), size);
        return static_cast<la_ssize_t>(size);
      },
      nullptr);
  for (const auto& [name, content] : parts) {
    archive_entry* e = archive_entry_new();
    archive_entry_set_pathname(e, name.c_str());
    archive_entry_set_filetype(e, AE_IFREG);
    archive_entry_set_perm(e, 0644);
    archive_entry_set_size(e, static_cast<la_int64_t>(content.size()));
    archive_write_header(a, e);
    archive_write_data(a, content.data(), content.size());
    archive_entry_free(e);
  }
  archive_write_close(a);
  archive_write_free(a);
  return out;
}

// tests/fixtures/office/<name> of the source tree (whatever the working
// directory: __FILE__ is relative under ccache's CCACHE_BASEDIR).
inline std::string OfficeFixture(const std::string& name) {
#if defined(MAMORI_SOURCE_DIR)
  const std::string root = MAMORI_SOURCE_DIR;
#else
  std::string root = __FILE__;
  root.resize(root.rfind("/src/extract/"));
#endif
  std::ifstream in(root + "/tests/fixtures/office/" + name, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// A "billion laughs" document: ten levels of ten references each.
inline std::string BillionLaughs(const std::string& root_open, const std::string& root_close) {
  std::string xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol0 \"lol\">";
  for (int i = 1; i <= 9; ++i) {
    xml += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) xml += "&lol" + std::to_string(i - 1) + ";";
    xml += "\">";
  }
  return xml + "]>" + root_open + "&lol9;" + root_close;
}

// Small limits for fuzzing office documents: bombs and huge parts hit them fast.
inline Limits FuzzLimits() {
  Limits limits;
  limits.max_member_bytes = 1 << 20;
  limits.max_total_bytes = 8 << 20;
  limits.max_seconds = 20;
  return limits;
}

}  // namespace mamori::testing

#endif  // MAMORI_EXTRACT_OFFICE_ZIP_TEST_UTIL_H_
