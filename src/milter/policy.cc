#include "milter/policy.h"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <initializer_list>
#include <sstream>
#include <utility>

#include "config/toml_file.h"

namespace mamori::milter {
namespace {

constexpr uint64_t kMaxFileBytes = 1 << 20;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Reads one TOML table, naming the file, line and key in every error.
class TableReader {
 public:
  TableReader(const toml::table& table, const config::TomlErrors& errors, std::string where)
      : table_(table), errors_(errors), where_(std::move(where)) {}

  Status OnlyKeys(std::initializer_list<std::string_view> known) const {
    return errors_.OnlyKeys(table_, known, where_);
  }

  Status ReadAction(std::string_view key, std::initializer_list<Action> allowed,
                    Action* out) const {
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
      return Error(node, std::string(key) + ": expected a whole number from " +
                             std::to_string(min) + " to " + std::to_string(max));
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
    return errors_.At(*node, where_ + (where_.empty() ? "" : " ") + message);
  }

  const toml::table& table_;
  const config::TomlErrors& errors_;
  std::string where_;
};

// Reads [name] with `read`, which gets a reader of that table.
template <typename Read>
Status Section(const TableReader& top, const config::TomlErrors& errors, std::string_view name,
               Read read) {
  Status error;
  const toml::table* table = top.Table(name, &error);
  if (!table) return error;
  return read(TableReader(*table, errors, "[" + std::string(name) + "]"));
}

constexpr std::initializer_list<Action> kContentActions = {Action::kReject, Action::kHold,
                                                           Action::kTag};

Status ReadPolicy(const toml::table& root, const config::TomlErrors& errors, Policy* p) {
  const TableReader top(root, errors, "");
  Status s = top.OnlyKeys({"internal_domains", "sensitive", "records", "visible_recipients",
                           "encrypted", "oversize", "incomplete", "scan", "allow"});
  if (s.ok()) s = top.ReadList("internal_domains", &p->internal_domains);
  const auto section = [&](std::string_view name, auto read) {
    if (s.ok()) s = Section(top, errors, name, read);
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
    return r.ok() ? t.ReadAction("action",
                                 {Action::kReject, Action::kHold, Action::kTag, Action::kTempfail},
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
    case Action::kAccept:
      return "accept";
    case Action::kTag:
      return "tag";
    case Action::kHold:
      return "hold";
    case Action::kTempfail:
      return "tempfail";
    case Action::kReject:
      return "reject";
  }
  return "tempfail";
}

std::optional<Action> ParseAction(std::string_view name) {
  for (Action a :
       {Action::kAccept, Action::kTag, Action::kHold, Action::kTempfail, Action::kReject}) {
    if (ActionName(a) == name) return a;
  }
  return std::nullopt;
}

Result<Policy> ParsePolicy(std::string_view toml_text, std::string_view source) {
  const Result<toml::table> root = config::ParseToml(toml_text, source);
  if (!root.ok()) return root.status();
  Policy policy;
  if (Status s = ReadPolicy(*root, config::TomlErrors(std::string(source)), &policy); !s.ok())
    return s;
  return policy;
}

Result<Policy> LoadPolicy(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read policy file " + path);
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::IoError("error reading policy file " + path);
  if (text.view().size() > kMaxFileBytes)
    return Status::InvalidArgument(path + ": larger than 1 MiB");
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
    if (d.size() > entry.size() && d.ends_with(entry) && d[d.size() - entry.size() - 1] == '.')
      return true;
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
