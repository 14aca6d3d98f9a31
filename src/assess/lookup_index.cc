#include "assess/lookup_index.h"

#include <openssl/evp.h>
#include <sys/random.h>

#include <algorithm>
#include <array>
#include <sstream>

#include "detectors/card.h"
#include "detectors/email.h"
#include "detectors/phone.h"

namespace mamori::assess {
namespace {

constexpr std::string_view kMagic = "mamori-lookup 1";

std::string Hex(const unsigned char* bytes, size_t n) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (size_t i = 0; i < n; ++i) {
    out.push_back(kDigits[bytes[i] >> 4]);
    out.push_back(kDigits[bytes[i] & 15]);
  }
  return out;
}

std::array<unsigned char, 32> SaltedHash(const std::string& salt, const std::string& key) {
  const std::string input = salt + "\x1f" + key;
  std::array<unsigned char, 32> digest{};
  unsigned int n = 0;
  EVP_Digest(input.data(), input.size(), digest.data(), &n, EVP_sha256(), nullptr);
  return digest;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
  return s;
}

// The index keys of a person's identities, as LookupKey makes them.
std::vector<std::string> Keys(const Person& p) {
  std::vector<std::string> keys;
  for (const LeakedValue& v : p.values) {
    if (v.type == DataType::kEmail) keys.push_back("e:" + Lower(v.value));
    if (v.type == DataType::kPhone) keys.push_back("p:" + v.value);
    if (v.type == DataType::kCardNumber) keys.push_back("c:" + v.value);
  }
  return keys;
}

}  // namespace

Result<std::string> LookupKey(LookupKind kind, const std::string& typed) {
  switch (kind) {
    case LookupKind::kEmail:
      if (auto v = NormalizeEmail(typed)) return "e:" + Lower(*v);
      return Status::InvalidArgument("not an email address");
    case LookupKind::kPhone:
      if (auto v = NormalizePhone(typed)) return "p:" + *v;
      return Status::InvalidArgument("not a phone number");
    case LookupKind::kCard: {
      const std::optional<std::string> digits = TypedCardDigits(typed);
      if (!digits || digits->size() < 12 || digits->size() > 19)
        return Status::InvalidArgument("not a card number");
      return "c:" + *digits;
    }
  }
  return Status::InvalidArgument("unknown lookup kind");
}

Status WriteLookupIndex(const std::vector<Person>& people, std::ostream& out) {
  unsigned char salt_bytes[16];
  if (getrandom(salt_bytes, sizeof salt_bytes, 0) != static_cast<ssize_t>(sizeof salt_bytes)) {
    return Status::IoError("no random bytes for the lookup salt");
  }
  const std::string salt = Hex(salt_bytes, sizeof salt_bytes);
  // Hashes as bytes with the person's kinds: small enough for millions.
  std::vector<std::pair<std::array<unsigned char, 32>, uint32_t>> entries;
  for (const Person& p : people) {
    for (const std::string& key : Keys(p)) entries.emplace_back(SaltedHash(salt, key), p.kinds);
  }
  std::sort(entries.begin(), entries.end());  // no order that follows the source rows
  out << kMagic << "\tsalt\t" << salt << "\n";
  for (const auto& [hash, kinds] : entries) {
    out << Hex(hash.data(), hash.size()) << '\t';
    bool first = true;
    for (int t = 0; t < kDataTypeCount; ++t) {
      if (!(kinds & (1u << t))) continue;
      if (!first) out << ',';
      out << DataTypeName(static_cast<DataType>(t));
      first = false;
    }
    out << '\n';
  }
  return Status::Ok();
}

Result<std::vector<std::string>> QueryLookupIndex(const std::string& index_text,
                                                  const std::string& key) {
  std::istringstream in(index_text);
  std::string header;
  std::getline(in, header);
  const std::string prefix = std::string(kMagic) + "\tsalt\t";
  if (!header.starts_with(prefix) || header.size() != prefix.size() + 32) {
    return Status::Corrupt("not a mamori lookup index");
  }
  const std::array<unsigned char, 32> hash = SaltedHash(header.substr(prefix.size()), key);
  const std::string wanted = Hex(hash.data(), hash.size()) + "\t";
  std::vector<std::string> kinds;
  for (std::string line; std::getline(in, line);) {
    if (!line.starts_with(wanted)) continue;
    std::istringstream list(line.substr(wanted.size()));
    for (std::string kind; std::getline(list, kind, ',');) {
      if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
    }
  }
  return kinds;
}

}  // namespace mamori::assess
