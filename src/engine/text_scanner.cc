#include "engine/text_scanner.h"

#include <algorithm>

#include "detectors/column_value.h"
#include "detectors/context.h"
#include "detectors/registry.h"
#include "engine/byte_count.h"
#include "engine/digit_stretch.h"
#include "engine/text_decoder.h"

namespace mamori {
namespace {

// A detection may still grow until this many bytes follow it.
constexpr uint32_t kHoldBack = 256;
// Text kept before a chunk so labels and neighbours of its first values are seen.
constexpr uint32_t kLookBehind = 4096;

// Removes detections of one type that overlap an earlier, longer one.
void DropOverlaps(std::vector<Detection>* ds) {
  std::sort(ds->begin(), ds->end(), [](const Detection& a, const Detection& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  // Compacts in place: this runs for every table cell, so no new vector.
  size_t kept = 0;
  for (size_t i = 0; i < ds->size(); ++i) {
    Detection& d = (*ds)[i];
    // Only recent detections can overlap; look back a few.
    const size_t look = std::min<size_t>(kept, 8);
    const bool overlaps =
        std::any_of(ds->begin() + (kept - look), ds->begin() + kept,
                    [&](const Detection& k) { return k.type == d.type && d.begin < k.end; });
    if (overlaps) continue;
    if (kept != i) (*ds)[kept] = std::move(d);
    ++kept;
  }
  ds->resize(kept);
}

// True when `d` spans all of `text` but surrounding white space.
bool CoversTrimmed(const Detection& d, std::string_view text) {
  const size_t first = text.find_first_not_of(" \t\r\n");
  const size_t last = text.find_last_not_of(" \t\r\n");
  return first != std::string_view::npos && d.begin <= first && d.end >= last + 1;
}

// Digits a number joined by single spaces or hyphens has, at the fewest,
// to be some other type's value without a label: an international phone
// number (eight after its '+'); cards, domestic phones and My Numbers have
// more.
constexpr uint32_t kHiddenValueDigits = 8;

// Whether a name or an address that its column's parser took whole may
// still hold another type's value: free text may ("東京都千代田区1-7-1
// 4111111111111111"), so an '@' or a long number sends the cell to the
// detectors too.
bool MayHideAValue(const Detection& typed, std::string_view text) {
  if (typed.type != DataType::kPersonName && typed.type != DataType::kAddress) return false;
  uint32_t chain = 0;  // digits of the number being read
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '@') return true;
    if (IsAsciiDigit(c)) {
      if (++chain >= kHiddenValueDigits) return true;
      continue;
    }
    const bool joins =
        (c == ' ' || c == '-') && chain > 0 && i + 1 < text.size() && IsAsciiDigit(text[i + 1]);
    if (!joins) chain = 0;
  }
  return false;
}

}  // namespace

Result<std::unique_ptr<ScanCore>> ScanCore::Create(const ScanOptions& options) {
  auto core = std::make_unique<ScanCore>();
  core->options = options;
  if (core->options.chunk_bytes < 64) core->options.chunk_bytes = 64;
  // Addresses and names start from words, not digits: their labels are
  // looked for in Japanese text without digits too, and for names (which
  // English text writes after "Name:") in any text.
  const Finder::WordLabels word_labels =
      core->options.Enabled(DataType::kPersonName) ? Finder::WordLabels::kAnyText
      : core->options.Enabled(DataType::kAddress)  ? Finder::WordLabels::kNonAscii
                                                   : Finder::WordLabels::kNever;
  auto finder = Finder::Create(word_labels);
  if (!finder.ok()) return finder.status();
  core->finder = std::move(*finder);
  core->detectors = MakeDetectors(options);
  core->record_filter = RecordFilter(options.types);
  std::bitset<kDataTypeCount> cards;
  cards.set(static_cast<size_t>(DataType::kCardNumber))
      .set(static_cast<size_t>(DataType::kCardTrack));
  core->lazy_labels = (options.types & ~cards).none();
  return core;
}

Result<std::unique_ptr<TextScanner>> TextScanner::Create(const ScanCore& core) {
  std::unique_ptr<TextScanner> s(new TextScanner(core));
  auto scratch = core.finder->NewScratch();
  if (!scratch.ok()) return scratch.status();
  s->scratch_ = std::move(*scratch);
  s->lazy_labels_ = std::make_unique<LazyLabels>(*core.finder, *s->scratch_);
  auto utf8 = TextDecoder::Create(DetectedEncoding{Encoding::kUtf8, 0, "utf-8"});
  if (!utf8.ok()) return utf8.status();
  s->utf8_decoder_ = std::move(*utf8);
  return s;
}

void TextScanner::ScanBuffer(uint32_t settled_from, uint32_t settle_to, uint64_t lines_before,
                             std::optional<LabelKind> unit_label, const StructuredLocation& where,
                             FindingCollector* out) {
  detections_.clear();
  // A column typed by its header makes the whole cell a value of its type,
  // validated. When that value is the whole cell nothing else can be in it
  // (unless it is free text: MayHideAValue), and the detectors are spared
  // (customer lists are mostly such cells).
  std::optional<Detection> typed;
  const std::optional<DataType> column_type =
      unit_label ? LabelDataType(*unit_label) : std::nullopt;
  if (column_type && core_.options.Enabled(*column_type) && settled_from == 0 &&
      settle_to == buffer_.size()) {
    typed = TypedColumnValue(*unit_label, buffer_);
  }
  if (!typed || !CoversTrimmed(*typed, buffer_) || MayHideAValue(*typed, buffer_)) {
    Candidates view;
    if (core_.lazy_labels) {
      FindDigitRunsAndAtSigns(buffer_, &candidates_.runs, &candidates_.at_signs);
      candidates_.labels.clear();
      lazy_labels_->Reset(buffer_);
      view = candidates_.View(buffer_, unit_label, core_.options.types);
      view.lazy_labels = lazy_labels_.get();
    } else {
      core_.finder->FindNearValues(buffer_, *scratch_, &candidates_);
      view = candidates_.View(buffer_, unit_label, core_.options.types);
    }
    for (const auto& detector : core_.detectors) detector->Detect(view, detections_);
  }
  if (typed) {
    std::erase_if(detections_, [&](const Detection& d) { return d.type == typed->type; });
    detections_.push_back(std::move(*typed));
  }
  std::erase_if(detections_, [&](const Detection& d) {
    return d.end <= settled_from || d.end > settle_to || !core_.options.Enabled(d.type) ||
           d.confidence < core_.options.min_confidence;
  });
  DropOverlaps(&detections_);
  // Detections are sorted by begin: count line breaks incrementally.
  uint64_t line = lines_before + 1;
  uint32_t counted_to = 0;
  for (Detection& d : detections_) {
    line += CountByte(buffer_.data() + counted_to, d.begin - counted_to, '\n');
    counted_to = d.begin;
    Finding f;
    f.type = d.type;
    f.confidence = d.confidence;
    f.offset = map_.ToOriginal(d.begin);
    // Decoders that misreport offsets around invalid input (seen with
    // some ICU converters) must not yield an empty span: fall back to the
    // normalized length.
    const uint64_t end = map_.ToOriginalEnd(d.end);
    f.length = end > f.offset ? end - f.offset : d.end - d.begin;
    if (unit_end_ > 0) {  // positions counted in decoded text: kept within the unit's bytes
      f.offset = std::min(f.offset, unit_end_ - 1);
      f.length = std::min(f.length, unit_end_ - f.offset);
    }
    f.line = line;
    f.value = std::move(d.value);
    f.brand = std::move(d.brand);
    f.test = d.test;
    f.where = where;
    out->Add(std::move(f));
  }
}

void TextScanner::ScanStream(ByteSource& source, ObjectReport* report, FindingCollector* out,
                             const DetectedEncoding* known) {
  const size_t chunk = core_.options.chunk_bytes;
  raw_.resize(chunk);
  Result<size_t> got = ReadFull(source, raw_.data(), chunk);
  if (!got.ok()) {
    report->status = ObjectStatus::kError;
    report->reason = "read failed: " + got.status().message();
    return;
  }
  bool eof = *got < chunk;
  const DetectedEncoding enc =
      known ? *known : DetectEncoding(std::string_view(raw_.data(), *got), eof);
  report->encoding = enc.name;
  if (enc.encoding == Encoding::kBinary) {
    report->status = ObjectStatus::kSkipped;
    report->reason = "binary";
    report->bytes = *got;
    return;
  }
  auto decoder = TextDecoder::Create(enc);
  if (!decoder.ok()) {
    report->status = ObjectStatus::kError;
    report->reason = decoder.status().message();
    return;
  }
  buffer_.clear();
  map_.Reset(enc.bom_bytes);
  uint64_t raw_offset = 0;
  uint64_t lines_before = 0;
  uint32_t settled = 0;
  std::string_view data(raw_.data() + enc.bom_bytes, *got - enc.bom_bytes);
  raw_offset = enc.bom_bytes;
  for (;;) {
    (*decoder)->Decode(data, raw_offset, eof, &buffer_, &map_);
    raw_offset += data.size();
    report->bytes = raw_offset;
    const uint32_t size = static_cast<uint32_t>(buffer_.size());
    const uint32_t settle_to = eof ? size : (size > kHoldBack ? size - kHoldBack : 0);
    if (settle_to > settled) {
      ScanBuffer(settled, settle_to, lines_before, std::nullopt, StructuredLocation{}, out);
    }
    if (eof) break;
    // Keep the tail: what is not settled yet, plus context before it.
    uint32_t cut = settle_to > kLookBehind ? settle_to - kLookBehind : 0;
    while (cut > 0 && (static_cast<unsigned char>(buffer_[cut]) & 0xC0) == 0x80) --cut;
    if (cut > 0) {
      lines_before += CountByte(buffer_.data(), cut, '\n');
      buffer_.erase(0, cut);
      map_.DropPrefix(cut);
    }
    settled = std::max(settled, settle_to) - cut;
    got = ReadFull(source, raw_.data(), chunk);
    if (!got.ok()) {
      report->status = ObjectStatus::kIncomplete;
      report->reason =
          "read failed after " + std::to_string(raw_offset) + " bytes: " + got.status().message();
      return;
    }
    eof = *got < chunk;
    data = std::string_view(raw_.data(), *got);
  }
}

void TextScanner::ScanUnit(std::string_view utf8, uint64_t base_offset, uint64_t base_line,
                           std::optional<LabelKind> unit_label, const StructuredLocation& where,
                           FindingCollector* out, uint64_t extent) {
  DecodeUnit(utf8, DetectedEncoding{Encoding::kUtf8, 0, "utf-8"}, base_offset);
  unit_end_ = extent > 0 ? base_offset + extent : 0;
  ScanBuffer(0, static_cast<uint32_t>(buffer_.size()), base_line > 0 ? base_line - 1 : 0,
             unit_label, where, out);
  unit_end_ = 0;
}

void TextScanner::ScanEncodedUnit(std::string_view bytes, const DetectedEncoding& encoding,
                                  uint64_t base_offset, uint64_t base_line,
                                  std::optional<LabelKind> unit_label,
                                  const StructuredLocation& where, FindingCollector* out) {
  if (encoding.encoding == Encoding::kBinary) return;
  DecodeUnit(bytes.substr(std::min(encoding.bom_bytes, bytes.size())), encoding,
             base_offset + encoding.bom_bytes);
  ScanBuffer(0, static_cast<uint32_t>(buffer_.size()), base_line > 0 ? base_line - 1 : 0,
             unit_label, where, out);
}

bool TextScanner::MayHoldFinding(std::string_view utf8, std::vector<TextSpan>* triggers) {
  const auto everywhere = [&] {
    if (triggers) triggers->push_back({0, utf8.size()});
    return true;
  };
  if (!core_.options.filter_records) return everywhere();
  const RecordFilter& filter = core_.record_filter;
  // Most records are their own normalized text: no copy then.
  std::string_view text = utf8;
  if (!IsFoldFree(utf8)) {
    DecodeUnit(utf8, DetectedEncoding{Encoding::kUtf8, 0, "utf-8"}, 0);
    text = buffer_;
    // Offsets of the normalized text are not the record's own.
    if (triggers) return filter.MayHoldFinding(text, Find(text)) && everywhere();
  }
  return filter.MayHoldFinding(text, Find(text), triggers);
}

bool TextScanner::TriggersOfEncoded(std::string_view bytes, const DetectedEncoding& encoding,
                                    std::vector<TextSpan>* triggers) {
  const RecordFilter& filter = core_.record_filter;
  if (!core_.options.filter_records) {
    triggers->push_back({0, bytes.size()});
    return true;
  }
  if (!filter.ReadsOnlyAscii() || !IsFoldFreeEncoded(bytes, encoding.encoding)) return false;
  // Those bytes are the text's own, in place. A '@' may also be the second
  // byte of a CP932 character: a trigger too many only costs a look.
  filter.MayHoldFinding(bytes, Find(bytes), triggers);
  return true;
}

Candidates TextScanner::Find(std::string_view text) {
  const RecordFilter& filter = core_.record_filter;
  if (filter.NeedsLabels()) {
    core_.finder->Find(text, *scratch_, &candidates_);
  } else {
    // Without labels only '@' and long numbers count: the digits of dates,
    // times and ids are passed over in bulk.
    FindRunsInLongDigitStretches(text, filter.ChainStretch(), &candidates_.runs,
                                 &candidates_.at_signs);
    candidates_.labels.clear();
  }
  return candidates_.View(text);
}

void TextScanner::DecodeUnit(std::string_view bytes, const DetectedEncoding& encoding,
                             uint64_t base_offset) {
  buffer_.clear();
  map_.Reset(base_offset);
  // Most table cells have nothing to fold: they are their own normalized
  // text, one to one with their bytes (what the decoder would produce).
  if (encoding.encoding == Encoding::kUtf8 && IsFoldFree(bytes)) {
    buffer_.assign(bytes);
    return;
  }
  TextDecoder* decoder = utf8_decoder_.get();
  if (encoding.encoding != Encoding::kUtf8) {
    if (!encoded_decoder_ || encoded_as_.encoding != encoding.encoding ||
        encoded_as_.name != encoding.name) {
      auto created = TextDecoder::Create(encoding);
      encoded_decoder_ = created.ok() ? std::move(*created) : nullptr;
      encoded_as_ = encoding;
    }
    if (encoded_decoder_) decoder = encoded_decoder_.get();
  }
  decoder->Reset();
  decoder->Decode(bytes, base_offset, true, &buffer_, &map_);
}

}  // namespace mamori
