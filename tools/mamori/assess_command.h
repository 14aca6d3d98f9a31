// mamori assess: an incident file in, the reports out; and "assess lookup".
#ifndef MAMORI_TOOLS_ASSESS_COMMAND_H_
#define MAMORI_TOOLS_ASSESS_COMMAND_H_

#include <string>
#include <vector>

namespace mamori::cli {

int RunAssess(const std::vector<std::string>& argv);

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_ASSESS_COMMAND_H_
