// Japanese municipalities, from data/jp/municipalities.tsv (Japan Post's
// postal code data as carried by Debian's skkdic-extra; see the file's
// header), compiled into the binary and indexed once per process.
#ifndef MAMORI_DETECTORS_MUNICIPALITIES_H_
#define MAMORI_DETECTORS_MUNICIPALITIES_H_

#include <cstddef>
#include <string_view>

namespace mamori {

// The number of municipalities in the list (cities, towns, villages, wards).
size_t MunicipalityCount();

// The length in bytes of the longest known municipality at the start of
// `text`: "横浜市中区", "西多摩郡瑞穂町" or "瑞穂町" (the 郡 may be left out),
// "鎌ヶ谷市" for "鎌ケ谷市". Only those of `prefecture` count when it is not
// empty. 0 when none starts there.
size_t KnownMunicipalityLength(std::string_view text, std::string_view prefecture = {});

}  // namespace mamori

#endif  // MAMORI_DETECTORS_MUNICIPALITIES_H_
