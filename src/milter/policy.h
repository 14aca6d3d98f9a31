// The mail gate's policy: what mamori-milter does with a message, read from
// a TOML file (etc/mamori-milter.toml documents every key). A missing file
// means the defaults below; a file with an unknown key or a bad value is an
// error that names the key, so a typo never silently weakens the gate.
#ifndef MAMORI_MILTER_POLICY_H_
#define MAMORI_MILTER_POLICY_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mamori/status.h"

namespace mamori::milter {

// What happens to a message, mildest first: a verdict keeps the last of
// these any rule asks for (a known leak is rejected even if the scan was
// cut short, rather than retried).
enum class Action : uint8_t { kAccept, kTag, kHold, kTempfail, kReject };
std::string_view ActionName(Action action);
std::optional<Action> ParseAction(std::string_view name);

struct Policy {
  // Domains (and their subdomains) whose addresses are not external. Empty:
  // the envelope sender's domain is the only internal one.
  std::vector<std::string> internal_domains;
  // Any card_number (not a public test number), card_security_code,
  // card_track or my_number.
  Action sensitive_action = Action::kReject;
  // At least this many personal records (distinct people) in one message.
  uint64_t records_threshold = 50;
  Action records_action = Action::kHold;
  // More than this many distinct external addresses visible in To/Cc.
  uint64_t max_visible_external = 10;
  Action recipients_action = Action::kHold;
  // An attachment that cannot be read without a password.
  Action encrypted_action = Action::kTag;
  // A message larger than this is not scanned; the action is explicit.
  uint64_t max_message_bytes = 32ull << 20;
  Action oversize_action = Action::kHold;
  // A message (or part of one) the engine could not read completely.
  Action incomplete_action = Action::kTag;
  // A scan that takes longer is abandoned and the message tempfailed.
  uint32_t scan_timeout_seconds = 120;
  // Messages from these senders or authenticated users, or to only these
  // recipients, are scanned and logged but always accepted. An entry with
  // '@' is one address; without, a domain and its subdomains.
  std::vector<std::string> allow_senders;
  std::vector<std::string> allow_recipients;
  std::vector<std::string> allow_auth_users;  // SASL login names, exact
};

// Parses policy TOML; `source` names it in error messages.
Result<Policy> ParsePolicy(std::string_view toml, std::string_view source);
// Reads and parses a policy file.
Result<Policy> LoadPolicy(const std::string& path);

// The domain of an address ("" when it has none), lower-cased.
std::string AddressDomain(std::string_view address);
// True when `domain` is one of `domains` or a subdomain of one.
bool DomainListed(const std::vector<std::string>& domains, std::string_view domain);
// True when `address` matches an allowlist entry (see Policy).
bool AddressListed(const std::vector<std::string>& entries, std::string_view address);

}  // namespace mamori::milter

#endif  // MAMORI_MILTER_POLICY_H_
