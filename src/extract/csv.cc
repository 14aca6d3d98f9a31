#include "extract/csv.h"

#include <unicode/ucnv.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/byte_count.h"
#include "engine/encoding.h"
#include "engine/offset_map.h"
#include "engine/text_decoder.h"
#include "extract/record_skip.h"
#include "extract/table.h"

namespace mamori {
namespace {

// Encodings whose multi-byte characters never contain the ASCII bytes that
// structure a table (CP932 trail bytes can be '|' or letters: tracked).
bool SplitsOnRawBytes(Encoding e) {
  return e == Encoding::kUtf8 || e == Encoding::kCp932 || e == Encoding::kEucJp;
}

bool IsCp932Lead(unsigned char c) { return (c >= 0x81 && c <= 0x9F) || (c >= 0xE0 && c <= 0xFC); }

// The decoded cells of one row. Their strings keep their storage from row
// to row (up to kKeepBytes each), so a table costs no allocation per cell.
class RowCells {
 public:
  // A cleared string for the next cell.
  std::string& Add() {
    if (used_ == cells_.size()) cells_.emplace_back();
    std::string& cell = cells_[used_++];
    cell.clear();
    return cell;
  }
  void Clear() {
    for (size_t i = 0; i < used_; ++i) {
      if (cells_[i].capacity() > kKeepBytes) std::string().swap(cells_[i]);
    }
    used_ = 0;
  }
  size_t size() const { return used_; }
  bool empty() const { return used_ == 0; }
  const std::string& operator[](size_t i) const { return cells_[i]; }

 private:
  static constexpr size_t kKeepBytes = 256;
  std::vector<std::string> cells_;
  size_t used_ = 0;
};

// Where the bytes of a table decoded before it is split (UTF-16, code pages,
// ISO-2022-JP) came from: the current piece's offset map and the file's
// bytes from the previous piece, or from the field still open if earlier.
struct DecodedOrigin {
  size_t quote_bytes = 1;  // bytes a '"' takes in the table's encoding
  OffsetMap map;
  std::string window;          // those bytes, up to the end of the current piece
  uint64_t window_offset = 0;  // file offset of window[0]

  // The file's bytes [begin, end), when still held; else empty.
  std::string_view Bytes(uint64_t begin, uint64_t end) const {
    if (begin < window_offset || end > window_offset + window.size() || end <= begin) return {};
    return std::string_view(window).substr(begin - window_offset, end - begin);
  }

  // `offset`, or the start of the ISO-2022 escape sequence that ends there
  // (ESC, '$' or '(' , maybe '(', and a final byte): the decoder places a
  // character after the escape that switches to its character set.
  uint64_t BeforeEscape(uint64_t offset) const {
    const auto at = [&](uint64_t back, size_t k) -> char {
      return window[offset - back - window_offset + k];
    };
    const auto final_byte = [](char c) { return c >= 0x40 && c <= 0x7E; };
    const uint64_t held = offset >= window_offset ? offset - window_offset : 0;
    if (held > window.size()) return offset;
    if (held >= 3 && at(3, 0) == '\x1B' && (at(3, 1) == '$' || at(3, 1) == '(') &&
        final_byte(at(3, 2))) {
      return offset - 3;
    }
    if (held >= 4 && at(4, 0) == '\x1B' && at(4, 1) == '$' &&
        (at(4, 2) == '(' || at(4, 2) == ')') && final_byte(at(4, 3))) {
      return offset - 4;
    }
    return offset;
  }
};

// RFC 4180 tokenizer with bounded fields and rows, feeding a TableReader.
class DelimitedParser {
 public:
  DelimitedParser(char delimiter, bool cp932, std::unique_ptr<TextDecoder> field_decoder,
                  ExtractSink& sink, const DelimitedOptions& options)
      : options_(options),
        sink_(sink),
        decoder_(std::move(field_decoder)),
        table_(sink),
        delimiter_(delimiter) {
    const auto mark = [&](std::array<uint8_t, 256>& t, char c, uint8_t cls) {
      t[static_cast<unsigned char>(c)] = cls;
    };
    unquoted_.fill(kPlain);
    quoted_.fill(kPlain);
    mark(unquoted_, delimiter, kDelim);
    mark(unquoted_, '\r', kCr);
    mark(unquoted_, '\n', kLf);
    mark(quoted_, '"', kQuote);
    if (cp932) {
      for (int c = 0; c < 256; ++c) {
        if (IsCp932Lead(static_cast<unsigned char>(c))) unquoted_[c] = quoted_[c] = kLead;
      }
    }
  }

  // Cells get their byte offsets in the file when the parser reads the
  // file's own bytes (UTF-8, CP932, EUC-JP), starting at `first_offset`.
  // Cells in an encoding other than UTF-8 also hand over their own bytes
  // (`raw_encoding` names it), so the engine can point into the file exactly.
  void TrackOffsets(uint64_t first_offset, std::string_view raw_encoding) {
    track_offsets_ = true;
    fed_ = first_offset;
    raw_encoding_ = raw_encoding;
  }

