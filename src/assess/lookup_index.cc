#include "assess/lookup_index.h"

#include <openssl/evp.h>
#include <sys/random.h>

#include <algorithm>
#include <sstream>

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

std::string SaltedHash(const std::string& salt, const std::string& key) {
  const std::string input = salt + "\x1f" + key;
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(input.data(), input.size(), digest, &n, EVP_sha256(), nullptr);
  return Hex(digest, n);
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; });
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
      std::string digits;
      for (char c : typed) {
        if (c >= '0' && c <= '9') digits.push_back(c);
        else if (c != ' ' && c != '-') return Status::InvalidArgument("not a card number");
      }
      if (digits.size() < 12 || digits.size() > 19) return Status::InvalidArgument("not a card number");
      return "c:" + digits;
    }
  }
  return Status::InvalidArgument("unknown lookup kind");
}

Result<std::string> BuildLookupIndex(const std::vector<Person>& people) {
  unsigned char salt_bytes[16];
  if (getrandom(salt_bytes, sizeof salt_bytes, 0) != static_cast<ssize_t>(sizeof salt_bytes)) {
    return Status::IoError("no random bytes for the lookup salt");
  }
  const std::string salt = Hex(salt_bytes, sizeof salt_bytes);
  std::vector<std::string> lines;
  for (const Person& p : people) {
    std::string kinds;
    for (int t = 0; t < kDataTypeCount; ++t) {
      if (!p.Has(static_cast<DataType>(t))) continue;
      if (!kinds.empty()) kinds += ',';
      kinds += DataTypeName(static_cast<DataType>(t));
    }
    for (const std::string& key : Keys(p)) lines.push_back(SaltedHash(salt, key) + "\t" + kinds + "\n");
  }
  std::sort(lines.begin(), lines.end());  // no order that follows the source rows
  std::string out = std::string(kMagic) + "\tsalt\t" + salt + "\n";
  for (const std::string& l : lines) out += l;
  return out;
}

Result<std::vector<std::string>> QueryLookupIndex(const std::string& index_text, const std::string& key) {
  std::istringstream in(index_text);
  std::string header;
  std::getline(in, header);
  const std::string prefix = std::string(kMagic) + "\tsalt\t";
  if (!header.starts_with(prefix) || header.size() != prefix.size() + 32) {
    return Status::Corrupt("not a mamori lookup index");
  }
  const std::string wanted = SaltedHash(header.substr(prefix.size()), key) + "\t";
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
