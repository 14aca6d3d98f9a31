#include "milter/verdict.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mamori::milter {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;

void Set(ScanFacts* s, DataType t, uint64_t n) { s->counts[static_cast<size_t>(t)] = n; }

MessageFacts Plain() {
  MessageFacts m;
  m.sender = "tanaka@example.co.jp";
  m.recipients = {"partner@client.example"};
  m.visible = {"partner@client.example"};
  m.bytes = 1000;
  return m;
}

Policy Internal() {
  Policy p;
  p.internal_domains = {"example.co.jp"};
  return p;
}

TEST(MilterVerdictTest, CleanMessageIsAccepted) {
  MessageFacts m = Plain();
  Set(&m.scan, DataType::kEmail, 3);  // a signature, a couple of addresses
  m.scan.records = 3;
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kAccept);
  EXPECT_THAT(v.rules, IsEmpty());
  EXPECT_EQ(v.reason, "");
  EXPECT_EQ(v.visible_external, 1u);
}

TEST(MilterVerdictTest, CardDataIsRejectedWithAMaskedReason) {
  MessageFacts m = Plain();
  Set(&m.scan, DataType::kCardNumber, 2);
  Set(&m.scan, DataType::kCardSecurityCode, 2);
  m.scan.card_example = "498012******0128";
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kReject);
  EXPECT_THAT(v.rules, ElementsAre("sensitive"));
  EXPECT_EQ(
      v.reason,
      "card data or My Number: 2 card numbers (e.g. 498012******0128), 2 card security codes");
}

TEST(MilterVerdictTest, EachSensitiveTypeAloneFires) {
  for (DataType t : {DataType::kCardNumber, DataType::kCardSecurityCode, DataType::kCardTrack,
                     DataType::kMyNumber}) {
    MessageFacts m = Plain();
    Set(&m.scan, t, 1);
    EXPECT_EQ(Decide(Internal(), m).action, Action::kReject) << DataTypeName(t);
  }
  MessageFacts m = Plain();
  Set(&m.scan, DataType::kMyNumber, 1);
  EXPECT_EQ(Decide(Internal(), m).reason, "card data or My Number: 1 My Number");
}

TEST(MilterVerdictTest, PublicTestCardsDoNotBlock) {
  MessageFacts m = Plain();
  m.scan.test_cards = 4;  // 4111 1111 1111 1111 in a developer's mail
  EXPECT_EQ(Decide(Internal(), m).action, Action::kAccept);
}

TEST(MilterVerdictTest, RecordsThresholdIsInclusive) {
  MessageFacts m = Plain();
  m.scan.records = 49;
  EXPECT_EQ(Decide(Internal(), m).action, Action::kAccept);
  m.scan.records = 50;
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kHold);
  EXPECT_EQ(v.reason, "personal data of 50 people (limit 50)");
}

TEST(MilterVerdictTest, VisibleExternalRecipients) {
  MessageFacts m = Plain();
  m.visible.clear();
  for (int i = 0; i < 10; ++i) m.visible.push_back("c" + std::to_string(i) + "@client.example");
  for (int i = 0; i < 5; ++i) m.visible.push_back("s" + std::to_string(i) + "@example.co.jp");
  EXPECT_EQ(Decide(Internal(), m).action, Action::kAccept);  // 10 external: at the limit
  m.visible.push_back("c10@client.example");
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kHold);
  EXPECT_EQ(v.visible_external, 11u);
  EXPECT_THAT(v.reason, HasSubstr("11 external addresses visible in To/Cc (limit 10)"));
}

TEST(MilterVerdictTest, EncryptedSpeaksForTheIncompleteItCauses) {
  MessageFacts m = Plain();
  m.scan.encrypted = true;
  m.scan.status = ObjectStatus::kIncomplete;
  Policy p = Internal();
  p.incomplete_action = Action::kHold;
  Verdict v = Decide(p, m);
  EXPECT_EQ(v.action, Action::kTag);
  EXPECT_THAT(v.rules, ElementsAre("encrypted"));
  p.encrypted_action = Action::kReject;
  EXPECT_EQ(Decide(p, m).action, Action::kReject);
}

TEST(MilterVerdictTest, IncompleteIsNeverClean) {
  MessageFacts m = Plain();
  m.scan.status = ObjectStatus::kIncomplete;
  m.scan.status_reason = "mail truncated";
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kTag);
  EXPECT_EQ(v.reason, "could not be checked completely (incomplete: mail truncated)");
  m.scan.status = ObjectStatus::kSkipped;  // binary attachments are not a failure
  EXPECT_EQ(Decide(Internal(), m).action, Action::kAccept);
}

