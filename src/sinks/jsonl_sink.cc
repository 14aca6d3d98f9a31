// JSON Lines: one finding, object or summary per line (README "Output").
#include <mutex>

#include "mamori/sinks.h"
#include "sinks/json.h"

namespace mamori {
namespace {

void AddLocation(JsonObject& o, const StructuredLocation& w) {
  if (w.row) o.Num("row", *w.row);
  if (!w.column.empty()) o.Str("column", w.column);
  if (!w.sheet.empty()) o.Str("sheet", w.sheet);
  if (!w.cell.empty()) o.Str("cell", w.cell);
  if (w.page) o.Num("page", *w.page);
  if (!w.table.empty()) o.Str("table", w.table);
  if (!w.primary_key.empty()) o.Str("key", w.primary_key);
  if (!w.record.empty()) o.Str("record", w.record);
}

class JsonlSink final : public ScanSink {
 public:
  JsonlSink(std::FILE* out, SinkOptions options) : out_(out), options_(options) {}

  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override {
    std::string lines;
    for (const Finding& f : findings) {
      JsonObject o;
      o.Str("kind", "finding").Str("path", path).Str("type", DataTypeName(f.type));
      o.Num("offset", f.offset).Num("length", f.length).Num("line", f.line);
      o.Str("masked", Shown(f, options_.reveal)).Str("confidence", ConfidenceName(f.confidence));
      if (!f.brand.empty()) o.Str("brand", f.brand);
      if (f.type == DataType::kCardNumber) o.Bool("test", f.test);
      AddLocation(o, f.where);
      lines += o.Done();
      lines.push_back('\n');
    }
    std::lock_guard<std::mutex> lock(write_mu_);  // whole batches, never interleaved lines
    std::fwrite(lines.data(), 1, lines.size(), out_);
  }

  bool ConcurrentFindings() const override { return true; }

  void OnObject(const ObjectReport& r) override {
    JsonObject o;
    o.Str("kind", "object").Str("path", r.path).Num("bytes", r.bytes).Str("encoding", r.encoding);
    o.Str("status", ObjectStatusName(r.status));
    if (!r.reason.empty()) o.Str("reason", r.reason);
    if (r.encrypted) o.Bool("encrypted", true);
    o.Num("records", r.records).Raw("counts", CountsJson(r.counts)).Str("risk", RiskName(r.risk));
    Line(o.Done());
  }

  void OnSummary(const ScanSummary& s) override {
    JsonObject o;
    o.Str("kind", "summary").Num("files", s.objects).Num("bytes", s.bytes);
    o.Num("findings", s.findings).Num("skipped", s.skipped).Num("errors", s.errors);
    o.Num("incomplete", s.incomplete).Num("encrypted", s.encrypted);
    o.Raw("counts", CountsJson(s.counts)).Str("max_risk", RiskName(s.max_risk));
    o.Real("seconds", s.seconds);
    Line(o.Done());
    std::fflush(out_);
  }

 private:
  void Line(std::string s) {
    s.push_back('\n');
    std::lock_guard<std::mutex> lock(write_mu_);
    std::fwrite(s.data(), 1, s.size(), out_);
  }

  std::mutex write_mu_;
  std::FILE* out_;
  SinkOptions options_;
};

}  // namespace

std::unique_ptr<ScanSink> MakeJsonlSink(std::FILE* out, SinkOptions options) {
  return std::make_unique<JsonlSink>(out, options);
}

}  // namespace mamori
