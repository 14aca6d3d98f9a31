#include "engine/text_scanner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "engine/encode_test_util.h"

namespace mamori {
namespace {

// Reports every digit run of 8 or more digits as a card number, so the
// streaming logic is tested apart from the real detectors.
class LongRunDetector final : public Detector {
 public:
  std::bitset<kDataTypeCount> Types() const override { return 1; }
  void Detect(const Candidates& in, std::vector<Detection>& out) const override {
    for (const DigitRun& r : in.runs) {
      if (r.end - r.begin < 8) continue;
      out.push_back({DataType::kCardNumber, Confidence::kHigh, r.begin, r.end,
                     std::string(in.text.substr(r.begin, r.end - r.begin)), "", false});
    }
  }
};

std::unique_ptr<ScanCore> FakeCore(uint32_t chunk) {
  ScanOptions options;
  options.chunk_bytes = chunk;
  auto core = ScanCore::Create(options);
  EXPECT_TRUE(core.ok());
  (*core)->detectors.clear();
  (*core)->detectors.push_back(std::make_unique<LongRunDetector>());
  (*core)->options.chunk_bytes = chunk;
  return std::move(*core);
}

std::vector<Finding> Scan(const ScanCore& core, const std::string& bytes, ObjectReport* report) {
  auto scanner = TextScanner::Create(core);
  std::vector<Finding> all;
  FindingCollector collector(
      [&](std::vector<Finding>& b) { all.insert(all.end(), b.begin(), b.end()); });
  MemorySource source(bytes);
  (*scanner)->ScanStream(source, report, &collector);
  collector.Finish(report);
  return all;
}

TEST(TextScannerTest, ChunkBoundariesNeitherLoseNorDuplicate) {
  std::mt19937 rng(3);
  std::string text;
  std::vector<std::pair<uint64_t, std::string>> expected;
  uint64_t line = 1;
  std::vector<uint64_t> lines;
  for (int i = 0; i < 400; ++i) {
    text += "番号 ";
    const std::string digits =
        std::to_string(10000000 + rng() % 80000000) + std::to_string(rng() % 10);
    expected.push_back({text.size(), digits});
    lines.push_back(line);
    text += digits;
    text += (i % 3 == 0) ? "\n" : " 123 あ ";
    if (i % 3 == 0) ++line;
  }
  for (uint32_t chunk : {64u, 100u, 1000u, 4096u, 1u << 20}) {
    ObjectReport report;
    const std::vector<Finding> found = Scan(*FakeCore(chunk), text, &report);
    ASSERT_EQ(found.size(), expected.size()) << "chunk " << chunk;
    for (size_t i = 0; i < found.size(); ++i) {
      EXPECT_EQ(found[i].offset, expected[i].first) << "chunk " << chunk << " #" << i;
      EXPECT_EQ(found[i].length, expected[i].second.size());
      EXPECT_EQ(found[i].value, expected[i].second);
      EXPECT_EQ(found[i].line, lines[i]) << "chunk " << chunk << " #" << i;
    }
    EXPECT_EQ(report.bytes, text.size());
    EXPECT_EQ(report.status, ObjectStatus::kOk);
  }
}

TEST(TextScannerTest, OffsetsAreInOriginalBytesOfFullWidthText) {
  const std::string text = "ＩＤ：１２３４５６７８９\n次の行 98765432";
  ObjectReport report;
  const std::vector<Finding> found = Scan(*FakeCore(1 << 20), text, &report);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].offset, found[0].length), "１２３４５６７８９");
  EXPECT_EQ(found[0].value, "123456789");
  EXPECT_EQ(found[0].line, 1u);
  EXPECT_EQ(text.substr(found[1].offset, found[1].length), "98765432");
  EXPECT_EQ(found[1].line, 2u);
}

TEST(TextScannerTest, BomIsSkippedAndCounted) {
  const std::string text =
      "\xEF\xBB\xBF"
      "12345678";
  ObjectReport report;
  const std::vector<Finding> found = Scan(*FakeCore(1 << 20), text, &report);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].offset, 3u);
  EXPECT_EQ(report.encoding, "utf-8-bom");
  EXPECT_EQ(report.bytes, text.size());
}

