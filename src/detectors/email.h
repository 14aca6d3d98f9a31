// Email address validation shared by the text detector and the table
// extractors (a value under an "email" column must still be an address).
#ifndef MAMORI_DETECTORS_EMAIL_H_
#define MAMORI_DETECTORS_EMAIL_H_

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

// True when `domain` can be the domain of a reported address: at least two
// labels of [A-Za-z0-9-] (1-63 bytes, not starting or ending with '-'), at
// most 253 bytes, a top-level label of 2+ letters (or an "xn--" IDN label),
// and not a file name such as "icon@2x.png".
bool IsEmailDomain(std::string_view domain);

// The normalized address when the whole table cell `cell` (normalized text;
// surrounding whitespace and a "mailto:" prefix allowed) is one address:
// local part as written + '@' + lower-cased domain. The local part is RFC 5322
// atext and dots, including the consecutive, leading and trailing dots of old
// Japanese mobile addresses ("taro..yamada@docomo.ne.jp").
std::optional<std::string> NormalizeEmail(std::string_view cell);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_EMAIL_H_
