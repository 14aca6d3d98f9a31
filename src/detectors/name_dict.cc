#include "detectors/name_dict.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>
#include <thread>

#include "mamori/status.h"

namespace mamori {
namespace {

// What an entry's tags "(s,f)" say it can be.
struct Roles {
  bool surname = false;
  bool given = false;
};

Roles ParseTags(std::string_view tags) {
  Roles r;
  size_t i = 0;
  for (;;) {
    const size_t comma = tags.find(',', i);
    const std::string_view t =
        tags.substr(i, comma == std::string_view::npos ? tags.npos : comma - i);
    if (t == "s") r.surname = true;
    if (t == "g" || t == "f" || t == "m") r.given = true;
    if (comma == std::string_view::npos) return r;
    i = comma + 1;
  }
}

// The tags of an entry line: "(s,f)" after its first '/'. ASCII in EUC-JP
// and UTF-8 alike (multi-byte characters have no bytes below 0x80).
std::string_view TagsOf(std::string_view line, size_t* close_at) {
  const size_t open = line.find("/(");
  if (open == std::string_view::npos) return {};
  const size_t close = line.find(')', open);
  if (close == std::string_view::npos) return {};
  *close_at = close;
  return line.substr(open + 2, close - open - 2);
}

uint8_t Flags(const Roles& r, uint8_t surname, uint8_t given) {
  return static_cast<uint8_t>((r.surname ? surname : 0) | (r.given ? given : 0));
}

struct ConverterCloser {
  void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// EUC-JP hiragana (row 0xA4) to katakana (row 0xA5), the form readings are kept in.
std::string EucKatakana(std::string_view euc) {
  std::string out(euc);
  for (size_t i = 0; i < out.size();) {
    const auto b = static_cast<unsigned char>(out[i]);
    if (b < 0x80) {
      ++i;
    } else if (b == 0x8F) {
      i += 3;  // JIS X 0212
    } else {
      if (b == 0xA4) out[i] = static_cast<char>(0xA5);
      i += 2;
    }
  }
  return out;
}

// `utf8` in EUC-JP, with this thread's converter; empty when it has
// characters EUC-JP lacks (no name in the list has them either).
std::string ToEucJp(std::string_view utf8) {
  thread_local Converter euc = [] {
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open("EUC-JP", &status));
    if (c)
      ucnv_setFromUCallBack(c.get(), UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    return c;
  }();
  if (!euc) return {};
  std::string out(utf8.size() + 8, '\0');
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n =
      ucnv_fromAlgorithmic(euc.get(), UCNV_UTF8, out.data(), static_cast<int32_t>(out.size()),
                           utf8.data(), static_cast<int32_t>(utf8.size()), &status);
  if (U_FAILURE(status)) return {};
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string ToLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

void NameDictionary::Table::AddEntry(std::string_view line) {
  // KEY [READING] /(tags) Gloss/... in EUC-JP
  size_t close = 0;
  const Roles roles = ParseTags(TagsOf(line, &close));
  if (!roles.surname && !roles.given) return;  // places, companies, products
  const size_t sp = line.find(' ');
  if (sp == std::string_view::npos || sp > close) return;
  const std::string_view key = line.substr(0, sp);
  std::string_view reading = key;  // a kana key is its own reading
  if (line.substr(sp + 1).starts_with('[')) {
    const size_t end = line.find(']', sp);
    if (end == std::string_view::npos) return;
    reading = line.substr(sp + 2, end - sp - 2);
  }
  Add(key, Flags(roles, kSurnameWritten, kGivenWritten));
  Add(EucKatakana(reading), Flags(roles, kSurnameReading, kGivenReading));
  // The romanization: the gloss up to '/', ' ' or '('.
  std::string_view gloss = line.substr(close + 1);
  while (!gloss.empty() && gloss.front() == ' ') gloss.remove_prefix(1);
  gloss = gloss.substr(0, gloss.find_first_of("/ ("));
  const bool alpha = !gloss.empty() && std::all_of(gloss.begin(), gloss.end(), [](char c) {
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
  });
  if (alpha) Add(ToLowerAscii(gloss), Flags(roles, kSurnameRomaji, kGivenRomaji));
}

uint32_t NameDictionary::Table::Hash(std::string_view key) {
  return static_cast<uint32_t>(std::hash<std::string_view>()(key));
}

size_t NameDictionary::Table::Find(std::string_view key, uint32_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if (static_cast<uint32_t>(slot >> 32) != hash) continue;
    const size_t at = static_cast<uint32_t>(slot) - 1;
    const auto len = static_cast<unsigned char>(blob_[at]);
    if (std::string_view(blob_).substr(at + 1, len) == key) return i;
  }
}

void NameDictionary::Table::Grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? size_t{1} << 16 : 2 * old.size(), 0);
  const size_t mask = slots_.size() - 1;
  for (uint64_t slot : old) {
    if (slot == 0) continue;
    size_t i = static_cast<uint32_t>(slot >> 32) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;  // keys are distinct: the first free slot
    slots_[i] = slot;
  }
}

void NameDictionary::Table::Add(std::string_view key, uint8_t flags) {
  if (key.empty() || key.size() > 255 || flags == 0) return;
  if (pending_used_ == pending_.size()) pending_.emplace_back();
  Pending& p = pending_[pending_used_++];
  p.key.assign(key);
  p.flags = flags;
  p.hash = Hash(key);
  if (pending_used_ == 32) Flush();
}

// The table is larger than the caches, so every probe would wait for memory:
// the slots of a batch of keys are prefetched before any is inserted, and
// the waits overlap.
void NameDictionary::Table::Flush() {
  while (2 * (size_ + pending_used_) > slots_.size()) Grow();
  const size_t mask = slots_.size() - 1;
  for (size_t k = 0; k < pending_used_; ++k) __builtin_prefetch(&slots_[pending_[k].hash & mask]);
  for (size_t k = 0; k < pending_used_; ++k)
    Insert(pending_[k].key, pending_[k].flags, pending_[k].hash);
  pending_used_ = 0;
}

void NameDictionary::Table::Insert(std::string_view key, uint8_t flags, uint32_t hash) {
  const size_t i = Find(key, hash);
  if (slots_[i] != 0) {
    const size_t at = static_cast<uint32_t>(slots_[i]) - 1;
    blob_[at + 1 + key.size()] = static_cast<char>(blob_[at + 1 + key.size()] | flags);
    return;
  }
  slots_[i] = (uint64_t{hash} << 32) | (blob_.size() + 1);
  blob_.push_back(static_cast<char>(key.size()));
  blob_.append(key);
  blob_.push_back(static_cast<char>(flags));
  ++size_;
}

uint8_t NameDictionary::Table::Lookup(std::string_view euc_key, uint32_t hash) const {
  if (size_ == 0) return 0;
  const uint64_t slot = slots_[Find(euc_key, hash)];
  if (slot == 0) return 0;
  return static_cast<uint8_t>(blob_[static_cast<uint32_t>(slot) - 1 + 1 + euc_key.size()]);
}

void NameDictionary::Table::AddEntries(std::string_view lines) {
  size_t pos = 0;
  while (pos < lines.size()) {
    size_t nl = lines.find('\n', pos);
    if (nl == std::string_view::npos) nl = lines.size();
    AddEntry(lines.substr(pos, nl - pos));
    pos = nl + 1;
  }
}

uint8_t NameDictionary::Lookup(std::string_view utf8_key) const {
  if (size() == 0 || utf8_key.empty()) return 0;
  const std::string key = ToEucJp(utf8_key);
  if (key.empty()) return 0;
  const uint32_t hash = Table::Hash(key);
  uint8_t flags = 0;
  for (const Table& t : tables_) flags |= t.Lookup(key, hash);
  return flags;
}

size_t NameDictionary::size() const {
  size_t n = 0;
  for (const Table& t : tables_) n += t.size();
  return n;
}

NameDictionary NameDictionary::FromUtf8(std::string_view text) {
  NameDictionary d;
  d.tables_.resize(1);
  d.tables_[0].AddEntries(ToEucJp(text));
  d.tables_[0].Flush();
  return d;
}

namespace {

// Where the line holding byte `pos` of `fd` ends (just past its '\n'), or
// the file's end.
Result<uint64_t> LineStartFrom(int fd, uint64_t pos, uint64_t size) {
  if (pos == 0) return uint64_t{0};
  char window[4096];
  for (uint64_t at = pos - 1; at < size;) {
    const ssize_t got = ::pread(fd, window, sizeof window, static_cast<off_t>(at));
    if (got <= 0) return Status::IoError("read failed");
    const void* nl = std::memchr(window, '\n', static_cast<size_t>(got));
    if (nl) return at + (static_cast<const char*>(nl) - window) + 1;
    at += static_cast<uint64_t>(got);
  }
  return size;
}

// Adds the entry lines in bytes [begin, end) of `fd` (whole lines) to `table`.
Status LoadRange(int fd, uint64_t begin, uint64_t end, auto& table) {
  std::string block(size_t{1} << 20, '\0');
  std::string carry;  // an incomplete last line
  for (uint64_t at = begin; at < end;) {
    const size_t want = static_cast<size_t>(std::min<uint64_t>(block.size(), end - at));
    const ssize_t got = ::pread(fd, block.data(), want, static_cast<off_t>(at));
    if (got < 0) return Status::IoError(std::strerror(errno));
    if (got == 0) break;  // the file shrank
    at += static_cast<uint64_t>(got);
    const std::string_view data(block.data(), static_cast<size_t>(got));
    size_t pos = 0;
    while (pos < data.size()) {
      const size_t nl = data.find('\n', pos);
      if (nl == std::string_view::npos) break;
      if (carry.empty()) {
        table.AddEntry(data.substr(pos, nl - pos));
      } else {
        carry.append(data.substr(pos, nl - pos));
        table.AddEntry(carry);
        carry.clear();
      }
      pos = nl + 1;
    }
    carry.append(data.substr(pos));
  }
  if (!carry.empty()) table.AddEntry(carry);
  table.Flush();
  return Status::Ok();
}

}  // namespace

NameDictionary NameDictionary::Load(const std::string& path, std::string* error, unsigned threads) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot open " + path;
    return {};
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    ::close(fd);
    *error = "cannot stat " + path;
    return {};
  }
  // Parts start on line starts; each is read and hashed by its own thread
  // into its own table (keys stay in EUC-JP: loading is reading, splitting
  // and hashing; lookups convert).
  const auto size = static_cast<uint64_t>(st.st_size);
  const unsigned parts = size < (uint64_t{1} << 20) ? 1 : std::clamp(threads, 1u, 8u);
  std::vector<uint64_t> bounds{0};
  for (unsigned k = 1; k < parts; ++k) {
    Result<uint64_t> start = LineStartFrom(fd, size * k / parts, size);
    bounds.push_back(start.ok() ? std::max(*start, bounds.back()) : bounds.back());
  }
  bounds.push_back(size);
  NameDictionary d;
  d.tables_.resize(parts);
  std::vector<Status> status(parts, Status::Ok());
  const auto load = [&](unsigned k) {
    status[k] = LoadRange(fd, bounds[k], bounds[k + 1], d.tables_[k]);
  };
  std::vector<std::thread> helpers;
  for (unsigned k = 1; k < parts; ++k) helpers.emplace_back(load, k);
  load(0);
  for (auto& t : helpers) t.join();
  ::close(fd);
  for (const Status& s : status) {
    if (!s.ok()) {
      *error = "cannot read " + path + ": " + s.message();
      return {};
    }
  }
  return d;
}

const NameDictionary& NameDictionary::Shared(unsigned load_threads) {
  static const NameDictionary* const shared = [load_threads] {
    std::string error;
    auto* d = new NameDictionary(Load(std::string(kEnamdictPath), &error, load_threads));
    if (d->size() == 0) {
      std::fprintf(stderr,
                   "mamori: warning: no ENAMDICT name list (%s; Debian package enamdict): "
                   "person names are recognized with IPADIC and context only\n",
                   error.empty() ? "empty" : error.c_str());
    }
    return d;
  }();
  return *shared;
}

}  // namespace mamori
