#include "extract/archive.h"

#include <algorithm>
#include <vector>

#include "extract/archive_reader.h"

namespace mamori {
namespace {

// A compressed single stream (list.csv.gz) has one member libarchive calls
// "data"; name it after the container instead.
std::string StreamMemberName(std::string_view container) {
  const size_t slash = container.find_last_of('/');
  std::string base(slash == std::string_view::npos ? container : container.substr(slash + 1));
  for (std::string_view ext : {".gz", ".tgz", ".bz2", ".xz", ".zst", ".zstd", ".lz4", ".Z"}) {
    if (base.size() > ext.size() && base.compare(base.size() - ext.size(), ext.size(), ext) == 0) {
      base.resize(base.size() - ext.size());
      if (ext == ".tgz") base += ".tar";
      return base;
    }
  }
  return base + ".data";
}

bool LooksEncryptedError(const std::string& message) {
  std::string lower = message;
  std::transform(lower.begin(), lower.end(), lower.begin(), ::tolower);
  return lower.find("encrypt") != std::string::npos ||
         lower.find("passphrase") != std::string::npos ||
         lower.find("password") != std::string::npos;
}

}  // namespace

std::string SafeMemberName(std::string_view name, bool* traversal) {
  *traversal = false;
  std::vector<std::string_view> parts;
  size_t at = 0;
  while (at <= name.size()) {
    size_t end = name.find_first_of("/\\", at);
    if (end == std::string_view::npos) end = name.size();
    const std::string_view part = name.substr(at, end - at);
    if (part == "..") {
      *traversal = true;
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    at = end + 1;
  }
  if (!name.empty() && (name[0] == '/' || name[0] == '\\')) *traversal = true;
  std::string out;
  for (std::string_view p : parts) {
    if (!out.empty()) out += '/';
    out += p;
  }
  return out.empty() ? "unnamed" : out;
}

void ExtractArchive(std::string_view bytes, std::string_view name, ExtractSink& sink) {
  auto reader = ArchiveReader::Open(bytes, /*single_stream=*/true);
  if (!reader.ok()) {
    sink.SetStatus(ObjectStatus::kError, reader.status().message());
    return;
  }
  Budget& budget = sink.budget();
  std::string data;
  uint64_t traversals = 0;
  for (;;) {
    if (Status s = budget.Expired(); !s.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete, s.message());
      return;
    }
    auto next = (*reader)->Next();
    if (!next.ok()) {
      const std::string& why = next.status().message();
      sink.SetStatus(
          LooksEncryptedError(why) ? ObjectStatus::kEncrypted : ObjectStatus::kIncomplete,
          "archive damaged or truncated: " + why);
      return;
    }
    if (!next->has_value()) break;
    const ArchiveReader::Entry& entry = **next;
    if (!entry.is_file) continue;
    bool traversal = false;
    std::string member = entry.name == "data" && (*reader)->FormatName() == "raw"
                             ? StreamMemberName(name)
                             : SafeMemberName(entry.name, &traversal);
    traversals += traversal;
    if (entry.encrypted) {
      sink.MemberStatus(member, entry.size, ObjectStatus::kEncrypted, "encrypted member", true);
      continue;
    }
    if (Status s = budget.AdmitMember(entry.size); !s.ok()) {
      sink.MemberStatus(member, entry.size, ObjectStatus::kIncomplete, s.message(), false);
      if (s.message().rfind("too many", 0) == 0 || !budget.Expired().ok()) {
        sink.SetStatus(ObjectStatus::kIncomplete, s.message());
        return;
      }
      continue;
    }
    // Never trust the header's size: the read itself is capped.
    const Status read = (*reader)->ReadData(&data, budget.limits().max_member_bytes);
    if (!read.ok()) {
      const bool encrypted = LooksEncryptedError(read.message());
      sink.MemberStatus(member, data.size(),
                        encrypted                                   ? ObjectStatus::kEncrypted
                        : read.code() == Status::Code::kUnsupported ? ObjectStatus::kIncomplete
                                                                    : ObjectStatus::kError,
                        read.message(), encrypted);
      continue;
    }
    if (Status s = budget.Take(data.size()); !s.ok()) {
      sink.MemberStatus(member, data.size(), ObjectStatus::kIncomplete, s.message(), false);
      sink.SetStatus(ObjectStatus::kIncomplete, s.message());
      return;
    }
    sink.Member(member, data);
  }
  if (traversals) {
    sink.SetStatus(ObjectStatus::kIncomplete,
                   std::to_string(traversals) +
                       " member name(s) tried to leave the archive (scanned under safe names)");
  }
}

}  // namespace mamori
