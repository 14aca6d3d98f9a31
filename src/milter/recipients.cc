#include "milter/recipients.h"

#include <algorithm>

#include "extract/mail.h"
#include "milter/policy.h"

namespace mamori::milter {

Result<std::vector<std::string>> VisibleAddresses(std::string_view headers) {
  Result<MailEnvelope> envelope = ReadEnvelope(headers);
  if (!envelope.ok()) return envelope.status();
  std::vector<std::string> all = std::move(envelope->to);
  all.insert(all.end(), envelope->cc.begin(), envelope->cc.end());
  std::sort(all.begin(), all.end());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

uint64_t CountExternal(const std::vector<std::string>& addresses,
                       const std::vector<std::string>& internal_domains, std::string_view sender) {
  std::vector<std::string> sender_domain;
  if (internal_domains.empty() && !AddressDomain(sender).empty())
    sender_domain.push_back(AddressDomain(sender));
  const std::vector<std::string>& internal =
      internal_domains.empty() ? sender_domain : internal_domains;
  return static_cast<uint64_t>(std::count_if(
      addresses.begin(), addresses.end(),
      [&](const std::string& a) { return !DomainListed(internal, AddressDomain(a)); }));
}

}  // namespace mamori::milter
