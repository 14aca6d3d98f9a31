#include "detectors/address_parser.h"

#include <array>

#include "detectors/context.h"
#include "detectors/municipalities.h"
#include "engine/labels.h"

namespace mamori {
namespace {

// Longest parts we read: a town of 16 characters, a building of 30.
constexpr int kMaxTownChars = 16;
constexpr int kMaxBuildingChars = 30;
constexpr int kMaxBlockNumbers = 5;

struct Char {
  char32_t cp;
  uint32_t len;  // 0 at the end of the text
};

Char At(std::string_view s, size_t i) {
  if (i >= s.size()) return {0, 0};
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[i + k]); };
  if (b(0) < 0x80) return {b(0), 1};
  if ((b(0) & 0xE0) == 0xC0 && i + 1 < s.size()) {
    return {static_cast<char32_t>(((b(0) & 0x1F) << 6) | (b(1) & 0x3F)), 2};
  }
  if ((b(0) & 0xF0) == 0xE0 && i + 2 < s.size()) {
    return {static_cast<char32_t>(((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F)), 3};
  }
  if ((b(0) & 0xF8) == 0xF0 && i + 3 < s.size()) return {0x20000, 4};  // rare kanji, as a kanji
  return {0xFFFD, 1};
}

bool IsKanji(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0xF900 && c <= 0xFAFF) || c >= 0x20000 || c == U'々' || c == U'〆' || c == U'ヶ' ||
         c == U'〇';
}
bool IsKatakana(char32_t c) { return (c >= 0x30A1 && c <= 0x30FA) || c == U'ー'; }
bool IsHiragana(char32_t c) { return c >= 0x3041 && c <= 0x3096; }
bool IsNameChar(char32_t c) { return IsKanji(c) || IsKatakana(c); }

// Hiragana that begin a phrase after a place name, not a name: 東京都の…
bool IsParticle(char32_t c) {
  constexpr std::u32string_view kParticles = U"のでにはをへともやかまよねがだ";
  return kParticles.find(c) != std::u32string_view::npos;
}

int KanjiDigit(char32_t c) {
  constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  const size_t at = kDigits.find(c);
  return at == std::u32string_view::npos ? -1 : static_cast<int>(at);
}
int KanjiMultiplier(char32_t c) {
  return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0;
}
bool IsKanjiNumeral(char32_t c) { return KanjiDigit(c) >= 0 || KanjiMultiplier(c) > 0; }

// 1 to `max_chars` kanji or katakana from `from` followed by a character of
// `suffixes`: the end of the name with its suffix, or 0.
size_t NameWithSuffix(std::string_view s, size_t from, int max_chars,
                      std::u32string_view suffixes) {
  size_t k = from;
  for (int n = 0; n <= max_chars; ++n) {
    const Char c = At(s, k);
    if (n >= 1 && suffixes.find(c.cp) != std::u32string_view::npos) return k + c.len;
    if (n == max_chars || !IsNameChar(c.cp)) return 0;
    k += c.len;
  }
  return 0;
}

// A municipality not in the list, by its shape: [X郡] Y市|区|町|村 [Z区].
size_t ShapedMunicipalityLength(std::string_view s) {
  size_t end = NameWithSuffix(s, 0, 4, U"郡");
  end = NameWithSuffix(s, end, 6, U"市区町村");
  if (end == 0) return 0;
  if (s.substr(0, end).ends_with("市")) {
    if (const size_t ward = NameWithSuffix(s, end, 3, U"区")) end = ward;
  }
  return end;
}

bool NumberStartsAt(std::string_view s, size_t i) {
  return (i < s.size() && IsAsciiDigit(s[i])) || IsKanjiNumeral(At(s, i).cp);
}

// A town written in hiragana (みなとみらい, ときわ台): two or more hiragana
// not starting with a particle, followed by a name or a number. Its length
// in bytes, or 0.
size_t HiraganaTownLength(std::string_view s, size_t i) {
  if (IsParticle(At(s, i).cp) && At(s, i).cp != U'と') return 0;
  size_t j = i;
  while (IsHiragana(At(s, j).cp)) j += 3;
  const Char next = At(s, j);
  const bool followed = IsNameChar(next.cp) ||
                        (next.len == 1 && IsAsciiDigit(static_cast<char>(next.cp))) ||
                        (next.cp == ' ' && NumberStartsAt(s, j + 1));
  return j - i >= 6 && followed ? j - i : 0;
}

