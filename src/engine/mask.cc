#include "mamori/mask.h"


namespace mamori {
namespace {

// Keeps `head` leading and `tail` trailing characters (bytes of ASCII, whole
// UTF-8 characters otherwise) and stars the rest; short values keep less.
std::string KeepEnds(const std::string& v, size_t head, size_t tail) {
  // Character starts, found once; no allocation per character.
  size_t count = 0;
  for (unsigned char c : v) count += (c & 0xC0) != 0x80;
  // Never show more than half of a value.
  while (head + tail > count / 2 && (head > 0 || tail > 0)) {
    if (head >= tail && head > 0) --head; else --tail;
  }
  std::string out;
  out.reserve(v.size());
  size_t index = 0;
  for (size_t i = 0; i < v.size();) {
    size_t n = 1;
    while (i + n < v.size() && (static_cast<unsigned char>(v[i + n]) & 0xC0) == 0x80) ++n;
    if (index < head || index >= count - tail) {
      out.append(v, i, n);
    } else {
      out.push_back('*');
    }
    ++index;
    i += n;
  }
  return out;
}

std::string MaskEmail(const std::string& v) {
  const size_t at = v.rfind('@');
  if (at == std::string::npos) return KeepEnds(v, 1, 0);
  // Local part: first character only. Domain: kept, it names the provider, not the person.
  return KeepEnds(v.substr(0, at), 1, 0) + v.substr(at);
}

}  // namespace

std::string MaskValue(DataType type, const std::string& value) {
  switch (type) {
    case DataType::kCardNumber: {
      // PCI DSS 3.4.1: at most the BIN (first six) and last four digits.
      if (value.size() < 13) return std::string(value.size(), '*');
      return value.substr(0, 6) + std::string(value.size() - 10, '*') + value.substr(value.size() - 4);
    }
    case DataType::kCardSecurityCode:
    case DataType::kCardTrack:
      return std::string(value.size() > 8 ? 8 : value.size(), '*');
    case DataType::kEmail: return MaskEmail(value);
    case DataType::kPhone:
    case DataType::kMyNumber:
    case DataType::kDriversLicense:
    case DataType::kBankAccount:
    case DataType::kPassportNumber: return KeepEnds(value, 0, 4);
    case DataType::kPostalCode: return KeepEnds(value, 3, 0);
    case DataType::kCardExpiry:
    case DataType::kBirthDate: return KeepEnds(value, 0, 0);
    case DataType::kPersonName:
    case DataType::kAddress: return KeepEnds(value, 2, 0);
  }
  return std::string(value.size(), '*');
}

}  // namespace mamori