  // Cells of a table decoded before it is split (UTF-16, code pages,
  // ISO-2022-JP) get their file offsets through `origin` and, when they lie
  // in the bytes it still holds, their own bytes in `encoding`: the engine
  // maps inside them exactly. In an encoding with shift states a cell's bytes
  // may not decode alone: `shifted_check` (a decoder of `encoding`) is then
  // given, and a cell keeps its bytes only when they decode to its text.
  void TrackDecodedOffsets(const DecodedOrigin* origin, std::string_view encoding,
                           std::unique_ptr<TextDecoder> shifted_check) {
    track_offsets_ = true;
    origin_ = origin;
    raw_encoding_ = encoding;
    shifted_check_ = std::move(shifted_check);
  }

  // Where the field being read began in the file, while its bytes may
  // still be wanted (not spilled past its limit).
  std::optional<uint64_t> OpenFieldOffset() const {
    return spilling_ ? std::nullopt : field_offset_;
  }

  // The next bytes of the table (in the tokenized encoding).
  void Feed(std::string_view in) {
    // Plain rows take their filter answer from one question about the piece.
    if (track_offsets_ && !origin_ && table_.decided()) {
      if (raw_encoding_.empty()) {
        piece_triggers_.Reset(sink_, in);
      } else if (static_cast<unsigned char>(delimiter_) < 0x40) {
        // No byte of a CP932 or EUC-JP character is a line end, a quote or
        // such a delimiter: its rows are found in its own bytes, from the
        // first that begins in this piece.
        size_t from = 0;
        if (!AtRowStart() || trail_pending_ || after_cr_) {
          from = in.find('\n');
          from = from == std::string_view::npos ? in.size() : from + 1;
        }
        piece_triggers_.ResetEncoded(sink_, in, raw_encoding_, from);
      }
      columns_matter_ = AnyColumnMatters();
    }
    piece_ = in;
    piece_offset_ = fed_;
    fed_ += in.size();
    FeedPiece(in);
    // Count the rest of this piece's line breaks now: its bytes are reused
    // once Feed returns.
    if (track_offsets_)
      lines_before_ += CountByte(in.data() + counted_, in.size() - counted_, '\n');
    counted_ = 0;
    piece_ = {};
    piece_triggers_.Clear();
  }

  // End of input: the last row may lack its line end.
  void Finish() {
    if (state_ != State::kFieldStart || !row_.empty()) {
      EndField();
      EndRow();
    }
    table_.Finish();
    ReportLimits();
  }

 private:
  void FeedPiece(std::string_view in) {
    size_t i = 0;
    while (i < in.size()) {
      if (trail_pending_) {  // the second byte of a CP932 character is never structure
        trail_pending_ = false;
        Content(in.substr(i++, 1));
        continue;
      }
      if (after_cr_) {
        after_cr_ = false;
        if (in[i] == '\n') {  // CRLF ends one row
          ++i;
          continue;
        }
      }
      if (AtRowStart()) {
        const size_t next = ReadPlainRow(in, i);
        if (next != i) {
          i = next;
          continue;
        }
      }
      switch (state_) {
        case State::kFieldStart:
          if (in[i] == '"') {
            state_ = State::kQuoted;
            ++i;
            break;
          }
          state_ = State::kUnquoted;
          [[fallthrough]];
        case State::kUnquoted:
          i = Unquoted(in, i);
          break;
        case State::kQuoted:
          i = Quoted(in, i);
          break;
        case State::kQuoteInQuoted:
          i = AfterQuote(in, i);
          break;
      }
    }
  }

  bool AtRowStart() const {
    return state_ == State::kFieldStart && row_.empty() && field_.empty() && !spilling_ &&
           field_has_slot_ && !row_full_;
  }

