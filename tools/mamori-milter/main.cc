// mamori-milter: the mail gate. A libmilter filter for Postfix (or
// Sendmail) that scans every message with the mamori engine and rejects,
// holds or tags what carries card data, customer lists or too many visible
// recipients. Thin: policy and verdicts live in src/milter/.
#include <fcntl.h>
#include <libmilter/mfapi.h>
#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <cerrno>
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

// Signals reach the main loop through a pipe: a handler may only do what
// is async-signal-safe, and write() is. A stop is also a flag, so that a
// pipe filled by a storm of SIGHUPs cannot lose it.
int signal_pipe[2] = {-1, -1};
volatile sig_atomic_t stop_requested = 0;

extern "C" void OnSignal(int sig) {
  const int saved = errno;
  if (sig != SIGHUP) stop_requested = 1;
  const unsigned char byte = static_cast<unsigned char>(sig);
  [[maybe_unused]] const ssize_t n = write(signal_pipe[1], &byte, 1);  // full: one is pending
  errno = saved;
}

bool OpenSignalPipe() {
  if (pipe2(signal_pipe, O_CLOEXEC) != 0) return false;
  fcntl(signal_pipe[1], F_SETFL, O_NONBLOCK);  // a handler never waits
  struct sigaction action {};
  action.sa_handler = OnSignal;
  // SA_RESTART: a reload's reads and writes are not cut short. SA_NODEFER:
  // a SIGHUP that comes while the handler runs is not blocked here, where
  // it would go to libmilter's signal thread.
  action.sa_flags = SA_RESTART | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  for (int sig : {SIGHUP, SIGTERM, SIGINT}) {
    if (sigaction(sig, &action, nullptr) != 0) return false;
  }
  return true;
}

// Waits for signals the handlers passed on: SIGHUP when all that came since
// the last call were SIGHUPs (one reload answers them all), else SIGTERM.
int NextSignal() {
  for (;;) {
    unsigned char bytes[256];
    const ssize_t n = read(signal_pipe[0], bytes, sizeof bytes);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0 || stop_requested) return SIGTERM;  // a stop, or the pipe is gone
    return SIGHUP;
  }
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

  // libmilter's own signal thread stops the milter on SIGHUP. Every other
  // thread (libmilter's included: they inherit the mask) blocks the three
  // signals; this one, the process's main thread, never does, and the kernel
  // gives a process-directed signal to the main thread first when it does
  // not block it. So SIGHUP reloads, even one that comes while a reload
  // runs: waiting with sigwait() would block it here meanwhile, and it
  // would go to libmilter's thread. The handlers only write to a pipe.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGHUP);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  if (!OpenSignalPipe()) {
    std::fprintf(stderr, "mamori-milter: pipe: %s\n", std::strerror(errno));
    return 2;
  }
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const pthread_t main_thread = pthread_self();
  int milter_status = MI_SUCCESS;
  std::thread milter([&] {
    milter_status = smfi_main();
    pthread_kill(main_thread, SIGTERM);  // wakes the loop below when libmilter stops by itself
  });
  pthread_sigmask(SIG_UNBLOCK, &signals, nullptr);
  mamori::milter::Log("listening on " + args.listen + "; policy " +
                      (args.config.empty() ? "defaults" : args.config) + ": " + described);
  for (;;) {
    const int sig = NextSignal();
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
