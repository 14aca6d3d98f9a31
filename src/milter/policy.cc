#include "milter/policy.h"

// toml++ reports parse errors as values here: nothing throws out of this file.
#define TOML_EXCEPTIONS 0
#include <toml++/toml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

namespace mamori::milter {
namespace {

constexpr uint64_t kMaxFileBytes = 1 << 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The code point of the well-formed UTF-8 sequence at s[i] and its length,
// or length 0 (Unicode table 3-7: no overlongs, surrogates or > U+10FFFF).
std::pair<char32_t, size_t> DecodeAt(std::string_view s, size_t i) {
  const auto at = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = at(i);
  if (c < 0x80) return {c, 1};
  const size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
  if (len == 0 || i + len > s.size()) return {0, 0};
  const unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
  const unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
  if (at(i + 1) < lo || at(i + 1) > hi) return {0, 0};
  char32_t cp = c & (0x7F >> len);
  for (size_t k = 1; k < len; ++k) {
    if ((at(i + k) & 0xC0) != 0x80) return {0, 0};
    cp = (cp << 6) | (at(i + k) & 0x3F);
  }
  return {cp, len};
}

// The policy as toml++ gets it: pure ASCII. toml++ 3.3.0 (Debian 12)
// reaches __builtin_unreachable when it asks whether some non-ASCII
// characters (U+00A1..U+0499, kana, U+FCC6..U+FEFE...) are whitespace, and
// on malformed input it asks that of characters anywhere (found by
// fuzz_milter_policy). So non-ASCII text is taken only where TOML allows
// it and never shown to toml++ raw: in "basic strings" as \uXXXX escapes
// (which toml++ decodes back), in comments as '?'. Anywhere else it is an
// error, as are invalid UTF-8 and control characters, which TOML forbids.
Result<std::string> AsciiToml(std::string_view text, std::string_view source) {
  enum { kCode, kComment, kBasic, kLiteral, kMultiBasic, kMultiLiteral } state = kCode;
  std::string out;
  out.reserve(text.size());
  size_t line = 1;
  const auto error = [&](const char* what) {
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(line) + ": " + what);
  };
  for (size_t i = 0; i < text.size();) {
    auto [cp, len] = DecodeAt(text, i);
    if (len == 0) return error("not UTF-8");
    if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F) return error("a control character");
    const std::string_view rest = text.substr(i);
    const bool basic = state == kBasic || state == kMultiBasic;
    if (cp >= 0x80) {
      if (state == kComment) {
        out += '?';
      } else if (basic) {
        char escape[16];
        std::snprintf(escape, sizeof escape, cp > 0xFFFF ? "\\U%08X" : "\\u%04X", static_cast<unsigned>(cp));
        out += escape;
      } else {
        return error(state == kCode ? "a non-ASCII character outside a string or comment"
                                    : "a non-ASCII character in a 'literal string' (use \"...\")");
      }
      i += len;
      continue;
    }
    if (basic && cp == '\\') {  // an escape: copy the backslash and what it escapes
      if (i + 1 >= text.size() || static_cast<unsigned char>(text[i + 1]) >= 0x80) return error("a bad escape");
      len = 2;
    } else if (state == kCode && (rest.starts_with("\"\"\"") || rest.starts_with("'''"))) {
      state = rest[0] == '"' ? kMultiBasic : kMultiLiteral;
      len = 3;
    } else if (state == kCode && (cp == '#' || cp == '"' || cp == '\'')) {
      state = cp == '#' ? kComment : cp == '"' ? kBasic : kLiteral;
    } else if ((state == kMultiBasic && rest.starts_with("\"\"\"")) ||
               (state == kMultiLiteral && rest.starts_with("'''"))) {
      state = kCode;
      len = 3;
    } else if ((state == kComment && cp == '\n') || (state == kBasic && (cp == '"' || cp == '\n')) ||
               (state == kLiteral && (cp == '\'' || cp == '\n'))) {
      state = kCode;
    }
    for (size_t k = i; k < i + len; ++k) line += text[k] == '\n';
    out.append(text.substr(i, len));
    i += len;
  }
  return out;
}

// Reads one TOML table, naming the file, line and key in every error.
class TableReader {
 public:
  TableReader(const toml::table& table, std::string_view source, std::string where)
      : table_(table), source_(source), where_(std::move(where)) {}