  // Reads the row at in[i] without the tokenizer when it is plain: the
  // file's own bytes, ending in this piece, each field quoted whole
  // without "" escapes or not quoted at all, within the limits, once the
  // header is known. Returns where the next row starts, or i to leave the
  // row to the tokenizer. The sink says (RecordFilter) whether the row can
  // hold a finding: if not, it is only counted (in UTF-8, CP932 and EUC-JP);
  // if so, a UTF-8 row's cells that cannot (outside columns of kinds that
  // matter) are marked quiet, and other encodings' rows go to the tokenizer.
  size_t ReadPlainRow(std::string_view in, size_t i) {
    if (!track_offsets_ || origin_ || !table_.decided()) return i;
    const size_t nl = in.find('\n', i);
    if (nl == std::string_view::npos) return i;
    std::string_view row = in.substr(i, nl - i);
    if (!row.empty() && row.back() == '\r') row.remove_suffix(1);
    // A lone CR ends a row.
    if (row.size() >= options_.max_row_bytes || row.find('\r') != std::string_view::npos) return i;
    triggers_.clear();
    const bool known = piece_triggers_.Knows(i);  // a fold-free piece: every row in it is
    const bool triggered = known && piece_triggers_.Record(i, i + row.size(), &triggers_);
    // Most rows of most tables: nothing in them is wanted and no column
    // matters, so only their number is, and that needs no split.
    if (known && !triggered && !columns_matter_ && IsCountableRow(row)) {
      table_.CountDataRow();
      ++records_;
      return nl + 1;
    }
    // Rows of other encodings are the tokenizer's (it knows their characters).
    if (!raw_encoding_.empty() || !SplitPlainRow(row)) return i;
    bool may =
        std::any_of(plain_.begin(), plain_.end(), [](const PlainCell& c) { return c.matters; });
    if (known) {
      may = (triggered && KeepUnownedTriggers()) || may;
    } else if (IsFoldFree(row)) {
      may = (sink_.MayHoldFinding(row, &triggers_) && KeepUnownedTriggers()) || may;
    } else {  // header repeats and blank rows are told apart on normalized text
      may = true;
      triggers_.push_back({0, row.size()});
    }
    if (may) {
      EmitPlainRow(in, i);
    } else {
      // Only the texts are set (and read): the other fields stay empty.
      skipped_.resize(plain_.size());
      for (size_t k = 0; k < plain_.size(); ++k) skipped_[k].text = plain_[k].text;
      table_.SkipRow(skipped_);
    }
    ++records_;
    return nl + 1;
  }

  // Whether `row` (one line without CR, in a piece the filter answered for)
  // is, without splitting it, a row SplitPlainRow would accept (quotes open
  // fields and close them before a delimiter or the row's end, within the
  // limits), not blank and not a repeat of the header. False means "split
  // it and see". In CP932 and EUC-JP too: no byte of their characters is a
  // quote or a delimiter, and a fold-free piece has no ideographic space.
  bool IsCountableRow(std::string_view row) {
    // At most row.size() + 1 fields, none longer than the row.
    if (row.size() >= options_.max_field_bytes || row.size() + 1 >= options_.max_row_fields)
      return false;
    // A byte other than these is some cell's text: the row is not blank.
    const char blank[] = {' ', '\t', '"', delimiter_};
    if (row.find_first_not_of(std::string_view(blank, sizeof blank)) == std::string_view::npos)
      return false;
    std::string_view first = row.substr(0, std::min(row.find(delimiter_), row.size()));
    for (size_t at = 0;;) {
      const size_t open = row.find('"', at);
      if (open == std::string_view::npos) break;
      at = open + 1;
      if (open > 0 && row[open - 1] != delimiter_) continue;  // text of an unquoted field
      const size_t close = row.find('"', open + 1);
      if (close == std::string_view::npos) return false;  // the field goes on past the line
      if (close + 1 < row.size() && row[close + 1] != delimiter_) return false;
      if (open == 0) first = row.substr(1, close - 1);
      at = close + 1;
    }
    return !MayRepeatHeader(first);
  }

  // TableReader::MayRepeatHeader for a first cell as written. The header
  // holds decoded text: a cell in another encoding is decoded first unless
  // it is ASCII that every Japanese encoding reads as ASCII ('\\' and '~'
  // are the yen sign and an overline in some).
  bool MayRepeatHeader(std::string_view first) {
    const bool ascii = std::all_of(first.begin(), first.end(), [](char c) {
      return (c == '\t' || (c >= 0x20 && c < 0x7E)) && c != '\\';
    });
    if (raw_encoding_.empty() || ascii) return table_.MayRepeatHeader(first);
    first_cell_.clear();
    DecodeInto(first, true, &first_cell_);
    return table_.MayRepeatHeader(first_cell_);
  }

  bool AnyColumnMatters() {
    if (!sink_.AnyKindMatters()) return false;
    for (size_t k = 0; k < table_.columns(); ++k) {
      const std::optional<LabelKind> kind = table_.ColumnKind(k);
      if (kind && sink_.KindMatters(*kind)) return true;
    }
    return false;
  }

  // A field of a plain row: its text (quotes removed), where it starts in
  // the row, and whether it is a non-blank cell under a column that matters.
  struct PlainCell {
    std::string_view text;
    size_t begin;
    bool matters;
  };

  // Splits `row` into plain_; false when it is not plain.
  bool SplitPlainRow(std::string_view row) {
    plain_.clear();
    for (size_t at = 0;;) {
      std::string_view cell;
      if (at < row.size() && row[at] == '"') {
        const size_t close = row.find('"', at + 1);
        if (close == std::string_view::npos) return false;
        if (close + 1 < row.size() && row[close + 1] != delimiter_) return false;
        cell = row.substr(at + 1, close - at - 1);
        at = close + 1;
      } else {
        const size_t end = std::min(row.find(delimiter_, at), row.size());
        cell = row.substr(at, end - at);
        at = end;
      }
      if (cell.size() >= options_.max_field_bytes || plain_.size() + 1 >= options_.max_row_fields)
        return false;
      const std::optional<LabelKind> kind = table_.ColumnKind(plain_.size());
      plain_.push_back({cell, static_cast<size_t>(cell.data() - row.data()),
                        kind && sink_.KindMatters(*kind) && !IsBlank(cell)});
      if (at >= row.size()) return true;
      ++at;  // the delimiter
    }
  }