struct Number {
  size_t end;
  int value;
  bool kanji;
};

// A block number at i: 1-4 ASCII digits without a leading zero, or kanji numerals.
std::optional<Number> NumberAt(std::string_view s, size_t i) {
  if (i < s.size() && IsAsciiDigit(s[i])) {
    size_t j = i;
    while (j < s.size() && IsAsciiDigit(s[j])) ++j;
    if (s[i] == '0' || j - i > 4) return std::nullopt;
    int value = 0;
    for (size_t k = i; k < j; ++k) value = value * 10 + (s[k] - '0');
    return Number{j, value, false};
  }
  size_t j = i;
  while (IsKanjiNumeral(At(s, j).cp)) j += 3;
  if (j == i) return std::nullopt;
  const std::optional<int> value = KanjiNumber(s.substr(i, j - i));
  if (!value) return std::nullopt;
  return Number{j, *value, true};
}

enum class Unit { kNone, kChome, kBanchi, kBan, kGo, kRoom, kJo, kDash, kNo };

struct UnitHit {
  Unit unit;
  size_t end;
};

// The unit word after a block number at i.
UnitHit UnitAt(std::string_view s, size_t i) {
  const std::string_view rest = s.substr(std::min(i, s.size()));
  if (rest.starts_with("丁目")) return {Unit::kChome, i + 6};
  if (rest.starts_with("丁") && NumberStartsAt(s, i + 3))
    return {Unit::kChome, i + 3};  // 3丁39番地
  if (rest.starts_with("番地")) return {Unit::kBanchi, i + 6};
  if (rest.starts_with("番") && NumberStartsAt(s, i + 3)) return {Unit::kBan, i + 3};
  if (rest.starts_with("号室")) return {Unit::kRoom, i + 6};  // 1-2-3-405号室
  if (rest.starts_with("号")) return {Unit::kGo, i + 3};
  if (rest.starts_with("条")) return {Unit::kJo, i + 3};
  if (rest.starts_with("-") && i + 1 < s.size() && IsAsciiDigit(s[i + 1]))
    return {Unit::kDash, i + 1};
  if (rest.starts_with("の") && NumberStartsAt(s, i + 3)) return {Unit::kNo, i + 3};
  return {Unit::kNone, i};
}

// What may not follow a block: it was a date, a price, a count or a longer number.
bool EndsBlock(std::string_view s, size_t i) {
  if (i >= s.size()) return true;
  const char c = s[i];
  if (c == '/' || c == ':' || c == '%' || IsAsciiAlpha(c)) return false;  // 24m, 3kg
  if ((c == ',' || c == '.') && i + 1 < s.size() && IsAsciiDigit(s[i + 1])) return false;
  constexpr std::u32string_view kCounters = U"年月日円時分秒万億人件個歳才回倍枚本名点位台階週";
  return kCounters.find(At(s, i).cp) == std::u32string_view::npos;
}

struct Block {
  size_t end = 0;
  int numbers = 0;
  bool unit = false;
  std::string normalized;  // "1-2-3"
};

Block ReadBlock(std::string_view s, size_t i) {
  Block b;
  b.end = i;
  size_t pos = i;
  while (b.numbers < kMaxBlockNumbers) {
    const std::optional<Number> n = NumberAt(s, pos);
    if (!n) break;
    UnitHit u = UnitAt(s, n->end);
    // Kanji numerals are block numbers only before a unit word (一丁目, 二番);
    // elsewhere they are part of a name (一番町, 四条通).
    if (n->kanji && (u.unit == Unit::kNone || u.unit == Unit::kDash || u.unit == Unit::kJo)) break;
    if (b.numbers > 0) b.normalized.push_back('-');
    b.normalized += std::to_string(n->value);
    ++b.numbers;
    pos = u.end;
    b.end = pos;
    switch (u.unit) {
      case Unit::kChome:
      case Unit::kBanchi:
        b.unit = true;
        if (UnitHit next = UnitAt(s, pos); next.unit == Unit::kDash || next.unit == Unit::kNo) {
          pos = next.end;
        }
        continue;
      case Unit::kBan:
        b.unit = true;
        continue;
      case Unit::kGo:
        b.unit = true;
        break;
      case Unit::kRoom:
        break;
      case Unit::kJo:  // Hokkaido: 北1条西2丁目, 4条通8丁目
        for (int k = 0; k < 2 && std::u32string_view(U"東西南北通").find(At(s, pos).cp) !=
                                     std::u32string_view::npos;
             ++k) {
          pos += 3;
        }
        b.end = pos;
        continue;
      case Unit::kDash:
      case Unit::kNo:
        continue;
      case Unit::kNone:
        break;
    }
    break;
  }
  if (b.numbers > 0 && !EndsBlock(s, b.end)) return Block{i};
  return b;
}

