#include "milter/verdict.h"

#include <algorithm>
#include <cstdio>

#include "milter/recipients.h"

namespace mamori::milter {
namespace {

struct Hit {
  Action action;
  std::string rule;
  std::string reason;
};

uint64_t Count(const ScanFacts& s, DataType t) { return s.counts[static_cast<size_t>(t)]; }

std::string Plural(uint64_t n, const std::string& one, const std::string& many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

// "3 card numbers (e.g. 411111******1111), 3 security codes"; "" when none.
std::string SensitiveReason(const ScanFacts& s) {
  std::string out;
  const auto add = [&](DataType t, const std::string& one, const std::string& many) {
    const uint64_t n = Count(s, t);
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += Plural(n, one, many);
    if (t == DataType::kCardNumber && !s.card_example.empty())
      out += " (e.g. " + s.card_example + ")";
  };
  add(DataType::kCardNumber, "card number", "card numbers");
  add(DataType::kCardSecurityCode, "card security code", "card security codes");
  add(DataType::kCardTrack, "magnetic stripe track", "magnetic stripe tracks");
  add(DataType::kMyNumber, "My Number", "My Numbers");
  return out;
}

bool Unreadable(ObjectStatus s) { return s != ObjectStatus::kOk && s != ObjectStatus::kSkipped; }

std::vector<Hit> Rules(const Policy& p, const MessageFacts& m, uint64_t external) {
  std::vector<Hit> hits;
  if (external > p.max_visible_external) {
    hits.push_back({p.recipients_action, "visible_recipients",
                    std::to_string(external) + " external addresses visible in To/Cc (limit " +
                        std::to_string(p.max_visible_external) + "); put them in Bcc"});
  }
  if (m.oversize) {
    hits.push_back({p.oversize_action, "oversize",
                    "message of " + std::to_string(m.bytes) +
                        " bytes is over the checking limit of " +
                        std::to_string(p.max_message_bytes) + " bytes and was not checked"});
    return hits;
  }
  const ScanFacts& s = m.scan;
  if (s.timed_out) {
    hits.push_back({Action::kTempfail, "timeout",
                    "checking took longer than " + std::to_string(p.scan_timeout_seconds) + " s"});
  }
  if (const std::string sensitive = SensitiveReason(s); !sensitive.empty()) {
    hits.push_back({p.sensitive_action, "sensitive", "card data or My Number: " + sensitive});
  }
  if (s.records >= p.records_threshold) {
    hits.push_back({p.records_action, "records",
                    "personal data of " + std::to_string(s.records) + " people (limit " +
                        std::to_string(p.records_threshold) + ")"});
  }
  if (s.encrypted) {
    hits.push_back(
        {p.encrypted_action, "encrypted", "an encrypted attachment that cannot be checked"});
  } else if (Unreadable(s.status)) {
    // An encrypted member also makes the message incomplete: the encrypted
    // rule alone speaks for it then.
    hits.push_back({p.incomplete_action, "incomplete",
                    "could not be checked completely (" + std::string(ObjectStatusName(s.status)) +
                        ": " + s.status_reason + ")"});
  }
  return hits;
}

std::string Allowlisted(const Policy& p, const MessageFacts& m) {
  if (!m.sender.empty() && AddressListed(p.allow_senders, m.sender)) return "sender";
  if (!m.auth_user.empty()) {
    std::string user = m.auth_user;
    std::transform(user.begin(), user.end(), user.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (std::find(p.allow_auth_users.begin(), p.allow_auth_users.end(), user) !=
        p.allow_auth_users.end()) {
      return "auth_user";
    }
  }
  if (!m.recipients.empty() &&
      std::all_of(m.recipients.begin(), m.recipients.end(),
                  [&](const std::string& r) { return AddressListed(p.allow_recipients, r); })) {
    return "recipients";
  }
  return "";
}

std::string Join(const std::vector<std::string>& parts, const char* separator) {
  std::string out;
  for (const std::string& part : parts) out += (out.empty() ? "" : separator) + part;
  return out;
}

// "email:12,phone:3" over the types found.
std::string Counts(const ScanFacts& s, char equals, const char* separator) {
  std::vector<std::string> parts;
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (s.counts[t] == 0) continue;
    parts.push_back(std::string(DataTypeName(static_cast<DataType>(t))) + equals +
                    std::to_string(s.counts[t]));
  }
  return Join(parts, separator);
}

// Printable ASCII only: the text of a reply, header or log field.
std::string Printable(const std::string& text, size_t limit) {
  std::string out;
  for (unsigned char c : text) {
    if (out.size() >= limit) break;
    out.push_back(c == '"' ? '\'' : c >= 0x20 && c < 0x7F ? static_cast<char>(c) : '?');
  }
  return out;
}

}  // namespace

Verdict Decide(const Policy& policy, const MessageFacts& message) {
  Verdict v;
  v.visible_external = CountExternal(message.visible, policy.internal_domains, message.sender);
  const std::vector<Hit> hits = Rules(policy, message, v.visible_external);
  for (const Hit& h : hits) {
    v.rules.push_back(h.rule);
    v.action = std::max(v.action, h.action);
  }
  std::vector<std::string> reasons;
  for (const Hit& h : hits) {
    if (h.action == v.action) reasons.push_back(h.reason);
  }
  v.reason = Join(reasons, "; ");
  v.allowlisted = Allowlisted(policy, message);
  if (!v.allowlisted.empty()) {
    v.action = Action::kAccept;
    v.reason = "allowlisted " + v.allowlisted + (v.reason.empty() ? "" : " (" + v.reason + ")");
  }
  return v;
}

std::string VerdictHeader(const Verdict& verdict, const MessageFacts& message) {
  std::string out(ActionName(verdict.action));
  if (!verdict.rules.empty()) out += "; rules=" + Join(verdict.rules, ",");
  if (!verdict.allowlisted.empty()) out += "; allowlisted=" + verdict.allowlisted;
  if (message.oversize) return out + "; unscanned=oversize";
  out += "; records=" + std::to_string(message.scan.records);
  const std::string counts = Counts(message.scan, '=', "; ");
  if (!counts.empty()) out += "; " + counts;
  if (message.scan.encrypted) out += "; encrypted=yes";
  return out;
}

std::string LogLine(const std::string& queue_id, const Verdict& verdict,
                    const MessageFacts& message, double seconds) {
  const std::string domain = AddressDomain(message.sender);
  char time[32];
  std::snprintf(time, sizeof time, "%.3f", seconds);
  std::string out = "queue=" + Printable(queue_id.empty() ? "-" : queue_id, 32) +
                    " sender_domain=" + Printable(domain.empty() ? "-" : domain, 255) +
                    " verdict=" + std::string(ActionName(verdict.action)) +
                    " rules=" + (verdict.rules.empty() ? "-" : Join(verdict.rules, ","));
  if (!verdict.allowlisted.empty()) out += " allowlisted=" + verdict.allowlisted;
  out += " records=" + std::to_string(message.scan.records);
  const std::string counts = Counts(message.scan, ':', ",");
  out += " counts=" + (counts.empty() ? "-" : counts);
  if (message.scan.test_cards) out += " test_cards=" + std::to_string(message.scan.test_cards);
  out += " visible_external=" + std::to_string(verdict.visible_external) +
         " rcpts=" + std::to_string(message.recipients.size()) +
         " bytes=" + std::to_string(message.bytes) + " status=" +
         (message.oversize ? "unscanned" : std::string(ObjectStatusName(message.scan.status))) +
         " seconds=" + time;
  if (!verdict.reason.empty()) out += " reason=\"" + Printable(verdict.reason, 400) + "\"";
  return out;
}

std::string ReplyText(const std::string& text) {
  std::string out;
  for (char c : Printable(text, 400)) {
    out.push_back(c);
    if (c == '%') out.push_back('%');
  }
  return out;
}

}  // namespace mamori::milter
