#include "engine/file_identity.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace mamori {
namespace {

std::string TempFile(const std::string& content) {
  char name[] = "/tmp/mamori_identity_XXXXXX";
  const int fd = ::mkstemp(name);
  EXPECT_GE(fd, 0);
  EXPECT_EQ(::write(fd, content.data(), content.size()), static_cast<ssize_t>(content.size()));
  ::close(fd);
  return name;
}

TEST(FileIdentity, SizeMtimeAndHashOfTheBytes) {
  const std::string content(3 << 20, 'x');  // more than one read buffer
  const std::string path = TempFile(content);
  auto id = IdentifyFile(path);
  ASSERT_TRUE(id.ok()) << id.status().message();
  EXPECT_EQ(id->path, path);
  EXPECT_EQ(id->size, content.size());
  EXPECT_EQ(id->content_hash, XXH3_64bits(content.data(), content.size()));
  struct stat st;
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(id->mtime_ns / 1000000000, st.st_mtim.tv_sec);
  std::remove(path.c_str());
}

TEST(FileIdentity, OneChangedByteChangesTheHash) {
  const std::string a = TempFile("card 4111111111111111\n");
  const std::string b = TempFile("card 4111111111111112\n");
  EXPECT_NE(IdentifyFile(a)->content_hash, IdentifyFile(b)->content_hash);
  std::remove(a.c_str());
  std::remove(b.c_str());
}

TEST(FileIdentity, MissingFileAndDirectoryAreErrors) {
  EXPECT_FALSE(IdentifyFile("/nonexistent/mamori/file").ok());
  auto dir = IdentifyFile("/tmp");
  ASSERT_FALSE(dir.ok());
  EXPECT_NE(dir.status().message().find("not a regular file"), std::string::npos);
}

}  // namespace
}  // namespace mamori
