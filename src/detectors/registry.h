// Every detector family, in one list.
#ifndef MAMORI_DETECTORS_REGISTRY_H_
#define MAMORI_DETECTORS_REGISTRY_H_

#include <memory>
#include <vector>

#include "detectors/detector.h"
#include "mamori/options.h"

namespace mamori {

std::unique_ptr<Detector> MakeCardDetector();       // card.cc
std::unique_ptr<Detector> MakeEmailDetector();      // email.cc
std::unique_ptr<Detector> MakePhoneDetector();      // phone.cc
std::unique_ptr<Detector> MakeJpNumbersDetector();  // jp_numbers.cc
std::unique_ptr<Detector> MakeBirthDateDetector();  // dates.cc
std::unique_ptr<Detector> MakeAddressDetector();    // address.cc
std::unique_ptr<Detector> MakeNameDetector();       // name.cc

// The detectors that can report at least one enabled type.
std::vector<std::unique_ptr<Detector>> MakeDetectors(const ScanOptions& options);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_REGISTRY_H_
