#include "extract/table.h"

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>
#include <vector>

#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using K = LabelKind;

void Add(TableReader& t, std::initializer_list<std::string_view> texts) {
  std::vector<TableCell> cells;
  for (std::string_view s : texts) cells.push_back({s, {}});
  t.AddRow(cells);
}

TEST(TableReaderTest, HeaderTypesColumnsAndRowsAreDataRows) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"氏名", "メールアドレス", "電話番号"});
  Add(t, {"山田太郎", "taro@example.com", "03-1234-5678"});
  Add(t, {"佐藤花子", "hanako@example.com", "090-1234-5678"});
  t.Finish();
  EXPECT_TRUE(t.has_header());
  EXPECT_EQ(t.data_rows(), 2u);
  const auto emails = sink.CellsIn("メールアドレス");
  ASSERT_EQ(emails.size(), 2u);
  EXPECT_EQ(emails[0].text, "taro@example.com");
  EXPECT_EQ(emails[0].row, 1u);
  EXPECT_EQ(emails[0].column_kind, K::kEmail);
  EXPECT_EQ(emails[1].row, 2u);
  EXPECT_EQ(sink.FindCell("090-1234-5678")->column_kind, K::kPhone);
  EXPECT_EQ(sink.FindCell("山田太郎")->column_kind, K::kName);
  // The header row itself is reported, as row 0 without a column.
  const auto* header = sink.FindCell("氏名");
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(header->row, 0u);
  EXPECT_EQ(header->column, "");
}

TEST(TableReaderTest, TitleRowsAboveTheHeader) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"顧客一覧 2013年4月"});
  Add(t, {""});
  Add(t, {"作成者", "営業部", ""});
  Add(t, {"No.", "お名前", "ご住所", "TEL"});
  Add(t, {"1", "山田太郎", "東京都渋谷区神南1-2-3", "03-1234-5678"});
  t.Finish();
  ASSERT_TRUE(t.has_header());
  EXPECT_EQ(sink.FindCell("顧客一覧 2013年4月")->row, 0u);
  EXPECT_EQ(sink.FindCell("顧客一覧 2013年4月")->column, "");
  EXPECT_EQ(sink.FindCell("営業部")->row, 0u);
  const auto* tel = sink.FindCell("03-1234-5678");
  EXPECT_EQ(tel->row, 1u);
  EXPECT_EQ(tel->column, "TEL");
  EXPECT_EQ(tel->column_kind, K::kPhone);
  EXPECT_EQ(sink.FindCell("東京都渋谷区神南1-2-3")->column_kind, K::kAddress);
  EXPECT_EQ(sink.FindCell("1")->column, "No.");
  EXPECT_EQ(sink.FindCell("1")->column_kind, std::nullopt);
}

TEST(TableReaderTest, TwoRowHeaderUnderGroupHeadings) {
  // "連絡先" is itself a phone label, but the row under it names more kinds.
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"No.", "お客様", "連絡先", "", "お支払い", "", ""});
  Add(t, {"", "氏名", "電話", "メール", "カード番号", "有効期限", "CVC"});
  Add(t, {"1", "山田太郎", "090-1234-5678", "a@example.jp", "4111111111111111", "12/27", "123"});
  Add(t, {"2", "佐藤花子", "03-1234-5678", "b@example.jp", "3540112345678902", "01/28", "456"});
  t.Finish();
  ASSERT_TRUE(t.has_header());
  EXPECT_EQ(t.data_rows(), 2u);
  EXPECT_EQ(sink.FindCell("連絡先")->row, 0u);
  EXPECT_EQ(sink.FindCell("電話")->row, 0u);
  EXPECT_EQ(sink.FindCell("12/27")->column_kind, K::kCardExpiry);
  EXPECT_EQ(sink.FindCell("123")->column_kind, K::kSecurityCode);
  EXPECT_EQ(sink.FindCell("123")->row, 1u);
  EXPECT_EQ(sink.FindCell("山田太郎")->column_kind, K::kName);
  EXPECT_EQ(sink.FindCell("1")->column, "No.");  // empty below: the group row's text
  EXPECT_EQ(sink.FindCell("03-1234-5678")->row, 2u);
}

TEST(TableReaderTest, HeaderFollowedByDataOrItsRepeatOrNothing) {
  {  // data right under the header: the first data row
    RecordingSink sink;
    TableReader t(sink);
    Add(t, {"氏名", "電話番号"});
    Add(t, {"山田太郎", "090-1234-5678"});
    t.Finish();
    EXPECT_EQ(sink.FindCell("090-1234-5678")->row, 1u);
    EXPECT_EQ(sink.FindCell("090-1234-5678")->column_kind, K::kPhone);
  }
  {  // the header repeated: no data row, no second header
    RecordingSink sink;
    TableReader t(sink);
    Add(t, {"氏名", "電話番号"});
    Add(t, {"氏名", "電話番号"});
    Add(t, {"山田太郎", "090-1234-5678"});
    t.Finish();
    EXPECT_EQ(t.data_rows(), 1u);
    EXPECT_EQ(sink.FindCell("090-1234-5678")->column, "電話番号");
  }
  {  // only a header: reported by Finish
    RecordingSink sink;
    TableReader t(sink);
    Add(t, {"氏名", "電話番号"});
    EXPECT_TRUE(sink.cells.empty());
    t.Finish();
    EXPECT_TRUE(t.has_header());
    EXPECT_EQ(sink.cells.size(), 2u);
  }
}

