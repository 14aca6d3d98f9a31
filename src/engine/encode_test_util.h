// Test fixtures in any encoding, made with ICU the way real files are.
#ifndef MAMORI_ENGINE_ENCODE_TEST_UTIL_H_
#define MAMORI_ENGINE_ENCODE_TEST_UTIL_H_

#include <string>

namespace mamori {

// `utf8` converted to `charset` ("windows-31j", "EUC-JP", "ISO-2022-JP", "UTF-16LE"…).
std::string EncodeAs(const std::string& utf8, const char* charset);

}  // namespace mamori

#endif  // MAMORI_ENGINE_ENCODE_TEST_UTIL_H_
