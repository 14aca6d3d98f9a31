#include "engine/object_scanner.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

#include "engine/encoding.h"
#include "engine/min_finding_bytes.h"
#include "extract/archive.h"
#include "extract/csv.h"
#include "extract/database.h"
#include "extract/extractor.h"
#include "extract/format.h"
#include "extract/json.h"
#include "extract/odf.h"
#include "extract/ooxml.h"
#include "extract/pdf.h"
#include "extract/sqlite_db.h"
#include "plugins/plugins.h"

namespace mamori {
namespace {

constexpr size_t kSniffBytes = 64 * 1024;

// The more severe status wins when several parts of an object report one.
int Severity(ObjectStatus s) {
  switch (s) {
    case ObjectStatus::kOk:
      return 0;
    case ObjectStatus::kSkipped:
      return 1;
    case ObjectStatus::kNoText:
      return 2;
    case ObjectStatus::kIncomplete:
      return 3;
    case ObjectStatus::kUnsupported:
      return 4;
    case ObjectStatus::kEncrypted:
      return 5;
    case ObjectStatus::kError:
      return 6;
  }
  return 6;
}

std::string MemberPath(const std::string& parent, std::string_view name) {
  return parent + "!/" + std::string(name);
}

// Reads at most `limit` bytes into *out, growing it as data comes (stdin
// may hold a container: never reserve the whole limit up front).
Result<size_t> ReadUpTo(ByteSource& source, std::string* out, size_t limit) {
  out->clear();
  constexpr size_t kStep = 64 * 1024;
  while (out->size() < limit) {
    const size_t at = out->size();
    out->resize(at + std::min(kStep, limit - at));
    Result<size_t> got = ReadFull(source, out->data() + at, out->size() - at);
    if (!got.ok()) {
      out->resize(at);
      return got.status();
    }
    out->resize(at + *got);
    if (*got == 0) break;
  }
  return out->size();
}

// Sets *to to `from`, keeping its storage. Most of a cell's location fields
// are empty every time: those cost nothing.
void CopyInto(std::string* to, std::string_view from) {
  if (!from.empty() || !to->empty()) to->assign(from);
}

}  // namespace

// The ExtractSink of one object: scans what its extractor produces, sums
// its members, and keeps its status.
class ObjectContext final : public ExtractSink {
 public:
  ObjectContext(ObjectScanner& scanner, std::string path, Budget& budget)
      : scanner_(scanner),
        budget_(budget),
        min_cell_bytes_(MinFindingBytes(scanner.core_.options.types)),
        collector_(
            [this](std::vector<Finding>& batch) { scanner_.out_.Findings(report_.path, batch); }) {
    report_.path = std::move(path);
  }

  ObjectReport& report() { return report_; }
  FindingCollector& collector() { return collector_; }
  const ScanOptions& options() const { return scanner_.core_.options; }

  void Text(std::string_view utf8, const StructuredLocation& where, uint64_t offset) override {
    scanner_.text_.ScanUnit(utf8, offset, 0, std::nullopt, where, &collector_);
  }

  void RawText(std::string_view bytes, std::string_view charset, const StructuredLocation& where,
               uint64_t offset, uint64_t line) override {
    scanner_.text_.ScanEncodedUnit(bytes, EncodingForCharset(charset, bytes), offset, line,
                                   std::nullopt, where, &collector_);
  }

  void Cell(std::string_view utf8, const CellRef& cell) override {
    saw_cells_ = true;
    if (!cell.table.empty())
      report_.bytes += utf8.size();  // a table's size: the bytes of its values
    const uint64_t before = collector_.added();
    const bool raw =
        !cell.raw.empty() && cell.offset.has_value();  // exact offsets in a file not in UTF-8
    // Cells are scanned alone: one too short for any enabled type has no
    // finding and is not decoded at all (most cells of a card-only scan), nor
    // is one the record filter ruled out.
    if (!cell.quiet && (raw ? cell.raw.size() : utf8.size()) >= min_cell_bytes_) {
      // One location reused for every cell: assigning keeps the strings'
      // storage (a table has millions of cells).
      StructuredLocation& where = cell_where_;
      // Row 0 holds titles and headers: text of the table, not a record.
      where.row = cell.row > 0 ? std::optional<uint64_t>(cell.row) : std::nullopt;
      CopyInto(&where.column, cell.column);
      CopyInto(&where.sheet, cell.sheet);
      CopyInto(&where.cell, cell.cell);
      CopyInto(&where.table, cell.table);
      CopyInto(&where.primary_key, cell.primary_key);
      CopyInto(&where.record, cell.record);
      if (raw) {
        scanner_.text_.ScanEncodedUnit(cell.raw, EncodingNamed(cell.raw_encoding, cell.raw),
                                       *cell.offset, cell.line, cell.column_kind, where,
                                       &collector_);
      } else {
        scanner_.text_.ScanUnit(utf8, cell.offset.value_or(0), cell.line, cell.column_kind, where,
                                &collector_, cell.offset ? cell.extent : 0);
      }
    }
    // A table's people are its rows with at least one finding.
    const bool new_row = cell.row != last_row_ || cell.sheet != last_sheet_;
    if (new_row) {
      last_row_ = cell.row;
      last_sheet_.assign(cell.sheet);
      row_counted_ = false;
    }
    if (!row_counted_ && cell.row > 0 && collector_.added() > before) {
      row_counted_ = true;
      ++rows_with_findings_;
      if (!cell.record.empty()) people_.insert(std::hash<std::string_view>{}(cell.record));
    }
  }

