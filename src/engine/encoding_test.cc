#include "engine/encoding.h"

#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <string>

#include "engine/encode_test_util.h"

namespace mamori {
namespace {

const std::string kJapanese =
    "お客様各位\nいつも弊社サービスをご利用いただき、誠にありがとうございます。"
    "このたび、お客様のご登録情報の確認をお願いしたく、ご連絡を差し上げました。"
    "お手数ですが、下記の内容をご確認のうえ、ご返信くださいますようお願い申し上げます。\n"
    "氏名：山田太郎\n電話番号：03-1234-5678\n";

TEST(EncodingTest, Utf8AndAscii) {
  EXPECT_EQ(DetectEncoding("plain ascii text\n", true).encoding, Encoding::kUtf8);
  EXPECT_EQ(DetectEncoding(kJapanese, true).encoding, Encoding::kUtf8);
}

TEST(EncodingTest, ByteOrderMarks) {
  const DetectedEncoding utf8 = DetectEncoding("\xEF\xBB\xBFhello", true);
  EXPECT_EQ(utf8.encoding, Encoding::kUtf8);
  EXPECT_EQ(utf8.bom_bytes, 3u);
  EXPECT_EQ(DetectEncoding(std::string("\xFF\xFEh\0i\0", 6), true).encoding, Encoding::kUtf16Le);
  EXPECT_EQ(DetectEncoding(std::string("\xFE\xFF\0h\0i", 6), true).encoding, Encoding::kUtf16Be);
}

TEST(EncodingTest, Utf16WithoutBomByZeroPattern) {
  const std::string le = EncodeAs("customer list, phone 03-1234-5678\n", "UTF-16LE");
  EXPECT_EQ(DetectEncoding(le, true).encoding, Encoding::kUtf16Le);
  const std::string be = EncodeAs("customer list, phone 03-1234-5678\n", "UTF-16BE");
  EXPECT_EQ(DetectEncoding(be, true).encoding, Encoding::kUtf16Be);
}

TEST(EncodingTest, JapaneseLegacyEncodings) {
  EXPECT_EQ(DetectEncoding(EncodeAs(kJapanese, "windows-31j"), true).encoding, Encoding::kCp932);
  EXPECT_EQ(DetectEncoding(EncodeAs(kJapanese, "EUC-JP"), true).encoding, Encoding::kEucJp);
  EXPECT_EQ(DetectEncoding(EncodeAs(kJapanese, "ISO-2022-JP"), true).encoding,
            Encoding::kIso2022Jp);
}

TEST(EncodingTest, BinaryIsNotText) {
  EXPECT_EQ(DetectEncoding(std::string("\x7F"
                                       "ELF\x02\x01\x01\0\0\0",
                                       10),
                           true)
                .encoding,
            Encoding::kBinary);
  std::string png("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16);
  EXPECT_EQ(DetectEncoding(png, true).encoding, Encoding::kBinary);
}

TEST(EncodingTest, CutUtf8SequenceOnlyAllowedInPrefix) {
  const std::string cut = kJapanese.substr(0, 4);  // "お" + first byte of "客"
  EXPECT_EQ(DetectEncoding(cut, false).encoding, Encoding::kUtf8);
  EXPECT_TRUE(IsValidUtf8Prefix(cut));
  EXPECT_FALSE(IsValidUtf8Prefix("abc\xC0\xAF"));   // overlong
  EXPECT_FALSE(IsValidUtf8Prefix("\xED\xA0\x80"));  // surrogate
}

// A cell's bytes tagged "windows-1252" are read so, even when a few of
// them would look like something else to a detector.
TEST(EncodingTest, NamedEncodingsAreTakenAsNamed) {
  EXPECT_EQ(EncodingNamed("windows-1252", "Caf\xE9").encoding, Encoding::kOther);
  EXPECT_EQ(EncodingNamed("windows-1252", "Caf\xE9").name, "windows-1252");
  EXPECT_EQ(EncodingNamed("iso-8859-1", "123").name, "iso-8859-1");
  EXPECT_EQ(EncodingNamed("cp932", "123").encoding, Encoding::kCp932);
  EXPECT_EQ(EncodingNamed("utf-16le", "1\0").encoding, Encoding::kUtf16Le);
  EXPECT_EQ(EncodingNamed("iso-2022-jp", "123").encoding, Encoding::kIso2022Jp);
  // A MIME charset that is not one of ours is still checked against the bytes.
  EXPECT_EQ(EncodingForCharset("x-unknown", "plain ascii").encoding, Encoding::kUtf8);
}

TEST(EncodingTest, ShiftStatesMeanBytesDoNotDecodeAlone) {
  const auto named = [](const char* name) { return EncodingNamed(name, ""); };
  EXPECT_TRUE(DecodesFromAnyCharacter(named("utf-8")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("cp932")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("euc-jp")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("utf-16be")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("windows-1252")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("iso-8859-7")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("gb18030")));
  EXPECT_TRUE(DecodesFromAnyCharacter(named("big5")));
  EXPECT_FALSE(DecodesFromAnyCharacter(named("iso-2022-jp")));
  EXPECT_FALSE(DecodesFromAnyCharacter(named("iso-2022-kr")));
  EXPECT_FALSE(DecodesFromAnyCharacter(named("hz-gb-2312")));
  EXPECT_FALSE(DecodesFromAnyCharacter(named("utf-7")));
  EXPECT_FALSE(DecodesFromAnyCharacter(named("utf-16")));  // a BOM decides
  EXPECT_FALSE(DecodesFromAnyCharacter(named("no-such-charset")));
}

}  // namespace
}  // namespace mamori
