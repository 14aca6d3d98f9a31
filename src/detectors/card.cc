// Placeholder until the detector lands.
#include "detectors/registry.h"

namespace mamori {
namespace {
class CardDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override { return {}; }
  void Detect(const Candidates&, std::vector<Detection>&) const override {}
};
}  // namespace
std::unique_ptr<Detector> MakeCardDetector() { return std::make_unique<CardDetector>(); }
}  // namespace mamori
