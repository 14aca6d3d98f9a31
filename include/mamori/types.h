// The vocabulary shared by the engine, its programs and its outputs. Type
// names are fixed strings: other tools, the inventory and reports use them.
#ifndef MAMORI_TYPES_H_
#define MAMORI_TYPES_H_

#include <cstdint>
#include <optional>
#include <string_view>

namespace mamori {

enum class DataType : uint8_t {
  kCardNumber,
  kCardExpiry,
  kCardSecurityCode,
  kCardTrack,
  kEmail,
  kPhone,
  kMyNumber,
  kPostalCode,
  kBirthDate,
  kPassportNumber,
  kDriversLicense,
  kBankAccount,
  kPersonName,
  kAddress,
};
inline constexpr int kDataTypeCount = 14;

std::string_view DataTypeName(DataType type);
std::optional<DataType> ParseDataType(std::string_view name);

enum class Confidence : uint8_t { kLow, kMedium, kHigh };
std::string_view ConfidenceName(Confidence c);
std::optional<Confidence> ParseConfidence(std::string_view name);

enum class Risk : uint8_t { kNone, kLow, kMedium, kHigh, kCritical };
std::string_view RiskName(Risk r);
std::optional<Risk> ParseRisk(std::string_view name);

// What became of one scanned object (file, member, table).
enum class ObjectStatus : uint8_t {
  kOk,
  kSkipped,
  kIncomplete,
  kEncrypted,
  kUnsupported,
  kNoText,
  kError
};
std::string_view ObjectStatusName(ObjectStatus s);

}  // namespace mamori

#endif  // MAMORI_TYPES_H_