bool EndsWithBuildingWord(std::string_view name) {
  static constexpr std::array<std::string_view, 24> kWords = {
      "ビル",     "マンション", "ハイツ", "コーポ", "アパート", "レジデンス", "タワー", "荘",
      "館",       "コート",     "ハウス", "ヒルズ", "プラザ",   "パレス",     "ハイム", "テラス",
      "ガーデン", "スクエア",   "寮",     "棟",     "メゾン",   "ビレッジ",   "ヴィラ", "センター"};
  for (std::string_view w : kWords) {
    if (name.ends_with(w)) return true;
  }
  return false;
}

// A room: "101号室", "101号", "5F", "3階", "#201". Returns its end or 0.
size_t RoomAt(std::string_view s, size_t i, bool need_unit) {
  bool hash = false;
  if (i < s.size() && s[i] == '#') {
    hash = true;
    ++i;
  }
  const std::optional<Number> n = NumberAt(s, i);
  if (!n || n->kanji) return 0;
  size_t end = n->end;
  const std::string_view rest = s.substr(end);
  bool unit = hash;
  for (std::string_view u : {"号室", "号", "階", "F", "f"}) {
    if (rest.starts_with(u)) {
      end += u.size();
      unit = true;
      break;
    }
  }
  if (end < s.size() && (IsAsciiAlnum(s[end]) || s[end] == '-')) return 0;
  if (!EndsBlock(s, end) || (need_unit && !unit)) return 0;
  return end;
}

struct Building {
  size_t end = 0;  // 0: none
};

// A building name (and room) or a room alone after the block.
Building ReadBuilding(std::string_view s, size_t i, const StopAt& stop_at) {
  size_t j = i < s.size() && s[i] == ' ' ? i + 1 : i;
  if (const size_t room = RoomAt(s, j, true)) return {room};
  size_t k = j;
  for (int n = 0; n < kMaxBuildingChars; ++n) {
    if (stop_at && stop_at(static_cast<uint32_t>(k))) break;
    const Char c = At(s, k);
    const bool letter = IsNameChar(c.cp) || c.cp == U'・' ||
                        (c.len == 1 && IsAsciiAlpha(static_cast<char>(c.cp))) ||
                        (IsHiragana(c.cp) && !(n == 0 && IsParticle(c.cp)));
    const bool inner_space = c.cp == ' ' && k > j && IsAsciiAlpha(s[k - 1]) && k + 1 < s.size() &&
                             IsAsciiAlpha(s[k + 1]);
    if (!letter && !inner_space) {
      // Digits inside a name: 第2サンプルビル, 21世紀タワー.
      size_t d = k;
      while (d < s.size() && IsAsciiDigit(s[d]) && d - k < 3) ++d;
      if (d == k || k == j || !IsNameChar(At(s, d).cp) || RoomAt(s, k, true)) break;
      k = d;
      continue;
    }
    k += c.len;
  }
  if (k == j) return {};
  const std::string_view name = s.substr(j, k - j);
  size_t room = RoomAt(s, k, false);
  if (room == 0 && k < s.size() && s[k] == ' ') room = RoomAt(s, k + 1, false);
  if (room != 0) return {room};
  return EndsWithBuildingWord(name) ? Building{k} : Building{};
}

}  // namespace

size_t PrefectureLength(std::string_view text) {
  if (text.size() < 9 || static_cast<unsigned char>(text[0]) < 0x80) return 0;
  for (std::string_view prefecture : Prefectures()) {
    if (text[2] == prefecture[2] && text.starts_with(prefecture)) return prefecture.size();
  }
  return 0;
}