  // Drops the triggers that lie in one cell whose column owns its digits
  // (ExtractSink::ColumnOwnsDigits): an export's order and reference
  // numbers make no row worth a scan. True when any trigger is left.
  bool KeepUnownedTriggers() {
    std::erase_if(triggers_, [&](const TextSpan& t) {
      for (size_t k = 0; k < plain_.size(); ++k) {
        const PlainCell& c = plain_[k];
        if (t.begin < c.begin || t.end > c.begin + c.text.size()) continue;
        const std::optional<LabelKind> kind = table_.ColumnKind(k);
        return kind && sink_.ColumnOwnsDigits(*kind, c.text);
      }
      return false;
    });
    return !triggers_.empty();
  }

  // Reports the plain row at in[i] (split in plain_) as the tokenizer would:
  // decoded cells, each at the offset of its first byte (none when empty),
  // all on the row's line; cells no trigger overlaps are quiet.
  void EmitPlainRow(std::string_view in, size_t i) {
    lines_before_ += CountByte(in.data() + counted_, i - counted_, '\n');
    counted_ = i;
    const uint64_t line = lines_before_ + 1;
    row_.Clear();
    for (const PlainCell& c : plain_) DecodeInto(c.text, true, &row_.Add());
    cells_.clear();  // views into row_, taken once it no longer grows
    for (size_t k = 0; k < plain_.size(); ++k) {
      const PlainCell& c = plain_[k];
      const bool empty = c.text.empty();
      const std::optional<uint64_t> offset =
          empty ? std::nullopt : std::optional<uint64_t>(piece_offset_ + i + c.begin);
      cells_.push_back({row_[k], {}, offset, empty ? 0 : line});
      cells_.back().quiet = !c.matters && !Touched(triggers_, c.begin, c.begin + c.text.size());
    }
    table_.AddRow(cells_);
    row_.Clear();
  }

  static bool IsBlank(std::string_view s) {
    return s.find_first_not_of(" \t\r\n") == std::string_view::npos;
  }

  enum class State { kFieldStart, kUnquoted, kQuoted, kQuoteInQuoted };
  enum : uint8_t { kPlain, kDelim, kQuote, kCr, kLf, kLead };

  size_t Unquoted(std::string_view in, size_t i) {
    size_t j = i;
    while (j < in.size() && unquoted_[static_cast<unsigned char>(in[j])] == kPlain) ++j;
    if (j > i) Content(in.substr(i, j - i));
    if (j == in.size()) return j;
    switch (unquoted_[static_cast<unsigned char>(in[j])]) {
      case kDelim:
        EndField();
        break;
      case kCr:
        after_cr_ = true;
        [[fallthrough]];
      case kLf:
        EndField();
        EndRow();
        break;
      default:  // kLead
        Content(in.substr(j, 1));
        trail_pending_ = true;
        break;
    }
    return j + 1;
  }

  size_t Quoted(std::string_view in, size_t i) {
    size_t j = i;
    while (j < in.size() && quoted_[static_cast<unsigned char>(in[j])] == kPlain) ++j;
    if (j > i) Content(in.substr(i, j - i));
    if (j == in.size()) return j;
    if (in[j] == '"') {
      state_ = State::kQuoteInQuoted;
    } else {  // kLead
      Content(in.substr(j, 1));
      trail_pending_ = true;
    }
    return j + 1;
  }

  // After a quote inside a quoted field: "" is a quote; anything else closes
  // the quotes, and what is not a delimiter or line end joins the field.
  size_t AfterQuote(std::string_view in, size_t i) {
    if (in[i] == '"') {
      NoteEscape(i);
      Content("\"");
      state_ = State::kQuoted;
      return i + 1;
    }
    // A closing quote with more of the field after it ("ab"cd reads abcd)
    // is in the file but not in the text.
    const char c = in[i];
    if (track_offsets_ && field_offset_ && c != delimiter_ && c != '\r' && c != '\n') {
      left_out_.push_back(field_.size());
    }
    state_ = State::kUnquoted;
    return i;
  }

  // Room for more bytes in the current field under both limits.
  size_t Room() const {
    if (row_full_) return 0;
    const size_t used = row_bytes_ + field_.size();
    const size_t row_room = options_.max_row_bytes > used ? options_.max_row_bytes - used : 0;
    return std::min(options_.max_field_bytes - field_.size(), row_room);
  }

