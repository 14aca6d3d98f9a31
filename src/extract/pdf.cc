#include "extract/pdf.h"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <utility>
#include <vector>

extern char** environ;

namespace mamori {
namespace {

using Clock = std::chrono::steady_clock;

constexpr size_t kReadChunk = 64 * 1024;
constexpr size_t kStderrKeep = 4096;  // only the first message matters
constexpr size_t kReasonMax = 120;

// A file descriptor closed when it goes out of scope.
class Fd {
 public:
  Fd() = default;
  explicit Fd(int fd) : fd_(fd) {}
  Fd(Fd&& o) noexcept : fd_(o.release()) {}
  Fd& operator=(Fd&& o) noexcept {
    reset(o.release());
    return *this;
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() { reset(); }
  int get() const { return fd_; }
  int release() { return std::exchange(fd_, -1); }
  void reset(int fd = -1) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = fd;
  }

 private:
  int fd_ = -1;
};

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// An unnamed file holding `bytes`, positioned at 0, for the child's stdin.
// memfd keeps the PDF in memory only; the fallback is a 0600 temp file
// unlinked at once, so no other process can open it by name.
Result<Fd> AnonymousFileWith(std::string_view bytes) {
  Fd fd(::memfd_create("mamori-pdf", MFD_CLOEXEC));
  if (fd.get() < 0) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = std::string(dir && *dir ? dir : "/tmp") + "/mamori-pdf-XXXXXX";
    fd.reset(::mkostemp(path.data(), O_CLOEXEC));  // mkostemp creates 0600
    if (fd.get() < 0) return Status::IoError(std::string("temp file: ") + std::strerror(errno));
    ::unlink(path.c_str());
  }
  if (!WriteAll(fd.get(), bytes) || ::lseek(fd.get(), 0, SEEK_SET) != 0) {
    return Status::IoError(std::string("temp file: ") + std::strerror(errno));
  }
  return fd;
}

struct Pipe {
  Fd read, write;
};

Result<Pipe> MakePipe() {
  int fds[2];
  // CLOEXEC: children other threads spawn must not inherit our pipe ends,
  // or our reads would never see end of file.
  if (::pipe2(fds, O_CLOEXEC) != 0)
    return Status::IoError(std::string("pipe: ") + std::strerror(errno));
  return Pipe{Fd(fds[0]), Fd(fds[1])};
}

// What came back from the child.
struct ChildRun {
  std::string err;  // the first kStderrKeep bytes
  int wait_status = 0;
  bool status_known = true;  // false when the host reaps children itself (SIGCHLD ignored)
  std::string stopped;       // why we killed it (timeout, budget); empty when we did not
};

bool Blank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

// Cuts pdftotext's output into pages (each ends with a form feed) and
// reports each non-blank one as it completes, so only one page is held.
class PageSplitter {
 public:
  explicit PageSplitter(ExtractSink& sink) : sink_(sink) {}

  void Add(std::string_view bytes) {
    pending_.append(bytes);
    size_t start = 0;
    for (size_t ff = pending_.find('\f', scanned_); ff != std::string::npos;
         ff = pending_.find('\f', start)) {
      Emit(std::string_view(pending_).substr(start, ff - start));
      start = ff + 1;
    }
    pending_.erase(0, start);
    scanned_ = pending_.size();  // no form feed up to here: do not look again
  }

  // The text after the last form feed: a page cut short when the child was stopped.
  void Finish() {
    Emit(pending_);
    pending_.clear();
  }

  bool any_text() const { return any_text_; }

 private:
  void Emit(std::string_view page) {
    ++page_;
    if (Blank(page)) return;
    StructuredLocation where;
    where.page = page_;
    sink_.Text(page, where);
    any_text_ = true;
  }

