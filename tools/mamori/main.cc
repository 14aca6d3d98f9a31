// mamori: one command, thin over the engine library.
#include <cstdio>
#include <string>
#include <vector>

#include "inventory_command.h"
#include "scan_command.h"

namespace {

constexpr const char* kUsage = R"(usage: mamori COMMAND [options]

commands:
  scan PATH...    find card and personal data in files, directories and stdin
  inventory       what "scan --store" recorded: objects by risk, where a value appears
  version         print the version

"mamori COMMAND --help" tells more.
)";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::fputs(kUsage, args.empty() ? stderr : stdout);
    return args.empty() ? 2 : 0;
  }
  const std::string command = args[0];
  args.erase(args.begin());
  if (command == "scan") return mamori::cli::RunScan(args);
  if (command == "inventory") return mamori::cli::RunInventory(args);
  if (command == "version" || command == "--version") {
    std::puts("mamori 0.1.0");
    return 0;
  }
  std::fprintf(stderr, "mamori: unknown command '%s'\n\n%s", command.c_str(), kUsage);
  return 2;
}
