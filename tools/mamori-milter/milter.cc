#include "milter.h"

#include <libmilter/mfapi.h>
#include <strings.h>
#include <syslog.h>

#include <chrono>
#include <cstdio>
#include <exception>
#include <vector>

#include "milter/recipients.h"
#include "milter/scan.h"
#include "milter/verdict.h"

namespace mamori::milter {
namespace {

constexpr const char* kHeader = "X-Mamori-Verdict";

std::mutex gate_mu;
std::shared_ptr<const Gate> current_gate;
LogTo log_to = LogTo::kStderr;

// One SMTP connection; its message fields are reset at each MAIL FROM.
struct Session {
  std::shared_ptr<const Gate> gate;  // the policy this message is judged by
  std::string sender, auth_user;
  std::vector<std::string> recipients;
  std::string message;  // headers, blank line, body: at most max_message_bytes
  size_t header_bytes = 0;
  uint64_t bytes = 0;
  bool oversize = false;
  int old_verdict_headers = 0;  // X-Mamori-Verdict headers the sender put in
  std::chrono::steady_clock::time_point start;

  void Reset() { *this = Session(); }
  void Append(std::string_view s) {
    bytes += s.size();
    if (oversize) return;
    if (bytes > gate->policy.max_message_bytes) {
      // Not scanned; the header block (when complete) still shows the recipients.
      oversize = true;
      message.resize(header_bytes);
      message.shrink_to_fit();
      return;
    }
    message.append(s);
  }
};

Session* Get(SMFICTX* ctx) { return static_cast<Session*>(smfi_getpriv(ctx)); }

std::string Unbracket(const char* address) {
  std::string a = address ? address : "";
  if (a.size() >= 2 && a.front() == '<' && a.back() == '>') a = a.substr(1, a.size() - 2);
  for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return a;
}

sfsistat Tempfail(SMFICTX* ctx, const std::string& why) {
  const std::string text = ReplyText("mamori: message not checked (" + why + "), try again later");
  smfi_setreply(ctx, const_cast<char*>("451"), const_cast<char*>("4.7.1"),
                const_cast<char*>(text.c_str()));
  return SMFIS_TEMPFAIL;
}

// Runs a callback body; anything thrown becomes a tempfail, never a crash
// or an unscanned pass.
template <typename Body>
sfsistat Guard(SMFICTX* ctx, const char* where, Body body) {
  try {
    return body();
  } catch (const std::exception& e) {
    Log(std::string("internal error in ") + where + ": " + e.what() + "; tempfail");
  } catch (...) {
    Log(std::string("internal error in ") + where + "; tempfail");
  }
  return Tempfail(ctx, "internal error");
}

sfsistat OnConnect(SMFICTX* ctx, char*, _SOCK_ADDR*) {
  return Guard(ctx, "connect", [&] {
    smfi_setpriv(ctx, new Session());
    return SMFIS_CONTINUE;
  });
}

sfsistat OnEnvFrom(SMFICTX* ctx, char** argv) {
  return Guard(ctx, "mail from", [&] {
    Session* s = Get(ctx);
    if (!s) return Tempfail(ctx, "no session");
    s->Reset();
    s->gate = CurrentGate();
    s->start = std::chrono::steady_clock::now();
    s->sender = Unbracket(argv[0]);
    const char* auth = smfi_getsymval(ctx, const_cast<char*>("{auth_authen}"));
    s->auth_user = auth ? auth : "";
    return SMFIS_CONTINUE;
  });
}

sfsistat OnEnvRcpt(SMFICTX* ctx, char** argv) {
  return Guard(ctx, "rcpt to", [&] {
    Get(ctx)->recipients.push_back(Unbracket(argv[0]));
    return SMFIS_CONTINUE;
  });
}

sfsistat OnHeader(SMFICTX* ctx, char* name, char* value) {
  return Guard(ctx, "header", [&] {
    Session* s = Get(ctx);
    if (strcasecmp(name, kHeader) == 0) ++s->old_verdict_headers;
    s->Append(name);
    s->Append(": ");
    s->Append(value);
    s->Append("\r\n");
    return SMFIS_CONTINUE;
  });
}

sfsistat OnEndOfHeaders(SMFICTX* ctx) {
  return Guard(ctx, "end of headers", [&] {
    Session* s = Get(ctx);
    s->header_bytes = s->message.size();
    s->Append("\r\n");
    return SMFIS_CONTINUE;
  });
}

sfsistat OnBody(SMFICTX* ctx, unsigned char* chunk, size_t size) {
  return Guard(ctx, "body", [&] {
    Get(ctx)->Append(std::string_view(reinterpret_cast<const char*>(chunk), size));
    return SMFIS_CONTINUE;
  });
}

void AddVerdictHeader(SMFICTX* ctx, const Session& s, const std::string& value) {
  // A verdict header the sender wrote must not pass for ours.
  for (int i = s.old_verdict_headers; i >= 1; --i)
    smfi_chgheader(ctx, const_cast<char*>(kHeader), i, nullptr);
  smfi_addheader(ctx, const_cast<char*>(kHeader), const_cast<char*>(value.c_str()));
}

sfsistat OnEndOfMessage(SMFICTX* ctx) {
  return Guard(ctx, "end of message", [&] {
    Session* s = Get(ctx);
    const Policy& policy = s->gate->policy;
    MessageFacts facts;
    facts.sender = s->sender;
    facts.auth_user = s->auth_user;
    facts.recipients = s->recipients;
    facts.bytes = s->bytes;
    facts.oversize = s->oversize;
    // The header block alone: the body may hold text that looks like headers.
    Result<std::vector<std::string>> visible =
        VisibleAddresses(std::string_view(s->message).substr(0, s->header_bytes));
    if (visible.ok()) facts.visible = std::move(*visible);
    if (!s->oversize)
      facts.scan = ScanMessage(*s->gate->engine, s->message, policy.scan_timeout_seconds);
    const Verdict verdict = Decide(policy, facts);
    const char* queue = smfi_getsymval(ctx, const_cast<char*>("i"));
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - s->start).count();
    Log(LogLine(queue ? queue : "", verdict, facts, seconds));
    const std::string header = VerdictHeader(verdict, facts);
    std::string().swap(s->message);
    switch (verdict.action) {
      case Action::kReject: {
        const std::string text = ReplyText("mamori: message not sent: " + verdict.reason);
        smfi_setreply(ctx, const_cast<char*>("550"), const_cast<char*>("5.7.1"),
                      const_cast<char*>(text.c_str()));
        return SMFIS_REJECT;
      }
      case Action::kTempfail:
        return Tempfail(ctx, verdict.reason);
      case Action::kHold: {
        const std::string reason = ReplyText("mamori: " + verdict.reason);
        if (smfi_quarantine(ctx, const_cast<char*>(reason.c_str())) != MI_SUCCESS) {
          return Tempfail(ctx, "could not hold the message");
        }
        AddVerdictHeader(ctx, *s, header);
        return SMFIS_ACCEPT;
      }
      case Action::kTag:
        AddVerdictHeader(ctx, *s, header);
        return SMFIS_ACCEPT;
      case Action::kAccept:
        if (!verdict.allowlisted.empty() || s->old_verdict_headers)
          AddVerdictHeader(ctx, *s, header);
        return SMFIS_ACCEPT;
    }
    return Tempfail(ctx, "unknown verdict");
  });
}

sfsistat OnAbort(SMFICTX* ctx) {
  if (Session* s = Get(ctx)) s->Reset();
  return SMFIS_CONTINUE;
}

sfsistat OnClose(SMFICTX* ctx) {
  delete Get(ctx);
  smfi_setpriv(ctx, nullptr);
  return SMFIS_CONTINUE;
}

}  // namespace

