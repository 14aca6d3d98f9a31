// The shape of a Japanese postal address, read from normalized UTF-8:
//
//   [prefecture] municipality [town] block [building] [room]
//   東京都       渋谷区       神南   1-2-3 サンプルハイツ 101号室
//
// municipality  a known one (municipalities.h) or 1-6 kanji/katakana ending
//               in 市/区/町/村, with an optional 郡 before and ward after
//               (横浜市中区, 西多摩郡瑞穂町)
// town          kanji and katakana (大字, 字 included), 丸の内, 自由が丘
// block         numbers in ASCII or kanji numerals joined by -, の, 丁目,
//               番地, 番, 号, 条: 1-2-3, 一丁目2番3号, 2丁目3-4, 3番地の1
// building      a name ending in ビル, マンション, ハイツ … or followed by a room
// room          101号室, 5F, 3階, #201
//
// The parser only reads the shape; whether a shape is an address in its
// context (a prefecture, a label, a postal code before it) is the detector's
// call (address.cc).
#ifndef MAMORI_DETECTORS_ADDRESS_PARSER_H_
#define MAMORI_DETECTORS_ADDRESS_PARSER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace mamori {

struct ParsedAddress {
  uint32_t begin = 0;
  uint32_t end = 0;
  bool prefecture = false;          // starts with one of the 47
  bool known_municipality = false;  // its municipality is in the list
  bool town = false;                // a town name follows the municipality
  int numbers = 0;                  // numbers in the block (0: no block)
  bool block_unit = false;          // the block has 丁目, 番地, 番 or 号
  bool block_spaced = false;        // a space stands between town and block
  bool block_then_name = false;  // kana or kanji right after the block, or 第 before (第2四半期)
  // Prefecture, municipality, town and block as "1-2-3" in ASCII digits,
  // then the building and room as written after one space.
  std::string value;
};

// Tells the parser where a label of another kind begins ("TEL" after an
// address): the building part stops there.
using StopAt = std::function<bool(uint32_t pos)>;

// The address whose prefecture or municipality begins at `begin`, or nullopt
// when no municipality (known or by its suffix) is there.
std::optional<ParsedAddress> ParseAddress(std::string_view text, uint32_t begin,
                                          const StopAt& stop_at = {});

// The length in bytes of the prefecture name at the start of `text`, 0 if none.
size_t PrefectureLength(std::string_view text);

// The value of kanji numerals such as "二十三", "百五", "二〇三" (the whole
// string), or nullopt.
std::optional<int> KanjiNumber(std::string_view text);

}  // namespace mamori

#endif  // MAMORI_DETECTORS_ADDRESS_PARSER_H_
