// Runs a detector over text the way the engine does (decode, normalize,
// find candidates) so detector tests read like their inputs.
#ifndef MAMORI_DETECTORS_DETECTOR_TEST_UTIL_H_
#define MAMORI_DETECTORS_DETECTOR_TEST_UTIL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "detectors/detector.h"

namespace mamori {

// Detections over the normalized form of UTF-8 `text`. Offsets are in the
// normalized text, which `normalized` receives when not null.
std::vector<Detection> RunDetector(const Detector& detector, std::string_view text,
                                   std::optional<LabelKind> unit_label = std::nullopt,
                                   std::string* normalized = nullptr);

// The values of the detections of `type`, in order.
std::vector<std::string> ValuesOf(const std::vector<Detection>& detections, DataType type);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_DETECTOR_TEST_UTIL_H_