  // The field starts at piece_[at] (at file offset `offset` when given):
  // its offset in the file and its line.
  void MarkFieldStart(size_t at, std::optional<uint64_t> offset = std::nullopt) {
    field_offset_ = offset    ? *offset
                    : origin_ ? origin_->map.ToOriginal(static_cast<uint32_t>(at))
                              : piece_offset_ + at;
    if (shifted_check_) field_offset_ = origin_->BeforeEscape(*field_offset_);
    lines_before_ += CountByte(piece_.data() + counted_, at - counted_, '\n');
    counted_ = at;
    field_line_ = lines_before_ + 1;
  }

  // An escaped quote ("") joins the field as one quote that is not input;
  // piece_[second] is the pair's second quote. The pair may be where the
  // field starts, and the field's own bytes (RawField) need both quotes.
  void NoteEscape(size_t second) {
    if (!track_offsets_) return;
    if (!field_offset_) {
      // From the pair's end: its first quote may have ended the last piece,
      // or begun there and ended here.
      MarkFieldStart(second > 0 ? second - 1 : 0,
                     origin_ ? origin_->map.ToOriginalEnd(static_cast<uint32_t>(second + 1)) -
                                   2 * origin_->quote_bytes
                             : piece_offset_ + second - 1);
    }
    left_out_.push_back(field_.size());
    if (origin_ && field_offset_) {
      field_end_ = origin_->map.ToOriginalEnd(static_cast<uint32_t>(second + 1));
    }
  }

  void Content(std::string_view bytes) {
    // The first byte of the field that comes from the input marks its offset
    // (an escaped quote is a literal, not input: NoteEscape).
    const bool input =
        bytes.data() >= piece_.data() && bytes.data() < piece_.data() + piece_.size();
    if (track_offsets_ && !field_offset_ && input) {
      MarkFieldStart(static_cast<size_t>(bytes.data() - piece_.data()));
    }
    if (origin_ && field_offset_ && input) {
      const size_t end = static_cast<size_t>(bytes.data() + bytes.size() - piece_.data());
      field_end_ = origin_->map.ToOriginalEnd(static_cast<uint32_t>(end));
    }
    if (!spilling_) {
      const size_t room = Room();
      if (bytes.size() <= room) {
        field_.append(bytes);
        return;
      }
      field_.append(bytes.substr(0, room));
      bytes.remove_prefix(room);
      StartSpill();
    }
    // Text pieces of max_field_bytes each.
    while (!bytes.empty()) {
      const size_t take = std::min(bytes.size(), options_.max_field_bytes - spill_.size());
      spill_.append(bytes.substr(0, take));
      bytes.remove_prefix(take);
      if (spill_.size() >= options_.max_field_bytes) FlushSpill(false);
    }
  }

  // The field has outgrown its limit: what it holds so far is its cell, the
  // rest goes out as text.
  void StartSpill() {
    spilling_ = true;
    if (field_.size() >= options_.max_field_bytes) {
      if (cut_fields_++ == 0) first_cut_record_ = records_ + 1;
    } else {
      row_full_ = true;
      if (!row_overflow_counted_) {
        row_overflow_counted_ = true;
        ++overflow_rows_;
      }
    }
    spill_cell_ = Decode(field_, false);
  }

  void FlushSpill(bool final) {
    const std::string text = Decode(spill_, final);
    spill_.clear();
    if (!text.empty()) sink_.Text(text, StructuredLocation{}, 0);
  }

  void EndField() {
    // A field past the row's limits is decoded all the same (the decoder
    // keeps count of the bytes) but has no cell.
    no_slot_.clear();
    std::string& cell = field_has_slot_ ? row_.Add() : no_slot_;
    const bool spilled = spilling_;
    if (spilling_) {
      cell = std::move(spill_cell_);
      FlushSpill(true);
      spilling_ = false;
    } else {
      DecodeInto(field_, true, &cell);
    }
    if (field_has_slot_) {
      row_bytes_ += field_.size();
      row_offsets_.push_back(field_offset_);
      row_lines_.push_back(field_offset_ ? field_line_ : 0);
      // A decoded table's spilled field ends past its cell: no bytes then.
      // A UTF-8 field whose text left out quotes of the file ("" escapes)
      // hands over its bytes too, so that offsets after them stay exact.
      const bool wanted = (!raw_encoding_.empty() || !left_out_.empty()) && !(spilled && origin_);
      row_raw_.push_back(wanted ? RawField(cell) : std::string());
      // A decoded table's field without its bytes keeps its extent.
      const bool extent = origin_ && !spilled && field_offset_ && field_end_ > *field_offset_;
      row_extents_.push_back(extent ? field_end_ - *field_offset_ : 0);
    }
    field_.clear();
    field_offset_.reset();
    field_end_ = 0;
    left_out_.clear();
    if (row_.size() >= options_.max_row_fields || row_bytes_ >= options_.max_row_bytes) {
      row_full_ = true;
    }
    field_has_slot_ = !row_full_;
    state_ = State::kFieldStart;
  }

