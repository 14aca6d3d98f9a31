// The mail gate's policy parser (TOML through toml++) on arbitrary bytes:
// it returns a policy or an error naming the file, never crashes. A policy
// that parses is then used for a decision, whose reply text must be safe
// for an SMTP reply (printable ASCII, no CR/LF).
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "milter/policy.h"
#include "milter/verdict.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const mamori::Result<mamori::milter::Policy> policy =
      mamori::milter::ParsePolicy(text, "fuzz.toml");
  if (!policy.ok()) {
    if (policy.status().message().rfind("fuzz.toml", 0) != 0) std::abort();
    return 0;
  }
  mamori::milter::MessageFacts message;
  message.sender = "a@example.jp";
  message.recipients = {"b@client.example"};
  message.visible = {"b@client.example", "c@example.jp"};
  message.scan.records = 100;
  message.scan.counts[0] = 1;
  const mamori::milter::Verdict verdict = mamori::milter::Decide(*policy, message);
  for (char c : mamori::milter::ReplyText(verdict.reason)) {
    if (c < 0x20 || c > 0x7E) std::abort();
  }
  return 0;
}
