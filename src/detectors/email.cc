// Email addresses, found from the '@' signs the finder collected.
//
// Decisions (see also email.h):
// - Local parts are RFC 5322 dot-atoms plus what Japanese carriers really
//   issued: "taro..yamada@", "hanako.@", ".abc@". In free text the left
//   expansion stops at atext characters that in practice delimit an address
//   ('=', '/', '?', '|', '{', '}', '`'), so "?email=taro@example.com" reports
//   "taro@example.com"; quotes and other punctuation are trimmed from its start.
// - Not addresses: URL userinfo ("https://user:pass@host"), "user:pass@host"
//   credentials, "user@host:path" SSH/scp remotes such as
//   "git@github.com:org/repo" (a login on a host, not a mailbox), '@'
//   mentions, package specs ("foo@1.2.3"), retina images ("icon@2x.png").
// - Confidence: high; medium for role mailboxes (info@, support@): not a
//   customer's personal data; low for machine senders (noreply@, git@) that no
//   person reads. Negative labels do not apply: an order number nearby does not
//   make an address less of an address.
#include "detectors/email.h"

#include <algorithm>
#include <array>
#include <initializer_list>

#include "detectors/context.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

constexpr size_t kMaxLocal = 64;
constexpr size_t kMaxDomain = 253;
constexpr size_t kMaxLabel = 63;
constexpr size_t kMaxUserinfo = 256;

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool EqualsCaseless(std::string_view a, std::string_view b) {
  return a.size() == b.size() &&
         std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return Lower(x) == y; });
}

bool InList(std::string_view word, std::initializer_list<std::string_view> list) {
  return std::any_of(list.begin(), list.end(),
                     [&](std::string_view w) { return EqualsCaseless(word, w); });
}

bool IsOneOf(char c, std::string_view set) { return set.find(c) != std::string_view::npos; }

// RFC 5322 atext.
bool IsAtext(char c) { return IsAsciiAlnum(c) || IsOneOf(c, "!#$%&'*+-/=?^_`{|}~"); }

// Local-part characters when expanding left in free text: atext without the
// ones that usually delimit an address in URLs, query strings and code.
bool IsTextLocalChar(char c) { return IsAsciiAlnum(c) || IsOneOf(c, ".!#$%&'*+-^_~"); }

bool IsLabelChar(char c) { return IsAsciiAlnum(c) || c == '-'; }

// Characters of a URL's userinfo ("user:pass").
bool IsUserinfoChar(char c) { return IsAsciiAlnum(c) || IsOneOf(c, "-._~!$&'()*+,;=:%"); }

bool HasAlnum(std::string_view s) { return std::any_of(s.begin(), s.end(), IsAsciiAlnum); }

// Top-level labels that are file extensions, never delegated TLDs: they make
// "logo@2x.png" or "config@v2.json" look like addresses.
bool IsFileExtension(std::string_view tld) {
  return InList(tld, {"png",  "jpg",  "jpeg", "gif",  "svg", "webp", "bmp", "ico", "tif", "tiff",
                      "heic", "pdf",  "js",   "mjs",  "cjs", "jsx",  "ts",  "tsx", "css", "scss",
                      "html", "htm",  "json", "yaml", "yml", "xml",  "txt", "csv", "tsv", "log",
                      "ini",  "lock", "exe",  "dll",  "jar", "rb",   "go"});
}

bool IsValidLabel(std::string_view label) {
  return !label.empty() && label.size() <= kMaxLabel && label.front() != '-' &&
         label.back() != '-' && std::all_of(label.begin(), label.end(), IsLabelChar);
}

bool IsValidTld(std::string_view tld) {
  if (tld.size() >= 5 && EqualsCaseless(tld.substr(0, 4), "xn--")) return true;  // IDN
  return tld.size() >= 2 && std::all_of(tld.begin(), tld.end(), IsAsciiAlpha) &&
         !IsFileExtension(tld);
}

// "2x", "3x": the scale suffix of image assets ("icon@2x.png").
bool IsScaleSuffix(std::string_view label) {
  return label.size() >= 2 && Lower(label.back()) == 'x' &&
         std::all_of(label.begin(), label.end() - 1, IsAsciiDigit);
}