  ExtractSink& sink_;
  std::string pending_;
  size_t scanned_ = 0;
  uint32_t page_ = 0;
  bool any_text_ = false;
};

Status SpawnError(int err, const std::string& program) {
  if (err == ENOENT || err == EACCES || err == ENOEXEC) {
    return Status::NotFound(program == "pdftotext" ? "pdftotext (poppler-utils) not installed"
                                                   : program + " not found");
  }
  return Status::Internal(std::string("cannot run pdftotext: ") + std::strerror(err));
}

Result<pid_t> Spawn(const std::string& program, int in, int out, int err) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in, 0);
  posix_spawn_file_actions_adddup2(&actions, out, 1);
  posix_spawn_file_actions_adddup2(&actions, err, 2);
  // The child starts with default signal handling whatever the host set.
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  sigset_t none, defaults;
  sigemptyset(&none);
  sigemptyset(&defaults);
  sigaddset(&defaults, SIGPIPE);
  posix_spawnattr_setsigmask(&attr, &none);
  posix_spawnattr_setsigdefault(&attr, &defaults);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  // -layout keeps table columns apart; no -q, because its messages tell an
  // encrypted PDF from a damaged one. "-" "-": PDF on stdin, text on stdout.
  std::vector<std::string> args = {program, "-layout", "-enc", "UTF-8", "-", "-"};
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = ::posix_spawnp(&pid, program.c_str(), &actions, &attr, argv.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return SpawnError(rc, program);
  return pid;
}

// Reads what is ready on `fd` and hands it to `take`. Returns the bytes
// read, 0 at end of file (or on an error), -1 when nothing was ready.
template <typename Take>
ssize_t ReadSome(int fd, Take&& take) {
  char buf[kReadChunk];
  const ssize_t n = ::read(fd, buf, sizeof buf);
  if (n < 0) return (errno == EAGAIN || errno == EINTR) ? -1 : 0;
  if (n > 0) take(std::string_view(buf, static_cast<size_t>(n)));
  return n;
}

