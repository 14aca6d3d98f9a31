// Visible recipients: the addresses in a message's To and Cc headers, which
// every recipient sees. Mailing a customer list in To/Cc instead of Bcc is
// the classic Japanese mail leak; the gate counts the external ones.
#ifndef MAMORI_MILTER_RECIPIENTS_H_
#define MAMORI_MILTER_RECIPIENTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/status.h"

namespace mamori::milter {

// The distinct To and Cc addresses of a message's header block (or whole
// message), lower-cased: display names (RFC 2047 encoded or raw Japanese)
// dropped, groups expanded, repeated headers all read.
Result<std::vector<std::string>> VisibleAddresses(std::string_view headers);

// How many of `addresses` are external: not in `internal_domains` (or their
// subdomains). With no internal domains, the sender's domain is internal.
uint64_t CountExternal(const std::vector<std::string>& addresses,
                       const std::vector<std::string>& internal_domains, std::string_view sender);

}  // namespace mamori::milter

#endif  // MAMORI_MILTER_RECIPIENTS_H_
