// mamori-milter: the mail gate. A libmilter filter for Postfix (or
// Sendmail) that scans every message with the mamori engine and rejects,
// holds or tags what carries card data, customer lists or too many visible
// recipients. Thin: policy and verdicts live in src/milter/.
#include <libmilter/mfapi.h>
#include <pthread.h>
#include <signal.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include "milter.h"
#include "milter/policy.h"

namespace {

using mamori::milter::LogTo;

constexpr const char* kUsage = R"(usage: mamori-milter --listen SOCKET [options]

  --listen SOCKET     where Postfix connects, in libmilter syntax:
                      inet:PORT@HOST (e.g. inet:10025@127.0.0.1) or unix:PATH
  --config FILE       policy in TOML (see etc/mamori-milter.toml); without it,
                      the documented defaults. SIGHUP reloads the file.
  --log WHERE         stderr (default), syslog (mail facility) or both
  --check-config      read the policy, report errors, print it and exit
  --version           print the version

Exit status: 0 after a clean shutdown (SIGTERM/SIGINT), 2 on a usage,
policy or socket error.
)";

struct Args {
  std::string listen, config;
  LogTo log = LogTo::kStderr;
  bool check = false;
};

bool ParseArgs(int argc, char** argv, Args* args, int* exit_code) {
  std::vector<std::string> a(argv + 1, argv + argc);
  for (size_t i = 0; i < a.size(); ++i) {
    const auto value = [&]() -> const std::string* { return i + 1 < a.size() ? &a[++i] : nullptr; };
    const std::string& flag = a[i];
    if (flag == "--help" || flag == "-h") {
      std::fputs(kUsage, stdout);
      *exit_code = 0;
      return false;
    }
    if (flag == "--version") {
      std::puts("mamori-milter 0.1.0");
      *exit_code = 0;
      return false;
    }
    if (flag == "--check-config") {
      args->check = true;
    } else if (flag == "--listen" || flag == "--config" || flag == "--log") {
      const std::string* v = value();
      const bool log_ok = v && (*v == "stderr" || *v == "syslog" || *v == "both");
      if (!v || (flag == "--log" && !log_ok)) {
        std::fprintf(stderr, "mamori-milter: %s needs %s\n", flag.c_str(),
                     flag == "--log" ? "stderr, syslog or both" : "a value");
        *exit_code = 2;
        return false;
      }
      if (flag == "--listen") args->listen = *v;
      if (flag == "--config") args->config = *v;
      if (flag == "--log")
        args->log = *v == "stderr"   ? LogTo::kStderr
                    : *v == "syslog" ? LogTo::kSyslog
                                     : LogTo::kBoth;
    } else {
      std::fprintf(stderr, "mamori-milter: bad argument '%s'\n\n%s", flag.c_str(), kUsage);
      *exit_code = 2;
      return false;
    }
  }
  if (args->listen.empty() && !args->check) {
    std::fprintf(stderr, "mamori-milter: --listen is required\n\n%s", kUsage);
    *exit_code = 2;
    return false;
  }
  return true;
}

mamori::Result<mamori::milter::Policy> ReadPolicy(const std::string& path) {
  if (path.empty()) return mamori::milter::Policy{};
  return mamori::milter::LoadPolicy(path);
}

std::string Describe(const mamori::milter::Policy& p) {
  using mamori::milter::ActionName;
  std::string internal;
  for (const std::string& d : p.internal_domains) internal += (internal.empty() ? "" : ",") + d;
  return "internal_domains=" + (internal.empty() ? "(sender's domain)" : internal) +
         " sensitive=" + std::string(ActionName(p.sensitive_action)) +
         " records>=" + std::to_string(p.records_threshold) + ":" +
         std::string(ActionName(p.records_action)) + " visible_external>" +
         std::to_string(p.max_visible_external) + ":" +
         std::string(ActionName(p.recipients_action)) +
         " encrypted=" + std::string(ActionName(p.encrypted_action)) + " oversize>" +
         std::to_string(p.max_message_bytes) + ":" + std::string(ActionName(p.oversize_action)) +
         " incomplete=" + std::string(ActionName(p.incomplete_action)) +
         " timeout=" + std::to_string(p.scan_timeout_seconds) +
         "s allow=" + std::to_string(p.allow_senders.size()) + "/" +
         std::to_string(p.allow_recipients.size()) + "/" +
         std::to_string(p.allow_auth_users.size()) + " (senders/recipients/auth_users)";
}

// SIGHUP: a new gate from the file; on error the old one stays.
void Reload(const std::string& path) {
  if (path.empty()) {
    mamori::milter::Log("SIGHUP: no --config file, defaults kept");
    return;
  }
  mamori::Result<mamori::milter::Policy> policy = mamori::milter::LoadPolicy(path);
  if (!policy.ok()) {
    mamori::milter::Log("SIGHUP: policy not reloaded, previous one kept: " +
                        policy.status().message());
    return;
  }
  const std::string described = Describe(*policy);
  auto gate = mamori::milter::MakeGate(std::move(*policy), mamori::milter::CurrentGate().get());
  if (!gate.ok()) {
    mamori::milter::Log("SIGHUP: engine not rebuilt, previous policy kept: " +
                        gate.status().message());
    return;
  }
  mamori::milter::SetGate(std::move(*gate));
  mamori::milter::Log("policy reloaded from " + path + ": " + described);
}

}  // namespace

int main(int argc, char** argv) {
  Args args;
  int exit_code = 0;
  if (!ParseArgs(argc, argv, &args, &exit_code)) return exit_code;
  mamori::Result<mamori::milter::Policy> policy = ReadPolicy(args.config);
  if (!policy.ok()) {
    std::fprintf(stderr, "mamori-milter: %s\n", policy.status().message().c_str());
    return 2;
  }
  if (args.check) {
    std::printf("policy ok: %s\n", Describe(*policy).c_str());
    return 0;
  }
  mamori::milter::SetLogging(args.log);
  const std::string described = Describe(*policy);
  auto gate = mamori::milter::MakeGate(std::move(*policy), nullptr);
  if (!gate.ok()) {
    std::fprintf(stderr, "mamori-milter: engine: %s\n", gate.status().message().c_str());
    return 2;
  }
  mamori::milter::SetGate(std::move(*gate));
  if (mamori::Status s = mamori::milter::RegisterMilter(args.listen); !s.ok()) {
    std::fprintf(stderr, "mamori-milter: %s\n", s.message().c_str());
    return 2;
  }

  // libmilter's own signal thread stops the milter on SIGHUP. This thread
  // (the process's main one) waits for the signals itself and is where a
  // process-directed signal goes first on Linux (the kernel tries the main
  // thread before others), so SIGHUP reloads. Every thread started from
  // here on inherits the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const pthread_t main_thread = pthread_self();
  int milter_status = MI_SUCCESS;
  std::thread milter([&] {
    milter_status = smfi_main();
    pthread_kill(main_thread, SIGTERM);  // wakes the loop below when libmilter stops by itself
  });
  mamori::milter::Log("listening on " + args.listen + "; policy " +
                      (args.config.empty() ? "defaults" : args.config) + ": " + described);
  for (;;) {
    int sig = 0;
    if (sigwait(&signals, &sig) != 0) continue;
    if (sig == SIGHUP) {
      Reload(args.config);
      continue;
    }
    smfi_stop();
    break;
  }
  milter.join();
  mamori::milter::Log("stopped");
  return milter_status == MI_SUCCESS ? 0 : 2;
}
