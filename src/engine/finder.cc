#include "engine/finder.h"

#include <hs/hs.h>

#include <algorithm>
#include <cstddef>
#include <string>

#include "detectors/context.h"
#include "engine/label_database.h"
#include "engine/labels.h"

#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace mamori {
namespace {

void ScanScalar(std::string_view text, size_t from, size_t to, std::vector<DigitRun>* runs,
                std::vector<uint32_t>* at_signs, bool* in_run) {
  for (size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (IsAsciiDigit(c)) {
      if (!*in_run) runs->push_back({static_cast<uint32_t>(i), 0});
      *in_run = true;
      continue;
    }
    if (*in_run) runs->back().end = static_cast<uint32_t>(i);
    *in_run = false;
    if (c == '@') at_signs->push_back(static_cast<uint32_t>(i));
  }
}

// How far from a value the structured detectors read labels (see
// FindNearValues). A label owns a value that starts at most kLabelWindow
// bytes after the label's end (detectors/context.h; LabelZones reach two
// more). A value starts at most kValueLead bytes before its first digit run
// (an era or month name, the "(+" of a phone number, a passport's letters),
// an email at most kMaxLocalPart bytes before its '@'. A birth label may
// follow a date's last digits by kAfterValue bytes ("12日 生まれ").
constexpr uint32_t kValueLead = 32;
constexpr uint32_t kMaxLocalPart = 64;
constexpr uint32_t kAfterValue = 16;
// Windows nearer than this are searched as one: a Vectorscan call has a
// fixed cost.
constexpr uint32_t kMergeGap = 256;
// Text with a run or an '@' every this many bytes or less (logs, metrics,
// tables) is searched whole: its windows would cover it anyway, and
// working them out costs more than it saves.
constexpr uint32_t kDenseSpacing = 128;

struct MatchContext {
  std::string_view text;  // the whole text; the scan may cover a part
  size_t base;            // where the scanned part starts in it
  std::vector<LabelHit>* hits;
};

// ASCII labels are words: "exp" must not fire inside "expression".
bool OnWordBoundary(std::string_view text, size_t begin, size_t end) {
  const bool ascii_start = static_cast<unsigned char>(text[begin]) < 0x80;
  const bool ascii_end = static_cast<unsigned char>(text[end - 1]) < 0x80;
  if (ascii_start && IsAsciiAlnum(text[begin]) && begin > 0 && IsAsciiAlnum(text[begin - 1]))
    return false;
  if (ascii_end && IsAsciiAlnum(text[end - 1]) && end < text.size() && IsAsciiAlnum(text[end]))
    return false;
  return true;
}

int OnLabelMatch(unsigned int id, unsigned long long from, unsigned long long to, unsigned int,
                 void* ctx) {
  auto* m = static_cast<MatchContext*>(ctx);
  const Label& label = AllLabels()[id];
  const size_t end = m->base + to;
  const size_t begin = end - label.text.size();
  if (OnWordBoundary(m->text, begin, end)) {
    m->hits->push_back({static_cast<uint32_t>(begin), static_cast<uint32_t>(end), label.kind});
  }
  (void)from;
  return 0;
}

// Keeps the longest of overlapping labels: "mail address" is one email label,
// not "mail" followed by "address".
void DropContainedLabels(std::vector<LabelHit>* hits) {
  std::sort(hits->begin(), hits->end(), [](const LabelHit& a, const LabelHit& b) {
    return a.begin != b.begin ? a.begin < b.begin : a.end > b.end;
  });
  size_t kept = 0;
  uint32_t cover_end = 0;
  for (const LabelHit& h : *hits) {
    if (kept > 0 && h.end <= cover_end) continue;
    (*hits)[kept++] = h;
    cover_end = std::max(cover_end, h.end);
  }
  hits->resize(kept);
}

// An ASCII letter or a byte of a non-ASCII character: what every label has.
bool HasLetter(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    return static_cast<unsigned char>(c) >= 0x80 || IsAsciiAlpha(c);
  });
}

}  // namespace

