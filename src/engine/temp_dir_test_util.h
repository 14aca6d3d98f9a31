// A directory of its own under /tmp for one test, removed with everything in
// it when the test is done.
#ifndef MAMORI_ENGINE_TEMP_DIR_TEST_UTIL_H_
#define MAMORI_ENGINE_TEMP_DIR_TEST_UTIL_H_

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace mamori {

class TempDir {
 public:
  TempDir() {
    char name[] = "/tmp/mamori_test_XXXXXX";
    if (::mkdtemp(name) != nullptr) path_ = name;
  }
  ~TempDir() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::string& path() const { return path_; }
  // The path of `name` inside it.
  std::string operator/(std::string_view name) const { return path_ + "/" + std::string(name); }

 private:
  std::string path_;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_TEMP_DIR_TEST_UTIL_H_