  // Every key must be one of `known`: a misspelt key would otherwise be a
  // rule silently left at its default.
  Status OnlyKeys(std::initializer_list<std::string_view> known) const {
    for (const auto& [key, node] : table_) {
      if (std::find(known.begin(), known.end(), key.str()) == known.end()) {
        return Error(&node, "unknown key '" + std::string(key.str()) + "'");
      }
    }
    return Status::Ok();
  }

  Status ReadAction(std::string_view key, std::initializer_list<Action> allowed, Action* out) const {
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    std::string choices;
    for (Action a : allowed) choices += (choices.empty() ? "" : ", ") + std::string(ActionName(a));
    const std::optional<std::string_view> name = node->value<std::string_view>();
    const std::optional<Action> action = name ? ParseAction(*name) : std::nullopt;
    if (!action || std::find(allowed.begin(), allowed.end(), *action) == allowed.end()) {
      return Error(node, std::string(key) + ": expected one of " + choices);
    }
    *out = *action;
    return Status::Ok();
  }

  Status ReadCount(std::string_view key, uint64_t min, uint64_t max, uint64_t* out) const {
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    const std::optional<int64_t> v = node->is_integer() ? node->value<int64_t>() : std::nullopt;
    if (!v || *v < 0 || static_cast<uint64_t>(*v) < min || static_cast<uint64_t>(*v) > max) {
      return Error(node, std::string(key) + ": expected a whole number from " + std::to_string(min) +
                             " to " + std::to_string(max));
    }
    *out = static_cast<uint64_t>(*v);
    return Status::Ok();
  }

  // A list of non-empty strings, lower-cased (addresses and domains).
  Status ReadList(std::string_view key, std::vector<std::string>* out) const {
    const toml::node* node = table_.get(key);
    if (!node) return Status::Ok();
    const toml::array* array = node->as_array();
    if (!array) return Error(node, std::string(key) + ": expected a list of strings");
    out->clear();
    for (const toml::node& item : *array) {
      const std::optional<std::string_view> s = item.value<std::string_view>();
      if (!s || s->empty() || s->find_first_of(" \t\r\n") != std::string_view::npos) {
        return Error(&item, std::string(key) + ": expected non-empty strings without spaces");
      }
      out->push_back(Lower(*s));
    }
    return Status::Ok();
  }

  // The sub-table `key`, or an empty one; *error when `key` is not a table.
  const toml::table* Table(std::string_view key, Status* error) const {
    static const toml::table kEmpty;
    const toml::node* node = table_.get(key);
    if (!node) return &kEmpty;
    if (!node->is_table()) {
      *error = Error(node, "[" + std::string(key) + "] must be a table");
      return nullptr;
    }
    return node->as_table();
  }

 private:
  Status Error(const toml::node* node, const std::string& message) const {
    std::string at(source_);
    if (node && node->source().begin.line) at += ":" + std::to_string(node->source().begin.line);
    return Status::InvalidArgument(at + ": " + where_ + message);
  }

  const toml::table& table_;
  std::string_view source_;
  std::string where_;
};

// Reads [name] with `read`, which gets a reader of that table.
template <typename Read>
Status Section(const TableReader& top, std::string_view source, std::string_view name, Read read) {
  Status error;
  const toml::table* table = top.Table(name, &error);
  if (!table) return error;
  return read(TableReader(*table, source, "[" + std::string(name) + "] "));
}

constexpr std::initializer_list<Action> kContentActions = {Action::kReject, Action::kHold, Action::kTag};

