#include "extract/table.h"

#include <algorithm>
#include <memory>
#include <utility>

#include "engine/offset_map.h"
#include "engine/text_decoder.h"

namespace mamori {
namespace {

constexpr size_t kSearchRows = 8;                 // non-empty rows searched for a header
constexpr size_t kSearchBytes = size_t{1} << 20;  // and at most this much held back
constexpr int kBodyRows = 2;                      // wide non-header rows that end the search
constexpr size_t kMaxLabelBytes = 64;
constexpr int kMaxLabelDigits = 3;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && IsSpace(s.front())) s.remove_prefix(1);
  while (!s.empty() && IsSpace(s.back())) s.remove_suffix(1);
  return s;
}

// What a row looks like to the header search.
struct RowShape {
  size_t non_empty = 0;
  size_t label_like = 0;
  size_t classified = 0;  // label-like cells that name a kind of data
  size_t bytes = 0;
};

RowShape ShapeOf(std::span<const TableCell> cells) {
  RowShape shape;
  for (const TableCell& cell : cells) {
    const std::string_view text = Trim(cell.text);
    if (text.empty()) continue;
    ++shape.non_empty;
    shape.bytes += text.size();
    if (text.size() > 4 * kMaxLabelBytes) continue;  // cannot fold to a label
    const std::string normalized = NormalizeHeader(text);
    if (!LooksLikeLabel(normalized)) continue;
    ++shape.label_like;
    if (ClassifyHeader(normalized)) ++shape.classified;
  }
  return shape;
}

bool IsHeaderRow(const RowShape& s) {
  return s.non_empty >= 2 && s.classified >= 1 && s.label_like * 2 > s.non_empty;
}

bool IsEmptyRow(std::span<const TableCell> cells) {
  return std::all_of(cells.begin(), cells.end(),
                     [](const TableCell& c) { return Trim(c.text).empty(); });
}

}  // namespace

std::string NormalizeHeader(std::string_view utf8) {
  utf8 = Trim(utf8);
  std::string out;
  auto decoder = TextDecoder::Create(DetectedEncoding{Encoding::kUtf8, 0, "utf-8"});
  if (!decoder.ok()) return std::string(utf8);
  OffsetMap map;
  (*decoder)->Decode(utf8, 0, true, &out, &map);
  // A line break in a header cell is layout (Excel's Alt+Enter wraps
  // "セキュリティ\nコード"): it reads as a space.
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r'; }, ' ');
  return std::string(Trim(out));
}

std::optional<LabelKind> ClassifyColumn(std::string_view utf8) {
  const std::string normalized = NormalizeHeader(utf8);
  if (!LooksLikeLabel(normalized)) return std::nullopt;
  return ClassifyHeader(normalized);
}

bool LooksLikeLabel(std::string_view normalized) {
  if (normalized.empty() || normalized.size() > kMaxLabelBytes) return false;
  if (normalized.find('@') != std::string_view::npos) return false;
  const auto digits = std::count_if(normalized.begin(), normalized.end(),
                                    [](char c) { return c >= '0' && c <= '9'; });
  return digits <= kMaxLabelDigits;
}

void EmitTextPieces(ExtractSink& sink, std::string_view utf8, const StructuredLocation& where,
                    std::optional<uint64_t> offset, size_t max_piece, uint64_t line) {
  max_piece = std::max<size_t>(max_piece, 4);
  while (!utf8.empty()) {
    size_t cut = std::min(max_piece, utf8.size());
    if (cut < utf8.size()) {
      size_t c = cut;
      while (c > 0 && (static_cast<unsigned char>(utf8[c]) & 0xC0) == 0x80) --c;
      if (c > 0) cut = c;
    }
    if (line > 0) {  // the sink decodes it itself and knows the line
      sink.RawText(utf8.substr(0, cut), "utf-8", where, offset.value_or(0), line);
    } else {
      sink.Text(utf8.substr(0, cut), where, offset.value_or(0));
    }
    if (offset) *offset += cut;
    utf8.remove_prefix(cut);
  }
}