#if defined(__x86_64__)
// FindDigitRunsAndAtSigns with AVX-512: one compare per 64-byte block, and
// the run edges written sixteen at a time by vpcompressd. Edges alternate
// (begin, end, begin, end ...), so edge k is field k % 2 of run k / 2 and no
// branch per edge is needed, which the CPU mispredicts in digit-heavy text.
__attribute__((target("avx512f,avx512bw,bmi2,popcnt"))) void FindDigitRunsAndAtSignsAvx512(
    std::string_view text, std::vector<DigitRun>* out, std::vector<uint32_t>* at_signs) {
  static_assert(sizeof(DigitRun) == 2 * sizeof(uint32_t) && offsetof(DigitRun, end) == 4);
  // The stores below need room past the last edge. Growing *out to it and
  // shrinking it again zero-filled that room on every call (every table
  // cell); this buffer only grows, and *out receives just the runs.
  thread_local std::vector<DigitRun> edge_buffer;
  std::vector<DigitRun>* const runs = &edge_buffer;
  at_signs->clear();
  size_t edges_written = 0;
  uint64_t carry = 0;  // 1 when the previous block ended inside a run
  const __m512i lanes = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  for (size_t i = 0; i < text.size(); i += 64) {
    const size_t left = text.size() - i;
    const __mmask64 in_text = left >= 64 ? ~uint64_t{0} : _bzhi_u64(~uint64_t{0}, left);
    const __m512i v = _mm512_maskz_loadu_epi8(in_text, text.data() + i);
    const uint64_t digits = _mm512_mask_cmple_epu8_mask(
        in_text, _mm512_sub_epi8(v, _mm512_set1_epi8('0')), _mm512_set1_epi8(9));
    const uint64_t edges = digits ^ ((digits << 1) | carry);
    carry = digits >> 63;
    if (edges != 0) {
      // Each 16-lane store may write up to 16 slots past the last edge.
      const size_t need = (edges_written + 64) / 2 + 8;
      if (runs->size() < need) runs->resize(std::max(need, 2 * runs->size()));
      char* const out = reinterpret_cast<char*>(runs->data()) + sizeof(uint32_t) * edges_written;
      const __m512i pos = _mm512_add_epi32(lanes, _mm512_set1_epi32(static_cast<int>(i)));
      for (uint32_t q = 0; q < 4; ++q) {
        const auto quarter = static_cast<__mmask16>(edges >> (16 * q));
        const size_t before = _mm_popcnt_u64(_bzhi_u64(edges, 16 * q));
        _mm512_storeu_si512(
            out + sizeof(uint32_t) * before,
            _mm512_maskz_compress_epi32(quarter, _mm512_add_epi32(pos, _mm512_set1_epi32(16 * q))));
      }
      edges_written += _mm_popcnt_u64(edges);
    }
    for (uint64_t ats = _mm512_mask_cmpeq_epi8_mask(in_text, v, _mm512_set1_epi8('@')); ats != 0;
         ats &= ats - 1) {
      at_signs->push_back(static_cast<uint32_t>(i + __builtin_ctzll(ats)));
    }
  }
  if (edges_written % 2 == 1) {  // a run open at the end of the text
    runs->resize(std::max(runs->size(), edges_written / 2 + 1));
    (*runs)[edges_written / 2].end = static_cast<uint32_t>(text.size());
    ++edges_written;
  }
  out->assign(runs->begin(), runs->begin() + static_cast<ptrdiff_t>(edges_written / 2));
}
#endif

