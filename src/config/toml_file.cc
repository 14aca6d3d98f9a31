#include "config/toml_file.h"

#include <algorithm>

namespace mamori::config {

Result<toml::table> ParseToml(std::string_view text, std::string_view source) {
  toml::parse_result parsed = toml::parse(text, source);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return Status::InvalidArgument(
        std::string(source) + ":" + std::to_string(e.source().begin.line) + ":" +
        std::to_string(e.source().begin.column) + ": " + std::string(e.description()));
  }
  return std::move(parsed).table();
}

Status TomlErrors::At(const toml::node& node, std::string_view message) const {
  return At(node.source().begin.line, message);
}

Status TomlErrors::At(uint32_t line, std::string_view message) const {
  std::string text = source_;
  if (line) text += ":" + std::to_string(line);
  return Status::InvalidArgument(text + ": " + std::string(message));
}

Status TomlErrors::OnlyKeys(const toml::table& table, std::initializer_list<std::string_view> known,
                            std::string_view where) const {
  for (const auto& [key, node] : table) {
    if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
      const std::string prefix = where.empty() ? "" : std::string(where) + " ";
      return At(node, prefix + "unknown key '" + std::string(key.str()) + "'");
    }
  }
  return Status::Ok();
}

}  // namespace mamori::config
