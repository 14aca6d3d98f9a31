// Person names: see name.h for the rules. Offsets are bytes of the
// normalized buffer; characters are decoded only around triggers.
#include "detectors/name.h"

#include <algorithm>
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "detectors/context.h"
#include "detectors/morphology.h"
#include "detectors/name_dict.h"

namespace mamori {
namespace {

// Longest name part and whole name we consider, in characters / bytes.
constexpr int kMaxPartChars = 8;
constexpr uint32_t kMaxNameBytes = 64;
// Lines longer than this are prose or data dumps, not a record with a name.
constexpr uint32_t kMaxRecordLine = 512;
// Digits on a line that make it a record about someone (a phone number has 10).
constexpr uint32_t kRecordDigits = 7;

enum class Script { kKanji, kKatakana, kHiragana, kLatin, kSpace, kOther };

struct Char {
  uint32_t cp;
  uint32_t len;
};

Char DecodeAt(std::string_view s, size_t i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  auto cont = [&](size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) & 0x3F : 0;
  };
  if (b0 < 0x80) return {b0, 1};
  if ((b0 & 0xE0) == 0xC0) return {((b0 & 0x1Fu) << 6) | cont(1), 2};
  if ((b0 & 0xF0) == 0xE0) return {((b0 & 0x0Fu) << 12) | (cont(1) << 6) | cont(2), 3};
  if ((b0 & 0xF8) == 0xF0)
    return {((b0 & 0x07u) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3), 4};
  return {0xFFFD, 1};
}

// The start of the character that ends at `i` (> 0).
size_t PrevStart(std::string_view s, size_t i) {
  size_t p = i - 1;
  while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80 && i - p < 4) --p;
  return p;
}

Script ScriptOf(uint32_t cp) {
  if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
      (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x20000 && cp <= 0x2FFFF) || cp == 0x3005 ||
      cp == 0x3006 || cp == 0x30F6) {
    return Script::kKanji;  // with 々, 〆 and ヶ, which live in surnames
  }
  if ((cp >= 0x30A1 && cp <= 0x30FA) || cp == 0x30FC || cp == 0x30FB) return Script::kKatakana;
  if (cp >= 0x3041 && cp <= 0x3096) return Script::kHiragana;
  if (cp < 0x80 && IsAsciiAlpha(static_cast<char>(cp))) return Script::kLatin;
  if (cp == ' ') return Script::kSpace;
  return Script::kOther;
}

Script ScriptAt(std::string_view s, size_t i) { return ScriptOf(DecodeAt(s, i).cp); }
Script ScriptBefore(std::string_view s, size_t i) {
  return i == 0 ? Script::kOther : ScriptAt(s, PrevStart(s, i));
}

struct Span {
  uint32_t begin;
  uint32_t end;
};

// Back from `end` over characters of `script`, allowing one space between
// two parts ("山田 太郎"); nullopt when there is none.
std::optional<Span> RunBefore(std::string_view text, uint32_t end, Script script) {
  size_t i = end;
  int chars = 0;
  bool spaced = false;
  while (i > 0 && chars < 2 * kMaxPartChars) {
    const size_t p = PrevStart(text, i);
    const Script s = ScriptAt(text, p);
    if (s == script) {
      i = p;
      ++chars;
    } else if (s == Script::kSpace && !spaced && chars > 0 && ScriptBefore(text, p) == script) {
      i = p;
      spaced = true;
    } else {
      break;
    }
  }
  if (chars == 0) return std::nullopt;
  return Span{static_cast<uint32_t>(i), end};
}

// Words of a span: parts split at spaces and '・'.
std::vector<std::string_view> PartsOf(std::string_view s) {
  std::vector<std::string_view> parts;
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != ' ' && s.substr(j, 3) != "・") ++j;
    if (j > i) parts.push_back(s.substr(i, j - i));
    i = j + (j < s.size() && s[j] == ' ' ? 1 : 3);
  }
  return parts;
}

std::string WithoutSpaces(std::string_view s) {
  std::string out;
  for (std::string_view p : PartsOf(s)) out += p;
  return out;
}

