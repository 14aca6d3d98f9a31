#include "mamori/mask.h"

namespace mamori {
namespace {

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Appends `v` keeping `head` leading and `tail` trailing characters (bytes of
// ASCII, whole UTF-8 characters otherwise) and starring the rest; short
// values keep less. Kept characters are copied whole and stars written in
// runs: sinks mask every finding.
void KeepEnds(std::string* out, std::string_view v, size_t head, size_t tail) {
  // Character starts, counted once; no allocation per character.
  size_t count = 0;
  for (char c : v) count += !IsContinuation(c);
  // Never show more than half of a value.
  while (head + tail > count / 2 && (head > 0 || tail > 0)) {
    if (head >= tail && head > 0)
      --head;
    else
      --tail;
  }
  size_t index = 0;
  size_t stars = 0;  // not written yet
  for (size_t i = 0; i < v.size();) {
    size_t n = 1;
    while (i + n < v.size() && IsContinuation(v[i + n])) ++n;
    if (index < head || index >= count - tail) {
      if (stars > 0) out->append(stars, '*');
      stars = 0;
      out->append(v.data() + i, n);
    } else {
      ++stars;
    }
    ++index;
    i += n;
  }
  if (stars > 0) out->append(stars, '*');
}

void MaskEmail(std::string* out, std::string_view v) {
  const size_t at = v.rfind('@');
  if (at == std::string_view::npos) return KeepEnds(out, v, 1, 0);
  // Local part: first character only. Domain: kept, it names the provider, not the person.
  KeepEnds(out, v.substr(0, at), 1, 0);
  out->append(v.substr(at));
}

}  // namespace

void AppendMaskedValue(std::string* out, DataType type, std::string_view value) {
  switch (type) {
    case DataType::kCardNumber:
      // PCI DSS 3.4.1: at most the BIN (first six) and last four digits.
      if (value.size() < 13) {
        out->append(value.size(), '*');
        return;
      }
      out->append(value.substr(0, 6));
      out->append(value.size() - 10, '*');
      out->append(value.substr(value.size() - 4));
      return;
    case DataType::kCardSecurityCode:
    case DataType::kCardTrack:
      out->append(value.size() > 8 ? 8 : value.size(), '*');
      return;
    case DataType::kEmail:
      return MaskEmail(out, value);
    case DataType::kPhone:
    case DataType::kMyNumber:
    case DataType::kDriversLicense:
    case DataType::kBankAccount:
    case DataType::kPassportNumber:
      return KeepEnds(out, value, 0, 4);
    case DataType::kPostalCode:
      return KeepEnds(out, value, 3, 0);
    case DataType::kCardExpiry:
    case DataType::kBirthDate:
      return KeepEnds(out, value, 0, 0);
    case DataType::kPersonName:
    case DataType::kAddress:
      return KeepEnds(out, value, 2, 0);
  }
  out->append(value.size(), '*');
}

std::string MaskValue(DataType type, const std::string& value) {
  std::string out;
  out.reserve(value.size());
  AppendMaskedValue(&out, type, value);
  return out;
}

}  // namespace mamori
