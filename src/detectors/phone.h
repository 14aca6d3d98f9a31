// Phone number validation shared by the text detector and the table
// extractors (a value under a "phone" column must still be a phone number).
#ifndef MAMORI_DETECTORS_PHONE_H_
#define MAMORI_DETECTORS_PHONE_H_

#include <optional>
#include <string>
#include <string_view>

namespace mamori {

// The E.164 form ("+81312345678") of `dialable`: ASCII digits with an optional
// leading '+', read as a Japanese number unless it has a country code. nullopt
// unless libphonenumber says it is a valid (assigned-range) number. Japanese
// 020 pager/M2M numbers are not reported: they are not people's. "010..." is
// the international call prefix, not a domestic number.
std::optional<std::string> PhoneE164(std::string_view dialable);

// The E.164 form of the whole table cell `text` (normalized text; surrounding
// whitespace allowed) when it is one phone number in any notation the
// detector accepts: "03-1234-5678", "(03) 1234-5678", "03.1234.5678",
// "09012345678", "+81 90-1234-5678", "+44 20 7946 0958". nullopt otherwise.
std::optional<std::string> NormalizePhone(std::string_view text);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_PHONE_H_