TEST(TextScannerTest, BinaryIsSkippedNotClean) {
  ObjectReport report;
  const std::vector<Finding> found =
      Scan(*FakeCore(1 << 20), std::string("\0\1\2\3 12345678", 13), &report);
  EXPECT_TRUE(found.empty());
  EXPECT_EQ(report.status, ObjectStatus::kSkipped);
  EXPECT_EQ(report.reason, "binary");
}

class FailingSource final : public ByteSource {
 public:
  Result<size_t> Read(char* buf, size_t n) override {
    if (calls_++ > 0) return Status::IoError("Input/output error");
    std::fill(buf, buf + n, 'a');
    return n;
  }

 private:
  int calls_ = 0;
};

TEST(TextScannerTest, ReadErrorMidwayIsIncomplete) {
  auto core = FakeCore(64);
  auto scanner = TextScanner::Create(*core);
  ObjectReport report;
  FindingCollector collector([](std::vector<Finding>&) {});
  FailingSource source;
  (*scanner)->ScanStream(source, &report, &collector);
  EXPECT_EQ(report.status, ObjectStatus::kIncomplete);
  EXPECT_NE(report.reason.find("Input/output error"), std::string::npos);
}

TEST(TextScannerTest, UnitScanCarriesLocationAndLabel) {
  auto core = FakeCore(1 << 20);
  auto scanner = TextScanner::Create(*core);
  std::vector<Finding> all;
  FindingCollector collector(
      [&](std::vector<Finding>& b) { all.insert(all.end(), b.begin(), b.end()); });
  StructuredLocation where;
  where.row = 7;
  where.column = "カード番号";
  (*scanner)->ScanUnit("１２３４５６７８", 500, 9, LabelKind::kCardNumber, where, &collector);
  ObjectReport report;
  collector.Finish(&report);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].offset, 500u);
  EXPECT_EQ(all[0].length, 24u);
  EXPECT_EQ(all[0].line, 9u);
  EXPECT_EQ(all[0].where.row, 7u);
  EXPECT_EQ(all[0].where.column, "カード番号");
}

// A cell of a name or address column is one value of its type when the
// column's parser takes it whole; free text may still hide a card number,
// a phone number or an email, which the detectors then find too.
TEST(TextScannerTest, AddressCellsTakenWholeStillShowOtherValues) {
  ScanOptions options;
  options.min_confidence = Confidence::kLow;
  auto core = ScanCore::Create(options);
  ASSERT_TRUE(core.ok());
  auto scanner = TextScanner::Create(**core);
  const auto types_in = [&](std::string_view cell) {
    std::vector<Finding> all;
    FindingCollector collector(
        [&](std::vector<Finding>& b) { all.insert(all.end(), b.begin(), b.end()); });
    (*scanner)->ScanUnit(cell, 0, 1, LabelKind::kAddress, StructuredLocation{}, &collector);
    ObjectReport report;
    collector.Finish(&report);
    std::vector<DataType> types;
    for (const Finding& f : all) types.push_back(f.type);
    std::sort(types.begin(), types.end());
    return types;
  };
  using T = DataType;
  EXPECT_EQ(types_in("東京都千代田区永田町1-7-1"), std::vector<T>{T::kAddress});
  EXPECT_EQ(types_in("東京都千代田区永田町1-7-1 4111111111111111"),
            (std::vector<T>{T::kCardNumber, T::kAddress}));
  EXPECT_EQ(types_in("大阪府大阪市北区梅田1-1-1 5555555555554444号室"),
            (std::vector<T>{T::kCardNumber, T::kAddress}));
  EXPECT_EQ(types_in("東京都港区芝公園4-2-8 03-3433-5111"),
            (std::vector<T>{T::kPhone, T::kAddress}));
}