Result<std::shared_ptr<const Gate>> MakeGate(Policy policy, const Gate* previous) {
  auto gate = std::make_shared<Gate>();
  if (previous && previous->policy.scan_timeout_seconds == policy.scan_timeout_seconds) {
    gate->engine = previous->engine;
  } else {
    ScanOptions options;
    options.jobs = 1;
    options.limits.max_seconds = policy.scan_timeout_seconds;
    Result<std::unique_ptr<Engine>> engine = Engine::Create(options);
    if (!engine.ok()) return engine.status();
    (*engine)->Prepare();
    gate->engine = std::move(*engine);
  }
  gate->policy = std::move(policy);
  return std::shared_ptr<const Gate>(std::move(gate));
}

void SetGate(std::shared_ptr<const Gate> gate) {
  std::lock_guard<std::mutex> lock(gate_mu);
  current_gate = std::move(gate);
}

std::shared_ptr<const Gate> CurrentGate() {
  std::lock_guard<std::mutex> lock(gate_mu);
  return current_gate;
}

void SetLogging(LogTo where) {
  log_to = where;
  if (where != LogTo::kStderr) openlog("mamori-milter", LOG_PID, LOG_MAIL);
}

void Log(const std::string& line) {
  if (log_to != LogTo::kSyslog) std::fprintf(stderr, "mamori-milter: %s\n", line.c_str());
  if (log_to != LogTo::kStderr) syslog(LOG_MAIL | LOG_INFO, "%s", line.c_str());
}

Status RegisterMilter(const std::string& listen) {
  smfiDesc desc{};
  desc.xxfi_name = const_cast<char*>("mamori");
  desc.xxfi_version = SMFI_VERSION;
  desc.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE;
  desc.xxfi_connect = OnConnect;
  desc.xxfi_envfrom = OnEnvFrom;
  desc.xxfi_envrcpt = OnEnvRcpt;
  desc.xxfi_header = OnHeader;
  desc.xxfi_eoh = OnEndOfHeaders;
  desc.xxfi_body = OnBody;
  desc.xxfi_eom = OnEndOfMessage;
  desc.xxfi_abort = OnAbort;
  desc.xxfi_close = OnClose;
  if (smfi_register(desc) != MI_SUCCESS) return Status::Internal("smfi_register failed");
  if (smfi_setconn(const_cast<char*>(listen.c_str())) != MI_SUCCESS) {
    return Status::InvalidArgument("bad --listen address: " + listen);
  }
  if (smfi_opensocket(true) != MI_SUCCESS) return Status::IoError("cannot listen on " + listen);
  return Status::Ok();
}

}  // namespace mamori::milter