// Where the host name that starts at `begin` ends: labels joined by single
// dots; a dot not followed by a label character (sentence end, "...") is not
// part of it.
size_t DomainEnd(std::string_view text, size_t begin) {
  size_t p = begin;
  while (p - begin <= kMaxDomain) {
    while (p < text.size() && IsLabelChar(text[p])) ++p;
    if (p + 1 < text.size() && text[p] == '.' && IsLabelChar(text[p + 1])) {
      ++p;
      continue;
    }
    break;
  }
  return p;
}

std::string AddressValue(std::string_view local, std::string_view domain) {
  std::string value;
  value.reserve(local.size() + 1 + domain.size());
  value.append(local);
  value.push_back('@');
  for (char c : domain) value.push_back(Lower(c));
  return value;
}

// Mailboxes of a function, not a person.
Confidence LocalPartConfidence(std::string_view local) {
  const std::string_view base = local.substr(0, local.find('+'));  // "info+jp" is "info"
  if (InList(base, {"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply", "do_not_reply",
                    "mailer-daemon", "git", "root", "nobody", "bounce", "bounces", "notification",
                    "notifications"})) {
    return Confidence::kLow;
  }
  if (InList(base,
             {"info",          "information", "support",    "contact",    "sales",   "admin",
              "administrator", "webmaster",   "postmaster", "hostmaster", "abuse",   "help",
              "helpdesk",      "office",      "inquiry",    "inquiries",  "enquiry", "service",
              "customer",      "press",       "pr",         "hr",         "recruit", "jobs",
              "billing",       "security",    "privacy",    "marketing",  "hello",   "feedback",
              "team"})) {
    return Confidence::kMedium;
  }
  return Confidence::kHigh;
}

// True when a label hit ends exactly at `pos` ("Email:taro@..."). Place
// names and honorifics name no value (as in OwningLabel).
bool LabelEndsAt(const Candidates& in, uint32_t pos) {
  auto it = std::lower_bound(in.labels.begin(), in.labels.end(), pos,
                             [](const LabelHit& h, uint32_t p) { return h.begin < p; });
  while (it != in.labels.begin()) {
    --it;
    if (it->kind == LabelKind::kPrefecture || it->kind == LabelKind::kHonorific) continue;
    if (it->end == pos) return true;
    if (pos - it->begin > kLabelWindow) break;
  }
  return false;
}

// "https://user:pass@host", "ftp://taro@host": the local part sits in a URL's
// authority.
bool InUrlAuthority(std::string_view text, size_t local_begin) {
  size_t p = local_begin;
  while (p > 0 && local_begin - p < kMaxUserinfo && IsUserinfoChar(text[p - 1])) --p;
  return p >= 2 && text[p - 1] == '/' && text[p - 2] == '/';
}

// "admin:secret@host" is a credential, but "mailto:", "Email:" and header
// names before the colon introduce an address.
bool IsCredential(const Candidates& in, size_t local_begin) {
  const std::string_view text = in.text;
  if (local_begin < 2 || text[local_begin - 1] != ':' || !IsAsciiAlnum(text[local_begin - 2]))
    return false;
  const size_t colon = local_begin - 1;
  size_t w = colon;
  while (w > 0 && colon - w < kMaxLocal &&
         (IsAsciiAlnum(text[w - 1]) || IsOneOf(text[w - 1], "-_."))) {
    --w;
  }
  const std::string_view word = text.substr(w, colon - w);
  if (InList(word, {"mailto", "to", "from", "cc", "bcc", "reply-to", "sender"})) return false;
  return !LabelEndsAt(in, static_cast<uint32_t>(colon));
}

// What may follow a domain: not another '@' or a word character, and not
// ":port" or ":path" (URL authority, "git@github.com:org/repo").
bool DomainEndsCleanly(std::string_view text, size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (c == '@' || c == '_') return false;
  if (c != ':' || end + 1 >= text.size()) return true;
  const char next = text[end + 1];
  return !(IsAsciiAlnum(next) || next == '/' || next == '~');
}

