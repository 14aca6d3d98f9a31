#ifndef MAMORI_TOOLS_SCAN_COMMAND_H_
#define MAMORI_TOOLS_SCAN_COMMAND_H_

#include <string>
#include <vector>

namespace mamori::cli {

// `mamori scan`: returns the process exit status (0 clean, 1 findings at or
// above --fail-on, 2 usage or fatal error).
int RunScan(const std::vector<std::string>& args);

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_SCAN_COMMAND_H_