  void EndRow() {
    cells_.clear();
    for (size_t k = 0; k < row_.size(); ++k) {
      std::string_view encoding = raw_encoding_;
      if (row_raw_[k].empty()) {
        encoding = {};
      } else if (encoding.empty()) {
        encoding = "utf-8";  // a UTF-8 field with escaped quotes
      }
      cells_.push_back({row_[k],
                        {},
                        row_offsets_[k],
                        row_lines_[k],
                        row_raw_[k],
                        encoding,
                        row_raw_[k].empty() ? row_extents_[k] : 0});
    }
    table_.AddRow(cells_);
    row_.Clear();
    row_offsets_.clear();
    row_lines_.clear();
    row_raw_.clear();
    row_extents_.clear();
    row_bytes_ = 0;
    row_full_ = false;
    row_overflow_counted_ = false;
    field_has_slot_ = true;
    ++records_;
  }

  // The field's own bytes in the file: as read for CP932 and EUC-JP; cut
  // from the origin's bytes for a decoded table (none for a field begun two
  // pieces ago, or whose bytes do not decode alone to `cell`: it is then
  // reported at its first byte).
  std::string RawField(std::string_view cell) {
    if (!origin_) {
      std::string raw = field_;
      for (auto at = left_out_.rbegin(); at != left_out_.rend(); ++at) {
        if (*at < raw.size()) raw.insert(*at, 1, '"');
      }
      return raw;
    }
    if (!field_offset_) return {};
    std::string raw(origin_->Bytes(*field_offset_, field_end_));
    if (shifted_check_ && !raw.empty()) {
      checked_.clear();
      checked_map_.Reset(0);
      shifted_check_->Reset();
      shifted_check_->Decode(raw, 0, true, &checked_, &checked_map_);
      if (!left_out_.empty()) Unescape(&checked_);
      if (checked_ != cell) raw.clear();
    }
    return raw;
  }

  // A quoted field's text from its bytes: each "" is one quote.
  static void Unescape(std::string* text) {
    size_t out = 0;
    for (size_t i = 0; i < text->size(); ++i) {
      (*text)[out++] = (*text)[i];
      if ((*text)[i] == '"' && i + 1 < text->size() && (*text)[i + 1] == '"') ++i;
    }
    text->resize(out);
  }

  std::string Decode(std::string_view raw, bool final) {
    std::string out;
    DecodeInto(raw, final, &out);
    return out;
  }
  void DecodeInto(std::string_view raw, bool final, std::string* out) {
    map_.Reset(decoded_bytes_);
    decoder_->Decode(raw, decoded_bytes_, final, out, &map_);
    decoded_bytes_ += raw.size();
  }

  void ReportLimits() {
    if (cut_fields_ > 0) {
      sink_.SetStatus(ObjectStatus::kIncomplete,
                      CountOf(cut_fields_, "field") + " over " +
                          std::to_string(options_.max_field_bytes) + " bytes (first in record " +
                          std::to_string(first_cut_record_) +
                          "): the rest of each was scanned as text without its column");
    }
    if (overflow_rows_ > 0) {
      sink_.SetStatus(ObjectStatus::kIncomplete,
                      CountOf(overflow_rows_, "row") + " over " +
                          std::to_string(options_.max_row_fields) + " fields or " +
                          std::to_string(options_.max_row_bytes) +
                          " bytes: the rest of each was scanned as text without its column");
    }
  }

  const DelimitedOptions& options_;
  ExtractSink& sink_;
  std::unique_ptr<TextDecoder> decoder_;
  OffsetMap map_;
  uint64_t decoded_bytes_ = 0;
  TableReader table_;
  char delimiter_;
  std::vector<PlainCell> plain_;    // the split of a plain row (ReadPlainRow)
  std::vector<TextSpan> triggers_;  // what in it may hold a finding
  PieceTriggers piece_triggers_;    // the same for the whole piece being fed
  bool columns_matter_ = true;      // some column's kind makes its cells wanted
  std::string first_cell_;          // a row's first cell, decoded (MayRepeatHeader)
  std::vector<TableCell> skipped_;  // its cells, when it holds none
  std::array<uint8_t, 256> unquoted_;
  std::array<uint8_t, 256> quoted_;

