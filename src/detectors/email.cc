// Placeholder until the detector lands.
#include "detectors/registry.h"

namespace mamori {
namespace {
class EmailDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override { return {}; }
  void Detect(const Candidates&, std::vector<Detection>&) const override {}
};
}  // namespace
std::unique_ptr<Detector> MakeEmailDetector() { return std::make_unique<EmailDetector>(); }
}  // namespace mamori