void FindDigitRunsAndAtSignsPortable(std::string_view text, std::vector<DigitRun>* runs,
                                     std::vector<uint32_t>* at_signs) {
  runs->clear();
  at_signs->clear();
  size_t i = 0;
  bool in_run = false;
#if defined(__SSE2__)
  // 64 bytes at a time: one bit per byte for "is a digit" and "is '@'".
  // Run starts are digit bits whose predecessor is not a digit; run ends
  // are non-digit bits whose predecessor is. Each is found with ctz, so the
  // cost follows the number of runs, not the number of bytes.
  const __m128i zero_minus_one = _mm_set1_epi8('0' - 1);
  const __m128i nine_plus_one = _mm_set1_epi8('9' + 1);
  const __m128i at = _mm_set1_epi8('@');
  const auto* p = reinterpret_cast<const __m128i*>(text.data());
  uint64_t carry = 0;  // 1 when the previous block ended inside a run
  for (; i + 64 <= text.size(); i += 64, p += 4) {
    uint64_t digits = 0, ats = 0;
    for (int k = 0; k < 4; ++k) {
      const __m128i v = _mm_loadu_si128(p + k);
      // Signed compares: bytes >= 0x80 are negative and never digits.
      const __m128i d =
          _mm_and_si128(_mm_cmpgt_epi8(v, zero_minus_one), _mm_cmplt_epi8(v, nine_plus_one));
      digits |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(d))) << (16 * k);
      ats |= static_cast<uint64_t>(static_cast<uint16_t>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, at))))
             << (16 * k);
    }
    const uint64_t before = (digits << 1) | carry;
    uint64_t edges = (digits & ~before) | (~digits & before);  // starts and ends
    while (edges) {
      const uint32_t pos = static_cast<uint32_t>(i + __builtin_ctzll(edges));
      if (in_run) {
        runs->back().end = pos;
      } else {
        runs->push_back({pos, 0});
      }
      in_run = !in_run;
      edges &= edges - 1;
    }
    while (ats) {
      at_signs->push_back(static_cast<uint32_t>(i + __builtin_ctzll(ats)));
      ats &= ats - 1;
    }
    carry = digits >> 63;
  }
#endif
  ScanScalar(text, i, text.size(), runs, at_signs, &in_run);
  if (in_run) runs->back().end = static_cast<uint32_t>(text.size());
}

void FindDigitRunsAndAtSigns(std::string_view text, std::vector<DigitRun>* runs,
                             std::vector<uint32_t>* at_signs) {
#if defined(__x86_64__)
  static const bool avx512 = __builtin_cpu_supports("avx512f") &&
                             __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("bmi2") &&
                             __builtin_cpu_supports("popcnt");
  if (avx512) return FindDigitRunsAndAtSignsAvx512(text, runs, at_signs);
#endif
  FindDigitRunsAndAtSignsPortable(text, runs, at_signs);
}

Finder::Scratch::~Scratch() { hs_free_scratch(scratch_); }

Finder::~Finder() { hs_free_database(labels_db_); }

Result<std::unique_ptr<Finder>> Finder::Create(WordLabels word_labels) {
  const std::span<const Label> labels = AllLabels();
  std::unique_ptr<Finder> finder(new Finder());
  finder->word_labels_ = word_labels;
  finder->labels_need_letters_ =
      std::all_of(labels.begin(), labels.end(), [](const Label& l) { return HasLetter(l.text); });
  for (const Label& l : labels) {
    finder->max_label_bytes_ =
        std::max(finder->max_label_bytes_, static_cast<uint32_t>(l.text.size()));
  }
  // Place names and honorifics only matter to the word-led detectors.
  const LabelSet set = word_labels == WordLabels::kNever ? LabelSet::kValueLabels : LabelSet::kAll;
  auto db = DeserializeLabelDatabase(EmbeddedLabelDatabase(set));
  if (!db.ok()) db = CompileLabelDatabase(set);  // built for another CPU or libhs
  if (!db.ok()) return db.status();
  finder->labels_db_ = *db;
  return finder;
}

Result<std::unique_ptr<Finder::Scratch>> Finder::NewScratch() const {
  std::unique_ptr<Scratch> s(new Scratch());
  if (hs_alloc_scratch(labels_db_, &s->scratch_) != HS_SUCCESS) {
    return Status::Internal("cannot allocate Vectorscan scratch");
  }
  return s;
}