TEST(TableReaderTest, WithoutHeaderCellsHaveNoColumn) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"山田太郎", "taro@example.com", "03-1234-5678"});
  Add(t, {"佐藤花子", "hanako@example.com", "090-1234-5678"});
  t.Finish();
  EXPECT_FALSE(t.has_header());
  ASSERT_EQ(sink.cells.size(), 6u);
  for (const auto& c : sink.cells) {
    EXPECT_EQ(c.column, "");
    EXPECT_EQ(c.column_kind, std::nullopt);
  }
  EXPECT_EQ(sink.cells[0].row, 1u);
  EXPECT_EQ(sink.cells[5].row, 2u);
}

TEST(TableReaderTest, DataRowWithALabelWordIsNoHeader) {
  RecordingSink sink;
  TableReader t(sink);
  // "name" is a label, but the row is mostly values.
  Add(t, {"name", "taro@example.com", "090-1234-5678"});
  Add(t, {"pan", "hanako@example.com", "090-1234-5679"});
  t.Finish();
  EXPECT_FALSE(t.has_header());
  EXPECT_EQ(sink.FindCell("name")->row, 1u);
  EXPECT_EQ(sink.FindCell("taro@example.com")->column, "");
}

TEST(TableReaderTest, SearchEndsWhenTheBodyHasBegun) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"a1", "b1", "c1"});
  Add(t, {"a2", "b2", "c2"});
  Add(t, {"氏名", "メール", "電話"});  // after two wide data rows: data
  t.Finish();
  EXPECT_FALSE(t.has_header());
  EXPECT_EQ(sink.FindCell("氏名")->row, 3u);
}

TEST(TableReaderTest, SingleColumnTable) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"email"});
  Add(t, {"taro@example.com"});
  Add(t, {"hanako@example.com"});
  t.Finish();
  ASSERT_TRUE(t.has_header());
  EXPECT_EQ(sink.FindCell("hanako@example.com")->column, "email");
  EXPECT_EQ(sink.FindCell("hanako@example.com")->column_kind, K::kEmail);
  EXPECT_EQ(sink.FindCell("hanako@example.com")->row, 2u);
}

TEST(TableReaderTest, SingleLabelTitleAboveAWideTableIsNoHeader) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"顧客連絡先一覧"});  // contains 連絡先, a phone label
  Add(t, {"氏名", "電話番号"});
  Add(t, {"山田太郎", "03-1234-5678"});
  t.Finish();
  EXPECT_EQ(sink.FindCell("顧客連絡先一覧")->row, 0u);
  EXPECT_EQ(sink.FindCell("03-1234-5678")->column, "電話番号");
}

TEST(TableReaderTest, SingleLabelTitleOverWideDataIsNoHeader) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"連絡先"});
  Add(t, {"山田太郎", "03-1234-5678"});
  t.Finish();
  EXPECT_FALSE(t.has_header());
  EXPECT_EQ(sink.FindCell("連絡先")->row, 1u);
  EXPECT_EQ(sink.FindCell("03-1234-5678")->row, 2u);
}

TEST(TableReaderTest, RepeatedHeaderAndBlankRowsAreNotDataRows) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"", ""});
  Add(t, {"カード番号", "有効期限"});
  Add(t, {"4980123456789011", "12/27"});
  Add(t, {" ", ""});
  Add(t, {"カード番号", " 有効期限 "});
  Add(t, {"3530123456789018", "01/28"});
  t.Finish();
  EXPECT_EQ(t.data_rows(), 2u);
  EXPECT_EQ(sink.FindCell("3530123456789018")->row, 2u);
  EXPECT_EQ(sink.FindCell("3530123456789018")->column_kind, K::kCardNumber);
  EXPECT_EQ(sink.FindCell("01/28")->column_kind, K::kCardExpiry);
  int header_cells = 0;
  for (const auto& c : sink.cells) header_cells += c.text.find("カード番号") != std::string::npos;
  EXPECT_EQ(header_cells, 2);
  for (const auto& c : sink.cells) {
    if (c.text.find("カード番号") != std::string::npos) {
      EXPECT_EQ(c.row, 0u);
    }
  }
}

TEST(TableReaderTest, CellsPastTheHeaderAndEmptyHeaderCells) {
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"氏名", "", "cvv"});
  Add(t, {"山田", "memo", "123", "extra"});
  t.Finish();
  EXPECT_EQ(sink.FindCell("memo")->column, "");
  EXPECT_EQ(sink.FindCell("memo")->column_kind, std::nullopt);
  EXPECT_EQ(sink.FindCell("123")->column_kind, K::kSecurityCode);
  EXPECT_EQ(sink.FindCell("extra")->column, "");
  EXPECT_EQ(sink.FindCell("extra")->row, 1u);
}