std::optional<int> KanjiNumber(std::string_view text) {
  int total = 0, pending = -1;
  bool positional = false, any = false;
  std::string digits;
  for (size_t i = 0; i < text.size();) {
    const Char c = At(text, i);
    i += c.len;
    if (const int d = KanjiDigit(c.cp); d >= 0) {
      if (pending >= 0 && positional) return std::nullopt;  // 十二三
      digits.push_back(static_cast<char>('0' + d));
      pending = d;
    } else if (const int m = KanjiMultiplier(c.cp); m > 0) {
      if (!digits.empty() && digits.size() > 1) return std::nullopt;  // 二三十
      total += (pending >= 0 ? pending : 1) * m;
      pending = -1;
      digits.clear();
      positional = true;
    } else {
      return std::nullopt;
    }
    any = true;
  }
  if (!any) return std::nullopt;
  if (positional) {
    total += pending >= 0 ? pending : 0;
  } else {
    if (digits.size() > 4 || digits[0] == '0') return std::nullopt;
    total = std::stoi(digits);
  }
  if (total <= 0 || total > 9999) return std::nullopt;
  return total;
}

std::optional<ParsedAddress> ParseAddress(std::string_view text, uint32_t begin,
                                          const StopAt& stop_at) {
  ParsedAddress a;
  a.begin = begin;
  size_t i = begin;
  const size_t pref_len = PrefectureLength(text.substr(i));
  const std::string_view prefecture = text.substr(i, pref_len);
  a.prefecture = pref_len > 0;
  a.value.append(prefecture);
  i += pref_len;
  if (a.prefecture && i < text.size() && text[i] == ' ') ++i;
  size_t muni_len = KnownMunicipalityLength(text.substr(i), prefecture);
  a.known_municipality = muni_len > 0;
  if (muni_len == 0) muni_len = ShapedMunicipalityLength(text.substr(i));
  if (muni_len == 0) return std::nullopt;
  a.value.append(text.substr(i, muni_len));
  i += muni_len;
  size_t end = i;
  if (i < text.size() && text[i] == ' ') ++i;
  // The town: names up to the block.
  const size_t town_begin = i;
  for (int n = 0; n < kMaxTownChars; ++n) {
    const Char c = At(text, i);
    if (IsKanjiNumeral(c.cp)) {
      size_t run = i;
      while (IsKanjiNumeral(At(text, run).cp)) run += 3;
      const Unit u = UnitAt(text, run).unit;
      if (u == Unit::kChome || u == Unit::kBanchi || u == Unit::kBan || u == Unit::kGo) break;
    }
    if (c.len == 1 && IsAsciiDigit(static_cast<char>(c.cp))) {
      // Niigata's 学校町通1番町: a numbered town, the block follows it.
      size_t run = i;
      while (run < text.size() && IsAsciiDigit(text[run])) ++run;
      if (n == 0 || !text.substr(run).starts_with("番町")) break;
      i = run + 6;
      continue;
    }
    if (stop_at && stop_at(static_cast<uint32_t>(i))) break;
    // 丸の内, 自由が丘: の and が inside a name.
    const bool joiner =
        (c.cp == U'の' || c.cp == U'が') && n > 0 && IsNameChar(At(text, i + c.len).cp);
    if (n == 0 && IsHiragana(c.cp)) {
      const size_t run = HiraganaTownLength(text, i);
      if (run == 0) break;
      i += run;
      continue;
    }
    // Kyoto's streets: 御池上る, 西入る.
    const bool kyoto =
        c.cp == U'る' && n > 0 && i >= 3 &&
        std::u32string_view(U"上下入").find(At(text, i - 3).cp) != std::u32string_view::npos;
    if (!IsNameChar(c.cp) && !joiner && !kyoto) break;
    i += c.len;
  }
  a.town = i > town_begin;
  if (a.town) {
    a.value.append(text.substr(town_begin, i - town_begin));
    end = i;
  }
  a.block_spaced = i < text.size() && text[i] == ' ' && NumberStartsAt(text, i + 1);
  if (a.block_spaced) ++i;
  const Block block = ReadBlock(text, i);
  if (block.numbers > 0) {
    a.numbers = block.numbers;
    a.block_unit = block.unit;
    const char32_t next = At(text, block.end).cp;
    a.block_then_name = IsNameChar(next) || IsHiragana(next) || text.substr(0, i).ends_with("第");
    a.value += block.normalized;
    end = block.end;
    const Building building = ReadBuilding(text, end, stop_at);
    if (building.end > end) {
      size_t from = end < text.size() && text[end] == ' ' ? end + 1 : end;
      a.value.push_back(' ');
      a.value.append(text.substr(from, building.end - from));
      end = building.end;
    }
  }
  a.end = static_cast<uint32_t>(end);
  return a;
}

}  // namespace mamori