  State state_ = State::kFieldStart;
  bool after_cr_ = false;
  bool trail_pending_ = false;
  std::string field_;  // raw bytes of the current field, within the limits
  bool spilling_ = false;
  std::string spill_cell_;  // the cell of a field that outgrew its limit
  std::string spill_;       // raw bytes beyond the limit, not yet reported
  bool field_has_slot_ = true;
  RowCells row_;         // decoded cells
  std::string no_slot_;  // a field beyond the row's limits, decoded and dropped
  std::vector<std::optional<uint64_t>> row_offsets_;
  bool track_offsets_ = false;
  uint64_t fed_ = 0;              // file offset of the next byte fed
  std::vector<size_t> left_out_;  // where in field_ the text left out a quote of the file
  std::string_view piece_;        // the bytes being fed now
  uint64_t piece_offset_ = 0;     // and their file offset
  std::optional<uint64_t> field_offset_;
  uint64_t field_end_ = 0;                      // file offset after its last byte (decoded tables)
  const DecodedOrigin* origin_ = nullptr;       // set for tables decoded before they are split
  std::unique_ptr<TextDecoder> shifted_check_;  // set when their encoding has shift states
  std::string checked_;                         // a cell's bytes decoded by it
  OffsetMap checked_map_;
  std::vector<uint64_t> row_lines_;    // 1-based line of each cell, 0 when unknown
  std::vector<std::string> row_raw_;   // each cell's own bytes, when not UTF-8
  std::vector<uint64_t> row_extents_;  // each decoded cell's span in the file (TableCell::extent)
  std::string raw_encoding_;
  uint64_t lines_before_ = 0;  // line breaks before piece_[counted_]
  size_t counted_ = 0;
  uint64_t field_line_ = 0;
  std::vector<TableCell> cells_;
  size_t row_bytes_ = 0;
  bool row_full_ = false;
  bool row_overflow_counted_ = false;
  uint64_t records_ = 0;
  uint64_t cut_fields_ = 0;
  uint64_t first_cut_record_ = 0;
  uint64_t overflow_rows_ = 0;
};

// Feeds bytes to the parser in pieces, decoding first when the encoding
// cannot be split on its own bytes.
class Feeder {
 public:
  // `first_offset`: where the bytes fed start in the file (after a BOM).
  Feeder(DelimitedParser& parser, std::unique_ptr<TextDecoder> stream_decoder, size_t piece,
         uint64_t first_offset, size_t quote_bytes)
      : parser_(parser),
        decoder_(std::move(stream_decoder)),
        piece_(std::max<size_t>(piece, 1)),
        offset_(first_offset),
        last_piece_offset_(first_offset) {
    origin_.window_offset = first_offset;
    origin_.quote_bytes = quote_bytes;
  }

  // Where decoded pieces came from, kept from now on for the parser
  // (DelimitedParser::TrackDecodedOffsets).
  const DecodedOrigin* KeepOrigin() {
    keep_origin_ = true;
    return &origin_;
  }

  void Feed(std::string_view bytes) {
    for (size_t at = 0; at < bytes.size(); at += piece_) Piece(bytes.substr(at, piece_), false);
  }
  void Finish() {
    if (decoder_) Piece({}, true);
    parser_.Finish();
  }

 private:
  void Piece(std::string_view raw, bool final) {
    if (!decoder_) {
      parser_.Feed(raw);
      return;
    }
    decoded_.clear();
    origin_.map.Reset(offset_);
    decoder_->Decode(raw, offset_, final, &decoded_, &origin_.map);
    if (keep_origin_) {
      // The last piece's bytes, the field still open, and this piece's: a
      // cell ending here may have begun in any of them.
      uint64_t keep_from = last_piece_offset_;
      if (const std::optional<uint64_t> open = parser_.OpenFieldOffset()) {
        keep_from = std::min(keep_from, *open);
      }
      if (keep_from > origin_.window_offset) {
        origin_.window.erase(0, keep_from - origin_.window_offset);
        origin_.window_offset = keep_from;
      }
      last_piece_offset_ = offset_;
      origin_.window.append(raw);
    }
    offset_ += raw.size();
    parser_.Feed(decoded_);
  }

