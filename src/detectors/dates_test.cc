#include "detectors/dates.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detectors/detector_test_util.h"
#include "detectors/registry.h"

namespace mamori {
namespace {

class BirthDateTest : public ::testing::Test {
 protected:
  std::vector<Detection> Run(std::string_view text, std::optional<LabelKind> unit = std::nullopt) {
    return RunDetector(*detector_, text, unit, &normalized_);
  }
  // `text` holds exactly one birth date, written as `span`, on `iso`.
  void ExpectBirthDate(std::string_view text, std::string_view span, std::string_view iso) {
    const std::vector<Detection> dets = Run(text);
    ASSERT_EQ(dets.size(), 1u) << text;
    const Detection& d = dets[0];
    EXPECT_EQ(d.type, DataType::kBirthDate);
    EXPECT_EQ(normalized_.substr(d.begin, d.end - d.begin), span) << text;
    EXPECT_EQ(d.value, iso) << text;
    EXPECT_EQ(d.confidence, Confidence::kHigh);
  }
  void ExpectNothing(std::string_view text) { EXPECT_TRUE(Run(text).empty()) << text; }

  std::unique_ptr<Detector> detector_ = MakeBirthDateDetector();
  std::string normalized_;
};

TEST_F(BirthDateTest, WesternNumericNotations) {
  ExpectBirthDate("生年月日: 1985/04/12", "1985/04/12", "1985-04-12");
  ExpectBirthDate("生年月日 1985-04-12 ", "1985-04-12", "1985-04-12");
  ExpectBirthDate("誕生日：1985.4.12。", "1985.4.12", "1985-04-12");
  ExpectBirthDate("DOB 19850412", "19850412", "1985-04-12");
  ExpectBirthDate("birth_date: 1985-04-12T00:00:00Z", "1985-04-12", "1985-04-12");
}

TEST_F(BirthDateTest, KanjiNotation) {
  ExpectBirthDate("生年月日 1985年4月12日", "1985年4月12日", "1985-04-12");
  ExpectBirthDate("生年月日：1985年 4月 2日", "1985年 4月 2日", "1985-04-02");
}

TEST_F(BirthDateTest, JapaneseEras) {
  ExpectBirthDate("生年月日 昭和60年4月12日", "昭和60年4月12日", "1985-04-12");
  ExpectBirthDate("生年月日 平成3年1月5日", "平成3年1月5日", "1991-01-05");
  ExpectBirthDate("生年月日 令和2年3月4日", "令和2年3月4日", "2020-03-04");
  ExpectBirthDate("生年月日 大正10年5月1日", "大正10年5月1日", "1921-05-01");
  ExpectBirthDate("生年月日 明治40年2月3日", "明治40年2月3日", "1907-02-03");
  ExpectBirthDate("生年月日 平成元年1月8日", "平成元年1月8日", "1989-01-08");
  ExpectBirthDate("誕生日は令和元年5月1日です", "令和元年5月1日", "2019-05-01");
  ExpectBirthDate("生年月日 昭和 60年 4月12日", "昭和 60年 4月12日", "1985-04-12");
}

TEST_F(BirthDateTest, EraAbbreviations) {
  ExpectBirthDate("生年月日 S60.4.12", "S60.4.12", "1985-04-12");
  ExpectBirthDate("生年月日 S60/4/12", "S60/4/12", "1985-04-12");
  ExpectBirthDate("生年月日 H3-1-5", "H3-1-5", "1991-01-05");
  ExpectBirthDate("生年月日 R2.3.4", "R2.3.4", "2020-03-04");
  ExpectBirthDate("生年月日 s60.4.12", "s60.4.12", "1985-04-12");
  ExpectBirthDate("生年月日 h3年1月5日", "h3年1月5日", "1991-01-05");
}

TEST_F(BirthDateTest, DayMonthYear) {
  ExpectBirthDate("DOB: 12/04/1985", "12/04/1985", "1985-04-12");  // day first when valid
  ExpectBirthDate("DOB: 04/25/1985", "04/25/1985", "1985-04-25");  // else month first
  ExpectNothing("DOB: 13/13/1985");
}

TEST_F(BirthDateTest, EnglishMonthNames) {
  ExpectBirthDate("Date of birth: April 12, 1985", "April 12, 1985", "1985-04-12");
  ExpectBirthDate("Date of birth: 12 April 1985", "12 April 1985", "1985-04-12");
  ExpectBirthDate("Birthday: Apr. 12, 1985", "Apr. 12, 1985", "1985-04-12");
  ExpectBirthDate("DOB: 5 SEPT 1990", "5 SEPT 1990", "1990-09-05");
  ExpectBirthDate("DOB: Jan 5 1990", "Jan 5 1990", "1990-01-05");
}

TEST_F(BirthDateTest, FullWidthInput) {
  ExpectBirthDate("生年月日：１９８５年４月１２日", "1985年4月12日", "1985-04-12");
  ExpectBirthDate("生年月日：１９８５／０４／１２", "1985/04/12", "1985-04-12");
  ExpectBirthDate("生年月日：Ｓ６０．４．１２", "S60.4.12", "1985-04-12");
}

TEST_F(BirthDateTest, LabelAfterTheDate) {
  ExpectBirthDate("1985年4月12日生まれ", "1985年4月12日", "1985-04-12");
  ExpectBirthDate("昭和60年4月12日 生まれ", "昭和60年4月12日", "1985-04-12");
  // The label after a date names that date, not the next one.
  ExpectBirthDate("1985年4月12日生まれ、2008年4月1日入社", "1985年4月12日", "1985-04-12");
}

TEST_F(BirthDateTest, UnitLabel) {
  const auto dets = Run("1985/04/12", LabelKind::kBirthDate);
  EXPECT_EQ(ValuesOf(dets, DataType::kBirthDate), std::vector<std::string>{"1985-04-12"});
}

TEST_F(BirthDateTest, DatesWithoutBirthLabelAreNothing) {
  ExpectNothing("1985/04/12");
  ExpectNothing("注文日 2024/01/05 お届け予定 2024年1月8日");
  ExpectNothing("作成日: 平成3年1月5日");
  ExpectNothing("有効期限 2025/12/31");
  EXPECT_TRUE(Run("1985/04/12", LabelKind::kPhone).empty());
}

TEST_F(BirthDateTest, ALabelNamesOnlyTheDateAfterIt) {
  const auto dets = Run("生年月日 1985年4月12日 登録日 2020年1月1日");
  EXPECT_EQ(ValuesOf(dets, DataType::kBirthDate), std::vector<std::string>{"1985-04-12"});
  // The same date in two notations, side by side, is one birth date twice.
  const auto both = Run("生年月日: 1985/04/12 (昭和60年4月12日)");
  EXPECT_EQ(ValuesOf(both, DataType::kBirthDate),
            (std::vector<std::string>{"1985-04-12", "1985-04-12"}));
}

TEST_F(BirthDateTest, InvalidDates) {
  ExpectNothing("生年月日 1985/02/30");
  ExpectNothing("生年月日 1985/13/01");
  ExpectNothing("生年月日 1985/00/10");
  ExpectNothing("生年月日 1985年4月31日");
  ExpectNothing("生年月日 昭和65年1月1日");
  ExpectNothing("生年月日 昭和64年1月8日");  // Heisei began that day
  ExpectNothing("生年月日 平成31年5月1日");  // Reiwa began that day
  ExpectNothing("生年月日 平成0年5月1日");
  ExpectNothing("生年月日 大正16年1月1日");
  ExpectNothing("生年月日 H32.1.1");
  ExpectNothing("生年月日 1900/02/29");
  ExpectBirthDate("生年月日 2000/02/29", "2000/02/29", "2000-02-29");
  ExpectBirthDate("生年月日 1988年2月29日", "1988年2月29日", "1988-02-29");
  ExpectBirthDate("生年月日 昭和64年1月7日", "昭和64年1月7日", "1989-01-07");
}

TEST_F(BirthDateTest, OutOfRangeBirthDates) {
  ExpectNothing("生年月日 2027/01/01");     // future
  ExpectNothing("生年月日 令和9年1月1日");  // 2027
  ExpectNothing("生年月日 1899/12/31");
  ExpectNothing("生年月日 明治30年1月1日");  // 1897
  ExpectBirthDate("生年月日 1900/01/01", "1900/01/01", "1900-01-01");
  ExpectBirthDate("生年月日 2026/12/31", "2026/12/31", "2026-12-31");
}

TEST_F(BirthDateTest, NotPartOfALongerToken) {
  ExpectNothing("生年月日 x1985/04/12");
  ExpectNothing("生年月日 1985/04/12/3");
  ExpectNothing("生年月日 1985/04/123");
  ExpectNothing("生年月日 12-1985/04/12");
  ExpectNothing("生年月日 1985/04-12");  // mixed separators
  ExpectNothing("生年月日 198504121");
  ExpectNothing("生年月日 XS60.4.12");
}

TEST(BirthDateParser, WholeCells) {
  EXPECT_EQ(ParseDate(" 1985/04/12 "), (Date{1985, 4, 12}));
  EXPECT_EQ(ParseDate("19850412"), (Date{1985, 4, 12}));
  EXPECT_EQ(ParseDate("昭和60年4月12日"), (Date{1985, 4, 12}));
  EXPECT_EQ(ParseDate("平成元年1月8日"), (Date{1989, 1, 8}));
  EXPECT_EQ(ParseDate("H3.1.5"), (Date{1991, 1, 5}));
  EXPECT_EQ(ParseDate("April 12, 1985"), (Date{1985, 4, 12}));
  EXPECT_EQ(ParseDate("2030-01-01"), (Date{2030, 1, 1}));  // a date, not a birth date
  EXPECT_EQ(ParseBirthDate("2030-01-01"), std::nullopt);
  EXPECT_EQ(ParseBirthDate("1985-04-12"), (Date{1985, 4, 12}));
  EXPECT_EQ(ParseDate("1985/04/12 x"), std::nullopt);
  EXPECT_EQ(ParseDate("1985/02/30"), std::nullopt);
  EXPECT_EQ(ParseDate("元年1月8日"), std::nullopt);
  EXPECT_EQ(ParseDate(""), std::nullopt);
  EXPECT_EQ(ParseDate("   "), std::nullopt);
  EXPECT_EQ(ParseDate("1985"), std::nullopt);
  EXPECT_EQ(ParseDate("1985年4月"), std::nullopt);
}

TEST(BirthDateParser, ParseDateAtReportsTheEnd) {
  const std::string text = "昭和60年4月12日生";
  const auto m = ParseDateAt(text, 0);
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->date, (Date{1985, 4, 12}));
  EXPECT_EQ(text.substr(m->end), "生");
}

TEST(BirthDateParser, IsoFormat) {
  EXPECT_EQ(ToIsoDate(Date{1985, 4, 12}), "1985-04-12");
  EXPECT_EQ(ToIsoDate(Date{1907, 12, 3}), "1907-12-03");
}

}  // namespace
}  // namespace mamori
