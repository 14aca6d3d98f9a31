#ifndef MAMORI_TOOLS_INVENTORY_COMMAND_H_
#define MAMORI_TOOLS_INVENTORY_COMMAND_H_

#include <string>
#include <vector>

namespace mamori::cli {

// `mamori inventory`: reads what `mamori scan --store` recorded. Returns 0,
// 1 when a --find-* value appears nowhere, 2 on usage or store errors.
int RunInventory(const std::vector<std::string>& args);

}  // namespace mamori::cli

#endif  // MAMORI_TOOLS_INVENTORY_COMMAND_H_
