// Minimal JSON output helpers: our sinks write flat objects, fast, and must
// stay valid whatever bytes a path or value holds.
#ifndef MAMORI_SINKS_JSON_H_
#define MAMORI_SINKS_JSON_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "mamori/finding.h"

namespace mamori {

// Appends `s` as a quoted JSON string; invalid UTF-8 becomes U+FFFD.
void AppendJsonString(std::string* out, std::string_view s);

// Builds one JSON object: {"k":v,...}, in a string of its own or appended
// to a caller's buffer (a sink formats thousands of findings into one batch
// without a string per finding).
class JsonObject {
 public:
  JsonObject() : JsonObject(&own_) {}
  explicit JsonObject(std::string* out) : out_(*out) { out_.push_back('{'); }
  // Goes on with `opened`, the start of an object with members already
  // ("{\"kind\":\"finding\""): what many objects share is formatted once.
  JsonObject(std::string* out, std::string_view opened) : out_(*out), first_(false) {
    out_.append(opened);
  }
  JsonObject(const JsonObject&) = delete;
  JsonObject& operator=(const JsonObject&) = delete;
  // Keys are our own ASCII names and go out as they are; values are escaped.
  JsonObject& Str(std::string_view key, std::string_view value);
  JsonObject& Num(std::string_view key, uint64_t value);
  JsonObject& Real(std::string_view key, double value);
  JsonObject& Bool(std::string_view key, bool value);
  JsonObject& Raw(std::string_view key, std::string_view json);  // value already JSON
  // Closes the object; returns it when it has a string of its own (empty
  // when it was appended to a caller's buffer).
  std::string Done();

 private:
  void Key(std::string_view key);
  std::string own_;
  std::string& out_;
  bool first_ = true;
};

// {"card_number":3,...} with only the non-zero counts.
std::string CountsJson(const std::array<uint64_t, kDataTypeCount>& counts);

// The value to print: masked, or raw with --reveal.
std::string Shown(const Finding& f, bool reveal);
void AppendShown(std::string* out, const Finding& f, bool reveal);

}  // namespace mamori

#endif  // MAMORI_SINKS_JSON_H_