  DelimitedParser& parser_;
  std::unique_ptr<TextDecoder> decoder_;  // null: the parser reads the bytes themselves
  size_t piece_;
  std::string decoded_;
  uint64_t offset_;  // file offset of the next byte fed
  DecodedOrigin origin_;
  uint64_t last_piece_offset_;  // file offset of the previous piece
  bool keep_origin_ = false;
};

// Bytes a '"' takes in the encoding: 2 in UTF-16, 4 in UTF-32, else 1.
size_t QuoteBytes(const DetectedEncoding& enc) {
  if (enc.encoding == Encoding::kUtf16Le || enc.encoding == Encoding::kUtf16Be) return 2;
  if (enc.encoding != Encoding::kOther) return 1;
  UErrorCode err = U_ZERO_ERROR;
  char out[16];
  const int32_t n = ucnv_convert(enc.name.c_str(), "US-ASCII", out, sizeof out, "\"", 1, &err);
  return U_SUCCESS(err) && n >= 1 && n <= 4 ? static_cast<size_t>(n) : 1;
}

// The decoder of field bytes, and for encodings that cannot be split on
// their own bytes, the decoder of the stream (fields are then UTF-8).
struct Decoders {
  std::unique_ptr<TextDecoder> field;
  std::unique_ptr<TextDecoder> stream;
};

Result<Decoders> MakeDecoders(const DetectedEncoding& enc) {
  const bool raw = SplitsOnRawBytes(enc.encoding);
  auto field = TextDecoder::Create(raw ? enc : DetectedEncoding{Encoding::kUtf8, 0, "utf-8"});
  if (!field.ok()) return field.status();
  Decoders d{std::move(*field), nullptr};
  if (!raw) {
    auto stream = TextDecoder::Create(enc);
    if (!stream.ok()) return stream.status();
    d.stream = std::move(*stream);
  }
  return d;
}

}  // namespace

Status ExtractDelimited(ByteSource& source, char delimiter, ExtractSink& sink,
                        const DelimitedOptions& options) {
  if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' ||
      static_cast<unsigned char>(delimiter) >= 0x80 || options.max_field_bytes == 0) {
    return Status::InvalidArgument("unusable delimiter or limits");
  }
  const size_t chunk = std::max<size_t>(options.chunk_bytes, 1);
  std::string buf;
  const std::optional<TextSample> sample =
      ReadTextSample(source, &buf, chunk, sink, "a delimited text table");
  if (!sample) return Status::Ok();
  const DetectedEncoding& enc = sample->encoding;
  bool eof = sample->eof;
  Result<size_t> got = sample->size;
  Result<Decoders> decoders = MakeDecoders(enc);
  if (!decoders.ok()) {
    sink.SetStatus(ObjectStatus::kUnsupported,
                   "cannot decode " + enc.name + ": " + decoders.status().message());
    return Status::Ok();
  }
  DelimitedParser parser(delimiter, enc.encoding == Encoding::kCp932, std::move(decoders->field),
                         sink, options);
  if (!decoders->stream) {
    parser.TrackOffsets(enc.bom_bytes, enc.encoding == Encoding::kUtf8 ? "" : enc.name);
  }
  const bool decoded_first = decoders->stream != nullptr;
  Feeder feeder(parser, std::move(decoders->stream), chunk, enc.bom_bytes, QuoteBytes(enc));
  if (decoded_first) {
    Result<std::unique_ptr<TextDecoder>> shifted_check = std::unique_ptr<TextDecoder>();
    if (!DecodesFromAnyCharacter(enc)) shifted_check = TextDecoder::Create(enc);
    // Without a decoder to check them, cells keep offsets, not bytes.
    parser.TrackDecodedOffsets(feeder.KeepOrigin(), shifted_check.ok() ? enc.name : "",
                               shifted_check.ok() ? std::move(*shifted_check) : nullptr);
  }
  std::string_view data(buf.data() + enc.bom_bytes, *got - enc.bom_bytes);
  uint64_t read = *got;
  for (;;) {
    feeder.Feed(data);
    if (eof) break;
    if (Status t = sink.budget().Expired(); !t.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete,
                     t.message() + " after " + std::to_string(read) + " bytes of the table");
      break;
    }
    got = ReadFull(source, buf.data(), chunk);
    if (!got.ok()) {
      sink.SetStatus(ObjectStatus::kIncomplete, "read failed after " + std::to_string(read) +
                                                    " bytes: " + got.status().message());
      feeder.Finish();
      return got.status();
    }
    eof = *got < chunk;
    read += *got;
    data = std::string_view(buf.data(), *got);
  }
  feeder.Finish();
  return Status::Ok();
}

bool LooksDelimited(std::string_view head, char* delimiter) {
  constexpr std::array<char, 4> kDelimiters = {'\t', ',', ';', '|'};
  constexpr size_t kLines = 20;
  if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
  // Field counts per logical line (a quoted line break does not end one).
  std::vector<std::array<int, 4>> lines;
  std::array<int, 4> count{};
  bool quoted = false, any = false;
  size_t i = 0;
  for (; i < head.size() && lines.size() < kLines; ++i) {
    const char c = head[i];
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') {
      if (any) lines.push_back(count);
      count.fill(0);
      any = false;
      continue;
    }
    if (c != ' ' && c != '\t') any = true;
    for (size_t d = 0; d < kDelimiters.size(); ++d) count[d] += c == kDelimiters[d];
  }
  // A last line without its line end (maybe cut) counts like the others: the
  // 80 % rule tolerates it when there are five lines or more.
  if (any && !quoted && lines.size() < kLines) lines.push_back(count);
  if (lines.size() < 3) return false;
  double best_score = 0;
  for (size_t d = 0; d < kDelimiters.size(); ++d) {
    // The most common field count and how many lines have it.
    std::vector<int> fields;
    for (const auto& l : lines) fields.push_back(l[d] + 1);
    std::sort(fields.begin(), fields.end());
    int mode = 0, mode_lines = 0;
    for (size_t a = 0; a < fields.size();) {
      size_t b = a;
      while (b < fields.size() && fields[b] == fields[a]) ++b;
      if (static_cast<int>(b - a) > mode_lines) {
        mode_lines = static_cast<int>(b - a);
        mode = fields[a];
      }
      a = b;
    }
    if (mode < 2 || mode_lines * 5 < static_cast<int>(lines.size()) * 4) continue;
    const double score = static_cast<double>(mode_lines) / lines.size() + mode * 1e-3;
    if (score > best_score) {
      best_score = score;
      *delimiter = kDelimiters[d];
    }
  }
  return best_score > 0;
}

}  // namespace mamori
