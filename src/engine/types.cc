#include "mamori/types.h"

#include <array>

namespace mamori {
namespace {

constexpr std::array<std::string_view, kDataTypeCount> kTypeNames = {
    "card_number",     "card_expiry",  "card_security_code", "card_track", "email",
    "phone",           "my_number",    "postal_code",        "birth_date", "passport_number",
    "drivers_license", "bank_account", "person_name",        "address",
};
constexpr std::array<std::string_view, 3> kConfidenceNames = {"low", "medium", "high"};
constexpr std::array<std::string_view, 5> kRiskNames = {"none", "low", "medium", "high",
                                                        "critical"};
constexpr std::array<std::string_view, 7> kStatusNames = {
    "ok", "skipped", "incomplete", "encrypted", "unsupported", "no_text", "error"};

template <typename E, size_t N>
std::optional<E> Parse(const std::array<std::string_view, N>& names, std::string_view s) {
  for (size_t i = 0; i < N; ++i) {
    if (names[i] == s) return static_cast<E>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view DataTypeName(DataType t) { return kTypeNames[static_cast<size_t>(t)]; }
std::optional<DataType> ParseDataType(std::string_view s) { return Parse<DataType>(kTypeNames, s); }
std::string_view ConfidenceName(Confidence c) { return kConfidenceNames[static_cast<size_t>(c)]; }
std::optional<Confidence> ParseConfidence(std::string_view s) {
  return Parse<Confidence>(kConfidenceNames, s);
}
std::string_view RiskName(Risk r) { return kRiskNames[static_cast<size_t>(r)]; }
std::optional<Risk> ParseRisk(std::string_view s) { return Parse<Risk>(kRiskNames, s); }
std::string_view ObjectStatusName(ObjectStatus s) { return kStatusNames[static_cast<size_t>(s)]; }

}  // namespace mamori
