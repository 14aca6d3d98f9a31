// SARIF 2.1.0 for code-scanning dashboards. Results stream out as they come;
// the rules and notifications close the document at the end of the run.
#include <cstdio>

#include "mamori/sinks.h"
#include "sinks/json.h"

namespace mamori {
namespace {

std::string_view Level(const Finding& f) {
  switch (f.type) {
    case DataType::kCardNumber:
      return f.test ? "note" : "error";
    case DataType::kCardSecurityCode:
    case DataType::kCardTrack:
    case DataType::kMyNumber:
      return "error";
    case DataType::kCardExpiry:
    case DataType::kPostalCode:
    case DataType::kBirthDate:
      return "note";
    default:
      return "warning";
  }
}

// Relative paths as URI references: unreserved bytes stay, the rest is %XX.
std::string ToUri(const std::string& path) {
  std::string out;
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '_' || c == '.' || c == '~' || c == '!') {
      out.push_back(static_cast<char>(c));
    } else {
      char buf[4];
      std::snprintf(buf, sizeof buf, "%%%02X", c);
      out += buf;
    }
  }
  return out;
}

class SarifSink final : public ScanSink {
 public:
  SarifSink(std::FILE* out, SinkOptions options) : out_(out), options_(options) {
    std::fputs(
        "{\"version\":\"2.1.0\",\"$schema\":\"https://json.schemastore.org/sarif-2.1.0.json\","
        "\"runs\":[{\"results\":[",
        out_);
  }

  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override {
    std::string s;
    for (const Finding& f : findings) {
      const std::string_view type = DataTypeName(f.type);
      std::string text = std::string(type) + " " + Shown(f, options_.reveal);
      if (!f.brand.empty()) text += " (" + f.brand + ")";
      JsonObject region;
      region.Num("startLine", f.line).Num("byteOffset", f.offset).Num("byteLength", f.length);
      JsonObject artifact;
      artifact.Str("uri", ToUri(path));
      JsonObject physical;
      physical.Raw("artifactLocation", artifact.Done()).Raw("region", region.Done());
      JsonObject location;
      location.Raw("physicalLocation", physical.Done());
      JsonObject message;
      message.Str("text", text);
      JsonObject props;
      props.Str("confidence", ConfidenceName(f.confidence)).Bool("test", f.test);
      JsonObject result;
      result.Str("ruleId", type).Str("level", Level(f)).Raw("message", message.Done());
      result.Raw("locations", "[" + location.Done() + "]").Raw("properties", props.Done());
      s += first_ ? "" : ",";
      s += result.Done();
      first_ = false;
    }
    std::fwrite(s.data(), 1, s.size(), out_);
  }

  void OnObject(const ObjectReport& r) override {
    if (r.status == ObjectStatus::kOk) return;
    // Objects we could not fully read are tool notifications: unknown is not clean.
    JsonObject message;
    message.Str("text", r.path + ": " + std::string(ObjectStatusName(r.status)) +
                            (r.reason.empty() ? "" : " (" + r.reason + ")"));
    JsonObject n;
    n.Str("level", r.status == ObjectStatus::kSkipped ? "note" : "warning")
        .Raw("message", message.Done());
    notifications_ += (notifications_.empty() ? "" : ",") + n.Done();
  }

  void OnSummary(const ScanSummary& s) override {
    std::string rules;
    for (int t = 0; t < kDataTypeCount; ++t) {
      const std::string_view name = DataTypeName(static_cast<DataType>(t));
      JsonObject d;
      d.Str("text", std::string(name) + " found");
      JsonObject rule;
      rule.Str("id", name).Str("name", name).Raw("shortDescription", d.Done());
      rules += (t ? "," : "") + rule.Done();
    }
    JsonObject driver;
    driver.Str("name", "mamori").Str("version", "0.1.0");
    driver.Raw("rules", "[" + rules + "]");
    JsonObject tool;
    tool.Raw("driver", driver.Done());
    JsonObject invocation;
    invocation.Bool("executionSuccessful", true);
    invocation.Raw("toolExecutionNotifications", "[" + notifications_ + "]");
    JsonObject props;
    props.Num("objects", s.objects).Num("bytes", s.bytes).Real("seconds", s.seconds);
    invocation.Raw("properties", props.Done());
    std::string tail =
        "],\"tool\":" + tool.Done() + ",\"invocations\":[" + invocation.Done() + "]}]}\n";
    std::fwrite(tail.data(), 1, tail.size(), out_);
    std::fflush(out_);
  }

 private:
  std::FILE* out_;
  SinkOptions options_;
  bool first_ = true;
  std::string notifications_;
};

}  // namespace

std::unique_ptr<ScanSink> MakeSarifSink(std::FILE* out, SinkOptions options) {
  return std::make_unique<SarifSink>(out, options);
}

}  // namespace mamori
