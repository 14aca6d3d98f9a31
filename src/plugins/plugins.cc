#include "plugins/plugins.h"

#include <dlfcn.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

namespace mamori {
namespace {

// The directory of the running program: the build puts the modules there.
std::string ProgramDirectory() {
  std::error_code error;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", error);
  return error ? std::string(".") : exe.parent_path().string();
}

// The plugin from its entry point when linked in, else from `module`.
template <typename Plugin>
Result<const Plugin*> Load(const Plugin* (*linked)(), const char* module, const char* entry,
                           std::string_view what) {
  if (linked) return linked();
  Result<const Plugin*> loaded = LoadPlugin<Plugin>(ProgramDirectory() + "/" + module, entry);
  if (!loaded.ok()) {
    return Status::Unsupported(std::string(what) +
                               " support is not available: " + loaded.status().message());
  }
  return loaded;
}

}  // namespace

Result<void*> LoadPluginSymbol(const std::string& path, const char* entry) {
  // Never closed: the plugin's objects (databases, backends) live on.
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle) return Status::IoError(::dlerror());
  void* symbol = ::dlsym(handle, entry);
  if (!symbol) return Status::IoError(path + " has no " + entry);
  return symbol;
}

Result<const MailPlugin*> MailSupport() {
  static const Result<const MailPlugin*> plugin =
      Load(&mamori_mail_plugin, "mamori-mail.so", "mamori_mail_plugin", "mail");
  return plugin;
}

Result<const PostgresPlugin*> PostgresSupport() {
  static const Result<const PostgresPlugin*> plugin =
      Load(&mamori_postgres_plugin, "mamori-postgres.so", "mamori_postgres_plugin", "PostgreSQL");
  return plugin;
}

}  // namespace mamori
