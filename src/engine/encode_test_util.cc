#include "engine/encode_test_util.h"

#include <unicode/ucnv.h>

#include <cstdlib>

namespace mamori {

std::string EncodeAs(const std::string& utf8, const char* charset) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(utf8.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(charset, "UTF-8", out.data(), static_cast<int32_t>(out.size()),
                                 utf8.data(), static_cast<int32_t>(utf8.size()), &err);
  if (U_FAILURE(err)) std::abort();  // a broken fixture, not a test outcome
  out.resize(n);
  return out;
}

}  // namespace mamori