// Cells of other encodings, one after another through one scanner (which
// keeps the last encoding's decoder): each is decoded on its own, with
// offsets in its own bytes, whatever came before (ISO-2022-JP's shift state
// included).
TEST(TextScannerTest, EncodedUnitsInTurnAreEachDecodedAlone) {
  auto core = FakeCore(1 << 20);
  auto scanner = TextScanner::Create(*core);
  std::vector<Finding> all;
  FindingCollector collector(
      [&](std::vector<Finding>& b) { all.insert(all.end(), b.begin(), b.end()); });
  const struct {
    Encoding encoding;
    const char* charset;
  } cells[] = {{Encoding::kCp932, "windows-31j"},     {Encoding::kCp932, "windows-31j"},
               {Encoding::kEucJp, "EUC-JP"},          {Encoding::kIso2022Jp, "ISO-2022-JP"},
               {Encoding::kIso2022Jp, "ISO-2022-JP"}, {Encoding::kCp932, "windows-31j"}};
  const std::string text = "番号１２３４５６７８です";
  // Offsets go down as well as up: a scanner moves on to the next file.
  const uint64_t bases[] = {5000, 0, 3000, 0, 2000, 0};
  std::vector<uint64_t> expected;
  for (size_t k = 0; k < std::size(cells); ++k) {
    const auto& cell = cells[k];
    const uint64_t base = bases[k];
    const std::string bytes = EncodeAs(text, cell.charset);
    const DetectedEncoding encoding{cell.encoding, 0, cell.charset};
    (*scanner)->ScanEncodedUnit(bytes, encoding, base, 1, std::nullopt, StructuredLocation{},
                                &collector);
    // The digits start after "番号": 4 bytes in the two-byte encodings, and
    // after ISO-2022-JP's 3-byte switch to JIS X 0208.
    expected.push_back(base + (cell.encoding == Encoding::kIso2022Jp ? 7 : 4));
  }
  ObjectReport report;
  collector.Finish(&report);
  std::vector<uint64_t> offsets;
  for (const Finding& f : all) offsets.push_back(f.offset);
  EXPECT_EQ(offsets, expected);
}

}  // namespace
}  // namespace mamori

namespace mamori {
namespace {

// Labels found only next to card numbers (ScanCore::lazy_labels) own the
// same values as labels found everywhere: random text dense with labels
// (card, negative, containing one another, places, honorifics), numbers of
// all lengths and groupings, letters and line breaks between them.
TEST(TextScannerTest, LazyLabelsOwnTheSameCardsAsEagerOnes) {
  ScanOptions options;
  options.types.reset();
  options.types.set(static_cast<size_t>(DataType::kCardNumber));
  options.types.set(static_cast<size_t>(DataType::kCardTrack));
  options.min_confidence = Confidence::kLow;
  auto lazy = ScanCore::Create(options);
  auto eager = ScanCore::Create(options);
  ASSERT_TRUE(lazy.ok() && eager.ok());
  ASSERT_TRUE((*lazy)->lazy_labels);
  (*eager)->lazy_labels = false;
  const std::vector<std::string> pieces = {"4111111111111111",
                                           "4111 1111 1111 1111",
                                           "3530-1113-3330-0000",
                                           "378282246310005",
                                           "4900000000000086",
                                           "%B4111111111111111^YAMADA/TARO^2512101",
                                           ";4111111111111111=2512?",
                                           "カード番号",
                                           "クレジットカード番号",
                                           "card number",
                                           "card no",
                                           "注文番号",
                                           "order no",
                                           "order number",
                                           "伝票番号",
                                           "東京都",
                                           "様",
                                           "cvv",
                                           "123",
                                           "12",
                                           "1234567",
                                           "\n",
                                           "\n\n",
                                           " ",
                                           "：",
                                           ":",
                                           "abc",
                                           "x",
                                           "（裏面）",
                                           "番号",
                                           "JAN",
                                           "ISBN 978",
                                           "tracking",
                                           "お問い合わせ番号",
                                           "4111-1111 1111 1111",
                                           "5500 0000 0000 0004 5500",
                                           "4111 1111 1111 1",
                                           "12-34",
                                           "1 2 3",
                                           "-",
                                           "  ",
                                           "6011000990139424",
                                           "4111111111111111=25121011234567890?"};
  std::mt19937 rng(7);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    const int n = 5 + static_cast<int>(rng() % 40);
    for (int i = 0; i < n; ++i) text += pieces[rng() % pieces.size()];
    ObjectReport a, b;
    const std::vector<Finding> with = Scan(**lazy, text, &a);
    const std::vector<Finding> without = Scan(**eager, text, &b);
    ASSERT_EQ(with.size(), without.size()) << text;
    for (size_t i = 0; i < with.size(); ++i) {
      EXPECT_EQ(with[i].offset, without[i].offset) << text;
      EXPECT_EQ(with[i].type, without[i].type) << text;
      EXPECT_EQ(with[i].confidence, without[i].confidence) << text;
    }
  }
}

}  // namespace
}  // namespace mamori