TEST(MilterVerdictTest, OversizeIsNotScannedButDecidedExplicitly) {
  MessageFacts m = Plain();
  m.oversize = true;
  m.bytes = 40u << 20;
  Set(&m.scan, DataType::kCardNumber, 9);  // ignored: an oversize message is not scanned
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kHold);
  EXPECT_THAT(v.rules, ElementsAre("oversize"));
  EXPECT_THAT(v.reason, HasSubstr("over the checking limit of 33554432 bytes"));
  Policy p = Internal();
  p.oversize_action = Action::kReject;
  EXPECT_EQ(Decide(p, m).action, Action::kReject);
}

TEST(MilterVerdictTest, TimeoutTempfailsUnlessALeakIsKnown) {
  MessageFacts m = Plain();
  m.scan.timed_out = true;
  EXPECT_EQ(Decide(Internal(), m).action, Action::kTempfail);
  Set(&m.scan, DataType::kCardTrack, 1);
  EXPECT_EQ(Decide(Internal(), m).action, Action::kReject);
}

TEST(MilterVerdictTest, StrongestActionWinsAndItsReasonsAreGiven) {
  MessageFacts m = Plain();
  m.scan.records = 3385;
  m.scan.encrypted = true;
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(v.action, Action::kHold);
  EXPECT_THAT(v.rules, ElementsAre("records", "encrypted"));
  EXPECT_EQ(v.reason,
            "personal data of 3385 people (limit 50)");  // the tag's reason is not the action's
}

TEST(MilterVerdictTest, Allowlists) {
  Policy p = Internal();
  p.allow_senders = {"payroll@example.co.jp"};
  p.allow_recipients = {"processor.example"};
  p.allow_auth_users = {"batch"};
  MessageFacts m = Plain();
  Set(&m.scan, DataType::kCardNumber, 1);
  EXPECT_EQ(Decide(p, m).action, Action::kReject);

  MessageFacts from = m;
  from.sender = "Payroll@example.co.jp";
  Verdict v = Decide(p, from);
  EXPECT_EQ(v.action, Action::kAccept);
  EXPECT_EQ(v.allowlisted, "sender");
  EXPECT_THAT(v.rules, ElementsAre("sensitive"));  // still logged
  EXPECT_THAT(v.reason, HasSubstr("allowlisted sender (card data"));

  MessageFacts auth = m;
  auth.auth_user = "Batch";
  EXPECT_EQ(Decide(p, auth).allowlisted, "auth_user");

  MessageFacts to = m;
  to.recipients = {"a@processor.example", "b@eu.processor.example"};
  EXPECT_EQ(Decide(p, to).allowlisted, "recipients");
  to.recipients.push_back(
      "c@elsewhere.example");  // one recipient outside the list: not allowlisted
  EXPECT_EQ(Decide(p, to).action, Action::kReject);
}

TEST(MilterVerdictTest, HeaderCarriesRulesAndCounts) {
  MessageFacts m = Plain();
  m.scan.records = 3385;
  Set(&m.scan, DataType::kEmail, 3385);
  Set(&m.scan, DataType::kPersonName, 3385);
  const Verdict v = Decide(Internal(), m);
  EXPECT_EQ(VerdictHeader(v, m), "hold; rules=records; records=3385; email=3385; person_name=3385");
  m.oversize = true;
  EXPECT_EQ(VerdictHeader(Decide(Internal(), m), m), "hold; rules=oversize; unscanned=oversize");
}

TEST(MilterVerdictTest, LogLineHasTheFieldsAndNoRawValues) {
  MessageFacts m = Plain();
  Set(&m.scan, DataType::kCardNumber, 1);
  m.scan.card_example = "498012******0128";
  const Verdict v = Decide(Internal(), m);
  const std::string line = LogLine("4F2A1B", v, m, 0.25);
  EXPECT_EQ(line,
            "queue=4F2A1B sender_domain=example.co.jp verdict=reject rules=sensitive records=0 "
            "counts=card_number:1 visible_external=1 rcpts=1 bytes=1000 status=ok seconds=0.250 "
            "reason=\"card data or My Number: 1 card number (e.g. 498012******0128)\"");
  EXPECT_THAT(line, Not(HasSubstr("tanaka")));  // the sender's domain only
  MessageFacts bounce = Plain();
  bounce.sender = "";
  EXPECT_THAT(LogLine("", Decide(Internal(), bounce), bounce, 0),
              HasSubstr("queue=- sender_domain=- "));
}

TEST(MilterVerdictTest, ReplyTextIsSafeForSmtp) {
  EXPECT_EQ(ReplyText("100% sure\r\nRCPT TO:<x>"), "100%% sure??RCPT TO:<x>");
  EXPECT_EQ(ReplyText("氏名"), "??????");
  EXPECT_EQ(ReplyText(std::string(1000, 'a')).size(), 400u);
}

}  // namespace
}  // namespace mamori::milter
