#include "config/toml_file.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <utility>

namespace mamori::config {
namespace {

using ::testing::HasSubstr;

std::string ErrorOf(std::string_view text) {
  const Result<toml::table> t = ParseToml(text, "x.toml");
  EXPECT_FALSE(t.ok()) << text;
  return t.ok() ? "" : t.status().message();
}

TEST(TomlFileTest, JapaneseInBasicAndLiteralStrings) {
  const Result<toml::table> t = ParseToml(
      "# 社内、ひらがな\nbasic = \"「誤送信」、以上。\"\nliteral = '個人情報 Ⅰ'\n\"キー\" = 1\n",
      "x.toml");
  ASSERT_TRUE(t.ok()) << t.status().message();
  EXPECT_EQ(t->get("basic")->value<std::string>(), "「誤送信」、以上。");
  EXPECT_EQ(t->get("literal")->value<std::string>(), "個人情報 Ⅰ");
  EXPECT_EQ(t->get("キー")->value<int64_t>(), 1);
}

// toml++ 3.3.0 reached __builtin_unreachable asking whether these are
// whitespace (the fuzz targets found them); now they are syntax errors.
TEST(TomlFileTest, OddCharactersBetweenTokensAreErrors) {
  for (const char* odd :
       {"\u00a1", "\u0406", "\u3001", "\u3042", "\u300c", "\ufb00", "\ufcc6", "\ufefe"}) {
    EXPECT_THAT(ErrorOf(std::string("a = 1\nb = 2") + odd + "\n"), HasSubstr("x.toml:2:")) << odd;
    EXPECT_THAT(ErrorOf(std::string("a = 1\nb = ") + odd + "\n"), HasSubstr("x.toml:2:")) << odd;
  }
  // The non-ASCII whitespace TOML does not allow either is still an error.
  EXPECT_THAT(ErrorOf("a =\u3000 1\n"), HasSubstr("x.toml:1:"));
}

// Bad bytes, and malformed input toml++ 3.3.0 "assumed" away (UB in clang
// release builds): errors that name the line.
TEST(TomlFileTest, MalformedInputIsAnError) {
  const std::pair<std::string_view, const char*> cases[] = {
      {"a = 1\nb = \"\xe0\xc2\xdf\"\n", "x.toml:2:"},
      {"# \xc0\xaf overlong\n", "x.toml:1:"},
      {std::string_view("a = 1\n\"a\0b\" = 2\n", 16), "x.toml:2:"},
      {"a = 1\n[[{", "x.toml:2:3: "},
      {"[[[{\"a\":1}]]]", "x.toml:1:"},
  };
  for (const auto& [text, where] : cases) EXPECT_THAT(ErrorOf(text), HasSubstr(where));
}

TEST(TomlFileTest, SyntaxErrorNamesLineAndColumn) {
  EXPECT_THAT(ErrorOf("a = 1\nb = = 2\n"), HasSubstr("x.toml:2:5: "));
}

TEST(TomlFileTest, ErrorsNameTheLine) {
  const Result<toml::table> t = ParseToml("a = 1\n\n[t]\nb = \"x\"\n", "x.toml");
  ASSERT_TRUE(t.ok());
  const TomlErrors errors("x.toml");
  EXPECT_EQ(errors.At(*t->get("t")->as_table()->get("b"), "b must be a number").message(),
            "x.toml:4: b must be a number");
  EXPECT_EQ(errors.At(1, "t is missing").message(), "x.toml:1: t is missing");
}

TEST(TomlFileTest, OnlyKnownKeys) {
  const Result<toml::table> t = ParseToml("a = 1\n[t]\nb = 2\ncolour = 3\n", "x.toml");
  ASSERT_TRUE(t.ok());
  const TomlErrors errors("x.toml");
  EXPECT_TRUE(errors.OnlyKeys(*t, {"a", "t"}, "").ok());
  EXPECT_EQ(errors.OnlyKeys(*t, {"t"}, "").message(), "x.toml:1: unknown key 'a'");
  const toml::table& inner = *t->get("t")->as_table();
  EXPECT_TRUE(errors.OnlyKeys(inner, {"b", "colour"}, "[t]").ok());
  EXPECT_EQ(errors.OnlyKeys(inner, {"b"}, "[t]").message(), "x.toml:4: [t] unknown key 'colour'");
}

}  // namespace
}  // namespace mamori::config
