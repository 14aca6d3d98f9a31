// Human-readable output: findings grouped under their file, masked.
#include <cstdio>
#include <set>

#include "mamori/sinks.h"
#include "sinks/json.h"

namespace mamori {
namespace {

class TextSink final : public ScanSink {
 public:
  TextSink(std::FILE* out, SinkOptions options) : out_(out), options_(options) {}

  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override {
    if (findings.empty()) return;
    if (path != current_) {
      std::fprintf(out_, "%s\n", path.c_str());
      current_ = path;
    }
    for (const Finding& f : findings) {
      // The most telling place: sheet cell, page, table row, else the line.
      std::string where = "line " + std::to_string(f.line);
      if (f.where.row) where = "row " + std::to_string(*f.where.row);
      if (f.where.page) where = "page " + std::to_string(*f.where.page);
      if (!f.where.sheet.empty()) where = f.where.sheet + "!" + f.where.cell;
      if (!f.where.table.empty()) where = "key " + f.where.primary_key;
      if (!f.where.column.empty()) where += " [" + f.where.column + "]";
      std::string extra;
      if (!f.brand.empty()) extra += " " + f.brand;
      if (f.test) extra += " (test number)";
      std::fprintf(out_, "  %-22s %-20s %-24s %s%s\n", where.c_str(),
                   std::string(DataTypeName(f.type)).c_str(), Shown(f, options_.reveal).c_str(),
                   std::string(ConfidenceName(f.confidence)).c_str(), extra.c_str());
    }
  }

  void OnObject(const ObjectReport& r) override {
    const bool noteworthy = r.findings > 0 || r.status != ObjectStatus::kOk;
    if (!noteworthy && !options_.show_clean) return;
    if (r.path != current_) std::fprintf(out_, "%s\n", r.path.c_str());
    current_.clear();
    std::string counts;
    for (int t = 0; t < kDataTypeCount; ++t) {
      if (!r.counts[t]) continue;
      counts += (counts.empty() ? "" : ", ") + std::to_string(r.counts[t]) + " " +
                std::string(DataTypeName(static_cast<DataType>(t)));
    }
    std::fprintf(out_, "  => %s", std::string(ObjectStatusName(r.status)).c_str());
    if (!r.reason.empty()) std::fprintf(out_, " (%s)", r.reason.c_str());
    if (r.findings) {
      std::fprintf(out_, ", risk %s, %llu records: %s", std::string(RiskName(r.risk)).c_str(),
                   static_cast<unsigned long long>(r.records), counts.c_str());
    }
    std::fprintf(out_, "\n\n");
  }

  void OnSummary(const ScanSummary& s) override {
    std::fprintf(
        out_,
        "%llu objects, %.1f MB in %.2f s: %llu findings, %llu skipped, %llu errors, "
        "%llu incomplete, %llu encrypted; highest risk: %s\n",
        static_cast<unsigned long long>(s.objects), s.bytes / 1e6, s.seconds,
        static_cast<unsigned long long>(s.findings), static_cast<unsigned long long>(s.skipped),
        static_cast<unsigned long long>(s.errors), static_cast<unsigned long long>(s.incomplete),
        static_cast<unsigned long long>(s.encrypted), std::string(RiskName(s.max_risk)).c_str());
    std::fflush(out_);
  }

 private:
  std::FILE* out_;
  SinkOptions options_;
  std::string current_;
};

}  // namespace

std::unique_ptr<ScanSink> MakeTextSink(std::FILE* out, SinkOptions options) {
  return std::make_unique<TextSink>(out, options);
}

}  // namespace mamori