std::string TimedOut(std::chrono::milliseconds timeout) {
  const int64_t ms = timeout.count();
  return "pdftotext timed out after " +
         (ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms");
}

// Why the child must be stopped now, or empty to go on.
std::string StopReason(const Budget& budget, Clock::time_point deadline,
                       std::chrono::milliseconds timeout) {
  if (Clock::now() >= deadline) return TimedOut(timeout);
  const Status expired = budget.Expired();
  return expired.ok() ? "" : expired.message();
}

// Reads stdout (into `pages`) and stderr until both close, the deadline
// passes or the budget refuses more text.
void Drain(int out, int err, Budget& budget, Clock::time_point deadline,
           std::chrono::milliseconds timeout, PageSplitter& pages, ChildRun* run) {
  const auto take_out = [&](std::string_view bytes) {
    const Status taken = budget.Take(bytes.size());
    if (!taken.ok()) run->stopped = taken.message();
    pages.Add(bytes);  // the chunk that crossed the limit still counts
  };
  const auto take_err = [&](std::string_view bytes) {
    run->err.append(bytes.substr(0, kStderrKeep - std::min(kStderrKeep, run->err.size())));
  };
  pollfd fds[2] = {{out, POLLIN, 0}, {err, POLLIN, 0}};
  while ((fds[0].fd >= 0 || fds[1].fd >= 0) && run->stopped.empty()) {
    run->stopped = StopReason(budget, deadline, timeout);
    if (!run->stopped.empty()) return;
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    const int wait_ms = static_cast<int>(std::clamp<int64_t>(left.count(), 1, 500));
    if (::poll(fds, 2, wait_ms) < 0 && errno != EINTR) return;
    for (int i = 0; i < 2 && run->stopped.empty(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = i == 0 ? ReadSome(fds[i].fd, take_out) : ReadSome(fds[i].fd, take_err);
      if (n == 0) fds[i].fd = -1;  // poll skips negative descriptors
    }
  }
}

// Waits for the child, killing it when the read loop stopped early or when
// it lingers past the deadline after closing its output.
void Reap(pid_t pid, const Budget& budget, Clock::time_point deadline,
          std::chrono::milliseconds timeout, ChildRun* run) {
  bool killed = false;
  for (;;) {
    int status = 0;
    const pid_t got = ::waitpid(pid, &status, killed ? 0 : WNOHANG);
    if (got < 0 && errno == EINTR) continue;
    if (got != 0) {
      run->status_known = got == pid;
      run->wait_status = status;
      return;
    }
    if (run->stopped.empty()) run->stopped = StopReason(budget, deadline, timeout);
    if (!run->stopped.empty()) {
      ::kill(pid, SIGKILL);
      killed = true;
    } else {
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
  }
}

Result<ChildRun> RunPdfToText(std::string_view pdf, Budget& budget, const PdfOptions& options,
                              PageSplitter& pages) {
  Result<Fd> in = AnonymousFileWith(pdf);
  if (!in.ok()) return in.status();
  Result<Pipe> out = MakePipe();
  if (!out.ok()) return out.status();
  Result<Pipe> err = MakePipe();
  if (!err.ok()) return err.status();
  Result<pid_t> pid = Spawn(options.pdftotext, in->get(), out->write.get(), err->write.get());
  if (!pid.ok()) return pid.status();
  // Our copies of the child's ends go, so end of file means the child is done.
  in->reset();
  out->write.reset();
  err->write.reset();
  ::fcntl(out->read.get(), F_SETFL, O_NONBLOCK);
  ::fcntl(err->read.get(), F_SETFL, O_NONBLOCK);
  std::chrono::milliseconds timeout = options.timeout;
  if (timeout.count() <= 0) timeout = std::chrono::seconds(budget.limits().max_seconds);
  const Clock::time_point deadline = Clock::now() + timeout;
  ChildRun run;
  Drain(out->read.get(), err->read.get(), budget, deadline, timeout, pages, &run);
  Reap(*pid, budget, deadline, timeout, &run);
  return run;
}

// The first line pdftotext wrote to stderr, cut before anything quoted
// (poppler quotes operators, names and file content) and kept to plain
// ASCII, so no document content ends up in a report.
std::string FirstMessage(std::string_view err) {
  std::string line;
  for (const char c : err.substr(0, err.find('\n'))) {
    if (c == '\'' || c == '"' || c == '`' || c == '<' || line.size() >= kReasonMax) break;
    if (c >= 0x20 && c < 0x7F) line.push_back(c);
  }
  while (!line.empty() && (line.back() == ' ' || line.back() == ':')) line.pop_back();
  return line;
}

// The status a finished run leaves on the object (kOk when none).
void ReportOutcome(const ChildRun& run, bool any_text, ExtractSink& sink) {
  if (!run.stopped.empty()) {
    sink.SetStatus(ObjectStatus::kIncomplete, run.stopped);
    return;
  }
  const bool clean =
      !run.status_known || (WIFEXITED(run.wait_status) && WEXITSTATUS(run.wait_status) == 0);
  if (clean) {
    if (!any_text) sink.SetStatus(ObjectStatus::kNoText, "no text layer (scanned image?)");
    return;
  }
  if (WIFSIGNALED(run.wait_status)) {
    sink.SetStatus(ObjectStatus::kError,
                   "pdftotext crashed (signal " + std::to_string(WTERMSIG(run.wait_status)) + ")");
    return;
  }
  const int code = WEXITSTATUS(run.wait_status);
  if (run.err.find("Incorrect password") != std::string::npos) {
    sink.SetStatus(ObjectStatus::kEncrypted, "PDF needs a password to open");
  } else if (code == 3) {
    sink.SetStatus(ObjectStatus::kEncrypted, "PDF permissions forbid text extraction");
  } else {
    const std::string message = FirstMessage(run.err);
    sink.SetStatus(ObjectStatus::kError,
                   message.empty() ? "pdftotext failed with exit code " + std::to_string(code)
                                   : "pdftotext: " + message);
  }
}

}  // namespace

Status ExtractPdf(std::string_view bytes, ExtractSink& sink) {
  return ExtractPdf(bytes, sink, PdfOptions{});
}

Status ExtractPdf(std::string_view bytes, ExtractSink& sink, const PdfOptions& options) {
  PageSplitter pages(sink);
  Result<ChildRun> run = RunPdfToText(bytes, sink.budget(), options, pages);
  if (!run.ok()) {
    const bool missing = run.status().code() == Status::Code::kNotFound;
    sink.SetStatus(missing ? ObjectStatus::kUnsupported : ObjectStatus::kError,
                   run.status().message());
    return run.status();
  }
  pages.Finish();
  ReportOutcome(*run, pages.any_text(), sink);
  return Status::Ok();
}

}  // namespace mamori