size_t CharCount(std::string_view s) {
  return static_cast<size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

constexpr uint8_t kWritten = kSurnameWritten | kGivenWritten;
constexpr uint8_t kReading = kSurnameReading | kGivenReading;

// A surname followed by a given name, as two parts or split inside one
// ("山田太郎"), according to the name list.
bool IsFullName(std::string_view s, uint8_t surname, uint8_t given) {
  const NameDictionary& dict = NameDictionary::Shared();
  const std::vector<std::string_view> parts = PartsOf(s);
  if (parts.size() == 2) {
    return (dict.Lookup(parts[0]) & surname) && (dict.Lookup(parts[1]) & given);
  }
  if (parts.size() != 1) return false;
  for (size_t cut = DecodeAt(s, 0).len; cut < s.size(); cut += DecodeAt(s, cut).len) {
    if ((dict.Lookup(s.substr(0, cut)) & surname) && (dict.Lookup(s.substr(cut)) & given)) {
      return true;
    }
  }
  return false;
}

// Words before a name that make it a company's: 株式会社山田 is no person.
bool AfterCompanyMark(std::string_view text, uint32_t begin) {
  static constexpr std::array<std::string_view, 9> kMarks = {
      "株式会社", "有限会社", "合同会社", "合資会社", "合名会社", "(株)", "(有)", "㈱", "㈲"};
  std::string_view before = text.substr(0, begin);
  while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
  return std::any_of(kMarks.begin(), kMarks.end(),
                     [&](std::string_view m) { return before.ends_with(m); });
}

bool HasCompanyWord(std::string_view s) {
  static constexpr std::array<std::string_view, 5> kWords = {"会社", "(株)", "(有)", "㈱", "㈲"};
  return std::any_of(kWords.begin(), kWords.end(),
                     [&](std::string_view w) { return s.find(w) != std::string_view::npos; });
}

// Which way a kanji span is trimmed to its name words.
enum class Trim { kFromEnd, kFromStart };

// The name words of a kanji span: the run of words at one end of it that
// can be (part of) a name, accepted when some signal says it is one.
// `honorific_end`, when set, is the end of the honorific after the span: a
// known word that swallows it (皆様, 奥さん, 彼氏) means no name is there.
std::optional<Span> KanjiName(std::string_view text, Span span, Trim trim,
                              std::optional<uint32_t> honorific_end,
                              bool given_name_honorific = false) {
  const uint32_t analysed_end = honorific_end.value_or(span.end);
  const std::string_view window = text.substr(span.begin, analysed_end - span.begin);
  thread_local std::vector<Morpheme> words;
  const bool analysed = AnalyzeMorphemes(window, &words);
  const NameDictionary& dict = NameDictionary::Shared();
  const uint32_t rel_end = span.end - span.begin;
  for (Morpheme& m : words) {
    if (m.begin < rel_end && m.end > rel_end) {
      if (!(m.tags & kTagUnknown)) return std::nullopt;
      m.end = rel_end;  // 小鳥遊様 reads as 小鳥|遊様: the unknown word ends at the honorific
    }
  }
  std::erase_if(words, [&](const Morpheme& m) { return m.end > rel_end || m.begin >= rel_end; });
  if (!analysed || words.empty()) {
    // Without MeCab only the name list can speak.
    const std::string_view s = text.substr(span.begin, span.end - span.begin);
    if ((dict.Lookup(WithoutSpaces(s)) & kWritten) ||
        IsFullName(s, kSurnameWritten, kGivenWritten)) {
      return span;
    }
    return std::nullopt;
  }
  auto surface = [&](const Morpheme& m) { return window.substr(m.begin, m.end - m.begin); };
  auto name_like = [&](const Morpheme& m) {
    if (m.tags & (kTagPersonName | kTagUnknown)) return true;
    if (m.tags & kTagOrganization) return false;
    // The span is kanji: a prefix or suffix tag (悠|真, 真 as 接頭詞) can be part of a name too.
    if (dict.Lookup(surface(m)) & kWritten) return true;
    return (m.tags & kTagCommonNoun) && CharCount(surface(m)) == 1;  // 陽|翔, 結|愛
  };
  size_t first = 0, last = words.size();  // the kept words [first, last)
  if (trim == Trim::kFromEnd) {
    first = last;
    while (first > 0 && name_like(words[first - 1])) --first;
  } else {
    last = first;
    while (last < words.size() && name_like(words[last])) ++last;
  }
  if (first >= last || last - first > 4) return std::nullopt;
  const Span kept{span.begin + words[first].begin, span.begin + words[last - 1].end};
  const std::string_view s = text.substr(kept.begin, kept.end - kept.begin);
  if (AfterCompanyMark(text, kept.begin)) return std::nullopt;
  bool signal = false;
  for (size_t i = first; i < last; ++i) {
    const Morpheme& m = words[i];
    if (m.tags & (kTagPersonName | kTagUnknown)) signal = true;
    if (CharCount(surface(m)) > 1 && (dict.Lookup(surface(m)) & kWritten)) signal = true;
  }
  const std::string joined = WithoutSpaces(s);
  if (CharCount(joined) > 1 && (dict.Lookup(joined) & kWritten)) signal = true;
  if (IsFullName(s, kSurnameWritten, kGivenWritten)) signal = true;
  const bool childs_given_name = given_name_honorific && (dict.Lookup(joined) & kGivenWritten);
  if (childs_given_name) signal = true;
  // One everyday word on its own (奥, 王, 神) is not a name even if the list
  // has it, unless a child's honorific (紬ちゃん, 樹君) asks for a given name.
  if (last - first == 1 && !(words[first].tags & (kTagPersonName | kTagUnknown)) &&
      CharCount(joined) == 1 && !childs_given_name) {
    return std::nullopt;
  }
  return signal ? std::optional<Span>(kept) : std::nullopt;
}

// True when MeCab tags some word of `s` as a person's name.
bool IpadicSeesPersonName(std::string_view s) {
  thread_local std::vector<Morpheme> words;
  if (!AnalyzeMorphemes(s, &words)) return false;
  return std::any_of(words.begin(), words.end(),
                     [](const Morpheme& m) { return (m.tags & kTagPersonName) != 0; });
}

// True when IPADIC knows `s` as an everyday word (番地, 中央): every word in
// it is a common noun or a function word, none a name, place or unknown.
bool IpadicSeesCommonWord(std::string_view s) {
  thread_local std::vector<Morpheme> words;
  if (!AnalyzeMorphemes(s, &words) || words.empty()) return false;
  return std::all_of(words.begin(), words.end(), [](const Morpheme& m) {
    return (m.tags & (kTagCommonNoun | kTagOther)) != 0;
  });
}

// A katakana span is a name when the name list knows it as written or read.
bool KatakanaIsName(std::string_view s) {
  const NameDictionary& dict = NameDictionary::Shared();
  if (dict.Lookup(WithoutSpaces(s)) & (kWritten | kReading)) return true;
  return IsFullName(s, kSurnameReading | kSurnameWritten, kGivenReading | kGivenWritten) ||
         IsFullName(s, kGivenReading | kGivenWritten, kSurnameReading | kSurnameWritten);
}

// A kanji surname and a hiragana given name, with or without a space
// between them (佐藤 さくら, 佐藤さくら): [surname.begin, given.end).
bool SurnameWithKanaGivenName(std::string_view text, Span surname, Span given) {
  const NameDictionary& dict = NameDictionary::Shared();
  const std::string_view sur = text.substr(surname.begin, surname.end - surname.begin);
  const std::string_view giv = text.substr(given.begin, given.end - given.begin);
  return CharCount(giv) >= 2 && CharCount(giv) <= 6 && (dict.Lookup(giv) & kGivenWritten) &&
         (dict.Lookup(sur) & kSurnameWritten) && !AfterCompanyMark(text, surname.begin) &&
         !IpadicSeesCommonWord(sur);
}

// The hiragana given name and kanji surname that end at `end`, if any.
std::optional<Span> KanaGivenNameBefore(std::string_view text, uint32_t end) {
  uint32_t i = end;
  while (i > 0 && ScriptBefore(text, i) == Script::kHiragana && end - i < 18) {
    i = static_cast<uint32_t>(PrevStart(text, i));
  }
  const Span given{i, end};
  if (i > 0 && text[i - 1] == ' ') --i;
  uint32_t b = i;
  while (b > 0 && ScriptBefore(text, b) == Script::kKanji && i - b < 3 * kMaxPartChars) {
    b = static_cast<uint32_t>(PrevStart(text, b));
  }
  if (b == i || !SurnameWithKanaGivenName(text, {b, i}, given)) return std::nullopt;
  return Span{b, end};
}

// Romanized: one to four capitalized words ("Taro Yamada", "YAMADA Taro").
bool LooksLikeRomanName(std::string_view s) {
  const std::vector<std::string_view> parts = PartsOf(s);
  if (parts.empty() || parts.size() > 4) return false;
  return std::all_of(parts.begin(), parts.end(), [](std::string_view w) {
    return w.size() >= 2 && w.front() >= 'A' && w.front() <= 'Z' &&
           std::all_of(w.begin(), w.end(),
                       [](char c) { return IsAsciiAlpha(c) || c == '.' || c == '\'' || c == '-'; });
  });
}

bool RomanFullName(std::string_view s) {
  const std::vector<std::string_view> parts = PartsOf(s);
  if (parts.size() != 2 || !LooksLikeRomanName(s)) return false;
  const NameDictionary& dict = NameDictionary::Shared();
  const uint8_t a = dict.Lookup(ToLowerAscii(parts[0])), b = dict.Lookup(ToLowerAscii(parts[1]));
  return ((a & kGivenRomaji) && (b & kSurnameRomaji)) ||
         ((a & kSurnameRomaji) && (b & kGivenRomaji));
}

class NameDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override {
    return std::bitset<kDataTypeCount>().set(static_cast<size_t>(DataType::kPersonName));
  }

  // ENAMDICT takes a sixth of a second to load on one thread: worth
  // starting early, and splitting between the threads that would wait.
  void Prepare(unsigned threads) const override {
    NameDictionary::Shared(threads);
    LoadMorphology();
  }

  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    if (!in.Wants(DataType::kPersonName)) return;
    std::vector<Detection> found;
    if (in.unit_label == LabelKind::kName || in.unit_label == LabelKind::kCardHolder) {
      LabelledName(in, 0, /*ascii_label=*/false, found);
    }
    for (const LabelHit& h : in.labels) {
      if (h.kind == LabelKind::kHonorific) HonorificName(in, h, found);
      if (h.kind == LabelKind::kName || h.kind == LabelKind::kCardHolder) LabelName(in, h, found);
    }
    RecordNames(in, found);
    const size_t n = found.size();
    for (size_t i = 0; i < n; ++i) ReadingAfter(in, found[i].end, found);
    out.insert(out.end(), std::make_move_iterator(found.begin()),
               std::make_move_iterator(found.end()));
  }

 private:
  static void Add(std::string_view text, Span s, Confidence c, std::vector<Detection>& found) {
    if (s.end <= s.begin || s.end - s.begin > kMaxNameBytes) return;
    for (const Detection& d : found) {
      if (s.begin < d.end && d.begin < s.end) return;  // already reported
    }
    found.push_back({DataType::kPersonName,
                     c,
                     s.begin,
                     s.end,
                     std::string(text.substr(s.begin, s.end - s.begin)),
                     {},
                     false});
  }

  // 山田様, 陽翔さん, ヤマダ様, 山田 太郎 様: the name before an honorific.
  static void HonorificName(const Candidates& in, const LabelHit& h,
                            std::vector<Detection>& found) {
    const std::string_view text = in.text;
    if (static_cast<unsigned char>(text[h.begin]) < 0x80) return TitleName(text, h, found);
    uint32_t end = h.begin;
    if (end > 0 && text[end - 1] == ' ') --end;
    const Script script = ScriptBefore(text, end);
    if (script == Script::kHiragana) {
      if (auto name = KanaGivenNameBefore(text, end)) Add(text, *name, Confidence::kHigh, found);
      return;
    }
    const std::optional<Span> run = (script == Script::kKanji || script == Script::kKatakana)
                                        ? RunBefore(text, end, script)
                                        : std::nullopt;
    if (!run) return;
    if (script == Script::kKatakana) {
      // A loanword (ユーザー様, オーナー様) is not in the name list.
      const std::string_view s = text.substr(run->begin, run->end - run->begin);
      if (KatakanaIsName(s) && !AfterCompanyMark(text, run->begin)) {
        Add(text, *run, Confidence::kHigh, found);
      }
      return;
    }
    // A prefix of politeness makes a common word (お子様, ご主人様).
    const size_t before = run->begin > 0 ? PrevStart(text, run->begin) : 0;
    const std::string_view prev = text.substr(before, run->begin - before);
    if (prev == "お" || prev == "ご" || prev == "御") return;
    const std::string_view honorific = text.substr(h.begin, h.end - h.begin);
    const bool childish = honorific == "ちゃん" || honorific == "君";
    if (auto name = KanjiName(text, *run, Trim::kFromEnd, h.end, childish)) {
      Add(text, *name, Confidence::kHigh, found);
    }
  }

  // Mr. Ichiro Tanaka, Ms. Suzuki: the romanized name after an English
  // title, when ENAMDICT has it (a given name and a surname, or one
  // surname); Dr. Pepper and Ocean Dr. Tokyo Building are not names.
  static void TitleName(std::string_view text, const LabelHit& h, std::vector<Detection>& found) {
    uint32_t pos = h.end;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    // Up to three capitalized words of letters, one space apart.
    std::vector<Span> words;
    for (uint32_t at = pos; words.size() < 3 && at < text.size() && IsAsciiUpper(text[at]);) {
      uint32_t end = at + 1;
      while (end < text.size() && (IsAsciiAlpha(text[end]) || text[end] == '\'')) ++end;
      words.push_back({at, end});
      if (end + 1 >= text.size() || text[end] != ' ') break;
      at = end + 1;
    }
    const auto span_of = [&](size_t n) {
      return text.substr(words[0].begin, words[n - 1].end - words[0].begin);
    };
    if (words.size() == 2 && RomanFullName(span_of(2))) {
      Add(text, {words[0].begin, words[1].end}, Confidence::kHigh, found);
    } else if (words.size() == 1 &&
               (NameDictionary::Shared().Lookup(ToLowerAscii(span_of(1))) & kSurnameRomaji)) {
      Add(text, words[0], Confidence::kHigh, found);
    }
  }

  // 氏名：山田 太郎, Name: Taro Yamada: the value after a name label.
  static void LabelName(const Candidates& in, const LabelHit& h, std::vector<Detection>& found) {
    const std::string_view text = in.text;
    const bool ascii = static_cast<unsigned char>(text[h.begin]) < 0x80;
    if (ascii) {
      // "name" qualified by a word before it is another thing's name
      // (file name, font-name, product name).
      if (h.begin > 0 && (text[h.begin - 1] == '-' || text[h.begin - 1] == '_')) return;
      size_t p = h.begin;
      while (p > 0 && (text[p - 1] == ' ' || text[p - 1] == '\t')) --p;
      if (p > 0 && IsAsciiAlpha(text[p - 1])) return;
    } else if (ScriptBefore(text, h.end) == Script::kKatakana && h.end < text.size() &&
               ScriptAt(text, h.end) == Script::kKatakana) {
      return;  // カナ inside カナダ
    }
    LabelledName(in, h.end, ascii, found);
  }

  // The name that starts at or after `pos`, the end of a label.
  static void LabelledName(const Candidates& in, uint32_t pos, bool ascii_label,
                           std::vector<Detection>& found) {
    const std::string_view text = in.text;
    // お客様名, 契約者様: the label's own tail.
    for (std::string_view tail : {"名", "様"}) {
      if (text.substr(pos).starts_with(tail)) pos += static_cast<uint32_t>(tail.size());
    }
    bool separated = pos == 0;
    while (pos < text.size()) {
      const Char c = DecodeAt(text, pos);
      if (c.cp == ' ' || c.cp == '\t' || c.cp == ':' || c.cp == 0xFF1A || c.cp == '=' ||
          c.cp == 0x3011 || c.cp == ']' || c.cp == '"' || c.cp == 0x300C) {
        pos += c.len;
        separated = true;
        continue;
      }
      break;
    }
    if (ascii_label && !separated) return;
    if (pos >= text.size()) return;
    const Script first = ScriptAt(text, pos);
    if (first == Script::kHiragana && !separated) return;  // 契約者の…
    if (first == Script::kSpace || first == Script::kOther) return;
    // The value: words of one script ("山田 太郎", "ヤマダ タロウ", "Taro
    // Yamada"); after a space a kanji surname may go on in hiragana (田中
    // さくら). It ends at anything else: 佐藤です is a name and a verb.
    uint32_t end = pos;
    int spaces = 0;
    Script part = first;
    size_t next_label =
        std::lower_bound(in.labels.begin(), in.labels.end(), pos,
                         [](const LabelHit& l, uint32_t p) { return l.begin < p; }) -
        in.labels.begin();
    while (end < text.size() && end - pos <= kMaxNameBytes) {
      while (next_label < in.labels.size() && in.labels[next_label].begin < end) ++next_label;
      if (next_label < in.labels.size() && in.labels[next_label].begin == end) break;
      const Char c = DecodeAt(text, end);
      const Script s = ScriptOf(c.cp);
      bool ok = s == part;
      if (s == Script::kSpace) {
        ok = ++spaces <= 3 && end + 1 < text.size() && ScriptAt(text, end + 1) != Script::kSpace;
      } else if (ScriptBefore(text, end) == Script::kSpace) {
        ok = s == first || (first == Script::kKanji && s == Script::kHiragana);
        part = s;
      } else if (s == Script::kOther) {
        ok = first == Script::kLatin && (c.cp == '.' || c.cp == '\'' || c.cp == '-');
      }
      if (!ok) break;
      end += c.len;
    }
    while (end > pos && text[end - 1] == ' ') --end;
    if (end <= pos || end - pos > kMaxNameBytes) return;
    const std::string_view value = text.substr(pos, end - pos);
    if (HasCompanyWord(value)) return;
    switch (first) {
      case Script::kKanji:
        if (auto name = KanjiName(text, {pos, end}, Trim::kFromStart, std::nullopt)) {
          Add(text, *name, Confidence::kHigh, found);
        }
        return;
      case Script::kKatakana:
      case Script::kHiragana:
        if (CharCount(WithoutSpaces(value)) >= 2) Add(text, {pos, end}, Confidence::kHigh, found);
        return;
      case Script::kLatin:
        if (LooksLikeRomanName(value)) Add(text, {pos, end}, Confidence::kHigh, found);
        return;
      default:
        return;
    }
  }

  // A line that holds an email or a phone-like number is a record about
  // someone: a full name on it (both parts in the name list) is theirs.
  static void RecordNames(const Candidates& in, std::vector<Detection>& found) {
    const std::string_view text = in.text;
    std::vector<Span> lines;
    std::vector<uint32_t> with_email;  // where lines with an '@' begin
    auto line_of = [&](uint32_t pos) {
      const size_t b = text.rfind('\n', pos);
      const size_t e = text.find('\n', pos);
      return Span{b == std::string_view::npos ? 0 : static_cast<uint32_t>(b + 1),
                  e == std::string_view::npos ? static_cast<uint32_t>(text.size())
                                              : static_cast<uint32_t>(e)};
    };
    // Lines with an '@' or at least kRecordDigits digits (a phone, a My
    // Number, a date of birth), in order.
    size_t r = 0, a = 0;
    while (r < in.runs.size() || a < in.at_signs.size()) {
      const bool at_first =
          a < in.at_signs.size() && (r == in.runs.size() || in.at_signs[a] < in.runs[r].begin);
      const uint32_t pos = at_first ? in.at_signs[a] : in.runs[r].begin;
      if (!lines.empty() && pos < lines.back().end) {
        if (at_first) {
          ++a;
        } else {
          ++r;
        }
        continue;
      }
      const Span line = line_of(pos);
      uint32_t digits = 0;
      size_t k = r;
      for (; k < in.runs.size() && in.runs[k].begin < line.end; ++k)
        digits += in.runs[k].end - in.runs[k].begin;
      const bool has_at = a < in.at_signs.size() && in.at_signs[a] < line.end;
      if (has_at || digits >= kRecordDigits) lines.push_back(line);
      if (has_at) with_email.push_back(line.begin);
      r = k;
      while (a < in.at_signs.size() && in.at_signs[a] < line.end) ++a;
    }
    for (const Span& line : lines) {
      if (line.end - line.begin > kMaxRecordLine) continue;
      // Romanized names only next to an email ("Taro Yamada <taro@…>"):
      // log and metrics lines are full of capitalized words and digits.
      const bool email = std::binary_search(with_email.begin(), with_email.end(), line.begin);
      const std::string_view t = text.substr(line.begin, line.end - line.begin);
      const bool japanese = std::any_of(
          t.begin(), t.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
      if (email || japanese) FullNamesOn(text, line, email, found);
    }
  }

  static void FullNamesOn(std::string_view text, Span line, bool romanized,
                          std::vector<Detection>& found) {
    uint32_t i = line.begin;
    while (i < line.end) {
      const auto byte = static_cast<unsigned char>(text[i]);
      if (byte < 0x80 && !(romanized && byte >= 'A' && byte <= 'Z' &&
                           (i == line.begin || !IsAsciiAlnum(text[i - 1])))) {
        ++i;  // ASCII other than a capital starting a word
        continue;
      }
      const Script s = ScriptAt(text, i);
      if (s != Script::kKanji && s != Script::kKatakana && s != Script::kLatin) {
        i += DecodeAt(text, i).len;
        continue;
      }
      // The run of this script from i, with one space allowed inside.
      uint32_t end = i;
      bool spaced = false;
      while (end < line.end) {
        const Script t = ScriptAt(text, end);
        if (t == s) {
          end += DecodeAt(text, end).len;
        } else if (t == Script::kSpace && !spaced && end + 1 < line.end &&
                   ScriptAt(text, end + 1) == s) {
          spaced = true;
          ++end;
        } else {
          break;
        }
      }
      const std::string_view run = text.substr(i, end - i);
      const bool inside_word =
          s == Script::kLatin && (InsideLongerToken(text, i, end) ||
                                  (i > 0 && (text[i - 1] == '.' || text[i - 1] == '@')) ||
                                  (end < text.size() && (text[end] == '@' || text[end] == '.')));
      bool name = false;
      if (s == Script::kKanji) {
        // Without an honorific or label, single characters (平|日, 中|央)
        // split too easily: two parts with a space, or three characters
        // or more in which IPADIC sees a person's name.
        name = (spaced || (CharCount(run) >= 3 && IpadicSeesPersonName(run))) &&
               CharCount(run) <= 2 * kMaxPartChars &&
               IsFullName(run, kSurnameWritten, kGivenWritten) && !AfterCompanyMark(text, i) &&
               !IpadicSeesCommonWord(PartsOf(run).front());
      } else if (s == Script::kKatakana) {
        name = spaced && IsFullName(run, kSurnameReading, kGivenReading);
      } else {
        name = !inside_word && RomanFullName(run);
      }
      if (!name && s == Script::kKanji && !spaced) {
        // 鈴木 さくら: a hiragana given name after the surname.
        uint32_t g = end < line.end && text[end] == ' ' ? end + 1 : end;
        uint32_t g_end = g;
        while (g_end < line.end && ScriptAt(text, g_end) == Script::kHiragana)
          g_end += DecodeAt(text, g_end).len;
        // 新しい is no 新 + しい: one-character surnames need the space.
        if (g_end > g && (g > end || CharCount(run) >= 2) &&
            SurnameWithKanaGivenName(text, {i, end}, {g, g_end})) {
          end = g_end;
          name = true;
        }
      }
      if (name) {
        Add(text, {i, end}, Confidence::kMedium, found);
        i = end;
      } else {
        // "営業部 山田 太郎": the pair may begin at the second word.
        const size_t space = run.find(' ');
        i = space == std::string_view::npos ? end : i + static_cast<uint32_t>(space) + 1;
      }
    }
  }

  // 山田 太郎（ヤマダ タロウ）: the reading right after a name is a name too.
  static void ReadingAfter(const Candidates& in, uint32_t pos, std::vector<Detection>& found) {
    const std::string_view text = in.text;
    while (pos < text.size() && text[pos] == ' ') ++pos;
    // 山本 さくら 様（ヤマモト サクラ）: past the honorific.
    const auto h = std::lower_bound(in.labels.begin(), in.labels.end(), pos,
                                    [](const LabelHit& l, uint32_t p) { return l.begin < p; });
    if (h != in.labels.end() && h->begin == pos && h->kind == LabelKind::kHonorific) pos = h->end;
    if (pos >= text.size()) return;
    const Char open = DecodeAt(text, pos);
    if (open.cp != '(' && open.cp != 0xFF08) return;
    const uint32_t begin = pos + open.len;
    uint32_t end = begin;
    while (end < text.size() && end - begin <= kMaxNameBytes) {
      const Char c = DecodeAt(text, end);
      const Script s = ScriptOf(c.cp);
      if (s != Script::kKatakana && s != Script::kHiragana && s != Script::kSpace) break;
      end += c.len;
    }
    if (end >= text.size() || end == begin) return;
    const Char close = DecodeAt(text, end);
    if (close.cp != ')' && close.cp != 0xFF09) return;
    uint32_t e = end;
    while (e > begin && text[e - 1] == ' ') --e;
    Add(text, {begin, e}, Confidence::kHigh, found);
  }
};

}  // namespace

std::unique_ptr<Detector> MakeNameDetector() { return std::make_unique<NameDetector>(); }

}  // namespace mamori