// The start of the local part that ends at `at`, or `at` when there is none.
size_t LocalBegin(std::string_view text, size_t at) {
  size_t b = at;
  while (b > 0 && at - b <= kMaxLocal && IsTextLocalChar(text[b - 1])) --b;
  if (at - b > kMaxLocal) return at;  // part of a longer token
  // Quotes and punctuation before the address are not part of it.
  while (b < at && !IsAsciiAlnum(text[b]) && text[b] != '.' && text[b] != '_') ++b;
  // Carriers allowed "..", but three dots before more characters are an
  // ellipsis ("see...taro@"): the address starts after the last one.
  for (size_t p = at; p > b + 3; --p) {
    if (text[p - 1] != '.' && text.substr(p - 4, 3) == "...") {
      b = p - 1;
      break;
    }
  }
  // One leading dot is a real (old au) address; more are an ellipsis.
  size_t dots = 0;
  while (b + dots < at && text[b + dots] == '.') ++dots;
  if (dots >= 2) b += dots;
  return b;
}

class EmailDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    std::bitset<kDataTypeCount> types;
    types.set(static_cast<size_t>(DataType::kEmail));
    return types;
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    for (const uint32_t at : in.at_signs) MatchAt(in, at, out);
  }

 private:
  static void MatchAt(const Candidates& in, uint32_t at, std::vector<Detection>& out) {
    const std::string_view text = in.text;
    const size_t local_begin = LocalBegin(text, at);
    const std::string_view local = text.substr(local_begin, at - local_begin);
    if (!HasAlnum(local)) return;  // "@mention", "(@)"
    if (local_begin > 0 && text[local_begin - 1] == '@') return;
    const size_t domain_end = DomainEnd(text, at + 1);
    const std::string_view domain = text.substr(at + 1, domain_end - at - 1);
    if (!IsEmailDomain(domain) || !DomainEndsCleanly(text, domain_end)) return;
    if (InUrlAuthority(text, local_begin) || IsCredential(in, local_begin)) return;
    out.push_back(Detection{DataType::kEmail, LocalPartConfidence(local),
                            static_cast<uint32_t>(local_begin), static_cast<uint32_t>(domain_end),
                            AddressValue(local, domain), "", false});
  }
};

}  // namespace

bool IsEmailDomain(std::string_view domain) {
  if (domain.empty() || domain.size() > kMaxDomain) return false;
  size_t labels = 0;
  std::string_view first, last;
  for (size_t p = 0;;) {
    const size_t dot = domain.find('.', p);
    const std::string_view label = domain.substr(p, dot == std::string_view::npos ? dot : dot - p);
    if (!IsValidLabel(label)) return false;
    if (labels++ == 0) first = label;
    last = label;
    if (dot == std::string_view::npos) break;
    p = dot + 1;
  }
  return labels >= 2 && IsValidTld(last) && !IsScaleSuffix(first);
}

std::optional<std::string> NormalizeEmail(std::string_view cell) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!cell.empty() && is_space(cell.front())) cell.remove_prefix(1);
  while (!cell.empty() && is_space(cell.back())) cell.remove_suffix(1);
  if (cell.size() > 7 && EqualsCaseless(cell.substr(0, 7), "mailto:")) cell.remove_prefix(7);
  const size_t at = cell.find('@');
  if (at == std::string_view::npos || cell.find('@', at + 1) != std::string_view::npos)
    return std::nullopt;
  const std::string_view local = cell.substr(0, at);
  const std::string_view domain = cell.substr(at + 1);
  const bool local_ok =
      local.size() <= kMaxLocal && HasAlnum(local) &&
      std::all_of(local.begin(), local.end(), [](char c) { return IsAtext(c) || c == '.'; });
  if (!local_ok || !IsEmailDomain(domain)) return std::nullopt;
  return AddressValue(local, domain);
}

std::unique_ptr<Detector> MakeEmailDetector() { return std::make_unique<EmailDetector>(); }

}  // namespace mamori
