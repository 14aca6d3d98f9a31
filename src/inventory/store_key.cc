#include "inventory/store_key.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/rand.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "detectors/card.h"
#include "detectors/email.h"
#include "detectors/phone.h"
#include "inventory/sql_backend.h"

namespace mamori::inventory {
namespace {

constexpr size_t kKeyBytes = 32;
constexpr size_t kMinKeyBytes = 16;
constexpr unsigned kStoredMacBytes = 16;

std::string Hex(const unsigned char* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(2 * n);
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace

Result<StoreKey> StoreKey::FromHex(std::string_view hex) {
  while (!hex.empty() && (hex.back() == '\n' || hex.back() == '\r' || hex.back() == ' ')) {
    hex.remove_suffix(1);
  }
  std::string bytes;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    const int hi = HexDigit(hex[i]), lo = HexDigit(hex[i + 1]);
    if (hi < 0 || lo < 0) break;
    bytes.push_back(static_cast<char>(hi * 16 + lo));
  }
  if (bytes.size() * 2 != hex.size() || bytes.size() < kMinKeyBytes) {
    return Status::InvalidArgument("an inventory key is at least 32 hex digits");
  }
  return StoreKey(std::move(bytes));
}

Result<StoreKey> StoreKey::Create(const std::string& path) {
  unsigned char bytes[kKeyBytes];
  if (RAND_bytes(bytes, sizeof bytes) != 1) return Status::Internal("no random bytes for a key");
  // Written aside and linked into place: a concurrent first scan either
  // wins the link or reads the complete key of the one that did.
  const std::string aside = path + ".new." + std::to_string(::getpid());
  const int fd = ::open(aside.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) return Status::IoError("cannot create the inventory key " + path);
  const std::string text = Hex(bytes, sizeof bytes) + "\n";
  const bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
                       ::fsync(fd) == 0;
  ::close(fd);
  const bool linked = written && ::link(aside.c_str(), path.c_str()) == 0;
  const int link_errno = errno;
  ::unlink(aside.c_str());
  if (linked) return StoreKey(std::string(reinterpret_cast<char*>(bytes), sizeof bytes));
  if (written && link_errno == EEXIST) return Load("", path);
  return Status::IoError("cannot write the inventory key " + path);
}

Result<StoreKey> StoreKey::Load(const std::string& store, const std::string& key_file) {
  std::string path = key_file;
  if (path.empty()) {
    if (const char* env = std::getenv("MAMORI_STORE_KEY"); env && *env) return FromHex(env);
    if (IsPostgresUrl(store)) {
      return Status::InvalidArgument(
          "a PostgreSQL inventory needs --store-key FILE or MAMORI_STORE_KEY: every machine "
          "writing to it must use the same key");
    }
    path = store + ".key";
    if (::access(path.c_str(), F_OK) != 0) return Create(path);
  }
  std::ifstream in(path);
  if (!in) return Status::IoError("cannot read the inventory key " + path);
  std::stringstream text;
  text << in.rdbuf();
  auto key = FromHex(text.str());
  if (!key.ok()) return Status::InvalidArgument(path + ": " + key.status().message());
  return key;
}

std::string StoreKey::Hmac(DataType type, std::string_view normalized) const {
  std::string message(DataTypeName(type));
  message.push_back('\0');
  message.append(normalized);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  HMAC(EVP_sha256(), bytes_.data(), static_cast<int>(bytes_.size()),
       reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &length);
  // 128 bits are plenty to tell values apart, and halve the index.
  return Hex(mac, std::min<unsigned>(length, kStoredMacBytes));
}

std::string StoreKey::Check() const {
  return Hmac(DataType::kCardNumber, "mamori inventory key check");
}

Result<std::string> NormalizeTyped(DataType type, std::string_view typed) {
  switch (type) {
    case DataType::kCardNumber: {
      const std::optional<std::string> digits = TypedCardDigits(typed);
      if (!digits) return Status::InvalidArgument("not a card number");
      if (!IsValidCardNumber(*digits)) return Status::InvalidArgument("not a valid card number");
      return *digits;
    }
    case DataType::kEmail:
      if (auto v = NormalizeEmail(typed)) return *v;
      return Status::InvalidArgument("not an email address");
    case DataType::kPhone:
      if (auto v = NormalizePhone(typed)) return *v;
      return Status::InvalidArgument("not a phone number");
    default:
      return Status::Unsupported("lookups are by card number, email or phone");
  }
}

}  // namespace mamori::inventory
