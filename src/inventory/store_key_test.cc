#include "inventory/store_key.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace mamori::inventory {
namespace {

constexpr const char* kHex = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

std::string TempDir() {
  char name[] = "/tmp/mamori_key_XXXXXX";
  return ::mkdtemp(name);
}

TEST(StoreKey, HmacIsKeyedAndTyped) {
  auto a = StoreKey::FromHex(kHex);
  auto b = StoreKey::FromHex("ff112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
  ASSERT_TRUE(a.ok() && b.ok());
  const std::string h = a->Hmac(DataType::kCardNumber, "4111111111111111");
  EXPECT_EQ(h.size(), 32u);  // 128 bits of HMAC-SHA256, hex
  EXPECT_EQ(h, a->Hmac(DataType::kCardNumber, "4111111111111111"));
  EXPECT_NE(h, b->Hmac(DataType::kCardNumber, "4111111111111111"));  // another key
  EXPECT_NE(h, a->Hmac(DataType::kPhone, "4111111111111111"));       // another type
  EXPECT_NE(h, a->Hmac(DataType::kCardNumber, "4111111111111112"));
  EXPECT_EQ(h.find("4111"), std::string::npos);
  EXPECT_NE(a->Check(), b->Check());
}

TEST(StoreKey, HexMustBeLongAndValid) {
  EXPECT_FALSE(StoreKey::FromHex("0011").ok());
  EXPECT_FALSE(StoreKey::FromHex(std::string(64, 'g')).ok());
  EXPECT_FALSE(StoreKey::FromHex(std::string(kHex) + "0").ok());  // odd length
  EXPECT_TRUE(StoreKey::FromHex(std::string(kHex) + "\n").ok());
}

TEST(StoreKey, SqliteStoreGetsAPrivateKeyFileOnFirstUse) {
  ::unsetenv("MAMORI_STORE_KEY");
  const std::string dir = TempDir();
  const std::string store = dir + "/inv.sqlite";
  auto first = StoreKey::Load(store, "");
  ASSERT_TRUE(first.ok()) << first.status().message();
  struct stat st;
  ASSERT_EQ(::stat((store + ".key").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = StoreKey::Load(store, "");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(first->Check(), again->Check());
  // An explicit key file wins; a broken one is an error, not a new key.
  const std::string other = dir + "/other.key";
  std::ofstream(other) << "nothex\n";
  EXPECT_FALSE(StoreKey::Load(store, other).ok());
  std::filesystem::remove_all(dir);
}

TEST(StoreKey, EnvironmentKeyAndPostgresNeedsOne) {
  ::unsetenv("MAMORI_STORE_KEY");
  EXPECT_FALSE(StoreKey::Load("postgresql://u@127.0.0.1:1/db", "").ok());
  ::setenv("MAMORI_STORE_KEY", kHex, 1);
  auto key = StoreKey::Load("postgresql://u@127.0.0.1:1/db", "");
  ::unsetenv("MAMORI_STORE_KEY");
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(key->Check(), StoreKey::FromHex(kHex)->Check());
}

TEST(NormalizeTyped, AsTheDetectorsNormalize) {
  EXPECT_EQ(*NormalizeTyped(DataType::kCardNumber, "4111 1111-1111 1111"), "4111111111111111");
  EXPECT_FALSE(NormalizeTyped(DataType::kCardNumber, "4111111111111112").ok());  // Luhn
  EXPECT_FALSE(NormalizeTyped(DataType::kCardNumber, "4111x1111111111111").ok());
  EXPECT_EQ(*NormalizeTyped(DataType::kEmail, "Taro@EXAMPLE.JP"), "Taro@example.jp");
  EXPECT_FALSE(NormalizeTyped(DataType::kEmail, "not an address").ok());
  EXPECT_EQ(*NormalizeTyped(DataType::kPhone, "03-1234-5678"), "+81312345678");
  EXPECT_FALSE(NormalizeTyped(DataType::kPhone, "123").ok());
  EXPECT_FALSE(NormalizeTyped(DataType::kMyNumber, "123456789018").ok());
}

}  // namespace
}  // namespace mamori::inventory