  void Member(std::string_view name, std::string_view bytes) override {
    const std::string path = MemberPath(report_.path, name);
    if (Status s = budget_.Enter(); !s.ok()) {
      MemberStatus(name, bytes.size(), ObjectStatus::kIncomplete, s.message(), false);
      return;
    }
    Add(scanner_.ScanMemory(path, bytes, budget_));
    budget_.Leave();
  }

  void MemberStatus(std::string_view name, uint64_t bytes, ObjectStatus status,
                    std::string_view reason, bool encrypted) override {
    ObjectReport member;
    member.path = MemberPath(report_.path, name);
    member.bytes = bytes;
    member.status = status;
    member.reason = std::string(reason);
    member.encrypted = encrypted;
    scanner_.out_.Object(member);
    Add(member);
  }

  void Nested(std::string_view name, const std::function<void(ExtractSink&)>& extract) override {
    ObjectContext child(scanner_, MemberPath(report_.path, name), budget_);
    extract(child);
    child.Finish();
    scanner_.out_.Object(child.report());
    // Its people count here once per record key, not once per table.
    Add(child.report(), /*records=*/false);
    nested_bytes_ += child.report().bytes;
    nested_people_.merge(child.people_);  // moves the nodes: no second copy of a large set
    nested_people_.merge(child.nested_people_);
  }

  void SetStatus(ObjectStatus status, std::string_view reason) override {
    if (Severity(status) <= Severity(report_.status)) return;
    report_.status = status;
    report_.reason = std::string(reason);
    if (status == ObjectStatus::kEncrypted) report_.encrypted = true;
  }

  void SetEncoding(std::string_view name) override { report_.encoding = std::string(name); }

  Budget& budget() override { return budget_; }

  bool MayHoldFinding(std::string_view utf8, std::vector<TextSpan>* triggers) override {
    return scanner_.text_.MayHoldFinding(utf8, triggers);
  }
  bool TriggersOfEncoded(std::string_view bytes, std::string_view charset,
                         std::vector<TextSpan>* triggers) override {
    return scanner_.text_.TriggersOfEncoded(bytes, EncodingForCharset(charset, bytes), triggers);
  }
  bool KindMatters(LabelKind kind) override {
    return !options().filter_records || scanner_.core_.record_filter.KindMatters(kind);
  }
  bool AnyKindMatters() override {
    return !options().filter_records || scanner_.core_.record_filter.AnyKindMatters();
  }
  bool ColumnOwnsDigits(LabelKind kind, std::string_view utf8) override {
    return options().filter_records && scanner_.core_.record_filter.ColumnOwnsDigits(kind, utf8);
  }

  // Closes the object: own findings plus the sums of its members.
  void Finish() {
    collector_.Finish(&report_,
                      saw_cells_ ? std::optional<uint64_t>(rows_with_findings_) : std::nullopt);
    report_.records += member_records_ + nested_people_.size();
    if (report_.bytes == 0) report_.bytes = nested_bytes_;  // a database by URI: its tables' values
    report_.findings = 0;
    for (int t = 0; t < kDataTypeCount; ++t) {
      report_.counts[t] += member_counts_[t];
      report_.findings += report_.counts[t];
    }
    report_.risk = std::max(report_.risk, member_risk_);
    // The 1,000-people threshold applies to a database's distinct people,
    // which no single table may reach.
    if (!nested_people_.empty())
      report_.risk = std::max(report_.risk, RateRisk({}, report_.records));
    if (members_not_ok_ && Severity(report_.status) < Severity(ObjectStatus::kIncomplete)) {
      report_.status = ObjectStatus::kIncomplete;
      report_.reason = std::to_string(members_not_ok_) + " of " + std::to_string(members_) +
                       " members not fully scanned";
    }
    report_.encrypted = report_.encrypted || members_encrypted_;
  }

