// Japanese postal addresses in text: the detector is MakeAddressDetector()
// (registry.h). An address is reported when its shape (address_parser.h)
// stands where an address is expected:
//
//   after a prefecture    東京都渋谷区神南1-2-3: municipality and a block of
//                          two numbers or one with its unit (2丁目, 3番地),
//                          or a lot number right after a town of a listed
//                          municipality (八丈町三根1663)
//   after a label         住所：渋谷区神南1-2-3 (住所, ご住所, 所在地, address):
//                          a municipality and any block; with a prefecture
//                          also a town without block (住所：東京都千代田区永田町)
//   after a postal code   〒150-0001 渋谷区神南1-2-3: as after a label; the
//                          postal code stays its own postal_code finding
//
// One finding per address; its value is normalized (block as "1-2-3").
// Confidence is high when the municipality is in the list, medium when only
// its suffix shape (…市, …町) vouches for it.
#ifndef MAMORI_DETECTORS_ADDRESS_H_
#define MAMORI_DETECTORS_ADDRESS_H_

#include <string_view>

namespace mamori {

// True when a table cell under an address column reads as an address: it
// has a prefecture or a municipality, a block number, or (in ASCII) a number
// and words ("1-2-3 Jingumae, Shibuya-ku", "123 Main St").
bool LooksLikeAddress(std::string_view cell);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_ADDRESS_H_
