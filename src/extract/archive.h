// Archives and compressed streams: every member becomes a nested object.
#ifndef MAMORI_EXTRACT_ARCHIVE_H_
#define MAMORI_EXTRACT_ARCHIVE_H_

#include <string>
#include <string_view>

#include "extract/extractor.h"

namespace mamori {

// Reports each file member of the archive `bytes` (named `name`) to
// sink.Member, after asking the budget. Encrypted members, members over a
// limit and damaged data are reported with MemberStatus; the archive
// itself is marked incomplete or encrypted when it could not be read whole.
void ExtractArchive(std::string_view bytes, std::string_view name, ExtractSink& sink);

// A member name safe to show and to join into a path: no leading '/', no
// "." or ".." components. Sets *traversal when the name tried to leave.
std::string SafeMemberName(std::string_view name, bool* traversal);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_ARCHIVE_H_