 private:
  void Add(const ObjectReport& m, bool records = true) {
    ++members_;
    if (records) member_records_ += m.records;
    for (int t = 0; t < kDataTypeCount; ++t) member_counts_[t] += m.counts[t];
    member_risk_ = std::max(member_risk_, m.risk);
    if (m.status != ObjectStatus::kOk && m.status != ObjectStatus::kSkipped) ++members_not_ok_;
    members_encrypted_ = members_encrypted_ || m.encrypted;
  }

  ObjectScanner& scanner_;
  Budget& budget_;
  const size_t min_cell_bytes_;  // shorter cells cannot hold a finding
  ObjectReport report_;
  FindingCollector collector_;
  bool saw_cells_ = false;
  StructuredLocation cell_where_;  // Cell()'s, kept for its storage
  uint64_t last_row_ = 0;
  std::string last_sheet_;
  bool row_counted_ = false;
  uint64_t rows_with_findings_ = 0;
  // Record keys (hashed) of rows with findings, here and in nested objects.
  std::unordered_set<size_t> people_, nested_people_;
  uint64_t nested_bytes_ = 0;
  uint64_t members_ = 0, members_not_ok_ = 0, member_records_ = 0;
  std::array<uint64_t, kDataTypeCount> member_counts_{};
  Risk member_risk_ = Risk::kNone;
  bool members_encrypted_ = false;
};

namespace {

// Formats read as a stream in bounded memory; everything else needs its
// bytes at hand (random access, or a parser that wants them whole).
bool Streamed(Format f) {
  return f == Format::kText || f == Format::kCsv || f == Format::kTsv || f == Format::kNdjson;
}

// A text file that is really a table (no .csv name) reads as one.
Format Refine(Format f, std::string_view head, char* delimiter) {
  *delimiter = f == Format::kTsv ? '\t' : ',';
  if (f == Format::kText && LooksDelimited(head, delimiter)) return Format::kCsv;
  return f;
}

void ReportStatus(ObjectContext& ctx, const Status& s) {
  if (!s.ok()) ctx.SetStatus(ObjectStatus::kError, s.message());
}

// A message or an mbox, through the mail plugin.
Status ExtractMailFile(Format format, std::string_view bytes, ObjectContext& ctx) {
  const Result<const MailPlugin*> mail = MailSupport();
  if (!mail.ok()) return mail.status();
  return format == Format::kMbox ? (*mail)->extract_mbox(bytes, ctx)
                                 : (*mail)->extract_mail(bytes, ctx);
}

DatabaseScanOptions DatabaseOptions(const ScanOptions& options) {
  return {options.sample_rows, options.tables};
}

// A SQLite database: a file is opened by its path (its WAL is read too),
// a member from its bytes.
void ExtractSqlite(std::string_view bytes, const std::string* file, ObjectContext& ctx) {
  auto db = file ? OpenSqliteFile(*file, ctx.budget()) : OpenSqliteImage(bytes, ctx.budget());
  if (!db.ok()) {
    ReportStatus(ctx, db.status());
    return;
  }
  ScanDatabase(**db, DatabaseOptions(ctx.options()), ctx);
}

// Runs the extractor for a streamed format.
// `encoding` is what sniffing found; plain text is not detected twice.
void ExtractStream(Format f, char delimiter, ByteSource& source, const DetectedEncoding& encoding,
                   ObjectContext& ctx, TextScanner& text) {
  switch (f) {
    case Format::kCsv:
    case Format::kTsv: {
      DelimitedOptions options;
      options.chunk_bytes = std::max<uint32_t>(ctx.options().table_chunk_bytes, 1);
      ReportStatus(ctx, ExtractDelimited(source, delimiter, ctx, options));
      return;
    }
    case Format::kNdjson: {
      JsonOptions options;
      options.chunk_bytes = std::max<uint32_t>(ctx.options().table_chunk_bytes, 1);
      ReportStatus(ctx, ExtractNdjson(source, ctx, options));
      return;
    }
    default:
      text.ScanStream(source, &ctx.report(), &ctx.collector(), &encoding);
      return;
  }
}

// Runs the extractor for an object held in memory (`is_file`: the file at `path`).
void Extract(Format f, const DetectedEncoding& encoding, std::string_view bytes,
             const std::string& path, bool is_file, ObjectContext& ctx, TextScanner& text) {
  if (Streamed(f)) {
    char delimiter;
    f = Refine(f, bytes.substr(0, kSniffBytes), &delimiter);
    MemorySource source(bytes);
    ExtractStream(f, delimiter, source, encoding, ctx, text);
    return;
  }
  switch (f) {
    case Format::kJson:
      ReportStatus(ctx, ExtractJson(bytes, ctx));
      return;
    case Format::kZip:
    case Format::kArchive:
      ExtractArchive(bytes, path, ctx);
      return;
    case Format::kXlsx:
      ReportStatus(ctx, ExtractXlsx(bytes, path, ctx));
      return;
    case Format::kDocx:
      ReportStatus(ctx, ExtractDocx(bytes, path, ctx));
      return;
    case Format::kPptx:
      ReportStatus(ctx, ExtractPptx(bytes, path, ctx));
      return;
    case Format::kOds:
      ReportStatus(ctx, ExtractOds(bytes, path, ctx));
      return;
    case Format::kOdt:
      ReportStatus(ctx, ExtractOdt(bytes, path, ctx));
      return;
    case Format::kOle2:
      ReportStatus(ctx, ExtractOle2(bytes, ctx));
      return;
    case Format::kPdf:
      ReportStatus(ctx, ExtractPdf(bytes, ctx));
      return;
    case Format::kEml:
    case Format::kMbox:
      ReportStatus(ctx, ExtractMailFile(f, bytes, ctx));
      return;
    case Format::kSqlite:
      ExtractSqlite(bytes, is_file ? &path : nullptr, ctx);
      return;
    case Format::kBinary:
      ctx.SetStatus(ObjectStatus::kSkipped, "binary");
      return;
    default:
      return;  // streamed formats are handled above
  }
}

}  // namespace

ObjectReport ObjectScanner::ScanMemory(const std::string& path, std::string_view bytes,
                                       Budget& budget) {
  ObjectContext ctx(*this, path, budget);
  ctx.report().bytes = bytes.size();
  DetectedEncoding encoding;
  const Format format = SniffFormat(path, bytes, &encoding);
  Extract(format, encoding, bytes, path, /*is_file=*/false, ctx, text_);
  ctx.Finish();
  out_.Object(ctx.report());
  return ctx.report();
}

void ObjectScanner::ScanTopLevel(const std::string& path, ByteSource& source, bool is_file) {
  Budget budget(core_.options.limits);
  ObjectContext ctx(*this, path, budget);
  std::string head;
  if (auto got = ReadUpTo(source, &head, kSniffBytes); !got.ok()) {
    ctx.SetStatus(ObjectStatus::kError, "read failed: " + got.status().message());
  } else {
    DetectedEncoding encoding;
    Format format = SniffFormat(path, head, &encoding);
    if (Streamed(format)) {
      char delimiter;
      format = Refine(format, head, &delimiter);
      PrefixedSource rest(head, source);
      CountingSource counted(rest);
      ExtractStream(format, delimiter, counted, encoding, ctx, text_);
      if (ctx.report().bytes == 0) ctx.report().bytes = counted.bytes();
    } else {
      // Containers and documents need all their bytes.
      std::unique_ptr<MappedFile> mapped;
      std::string whole;
      std::string_view bytes;
      if (is_file) {
        auto m = MappedFile::Open(path);
        if (m.ok()) {
          mapped = std::move(*m);
          bytes = mapped->bytes();
        }
      }
      if (!mapped) {
        whole = head;
        PrefixedSource rest("", source);
        std::string more;
        auto got = ReadUpTo(rest, &more, core_.options.limits.max_total_bytes);
        if (got.ok()) whole += more;
        bytes = whole;
      }
      ctx.report().bytes = bytes.size();
      // Office formats are told from plain zips by members beyond the head.
      if (format == Format::kZip) format = SniffFormat(path, bytes);
      Extract(format, encoding, bytes, path, is_file, ctx, text_);
      if (mapped && mapped->Shrank()) {
        ctx.SetStatus(ObjectStatus::kIncomplete,
                      "the file shrank while it was read: what was past its new end read as zeros");
      }
    }
  }
  ctx.Finish();
  out_.Object(ctx.report());
}

void ObjectScanner::ScanDatabaseUri(const std::string& uri) {
  Budget budget(core_.options.limits);
  ObjectContext ctx(*this, DisplayDatabaseUri(uri), budget);
  auto db = OpenDatabaseUri(uri, budget);
  if (db.ok()) {
    ScanDatabase(**db, DatabaseOptions(core_.options), ctx);
  } else {
    ReportStatus(ctx, db.status());
  }
  ctx.Finish();
  out_.Object(ctx.report());
}

}  // namespace mamori
