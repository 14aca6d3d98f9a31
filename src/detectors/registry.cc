#include "detectors/registry.h"

namespace mamori {

std::vector<std::unique_ptr<Detector>> MakeDetectors(const ScanOptions& options) {
  std::vector<std::unique_ptr<Detector>> all;
  all.push_back(MakeCardDetector());
  all.push_back(MakeEmailDetector());
  all.push_back(MakePhoneDetector());
  all.push_back(MakeJpNumbersDetector());
  all.push_back(MakeBirthDateDetector());
  all.push_back(MakeAddressDetector());
  all.push_back(MakeNameDetector());
  std::vector<std::unique_ptr<Detector>> enabled;
  for (auto& d : all) {
    if ((d->Types() & options.types).any()) enabled.push_back(std::move(d));
  }
  return enabled;
}

}  // namespace mamori