TEST(TableReaderTest, SheetAndCellReferences) {
  RecordingSink sink;
  TableReader t(sink, "顧客");
  const std::vector<TableCell> header = {{"メール", "A1"}, {"", ""}, {"電話", "C1"}};
  const std::vector<TableCell> row = {{"taro@example.com", "A2"}, {"", ""}, {"0312345678", "C2"}};
  t.AddRow(header);
  t.AddRow(row);
  t.Finish();
  const auto* phone = sink.FindCell("0312345678");
  ASSERT_NE(phone, nullptr);
  EXPECT_EQ(phone->sheet, "顧客");
  EXPECT_EQ(phone->cell, "C2");
  EXPECT_EQ(phone->column, "電話");
  EXPECT_EQ(phone->column_kind, K::kPhone);
  EXPECT_EQ(sink.FindCell("メール")->cell, "A1");
}

TEST(TableReaderTest, FinishWithoutRowsAndOnlyTitles) {
  RecordingSink none;
  TableReader empty(none);
  empty.Finish();
  EXPECT_TRUE(none.cells.empty());
  RecordingSink sink;
  TableReader t(sink);
  Add(t, {"お知らせ"});
  t.Finish();
  t.Finish();  // idempotent
  ASSERT_EQ(sink.cells.size(), 1u);
  EXPECT_EQ(sink.cells[0].row, 1u);
}

// Each synonym family of the curated label list types its column.
TEST(TableReaderTest, HeaderSynonymFamilies) {
  const std::pair<std::string_view, K> kHeaders[] = {
      {"氏名", K::kName},
      {"フリガナ", K::kName},
      {"お名前", K::kName},
      {"メールアドレス", K::kEmail},
      {"E-mail", K::kEmail},
      {"Ｅメール", K::kEmail},
      {"email_address", K::kEmail},
      {"電話番号", K::kPhone},
      {"携帯電話", K::kPhone},
      {"TEL", K::kPhone},
      {"〒", K::kPostalCode},
      {"郵便番号", K::kPostalCode},
      {"住所", K::kAddress},
      {"カード番号", K::kCardNumber},
      {"card_no", K::kCardNumber},
      {"ｃａｒｄ＿ｎｏ", K::kCardNumber},
      {"有効期限", K::kCardExpiry},
      {"exp_date", K::kCardExpiry},
      {"セキュリティコード", K::kSecurityCode},
      {"cvv", K::kSecurityCode},
      {"CVV2", K::kSecurityCode},
      {"カード名義", K::kCardHolder},
      {"生年月日", K::kBirthDate},
      {"DOB", K::kBirthDate},
      {"マイナンバー", K::kMyNumber},
      {"個人番号", K::kMyNumber},
      {"旅券番号", K::kPassport},
      {"運転免許証番号", K::kDriversLicense},
      {"口座番号", K::kBankAccount},
      {"注文番号", K::kNegative},
      {"参照番号", K::kReference},
      {"Reference No.", K::kReference},
  };
  for (const auto& [header, kind] : kHeaders) {
    RecordingSink sink;
    TableReader t(sink);
    Add(t, {"memo", header});
    Add(t, {"x", "value"});
    t.Finish();
    ASSERT_TRUE(t.has_header()) << header;
    const auto* cell = sink.FindCell("value");
    ASSERT_NE(cell, nullptr) << header;
    EXPECT_EQ(cell->column, header);
    EXPECT_EQ(cell->column_kind, kind) << header;
  }
}

TEST(TableReaderTest, HelpersFoldAndBound) {
  EXPECT_EQ(NormalizeHeader("　Ｅメール "), "Eメール");
  EXPECT_EQ(ClassifyColumn("ＴＥＬ"), K::kPhone);
  // Headers wrapped inside their cell (Alt+Enter in Excel, quoted CSV).
  EXPECT_EQ(NormalizeHeader("カード\n番号"), "カード 番号");
  EXPECT_EQ(ClassifyColumn("セキュリティ\nコード"), K::kSecurityCode);
  EXPECT_EQ(ClassifyColumn("セキュリティ\r\nコード"), K::kSecurityCode);
  EXPECT_EQ(ClassifyColumn("有効\n期限"), K::kCardExpiry);
  EXPECT_EQ(ClassifyColumn("CVV\n(3桁)"), K::kSecurityCode);
  EXPECT_EQ(ClassifyColumn("taro@mail.example.com"), std::nullopt);  // a value, not a label
  EXPECT_TRUE(LooksLikeLabel("address_line_1"));
  EXPECT_FALSE(LooksLikeLabel("2013年4月"));
  EXPECT_FALSE(LooksLikeLabel(""));
  RecordingSink sink;
  const std::string text = "あいうえお";  // 15 bytes
  EmitTextPieces(sink, text, StructuredLocation{}, 100, 7);
  ASSERT_EQ(sink.texts.size(), 3u);
  EXPECT_EQ(sink.texts[0].text, "あい");
  EXPECT_EQ(sink.texts[1].offset, 106u);
  EXPECT_EQ(sink.AllText(), "あい\nうえ\nお");
}

}  // namespace
}  // namespace mamori
