// Placeholder until the detector lands.
#include "detectors/registry.h"

namespace mamori {
namespace {
class PhoneDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override { return {}; }
  void Detect(const Candidates&, std::vector<Detection>&) const override {}
};
}  // namespace
std::unique_ptr<Detector> MakePhoneDetector() { return std::make_unique<PhoneDetector>(); }
}  // namespace mamori