void Finder::Find(std::string_view text, Scratch& scratch, CandidateBuffers* out) const {
  FindDigitRunsAndAtSigns(text, &out->runs, &out->at_signs);
  out->labels.clear();
  // Every detector but the address and name ones starts from a digit or an
  // '@': without either, labels cannot matter to them (most table cells and
  // some prose end here). Addresses need Japanese text; names may be written
  // in ASCII after an English label.
  if (out->runs.empty() && out->at_signs.empty()) {
    if (word_labels_ == WordLabels::kNever) return;
    if (word_labels_ == WordLabels::kNonAscii && std::none_of(text.begin(), text.end(), [](char c) {
          return static_cast<unsigned char>(c) >= 0x80;
        })) {
      return;
    }
  }
  if (labels_need_letters_ && !HasLetter(text)) return;
  MatchContext ctx{text, 0, &out->labels};
  hs_scan(labels_db_, text.data(), static_cast<unsigned>(text.size()), 0, scratch.scratch_,
          OnLabelMatch, &ctx);
  DropContainedLabels(&out->labels);
}

void Finder::FindNearValues(std::string_view text, Scratch& scratch, CandidateBuffers* out) const {
  if (word_labels_ != WordLabels::kNever) return Find(text, scratch, out);
  FindDigitRunsAndAtSigns(text, &out->runs, &out->at_signs);
  out->labels.clear();
  const std::vector<DigitRun>& runs = out->runs;
  const std::vector<uint32_t>& ats = out->at_signs;
  if ((runs.empty() && ats.empty()) || (labels_need_letters_ && !HasLetter(text))) return;
  const uint64_t size = text.size();
  uint64_t from = 0, to = size;  // the part of text to search next
  const auto scan = [&] {
    MatchContext ctx{text, from, &out->labels};
    hs_scan(labels_db_, text.data() + from, static_cast<unsigned>(to - from), 0, scratch.scratch_,
            OnLabelMatch, &ctx);
  };
  if (runs.size() + ats.size() >= size / kDenseSpacing) {  // the windows would cover it all
    scan();
    DropContainedLabels(&out->labels);
    return;
  }
  // Each run and '@' asks for labels in [its start - lead, its end + trail);
  // the longest label widens both so that a label containing a shorter one
  // is found whole, as a whole-text search would. Windows come in the
  // order they begin (runs and '@'s merged by it) and overlapping or near
  // ones are joined, so no label is found twice.
  const uint64_t run_lead = kLabelWindow + 2 + kValueLead + max_label_bytes_;
  const uint64_t at_lead = run_lead + kMaxLocalPart;
  const uint64_t trail = kAfterValue + max_label_bytes_;
  const auto before = [](uint64_t pos, uint64_t lead) { return pos > lead ? pos - lead : 0; };
  to = 0;
  for (size_t r = 0, a = 0; r < runs.size() || a < ats.size();) {
    uint64_t begin, end;
    if (a == ats.size() ||
        (r < runs.size() && before(runs[r].begin, run_lead) <= before(ats[a], at_lead))) {
      begin = before(runs[r].begin, run_lead);
      end = runs[r++].end + trail;
    } else {
      begin = before(ats[a], at_lead);
      end = ats[a++] + 1 + trail;
    }
    end = std::min(end, size);
    if (to > from && begin <= to + kMergeGap) {
      to = std::max(to, end);
    } else {
      if (to > from) scan();
      from = begin;
      to = end;
    }
    // Runs close together (a date, a table row) join this window in a
    // tight loop, up to the next '@'.
    const uint64_t next_at = a < ats.size() ? before(ats[a], at_lead) : UINT64_MAX;
    for (; r < runs.size(); ++r) {
      const uint64_t run_begin = before(runs[r].begin, run_lead);
      if (run_begin > to + kMergeGap || run_begin > next_at) break;
      to = std::max(to, std::min<uint64_t>(runs[r].end + trail, size));
    }
  }
  if (to > from) scan();
  DropContainedLabels(&out->labels);
}

void Finder::FindLabels(std::string_view text, uint32_t from, uint32_t to, Scratch& scratch,
                        std::vector<LabelHit>* out) const {
  out->clear();
  to = std::min<uint32_t>(to, static_cast<uint32_t>(text.size()));
  if (from >= to) return;
  const std::string_view part = text.substr(from, to - from);
  if (labels_need_letters_ && !HasLetter(part)) return;
  MatchContext ctx{text, from, out};
  hs_scan(labels_db_, part.data(), static_cast<unsigned>(part.size()), 0, scratch.scratch_,
          OnLabelMatch, &ctx);
  DropContainedLabels(out);
}

}  // namespace mamori
