// The gate's decision on one message, and how it is shown: the SMTP reply
// reason, the X-Mamori-Verdict header and the log line. Values found in the
// message never appear; a card number only masked (first 6, last 4).
#ifndef MAMORI_MILTER_VERDICT_H_
#define MAMORI_MILTER_VERDICT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "milter/policy.h"
#include "milter/scan.h"

namespace mamori::milter {

// Everything known about one message when it ends.
struct MessageFacts {
  std::string sender;                   // envelope sender, "" for <>
  std::string auth_user;                // SASL login ({auth_authen}), "" if none
  std::vector<std::string> recipients;  // envelope recipients
  std::vector<std::string> visible;     // distinct To/Cc addresses
  uint64_t bytes = 0;                   // message size as received
  bool oversize = false;                // over max_message_bytes: not scanned
  ScanFacts scan;                       // meaningful only when not oversize
};

struct Verdict {
  Action action = Action::kAccept;
  // Every rule that fired ("sensitive", "records", "visible_recipients",
  // "encrypted", "oversize", "incomplete", "timeout"), and the human reason
  // of those that set the action. Allowlisted messages keep their rules
  // (for the log) but are accepted.
  std::vector<std::string> rules;
  std::string reason;
  std::string allowlisted;  // which allowlist let it through, "" if none
  uint64_t visible_external = 0;
};

Verdict Decide(const Policy& policy, const MessageFacts& message);

// The X-Mamori-Verdict header value: "hold; rules=records; records=3385; email=3385".
std::string VerdictHeader(const Verdict& verdict, const MessageFacts& message);

// One log line: queue id, sender domain, verdict, counts by type, reason.
std::string LogLine(const std::string& queue_id, const Verdict& verdict,
                    const MessageFacts& message, double seconds);

// Text safe for an SMTP reply or a log field: printable ASCII only, no
// CR/LF, '%' doubled (libmilter's smfi_setreply formats it), at most 400 bytes.
std::string ReplyText(const std::string& text);

}  // namespace mamori::milter

#endif  // MAMORI_MILTER_VERDICT_H_
