// Queries against a real server are tested end to end
// (tests/e2e/database_test.sh starts one); here, what needs no server.
#include "extract/postgres_db.h"

#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace mamori {
namespace {

// A port nobody listens on: a closed socket's port, just released.
int ClosedPort() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

TEST(OpenPostgresTest, RefusedConnectionSaysWhereButNotThePassword) {
  Budget budget{Limits{}};
  const std::string uri =
      "postgresql://u:Hunter2@127.0.0.1:" + std::to_string(ClosedPort()) + "/db";
  auto db = OpenPostgres(uri, budget);
  ASSERT_FALSE(db.ok());
  EXPECT_NE(db.status().message().find("cannot connect to postgresql://u@127.0.0.1:"),
            std::string::npos)
      << db.status().message();
  EXPECT_EQ(db.status().message().find("Hunter2"), std::string::npos);
}

}  // namespace
}  // namespace mamori
