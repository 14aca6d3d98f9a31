#include "args.h"

#include <cctype>
#include <charconv>

namespace mamori::cli {

std::optional<std::string> Args::Last(const std::string& option) const {
  auto it = values.find(option);
  if (it == values.end() || it->second.empty()) return std::nullopt;
  return it->second.back();
}

std::vector<std::string> Args::All(const std::string& option) const {
  auto it = values.find(option);
  return it == values.end() ? std::vector<std::string>{} : it->second;
}

Result<Args> ParseArgs(const std::vector<std::string>& argv, const ArgSpec& spec) {
  Args args;
  for (size_t i = 0; i < argv.size(); ++i) {
    std::string a = argv[i];
    if (a == "--") {
      args.positional.insert(args.positional.end(), argv.begin() + i + 1, argv.end());
      break;
    }
    if (a.size() < 2 || a[0] != '-') {
      args.positional.push_back(a);  // includes "-" for stdin
      continue;
    }
    std::optional<std::string> inline_value;
    if (const size_t eq = a.find('='); a.rfind("--", 0) == 0 && eq != std::string::npos) {
      inline_value = a.substr(eq + 1);
      a = a.substr(0, eq);
    } else if (a[1] != '-' && a.size() > 2) {  // "-j4"
      inline_value = a.substr(2);
      a = a.substr(0, 2);
    }
    if (auto alias = spec.aliases.find(a); alias != spec.aliases.end()) a = alias->second;
    if (spec.flags.count(a)) {
      if (inline_value) return Status::InvalidArgument(a + " takes no value");
      args.flags.insert(a);
    } else if (spec.valued.count(a)) {
      if (!inline_value) {
        if (i + 1 >= argv.size()) return Status::InvalidArgument(a + " needs a value");
        inline_value = argv[++i];
      }
      args.values[a].push_back(*inline_value);
    } else {
      return Status::InvalidArgument("unknown option " + a);
    }
  }
  return args;
}

Result<uint64_t> ParseSize(const std::string& text) {
  if (text.empty() || !std::isdigit(static_cast<unsigned char>(text[0]))) {
    return Status::InvalidArgument("not a size: " + text);
  }
  uint64_t n = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc()) return Status::InvalidArgument("not a size: " + text);
  const std::string unit(end, text.data() + text.size());
  int shift = 0;
  if (unit.empty() || unit == "B")
    shift = 0;
  else if (unit == "K" || unit == "k" || unit == "KiB")
    shift = 10;
  else if (unit == "M" || unit == "MiB")
    shift = 20;
  else if (unit == "G" || unit == "GiB")
    shift = 30;
  else
    return Status::InvalidArgument("unknown size unit in " + text);
  if (shift && n > (UINT64_MAX >> shift)) return Status::InvalidArgument("size too large: " + text);
  return n << shift;
}

}  // namespace mamori::cli
