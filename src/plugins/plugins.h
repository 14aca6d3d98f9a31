// Parts that need large libraries, loaded the first time they are needed.
//
// Mail files need GMime (with GLib, GnuTLS, GPGME…) and PostgreSQL needs
// libpq (with OpenSSL, Kerberos, LDAP…). Loading and relocating those takes
// about 7 ms, more than half of mamori's start-up, and most scans meet
// neither. So the `mamori` program does not link them: their code is also
// built as shared modules (mamori-mail.so, mamori-postgres.so), opened from
// the program's directory on first use. Programs that link that code in (the
// milter, the tests, the fuzz targets: CMake's mamori_plugins_linked) use it
// directly, through the same entry points.
#ifndef MAMORI_PLUGINS_PLUGINS_H_
#define MAMORI_PLUGINS_PLUGINS_H_

#include <memory>
#include <string>
#include <string_view>

#include "extract/budget.h"
#include "extract/database.h"
#include "extract/extractor.h"
#include "inventory/sql_backend.h"
#include "mamori/status.h"

namespace mamori {

struct MailPlugin {
  Status (*extract_mail)(std::string_view bytes, ExtractSink& sink);  // extract/mail.h
  Status (*extract_mbox)(std::string_view bytes, ExtractSink& sink);
};

struct PostgresPlugin {
  Result<std::unique_ptr<Database>> (*open_database)(const std::string& uri,
                                                     Budget& budget);  // extract/postgres_db.h
  Result<std::unique_ptr<inventory::SqlBackend>> (*open_backend)(
      const std::string& url);  // inventory/postgres_backend.h
};

// The plugin, linked in or loaded (once: later calls give the same answer).
// An error says what could not be loaded and why.
Result<const MailPlugin*> MailSupport();
Result<const PostgresPlugin*> PostgresSupport();

// The address of the function `entry` of the module at `path`.
Result<void*> LoadPluginSymbol(const std::string& path, const char* entry);

// The plugin that the entry point `entry` of the module at `path` gives
// (the tests load the modules the build made).
template <typename Plugin>
Result<const Plugin*> LoadPlugin(const std::string& path, const char* entry) {
  Result<void*> symbol = LoadPluginSymbol(path, entry);
  if (!symbol.ok()) return symbol.status();
  return reinterpret_cast<const Plugin* (*)()>(*symbol)();
}

}  // namespace mamori

// The entry points, defined by the plugins' code. Weak: a program that does
// not link that code in sees them null and loads the module instead.
extern "C" {
__attribute__((weak, visibility("default"))) const mamori::MailPlugin* mamori_mail_plugin();
__attribute__((weak, visibility("default"))) const mamori::PostgresPlugin* mamori_postgres_plugin();
}

#endif  // MAMORI_PLUGINS_PLUGINS_H_
