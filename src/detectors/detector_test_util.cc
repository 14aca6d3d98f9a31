#include "detectors/detector_test_util.h"

#include <algorithm>

#include "engine/finder.h"
#include "engine/text_decoder.h"

namespace mamori {

std::vector<Detection> RunDetector(const Detector& detector, std::string_view text,
                                   std::optional<LabelKind> unit_label, std::string* normalized) {
  auto decoder = TextDecoder::Create(DetectedEncoding{Encoding::kUtf8, 0, "utf-8"});
  std::string norm;
  OffsetMap map;
  map.Reset(0);
  (*decoder)->Decode(text, 0, true, &norm, &map);
  static const auto finder = Finder::Create(Finder::WordLabels::kAnyText);  // as with names on
  auto scratch = (*finder)->NewScratch();
  CandidateBuffers buffers;
  (*finder)->Find(norm, **scratch, &buffers);
  std::vector<Detection> out;
  detector.Detect(buffers.View(norm, unit_label), out);
  std::sort(out.begin(), out.end(),
            [](const Detection& a, const Detection& b) { return a.begin < b.begin; });
  if (normalized) *normalized = norm;
  return out;
}

std::vector<std::string> ValuesOf(const std::vector<Detection>& detections, DataType type) {
  std::vector<std::string> values;
  for (const Detection& d : detections) {
    if (d.type == type) values.push_back(d.value);
  }
  return values;
}

}  // namespace mamori