Status ReadPolicy(const toml::table& root, std::string_view source, Policy* p) {
  const TableReader top(root, source, "");
  Status s = top.OnlyKeys({"internal_domains", "sensitive", "records", "visible_recipients", "encrypted",
                           "oversize", "incomplete", "scan", "allow"});
  if (s.ok()) s = top.ReadList("internal_domains", &p->internal_domains);
  const auto section = [&](std::string_view name, auto read) {
    if (s.ok()) s = Section(top, source, name, read);
  };
  section("sensitive", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"action"});
    return r.ok() ? t.ReadAction("action", kContentActions, &p->sensitive_action) : r;
  });
  section("records", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"threshold", "action"});
    if (r.ok()) r = t.ReadCount("threshold", 1, UINT32_MAX, &p->records_threshold);
    return r.ok() ? t.ReadAction("action", kContentActions, &p->records_action) : r;
  });
  section("visible_recipients", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"max_external", "action"});
    if (r.ok()) r = t.ReadCount("max_external", 0, UINT32_MAX, &p->max_visible_external);
    return r.ok() ? t.ReadAction("action", kContentActions, &p->recipients_action) : r;
  });
  section("encrypted", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"action"});
    return r.ok() ? t.ReadAction("action", kContentActions, &p->encrypted_action) : r;
  });
  section("oversize", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"max_bytes", "action"});
    if (r.ok()) r = t.ReadCount("max_bytes", 1024, 1ull << 32, &p->max_message_bytes);
    return r.ok() ? t.ReadAction("action", kContentActions, &p->oversize_action) : r;
  });
  section("incomplete", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"action"});
    return r.ok() ? t.ReadAction("action", {Action::kReject, Action::kHold, Action::kTag, Action::kTempfail},
                                 &p->incomplete_action)
                  : r;
  });
  section("scan", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"timeout_seconds"});
    uint64_t timeout = p->scan_timeout_seconds;
    if (r.ok()) r = t.ReadCount("timeout_seconds", 1, 3600, &timeout);
    p->scan_timeout_seconds = static_cast<uint32_t>(timeout);
    return r;
  });
  section("allow", [&](const TableReader& t) {
    Status r = t.OnlyKeys({"senders", "recipients", "auth_users"});
    if (r.ok()) r = t.ReadList("senders", &p->allow_senders);
    if (r.ok()) r = t.ReadList("recipients", &p->allow_recipients);
    return r.ok() ? t.ReadList("auth_users", &p->allow_auth_users) : r;
  });
  return s;
}

}  // namespace

std::string_view ActionName(Action action) {
  switch (action) {
    case Action::kAccept: return "accept";
    case Action::kTag: return "tag";
    case Action::kHold: return "hold";
    case Action::kTempfail: return "tempfail";
    case Action::kReject: return "reject";
  }
  return "tempfail";
}

std::optional<Action> ParseAction(std::string_view name) {
  for (Action a : {Action::kAccept, Action::kTag, Action::kHold, Action::kTempfail, Action::kReject}) {
    if (ActionName(a) == name) return a;
  }
  return std::nullopt;
}

Result<Policy> ParsePolicy(std::string_view toml_text, std::string_view source) {
  const Result<std::string> ascii = AsciiToml(toml_text, source);
  if (!ascii.ok()) return ascii.status();
  toml::parse_result parsed = toml::parse(*ascii, source);
  if (!parsed) {
    const toml::parse_error& e = parsed.error();
    return Status::InvalidArgument(std::string(source) + ":" + std::to_string(e.source().begin.line) + ":" +
                                   std::to_string(e.source().begin.column) + ": " +
                                   std::string(e.description()));
  }
  Policy policy;
  if (Status s = ReadPolicy(parsed.table(), source, &policy); !s.ok()) return s;
  return policy;
}

Result<Policy> LoadPolicy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read policy file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("error reading policy file " + path);
  if (text.view().size() > kMaxFileBytes) return Status::InvalidArgument(path + ": larger than 1 MiB");
  return ParsePolicy(text.view(), path);
}

std::string AddressDomain(std::string_view address) {
  const size_t at = address.rfind('@');
  return at == std::string_view::npos ? std::string() : Lower(address.substr(at + 1));
}

bool DomainListed(const std::vector<std::string>& domains, std::string_view domain) {
  const std::string d = Lower(domain);
  if (d.empty()) return false;
  for (const std::string& entry : domains) {
    if (d == entry) return true;
    if (d.size() > entry.size() && d.ends_with(entry) && d[d.size() - entry.size() - 1] == '.') return true;
  }
  return false;
}

bool AddressListed(const std::vector<std::string>& entries, std::string_view address) {
  const std::string a = Lower(address);
  std::vector<std::string> domains;
  for (const std::string& entry : entries) {
    if (entry.find('@') == std::string::npos) {
      domains.push_back(entry);
    } else if (entry == a) {
      return true;
    }
  }
  return DomainListed(domains, AddressDomain(a));
}

}  // namespace mamori::milter
