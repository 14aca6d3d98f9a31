#include "engine/byte_source.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/mman.h>
#include <unistd.h>

#include <fstream>
#include <string>

#include "engine/temp_dir_test_util.h"

namespace mamori {
namespace {

void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

TEST(ByteSourceTest, ReadFullFillsFromSmallReadsUntilTheEnd) {
  MemorySource rest("defgh");
  PrefixedSource source("abc", rest);  // hands out the head, then the rest
  char buf[4];
  ASSERT_EQ(*ReadFull(source, buf, 4), 4u);
  EXPECT_EQ(std::string(buf, 4), "abcd");
  ASSERT_EQ(*ReadFull(source, buf, 4), 4u);
  EXPECT_EQ(std::string(buf, 4), "efgh");
  EXPECT_EQ(*ReadFull(source, buf, 4), 0u);  // the end
}

TEST(MappedFileTest, MapsTheWholeFile) {
  TempDir dir;
  WriteFile(dir / "f", "hello");
  auto mapped = MappedFile::Open(dir / "f");
  ASSERT_TRUE(mapped.ok());
  EXPECT_EQ((*mapped)->bytes(), "hello");
  EXPECT_FALSE((*mapped)->Shrank());
  WriteFile(dir / "empty", "");
  auto empty = MappedFile::Open(dir / "empty");
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE((*empty)->bytes().empty());
  EXPECT_FALSE(MappedFile::Open(dir / "missing").ok());
}

TEST(MappedFileTest, AFileThatShrinksReadsAsZerosPastItsNewEnd) {
  TempDir dir;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  WriteFile(dir / "log", std::string(3 * page, 'x'));
  auto mapped = MappedFile::Open(dir / "log");
  ASSERT_TRUE(mapped.ok());
  ASSERT_EQ(::truncate((dir / "log").c_str(), 100), 0);  // rotated while being read
  const std::string_view bytes = (*mapped)->bytes();
  ASSERT_EQ(bytes.size(), 3 * page);
  EXPECT_EQ(bytes[2 * page + 5], '\0');  // without the handler: SIGBUS
  EXPECT_EQ(bytes[page], '\0');
  EXPECT_EQ(bytes[99], 'x');
  EXPECT_TRUE((*mapped)->Shrank());
}

TEST(MappedFileDeathTest, OtherBusErrorsStillEndTheProcess) {
  TempDir dir;
  const size_t page = static_cast<size_t>(::sysconf(_SC_PAGESIZE));
  WriteFile(dir / "other", std::string(2 * page, 'x'));
  auto mapped = MappedFile::Open(dir / "other");  // installs the handler
  ASSERT_TRUE(mapped.ok());
  EXPECT_DEATH(
      {
        // A mapping of someone else's: its bus error is not mamori's to repair.
        const int fd = ::open((dir / "other").c_str(), O_RDONLY);
        auto* p = static_cast<volatile const char*>(
            ::mmap(nullptr, 2 * page, PROT_READ, MAP_PRIVATE, fd, 0));
        if (::truncate((dir / "other").c_str(), 0) != 0) ::_exit(0);
        (void)p[page + 1];
        ::_exit(0);
      },
      "");
}

}  // namespace
}  // namespace mamori
