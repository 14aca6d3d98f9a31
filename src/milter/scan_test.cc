#include "milter/scan.h"

#include <gtest/gtest.h>

#include "mamori/engine.h"

namespace mamori::milter {
namespace {

uint64_t Count(const ScanFacts& s, DataType t) { return s.counts[static_cast<size_t>(t)]; }

std::unique_ptr<Engine> MakeEngine() {
  Result<std::unique_ptr<Engine>> engine = Engine::Create(ScanOptions{});
  EXPECT_TRUE(engine.ok());
  return std::move(*engine);
}

TEST(MilterScanTest, FactsCountTestCardsApartAndMaskTheExample) {
  ObjectReport report;
  report.records = 2;
  report.encrypted = true;
  report.status = ObjectStatus::kIncomplete;
  report.reason = "1 of 2 members not fully scanned";
  Finding test_card{.type = DataType::kCardNumber, .value = "4111111111111111", .test = true};
  Finding card{.type = DataType::kCardNumber, .value = "4980123456780128"};
  Finding email{.type = DataType::kEmail, .value = "a@example.jp"};
  const ScanFacts f = FactsFrom(report, {test_card, card, email, card});
  EXPECT_EQ(Count(f, DataType::kCardNumber), 2u);
  EXPECT_EQ(f.test_cards, 1u);
  EXPECT_EQ(Count(f, DataType::kEmail), 1u);
  EXPECT_EQ(f.card_example, "498012******0128");
  EXPECT_EQ(f.records, 2u);
  EXPECT_TRUE(f.encrypted);
  EXPECT_EQ(f.status, ObjectStatus::kIncomplete);
}

TEST(MilterScanTest, SubjectBodyInAnyCharsetAndAttachments) {
  auto engine = MakeEngine();
  // Subject in RFC 2047, a Shift_JIS body, and a base64 CSV attachment.
  const std::string message =
      "From: a@example.co.jp\r\nTo: b@client.example\r\n"
      "Subject: =?UTF-8?B?44Kr44O844OJ55Wq5Y+3IDQ5ODAgMTIzNCA1Njc4IDAxMjc=?=\r\n"
      "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
      "--b\r\nContent-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: "
      "8bit\r\n\r\n"
      "\x83\x5a\x83\x4c\x83\x85\x83\x8a\x83\x65\x83\x42\x83\x52\x81\x5b\x83\x68: 123\r\n"
      "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"m.csv\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n"
      "5rCP5ZCNLOODoeODvOODq+OCouODieODrOOCuQ0K5bGx55SwLHlhbWFkYUBleGFtcGxlLmpwDQrpiLTmnKgs\r\n"
      "c3V6dWtpQGV4YW1wbGUuanANCg==\r\n--b--\r\n";  // 氏名,メールアドレス / 山田,yamada@… /
                                                    // 鈴木,suzuki@…
  const ScanFacts f = ScanMessage(*engine, message, 60);
  EXPECT_EQ(Count(f, DataType::kCardNumber), 1u);  // subject
  EXPECT_EQ(Count(f, DataType::kCardSecurityCode), 1u);  // Shift_JIS body: セキュリティコード: 123
  EXPECT_EQ(Count(f, DataType::kEmail), 2u);             // the CSV attachment
  EXPECT_EQ(f.status, ObjectStatus::kOk);
  EXPECT_FALSE(f.timed_out);
  EXPECT_EQ(f.card_example, "498012******0127");
}

TEST(MilterScanTest, CleanMessage) {
  auto engine = MakeEngine();
  const ScanFacts f =
      ScanMessage(*engine, "From: a@example.jp\r\nSubject: hi\r\n\r\nSee you at 3.\r\n", 60);
  for (int t = 0; t < kDataTypeCount; ++t) EXPECT_EQ(f.counts[t], 0u) << t;
  EXPECT_EQ(f.records, 0u);
  EXPECT_EQ(f.status, ObjectStatus::kOk);
}

}  // namespace
}  // namespace mamori::milter
