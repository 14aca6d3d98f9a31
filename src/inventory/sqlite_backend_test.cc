#include "inventory/sqlite_backend.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "engine/temp_dir_test_util.h"

namespace mamori::inventory {
namespace {

class SqliteBackendTest : public ::testing::Test {
 protected:
  TempDir dir_;
  const std::string path_ = dir_ / "inv.sqlite";
};

TEST_F(SqliteBackendTest, NewFileIsOwnerOnlyAndInWalMode) {
  auto db = OpenSqliteBackend(path_);
  ASSERT_TRUE(db.ok()) << db.status().message();
  struct stat st {};
  ASSERT_EQ(::stat(path_.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto mode = (*db)->Run("PRAGMA journal_mode");
  ASSERT_TRUE(mode.ok()) << mode.status().message();
  EXPECT_EQ(AsText(mode->front()[0]), "wal");
}

// What a scan does first: open the store and write to it.
bool OpenAndWrite(const std::string& path) {
  auto db = OpenSqliteBackend(path);
  if (!db.ok()) return false;
  if (!(*db)->Begin(true).ok()) return false;
  const bool wrote =
      (*db)->Script("CREATE TABLE IF NOT EXISTS t (v INTEGER); INSERT INTO t VALUES (1);").ok();
  return wrote && (*db)->Commit().ok();
}

// Several scans starting at once on a store that does not exist yet all open
// it: SQLite does not call the busy handler for the switch to WAL by itself.
// Processes, not threads: SQLite settles its own threads' locks in-process.
TEST_F(SqliteBackendTest, ConcurrentFirstOpensAllSucceed) {
  for (int round = 0; round < 60; ++round) {
    std::filesystem::remove(path_);
    std::filesystem::remove(path_ + "-wal");
    std::filesystem::remove(path_ + "-shm");
    constexpr int kOpeners = 6;
    std::vector<pid_t> openers;
    for (int i = 0; i < kOpeners; ++i) {
      const pid_t pid = ::fork();
      ASSERT_GE(pid, 0);
      if (pid == 0) ::_exit(OpenAndWrite(path_) ? 0 : 1);
      openers.push_back(pid);
    }
    int failed = 0;
    for (pid_t pid : openers) {
      int status = 0;
      ::waitpid(pid, &status, 0);
      if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failed;
    }
    EXPECT_EQ(failed, 0) << "round " << round;
  }
}

TEST_F(SqliteBackendTest, UnopenablePathIsAnError) {
  auto db = OpenSqliteBackend(dir_ / "missing/inv.sqlite");
  EXPECT_FALSE(db.ok());
}

}  // namespace
}  // namespace mamori::inventory
