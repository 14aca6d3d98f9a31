// Masking is the default everywhere a value leaves the engine.
#ifndef MAMORI_MASK_H_
#define MAMORI_MASK_H_

#include <string>
#include <string_view>

#include "mamori/finding.h"

namespace mamori {

// The value as mamori may show it without --reveal: card numbers keep at most
// the first 6 and last 4 digits; other values keep a small part.
std::string MaskValue(DataType type, const std::string& value);

// MaskValue() appended to *out: sinks mask many values into one buffer.
void AppendMaskedValue(std::string* out, DataType type, std::string_view value);

}  // namespace mamori

#endif  // MAMORI_MASK_H_