std::optional<TextSample> ReadTextSample(ByteSource& source, std::string* buf, size_t buffer_size,
                                         ExtractSink& sink, std::string_view kind) {
  constexpr size_t kSampleBytes = size_t{64} << 10;  // encoding detection sample
  buf->assign(std::max(kSampleBytes, buffer_size), '\0');
  Result<size_t> got = ReadFull(source, buf->data(), kSampleBytes);
  if (!got.ok()) {
    sink.SetStatus(ObjectStatus::kError, "read failed: " + got.status().message());
    return std::nullopt;
  }
  TextSample sample{*got, *got < kSampleBytes, {}};
  sample.encoding = DetectEncoding(std::string_view(buf->data(), sample.size), sample.eof);
  sink.SetEncoding(sample.encoding.name);
  if (sample.encoding.encoding == Encoding::kBinary) {
    sink.SetStatus(ObjectStatus::kUnsupported, "binary content, not " + std::string(kind));
    return std::nullopt;
  }
  return sample;
}

std::string CountOf(uint64_t n, std::string_view noun) {
  return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

TableReader::TableReader(ExtractSink& sink, std::string_view sheet) : sink_(sink), sheet_(sheet) {}

void TableReader::AddRow(std::span<const TableCell> cells) {
  if (IsEmptyRow(cells)) return;
  switch (state_) {
    case State::kSearching:
      Search(cells);
      break;
    case State::kHeaderCandidate:
      AfterCandidate(cells);
      break;
    case State::kHeader:
      Emit(cells, !RepeatsHeader(cells));
      break;
    case State::kNoHeader:
      Emit(cells, true);
      break;
  }
}

void TableReader::SkipRow(std::span<const TableCell> cells) {
  if (!decided() || IsEmptyRow(cells)) return;
  if (state_ == State::kHeader && RepeatsHeader(cells)) return;  // row 0, like Emit
  ++data_rows_;
}

void TableReader::Finish() {
  if (state_ == State::kSearching) Decide();
  if (state_ == State::kHeaderCandidate) AcceptCandidate();
}

TableReader::HeldRow TableReader::Hold(std::span<const TableCell> cells, size_t non_empty) {
  HeldRow row;
  for (const TableCell& c : cells) {
    row.cells.push_back({std::string(c.text), std::string(c.ref), std::string(c.raw),
                         std::string(c.raw_encoding), c.offset, c.line});
  }
  row.non_empty = non_empty;
  return row;
}

std::vector<TableCell> TableReader::HeldRow::Views() const {
  std::vector<TableCell> views;
  views.reserve(cells.size());
  for (const HeldCell& c : cells)
    views.push_back({c.text, c.ref, c.offset, c.line, c.raw, c.raw_encoding});
  return views;
}

void TableReader::Search(std::span<const TableCell> cells) {
  const RowShape shape = ShapeOf(cells);
  if (IsHeaderRow(shape)) {
    for (const HeldRow& row : held_) EmitHeld(row, false);
    held_.clear();
    // The next row decides whether this one heads the columns or groups them.
    candidate_ = Hold(cells, shape.non_empty);
    candidate_classified_ = shape.classified;
    state_ = State::kHeaderCandidate;
    return;
  }
  HeldRow row = Hold(cells, shape.non_empty);
  row.single_label = shape.non_empty == 1 && shape.classified == 1;
  held_.push_back(std::move(row));
  held_bytes_ += shape.bytes;
  wide_rows_in_a_row_ = shape.non_empty >= 3 ? wide_rows_in_a_row_ + 1 : 0;
  if (held_.size() >= kSearchRows || held_bytes_ >= kSearchBytes ||
      wide_rows_in_a_row_ >= kBodyRows) {
    Decide();
  }
}

// The search is over without a multi-cell header: a single label heading a
// single-column table, or no header at all.
void TableReader::Decide() {
  size_t header = held_.size();
  for (size_t i = held_.size(); i-- > 0;) {
    if (held_[i].non_empty != 1) break;
    if (held_[i].single_label) header = i;
  }
  if (header == held_.size()) {
    state_ = State::kNoHeader;
    for (const HeldRow& row : held_) EmitHeld(row, true);
  } else {
    for (size_t i = 0; i < header; ++i) EmitHeld(held_[i], false);
    SetHeader(held_[header].Views());
    for (size_t i = header; i < held_.size(); ++i) EmitHeld(held_[i], i != header);
  }
  held_.clear();
  held_bytes_ = 0;
}

// A two-row header ("連絡先" spanning "電話" and "メール", "お支払い" over
// "カード番号", "有効期限", "CVC"): the row under the candidate names more kinds
// of data than the candidate does, so it heads the columns; a column it
// leaves empty keeps the candidate's text ("No." merged down two rows).
// Anything else under the candidate is the first data row.
void TableReader::AfterCandidate(std::span<const TableCell> cells) {
  const RowShape shape = ShapeOf(cells);
  if (!IsHeaderRow(shape) || shape.classified <= candidate_classified_) {
    AcceptCandidate();
    AddRow(cells);
    return;
  }
  EmitHeld(candidate_, false);
  std::vector<TableCell> merged(cells.begin(), cells.end());
  if (merged.size() < candidate_.cells.size()) merged.resize(candidate_.cells.size());
  for (size_t i = 0; i < candidate_.cells.size(); ++i) {
    if (Trim(merged[i].text).empty()) merged[i].text = candidate_.cells[i].text;
  }
  SetHeader(merged);
  candidate_ = {};
  Emit(cells, false);
}

void TableReader::AcceptCandidate() {
  const HeldRow header = std::exchange(candidate_, {});
  const std::vector<TableCell> cells = header.Views();
  SetHeader(cells);
  Emit(cells, false);
}

void TableReader::SetHeader(std::span<const TableCell> cells) {
  state_ = State::kHeader;
  header_.clear();
  for (const TableCell& cell : cells) {
    const std::string_view text = Trim(cell.text);
    header_.push_back({std::string(text), text.empty() ? std::nullopt : ClassifyColumn(text)});
  }
}

bool TableReader::MayRepeatHeader(std::string_view first) const {
  return state_ == State::kHeader && !header_.empty() && Trim(first) == header_[0].text;
}

bool TableReader::RepeatsHeader(std::span<const TableCell> cells) const {
  const size_t n = std::max(cells.size(), header_.size());
  for (size_t i = 0; i < n; ++i) {
    const std::string_view a = i < cells.size() ? Trim(cells[i].text) : std::string_view();
    const std::string_view b = i < header_.size() ? std::string_view(header_[i].text) : "";
    if (a != b) return false;
  }
  return true;
}

void TableReader::Emit(std::span<const TableCell> cells, bool data) {
  const uint64_t row = data ? ++data_rows_ : 0;
  for (size_t i = 0; i < cells.size(); ++i) {
    if (Trim(cells[i].text).empty()) continue;
    CellRef ref;
    ref.quiet = cells[i].quiet;
    ref.row = row;
    ref.sheet = sheet_;
    ref.cell = cells[i].ref;
    ref.offset = cells[i].offset;
    ref.line = cells[i].line;
    ref.raw = cells[i].raw;
    ref.raw_encoding = cells[i].raw_encoding;
    ref.extent = cells[i].extent;
    if (data && i < header_.size()) {
      ref.column = header_[i].text;
      ref.column_kind = header_[i].kind;
    }
    sink_.Cell(cells[i].text, ref);
  }
}

void TableReader::EmitHeld(const HeldRow& row, bool data) { Emit(row.Views(), data); }

}  // namespace mamori
