#include "extract/postgres_uri.h"

namespace mamori {

std::string RedactPostgresUri(std::string_view uri) {
  const size_t scheme_end = uri.find("://");
  if (scheme_end == std::string_view::npos) return std::string(uri);
  const size_t authority = scheme_end + 3;
  size_t authority_end = uri.find_first_of("/?", authority);
  if (authority_end == std::string_view::npos) authority_end = uri.size();
  std::string out(uri.substr(0, authority));
  const std::string_view host_part = uri.substr(authority, authority_end - authority);
  if (const size_t at = host_part.rfind('@'); at != std::string_view::npos) {
    const std::string_view user_info = host_part.substr(0, at);
    out += user_info.substr(0, user_info.find(':'));
    out += host_part.substr(at);
  } else {
    out += host_part;
  }
  std::string_view rest = uri.substr(authority_end);
  const size_t query = rest.find('?');
  out += rest.substr(0, query);
  if (query == std::string_view::npos) return out;
  rest.remove_prefix(query + 1);
  out.push_back('?');
  for (bool first = true; !rest.empty(); first = false) {
    const size_t amp = rest.find('&');
    const std::string_view param = rest.substr(0, amp);
    if (!first) out.push_back('&');
    const std::string_view name = param.substr(0, param.find('='));
    out += name.ends_with("password") ? std::string(name) + "=***" : std::string(param);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
  }
  return out;
}

}  // namespace mamori
