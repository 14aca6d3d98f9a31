// The inventory's secret: findings are stored with an HMAC-SHA256 of their
// normalized value so one value can be found everywhere it appears, without
// the store ever holding the value. The key lives outside the store; whoever
// has the store alone cannot test guesses against it.
#ifndef MAMORI_INVENTORY_STORE_KEY_H_
#define MAMORI_INVENTORY_STORE_KEY_H_

#include <string>
#include <string_view>

#include "mamori/status.h"
#include "mamori/types.h"

namespace mamori::inventory {

class StoreKey {
 public:
  // The key for `store`: read from `key_file` when given; else from the
  // environment variable MAMORI_STORE_KEY (hex); else, for an SQLite store,
  // from "STORE.key" beside it, created with a new random key (mode 0600)
  // on first use. A PostgreSQL store needs one of the first two: every
  // machine writing to it must hash with the same key.
  static Result<StoreKey> Load(const std::string& store, const std::string& key_file);
  // At least 32 hex digits (128 bits).
  static Result<StoreKey> FromHex(std::string_view hex);
  // Writes a new random 256-bit key to `path`, mode 0600; when another
  // process just did, reads that one.
  static Result<StoreKey> Create(const std::string& path);

  // HMAC-SHA256 over the type name and the normalized value, its first 128
  // bits in hex: the same digits as a card number and as a phone number
  // hash differently.
  std::string Hmac(DataType type, std::string_view normalized) const;
  // An HMAC of a fixed label, kept in the store to tell a wrong key.
  std::string Check() const;

 private:
  explicit StoreKey(std::string bytes) : bytes_(std::move(bytes)) {}
  std::string bytes_;
};

// The value a user typed, normalized as the detectors normalize what they
// find (card: digits of a valid number; email: domain lower-cased; phone:
// E.164), so its HMAC matches the stored ones. An error when it is not a
// value of that type.
Result<std::string> NormalizeTyped(DataType type, std::string_view typed);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_STORE_KEY_H_
