#include "detectors/address.h"

#include <algorithm>

#include "detectors/address_parser.h"
#include "detectors/context.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

using K = LabelKind;

// Why an address may begin somewhere; stronger triggers sort first.
enum class Trigger { kLabel, kPostalCode, kPrefecture };

struct Start {
  uint32_t pos;
  Trigger trigger;
};

// Skips what stands between a label and its value: spaces, ':', '=',
// brackets, one line break.
size_t SkipSeparators(std::string_view t, size_t i) {
  bool newline = false;
  for (int n = 0; n < 12 && i < t.size(); ++n) {
    const char c = t[i];
    if (c == ' ' || c == ':' || c == '\t' || c == '=' || c == '"' || c == ']' || c == ')' ||
        c == '\r') {
      ++i;
    } else if (c == '\n' && !newline) {
      newline = true;
      ++i;
    } else if (t.substr(i).starts_with("】") || t.substr(i).starts_with("」") ||
               t.substr(i).starts_with("「") || t.substr(i).starts_with("）")) {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}

// A postal code "NNN-NNNN" or "NNNNNNN" at i (after an optional 〒): its end, or i.
size_t SkipPostalCode(std::string_view t, size_t i) {
  size_t j = i;
  if (t.substr(j).starts_with("〒")) j = SkipSeparators(t, j + 3);
  const auto digits_from = [&](size_t from) {
    size_t end = from;
    while (end < t.size() && IsAsciiDigit(t[end])) ++end;
    return end;
  };
  size_t k = digits_from(j);
  bool postal = k - j == 7;
  if (k - j == 3 && k < t.size() && t[k] == '-') {
    const size_t m = digits_from(k + 1);
    postal = m - k - 1 == 4;
    k = m;
  }
  if (!postal || (k < t.size() && IsAsciiAlnum(t[k]))) return i;
  return SkipSeparators(t, k);
}

bool StartsJapanese(std::string_view t, size_t i) {
  return i < t.size() && static_cast<unsigned char>(t[i]) >= 0xE3;
}

std::optional<Confidence> Judge(const ParsedAddress& a, Trigger trigger) {
  const Confidence sure = a.known_municipality ? Confidence::kHigh : Confidence::kMedium;
  if (trigger == Trigger::kPrefecture) {
    if (!a.prefecture) return std::nullopt;
    // One bare number only glued to a known town: 八丈町三根1663, not 港区 3.
    const bool lot =
        a.numbers == 1 && a.known_municipality && a.town && !a.block_spaced && !a.block_then_name;
    const bool block = a.numbers >= 2 || (a.numbers == 1 && a.block_unit) || lot;
    return block ? std::optional<Confidence>(sure) : std::nullopt;
  }
  if (a.numbers >= 1) return sure;
  if (a.prefecture && a.town) return Confidence::kMedium;
  return std::nullopt;
}

class AddressDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    return std::bitset<kDataTypeCount>().set(static_cast<size_t>(DataType::kAddress));
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    const std::string_view t = in.text;
    std::vector<Start> starts;
    if (in.unit_label == K::kAddress) {
      starts.push_back(
          {static_cast<uint32_t>(SkipPostalCode(t, SkipSeparators(t, 0))), Trigger::kLabel});
    }
    for (const LabelHit& h : in.labels) {
      if (h.kind == K::kPrefecture) {
        starts.push_back({h.begin, Trigger::kPrefecture});
      } else if (h.kind == K::kAddress) {
        starts.push_back(
            {static_cast<uint32_t>(SkipPostalCode(t, SkipSeparators(t, h.end))), Trigger::kLabel});
      } else if (h.kind == K::kPostalCode) {
        const size_t after = SkipPostalCode(t, SkipSeparators(t, h.end));
        if (after > h.end) starts.push_back({static_cast<uint32_t>(after), Trigger::kPostalCode});
      }
    }
    // An unlabelled "NNN-NNNN" right before Japanese text.
    for (size_t i = 0; i + 1 < in.runs.size(); ++i) {
      const DigitRun r = in.runs[i], next = in.runs[i + 1];
      if (r.end - r.begin != 3 || next.begin != r.end + 1 || t[r.end] != '-' ||
          next.end - next.begin != 4) {
        continue;
      }
      const size_t after = SkipPostalCode(t, r.begin);
      if (after > r.begin && StartsJapanese(t, after)) {
        starts.push_back({static_cast<uint32_t>(after), Trigger::kPostalCode});
      }
    }
    if (starts.empty()) return;
    std::sort(starts.begin(), starts.end(), [](const Start& a, const Start& b) {
      return a.pos != b.pos ? a.pos < b.pos : a.trigger < b.trigger;
    });
    // The building part of an address stops where another label begins ("TEL").
    const StopAt stop_at = [&in](uint32_t pos) {
      auto it = std::lower_bound(in.labels.begin(), in.labels.end(), pos,
                                 [](const LabelHit& h, uint32_t p) { return h.begin < p; });
      return it != in.labels.end() && it->begin == pos && it->kind != K::kPrefecture;
    };
    uint32_t covered = 0;
    for (const Start& s : starts) {
      if (s.pos < covered || !StartsJapanese(t, s.pos)) continue;
      const std::optional<ParsedAddress> a = ParseAddress(t, s.pos, stop_at);
      if (!a) continue;
      const std::optional<Confidence> confidence = Judge(*a, s.trigger);
      if (!confidence) continue;
      out.push_back(
          Detection{DataType::kAddress, *confidence, a->begin, a->end, a->value, {}, false});
      covered = a->end;
    }
  }
};

bool HasBlockNumber(std::string_view s) {
  return std::any_of(s.begin(), s.end(), IsAsciiDigit) ||
         s.find("丁目") != std::string_view::npos || s.find("番地") != std::string_view::npos;
}

}  // namespace

bool LooksLikeAddress(std::string_view cell) {
  if (std::all_of(cell.begin(), cell.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    // A number and words: "1-2-3 Jingumae, Shibuya-ku", "123 Main St".
    return HasBlockNumber(cell) && std::any_of(cell.begin(), cell.end(), IsAsciiAlpha) &&
           cell.find_first_of(" ,") != std::string_view::npos;
  }
  if (PrefectureLength(cell) > 0 || HasBlockNumber(cell)) return true;
  const std::optional<ParsedAddress> a = ParseAddress(cell, 0);
  return a && a->known_municipality;
}

std::unique_ptr<Detector> MakeAddressDetector() { return std::make_unique<AddressDetector>(); }

}  // namespace mamori
