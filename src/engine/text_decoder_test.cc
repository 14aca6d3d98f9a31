#include "engine/text_decoder.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>

#include "engine/encode_test_util.h"

namespace mamori {
namespace {

struct Decoded {
  std::string text;
  OffsetMap map;
};

// Decodes `raw` in pieces of `piece` bytes, as the streaming scanner does.
Decoded DecodeAll(const std::string& raw, Encoding enc, size_t piece = 1 << 20) {
  auto d = TextDecoder::Create(DetectedEncoding{enc, 0, "x"});
  EXPECT_TRUE(d.ok());
  Decoded out;
  out.map.Reset(0);
  for (size_t at = 0; at < raw.size() || at == 0; at += piece) {
    const std::string_view part = std::string_view(raw).substr(at, piece);
    (*d)->Decode(part, at, at + piece >= raw.size(), &out.text, &out.map);
    if (raw.empty()) break;
  }
  return out;
}

// The original bytes a normalized span came from.
std::string Original(const std::string& raw, const Decoded& d, std::string_view needle) {
  const size_t at = d.text.find(needle);
  EXPECT_NE(at, std::string::npos) << needle;
  if (at == std::string::npos) return "";
  const uint64_t b = d.map.ToOriginal(static_cast<uint32_t>(at));
  const uint64_t e = d.map.ToOriginalEnd(static_cast<uint32_t>(at + needle.size()));
  return raw.substr(b, e - b);
}

TEST(TextDecoderTest, AsciiAndJapaneseUtf8PassThrough) {
  const std::string raw = "お客様 card 4111 and 山田太郎\n";
  const Decoded d = DecodeAll(raw, Encoding::kUtf8);
  EXPECT_EQ(d.text, raw);
  EXPECT_EQ(d.map.breakpoints(), 1u);
}

TEST(TextDecoderTest, FoldFreeTextIsWhatTheDecoderCopies) {
  for (const std::string raw : {"", "287238", "佐藤 太郎 sato@example.jp", "北海道札幌市2-20-13"}) {
    EXPECT_TRUE(IsFoldFree(raw)) << raw;
    EXPECT_EQ(DecodeAll(raw, Encoding::kUtf8).text, raw);
  }
  for (const std::string raw : {"０９０", "03‐1234", "a　b", "090ー1234", "ｰ"}) {
    EXPECT_FALSE(IsFoldFree(raw)) << raw;
  }
}

TEST(TextDecoderTest, FoldFreeIsExactAtEveryPositionOfLongText) {
  // Katakana and punctuation share their first bytes with the long vowel
  // mark and the ideographic space (E3 83, E3 80): fold-free wherever they
  // stand, up to the last bytes; what folds is found wherever it stands.
  const std::string plain = "ハシモト タクミ、「ムラ」。";
  for (size_t pad = 0; pad < 140; ++pad) {
    const std::string text = std::string(pad, 'x') + plain;
    EXPECT_TRUE(IsFoldFree(text)) << pad;
    EXPECT_EQ(DecodeAll(text, Encoding::kUtf8).text, text);
    // A character cut at the end is not these bytes' to fold.
    EXPECT_TRUE(IsFoldFree(text + "\xE3\x83")) << pad;
    for (const std::string folding : {"ー", "　", "－", "‐"}) {
      EXPECT_FALSE(IsFoldFree(text + folding)) << pad << folding;
      EXPECT_FALSE(IsFoldFree(folding + text)) << pad << folding;
    }
  }
}

TEST(TextDecoderTest, FoldFreeEncodedKnowsWhatFoldsInCp932AndEucJp) {
  const auto cp932 = [](std::string_view s) { return IsFoldFreeEncoded(s, Encoding::kCp932); };
  EXPECT_TRUE(cp932("\x8E\x52\x93\x63 \x91\xBE\x98\x59 090-1234"));  // 山田 太郎
  EXPECT_TRUE(cp932("\x83\x4A\x83\x5E\x82\xA0,@"));                  // カタ, hiragana あ
  EXPECT_TRUE(cp932("x\x8E"));                                       // a character cut at the end
  EXPECT_FALSE(
      cp932("090\x81\x5B"
            "1234"));  // ー between digits
  EXPECT_FALSE(
      cp932("a\x81\x40"
            "b"));                          // ideographic space
  EXPECT_FALSE(cp932("\x82\x4F\x82\x58"));  // ０９
  EXPECT_FALSE(cp932("\xB1"));              // half-width ｱ
  EXPECT_FALSE(cp932("\xFA\x57"));          // IBM full-width quote
  EXPECT_FALSE(cp932("\x80"));              // not CP932
  EXPECT_FALSE(cp932("\x8E\x20"));          // a lead without its trail
  EXPECT_FALSE(cp932("a\x1C"));             // ICU's CP932 swaps the controls 0x1A, 0x1C, 0x7F
  EXPECT_FALSE(cp932("a\x7F"));
  const auto euc = [](std::string_view s) { return IsFoldFreeEncoded(s, Encoding::kEucJp); };
  EXPECT_TRUE(euc("\xBB\xB3\xC5\xC4 \xA4\xA2 03-1234"));  // 山田 あ
  EXPECT_FALSE(
      euc("090\xA1\xBC"
          "1234"));                                         // ー
  EXPECT_FALSE(euc("\xA3\xB0"));                            // ０
  EXPECT_FALSE(euc("\x8E\xB1"));                            // half-width ｱ
  EXPECT_FALSE(euc("\x8F\xA2\xB7"));                        // JIS X 0212 (full-width tilde)
  EXPECT_FALSE(IsFoldFreeEncoded("abc", Encoding::kUtf8));  // only those two
}

TEST(TextDecoderTest, FullWidthFoldsWithOriginalOffsets) {
  const std::string raw = "電話：０９０－１２３４－５６７８　様";
  const Decoded d = DecodeAll(raw, Encoding::kUtf8);
  EXPECT_EQ(d.text, "電話:090-1234-5678 様");
  EXPECT_EQ(Original(raw, d, "090-1234-5678"), "０９０－１２３４－５６７８");
  EXPECT_EQ(Original(raw, d, "様"), "様");
}

TEST(TextDecoderTest, DashLookalikesBetweenDigitsOnly) {
  const std::string raw = "03‐1234−5678 090ー1234ｰ5678 セキュリティコード コーヒー 5ー";
  const Decoded d = DecodeAll(raw, Encoding::kUtf8);
  EXPECT_EQ(d.text, "03-1234-5678 090-1234-5678 セキュリティコード コーヒー 5ー");
  // A long vowel mark between a full-width digit and an ASCII one.
  EXPECT_EQ(DecodeAll("０ー1", Encoding::kUtf8).text, "0-1");
}

TEST(TextDecoderTest, DashDecisionSurvivesChunkCut) {
  const std::string raw = "090ー1234ー5678";
  for (size_t piece = 1; piece <= raw.size(); ++piece) {
    const Decoded d = DecodeAll(raw, Encoding::kUtf8, piece);
    EXPECT_EQ(d.text, "090-1234-5678") << "piece " << piece;
    EXPECT_EQ(Original(raw, d, "1234-5678"), "1234ー5678") << "piece " << piece;
  }
}

TEST(TextDecoderTest, InvalidUtf8PassesThroughUnchanged) {
  const std::string raw =
      "ab\xFF"
      "cd\xEF\xBC ０\xE3\x81";
  for (size_t piece : {size_t{1}, size_t{2}, size_t{1} << 20}) {
    const Decoded d = DecodeAll(raw, Encoding::kUtf8, piece);
    EXPECT_EQ(d.text,
              "ab\xFF"
              "cd\xEF\xBC 0\xE3\x81")
        << piece;
    EXPECT_EQ(Original(raw, d, "cd"), "cd");
    EXPECT_EQ(Original(raw, d, "0"), "０");
  }
}

TEST(TextDecoderTest, Cp932WithOffsetsInOriginalBytes) {
  const std::string utf8 = "氏名,電話番号\r\n山田太郎,０３－１２３４－５６７８\r\n";
  const std::string raw = EncodeAs(utf8, "windows-31j");
  for (size_t piece : {size_t{1}, size_t{3}, size_t{1} << 20}) {
    const Decoded d = DecodeAll(raw, Encoding::kCp932, piece);
    EXPECT_EQ(d.text, "氏名,電話番号\r\n山田太郎,03-1234-5678\r\n") << piece;
    EXPECT_EQ(Original(raw, d, "03-1234-5678"),
              EncodeAs("０３－１２３４－５６７８", "windows-31j"));
    EXPECT_EQ(Original(raw, d, "山田"), EncodeAs("山田", "windows-31j"));
  }
}

TEST(TextDecoderTest, EucJpAndIso2022JpAndUtf16) {
  const std::string utf8 = "お問い合わせ 090-1234-5678 まで";
  for (auto [charset, enc] :
       {std::pair{"EUC-JP", Encoding::kEucJp}, std::pair{"ISO-2022-JP", Encoding::kIso2022Jp},
        std::pair{"UTF-16LE", Encoding::kUtf16Le}, std::pair{"UTF-16BE", Encoding::kUtf16Be}}) {
    const std::string raw = EncodeAs(utf8, charset);
    for (size_t piece : {size_t{1}, size_t{5}, size_t{1} << 20}) {
      const Decoded d = DecodeAll(raw, enc, piece);
      EXPECT_EQ(d.text, utf8) << charset << " piece " << piece;
      EXPECT_EQ(Original(raw, d, "090-1234-5678"), EncodeAs("090-1234-5678", charset))
          << charset << " piece " << piece;
    }
  }
}

// Whole-buffer decoding takes the SIMD path; small pieces take the scalar
// one. All must agree on text and offsets for any mix of characters.
TEST(TextDecoderTest, SimdAndScalarPathsAgree) {
  const char* alphabet[] = {"0",  "7",  "a",  " ",  "\n", "、", "。",   "ー",  "ｰ",
                            "－", "‐",  "―",  "−",  "…",  "※",  "　",   "０",  "９",
                            "Ａ", "＠", "（", "漢", "カ", "ﾃ",  "\xFF", "\xE3"};
  std::mt19937 rng(11);
  for (int round = 0; round < 200; ++round) {
    std::string raw;
    const int n = static_cast<int>(rng() % 120);
    for (int k = 0; k < n; ++k) raw += alphabet[rng() % (sizeof alphabet / sizeof *alphabet)];
    const Decoded whole = DecodeAll(raw, Encoding::kUtf8);
    // Bytewise, and in pieces that cut characters anywhere: a carried
    // character is completed from the start of the next piece.
    for (size_t piece : {size_t{1}, size_t{2} + rng() % 9}) {
      const Decoded cut = DecodeAll(raw, Encoding::kUtf8, piece);
      ASSERT_EQ(whole.text, cut.text) << raw << " in pieces of " << piece;
      for (uint32_t i = 0; i <= whole.text.size(); ++i) {
        ASSERT_EQ(whole.map.ToOriginal(i), cut.map.ToOriginal(i)) << raw << " at " << i;
        ASSERT_EQ(whole.map.ToOriginalEnd(i), cut.map.ToOriginalEnd(i)) << raw << " at " << i;
      }
    }
  }
}

TEST(TextDecoderTest, Iso2022JpSpanExcludesModeSwitches) {
  const std::string raw = EncodeAs("電話090-1234-5678です", "ISO-2022-JP");
  for (size_t piece : {size_t{1}, size_t{1} << 20}) {
    const Decoded d = DecodeAll(raw, Encoding::kIso2022Jp, piece);
    EXPECT_EQ(Original(raw, d, "090-1234-5678"), "090-1234-5678") << piece;
  }
}

// A JIS X 0208 character is two bytes, also the last before a switch back
// to ASCII, and the escape that switches to its set is not part of it.
TEST(TextDecoderTest, Iso2022JpKanjiSpansTheirTwoBytes) {
  const std::string raw = EncodeAs("氏名：山田太郎\nｶﾅ", "ISO-2022-JP");
  const std::string kanji = EncodeAs("山田太郎", "ISO-2022-JP");  // ESC $ B, 8 bytes, ESC ( B
  for (size_t piece : {size_t{1}, size_t{3}, size_t{1} << 20}) {
    const Decoded d = DecodeAll(raw, Encoding::kIso2022Jp, piece);
    EXPECT_EQ(Original(raw, d, "山田太郎"), kanji.substr(3, 8)) << piece;
    EXPECT_EQ(Original(raw, d, "郎"), kanji.substr(9, 2)) << piece;
  }
}

TEST(TextDecoderTest, FoldToAscii) {
  EXPECT_EQ(FoldToAscii(0xFF10), '0');
  EXPECT_EQ(FoldToAscii(0xFF21), 'A');
  EXPECT_EQ(FoldToAscii(0xFF20), '@');
  EXPECT_EQ(FoldToAscii(0x3000), ' ');
  EXPECT_EQ(FoldToAscii(0x2015), '-');
  EXPECT_EQ(FoldToAscii(0x30FC), 0);  // only between digits, decided by the decoder
  EXPECT_EQ(FoldToAscii(U'あ'), 0);
}

}  // namespace
}  // namespace mamori
