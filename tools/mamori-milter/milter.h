// The libmilter side of mamori-milter: one Session per SMTP connection
// collects a message, the engine scans it at end of message, the policy
// decides, and the verdict becomes the reply, a hold or a header.
#ifndef MAMORI_TOOLS_MILTER_MILTER_H_
#define MAMORI_TOOLS_MILTER_MILTER_H_

#include <memory>
#include <mutex>
#include <string>

#include "mamori/engine.h"
#include "mamori/status.h"
#include "milter/policy.h"

namespace mamori::milter {

// What judges messages: a policy and the engine built for it. Immutable;
// a reload swaps in a new one, and a message keeps the one it started with.
struct Gate {
  Policy policy;
  std::shared_ptr<Engine> engine;
};

// Builds a gate for `policy`, reusing `previous`'s engine when its limits fit.
Result<std::shared_ptr<const Gate>> MakeGate(Policy policy, const Gate* previous);

enum class LogTo { kStderr, kSyslog, kBoth };

// Installs the gate and logging the callbacks use; call before RegisterMilter.
void SetGate(std::shared_ptr<const Gate> gate);
std::shared_ptr<const Gate> CurrentGate();
void SetLogging(LogTo where);
void Log(const std::string& line);

// smfi_register + smfi_setconn + smfi_opensocket for `listen` (libmilter
// syntax: inet:PORT@HOST, inet6:PORT@HOST, unix:PATH).
Status RegisterMilter(const std::string& listen);

}  // namespace mamori::milter

#endif  // MAMORI_TOOLS_MILTER_MILTER_H_
