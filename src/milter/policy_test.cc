#include "milter/policy.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <tuple>

namespace mamori::milter {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

// Every rule's action and limit, in Policy's order, as one comparable row.
auto Rules(const Policy& p) {
  return std::make_tuple(p.sensitive_action, p.records_threshold, p.records_action,
                         p.max_visible_external, p.recipients_action, p.encrypted_action,
                         p.max_message_bytes, p.oversize_action, p.incomplete_action,
                         p.scan_timeout_seconds);
}

std::string ErrorOf(std::string_view toml) {
  const Result<Policy> p = ParsePolicy(toml, "gate.toml");
  EXPECT_FALSE(p.ok()) << toml;
  return p.ok() ? "" : p.status().message();
}

TEST(MilterPolicyTest, EmptyFileIsTheDocumentedDefaults) {
  const Result<Policy> p = ParsePolicy("", "gate.toml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_TRUE(p->internal_domains.empty());
  EXPECT_EQ(Rules(*p), std::make_tuple(Action::kReject, uint64_t{50}, Action::kHold, uint64_t{10},
                                       Action::kHold, Action::kTag, uint64_t{32} << 20,
                                       Action::kHold, Action::kTag, 120u));
}

TEST(MilterPolicyTest, EveryKey) {
  const Result<Policy> p = ParsePolicy(R"(
internal_domains = ["Example.CO.JP", "corp.example"]
[sensitive]
action = "hold"
[records]
threshold = 5
action = "reject"
[visible_recipients]
max_external = 0
action = "tag"
[encrypted]
action = "reject"
[oversize]
max_bytes = 2048
action = "tag"
[incomplete]
action = "tempfail"
[scan]
timeout_seconds = 30
[allow]
senders = ["Payroll@Example.co.jp", "partner.example"]
recipients = ["archive@example.co.jp"]
auth_users = ["batch"]
)",
                                       "gate.toml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_THAT(p->internal_domains, ElementsAre("example.co.jp", "corp.example"));
  EXPECT_EQ(Rules(*p),
            std::make_tuple(Action::kHold, uint64_t{5}, Action::kReject, uint64_t{0}, Action::kTag,
                            Action::kReject, uint64_t{2048}, Action::kTag, Action::kTempfail, 30u));
  EXPECT_THAT(p->allow_senders, ElementsAre("payroll@example.co.jp", "partner.example"));
  EXPECT_THAT(p->allow_recipients, ElementsAre("archive@example.co.jp"));
  EXPECT_THAT(p->allow_auth_users, ElementsAre("batch"));
}

TEST(MilterPolicyTest, SyntaxErrorsNameLineAndColumn) {
  EXPECT_THAT(ErrorOf("internal_domains = [\"a\"\n[records\n"), HasSubstr("gate.toml:2:"));
  EXPECT_THAT(ErrorOf("x = = 1\n"), HasSubstr("gate.toml:1:"));
}

// Bad bytes and the like are config/toml_file_test.cc's; here, what a policy sees.
TEST(MilterPolicyTest, NonAsciiText) {
  EXPECT_THAT(ErrorOf("# ok\n[records]\nthreshold = 5 # \xe0\xc2\xdf\n"),
              HasSubstr("gate.toml:3:17: "));
  // Characters toml++ 3.3.0 once treated as unreachable where it looks for whitespace.
  EXPECT_THAT(ErrorOf("[records]\nthreshold = 5 あ\n"), HasSubstr("gate.toml:2:15: "));
  EXPECT_THAT(ErrorOf("[records]\n# 1\n\nthreshold = 11\xc6\xbd\"\n"),
              HasSubstr("gate.toml:4:15: "));
  EXPECT_THAT(ErrorOf("[records]\nthreshold = -\"Κ\"\n"), HasSubstr("gate.toml:2:13: "));
  EXPECT_THAT(ErrorOf("[allow]\nsenders = [\"\\い\"]\n"), HasSubstr("gate.toml:2:14: "));
  // Comments and strings, "basic" or 'literal', may hold any text.
  const Result<Policy> p = ParsePolicy(
      "# 社内ドメイン、ひらがな é\ninternal_domains = [\"例え.jp\"] # です\n"
      "[allow]\nsenders = [\"あ@example.jp\", \'x\\\', \"\\\"う\", \"\"\"😀\"\"\"]\n"
      "recipients = [\'い@example.jp\']\n",
      "gate.toml");
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_THAT(p->internal_domains, ElementsAre("例え.jp"));
  EXPECT_THAT(p->allow_senders, ElementsAre("あ@example.jp", "x\\", "\"う", "😀"));
  EXPECT_THAT(p->allow_recipients, ElementsAre("い@example.jp"));
  EXPECT_THAT(ErrorOf("\"キー\" = 1\n"), HasSubstr("gate.toml:1: unknown key 'キー'"));
}

TEST(MilterPolicyTest, UnknownKeysAreErrorsNotSilentDefaults) {
  EXPECT_EQ(ErrorOf("[records]\nthreshhold = 5\n"),
            "gate.toml:2: [records] unknown key 'threshhold'");
  EXPECT_EQ(ErrorOf("internal = [\"a\"]\n"), "gate.toml:1: unknown key 'internal'");
  EXPECT_THAT(ErrorOf("[alow]\nsenders = []\n"), HasSubstr("unknown key 'alow'"));
}

TEST(MilterPolicyTest, BadValuesNameTheKeyAndTheChoices) {
  EXPECT_EQ(ErrorOf("[sensitive]\naction = \"block\"\n"),
            "gate.toml:2: [sensitive] action: expected one of reject, hold, tag");
  // Content rules cannot tempfail: the sender would retry the same message forever.
  EXPECT_THAT(ErrorOf("[encrypted]\naction = \"tempfail\"\n"),
              HasSubstr("expected one of reject, hold, tag"));
  EXPECT_THAT(ErrorOf("[oversize]\naction = \"accept\"\n"), HasSubstr("[oversize] action"));
  EXPECT_THAT(ErrorOf("[records]\nthreshold = 0\n"),
              HasSubstr("threshold: expected a whole number from 1"));
  EXPECT_THAT(ErrorOf("[records]\nthreshold = -3\n"), HasSubstr("threshold"));
  EXPECT_THAT(ErrorOf("[records]\nthreshold = \"50\"\n"), HasSubstr("threshold"));
  EXPECT_THAT(ErrorOf("[oversize]\nmax_bytes = 10\n"),
              HasSubstr("max_bytes: expected a whole number from 1024"));
  EXPECT_THAT(ErrorOf("[scan]\ntimeout_seconds = 0\n"), HasSubstr("timeout_seconds"));
  EXPECT_THAT(ErrorOf("internal_domains = \"example.jp\"\n"),
              HasSubstr("expected a list of strings"));
  EXPECT_THAT(ErrorOf("internal_domains = [\"\"]\n"), HasSubstr("non-empty strings"));
  EXPECT_THAT(ErrorOf("[allow]\nsenders = [1]\n"), HasSubstr("[allow] senders"));
  EXPECT_THAT(ErrorOf("records = 5\n"), HasSubstr("[records] must be a table"));
}

TEST(MilterPolicyTest, LoadsTheSampleFile) {
  const std::filesystem::path sample =
      std::filesystem::path(MAMORI_SOURCE_DIR) / "etc/mamori-milter.toml";
  const Result<Policy> p = LoadPolicy(sample.string());
  ASSERT_TRUE(p.ok()) << p.status().message();
  EXPECT_FALSE(p->internal_domains.empty());
}

TEST(MilterPolicyTest, MissingFileIsAnError) {
  const Result<Policy> p = LoadPolicy("/nonexistent/gate.toml");
  ASSERT_FALSE(p.ok());
  EXPECT_THAT(p.status().message(), HasSubstr("/nonexistent/gate.toml"));
}

TEST(MilterPolicyTest, Domains) {
  EXPECT_EQ(AddressDomain("Taro@Mail.Example.JP"), "mail.example.jp");
  EXPECT_EQ(AddressDomain("postmaster"), "");
  const std::vector<std::string> internal = {"example.co.jp"};
  EXPECT_TRUE(DomainListed(internal, "example.co.jp"));
  EXPECT_TRUE(DomainListed(internal, "Tokyo.Example.co.jp"));
  EXPECT_FALSE(DomainListed(internal, "badexample.co.jp"));  // a suffix, not a subdomain
  EXPECT_FALSE(DomainListed(internal, "co.jp"));
  EXPECT_FALSE(DomainListed(internal, ""));
}

TEST(MilterPolicyTest, AllowlistEntries) {
  const std::vector<std::string> allow = {"payroll@example.co.jp", "partner.example"};
  EXPECT_TRUE(AddressListed(allow, "Payroll@Example.co.jp"));
  EXPECT_FALSE(AddressListed(allow, "sales@example.co.jp"));
  EXPECT_TRUE(AddressListed(allow, "anyone@partner.example"));
  EXPECT_TRUE(AddressListed(allow, "anyone@osaka.partner.example"));
  EXPECT_FALSE(AddressListed(allow, "anyone@notpartner.example"));
  EXPECT_FALSE(AddressListed({}, "a@b.example"));
}

TEST(MilterPolicyTest, ActionNamesRoundTrip) {
  for (Action a :
       {Action::kAccept, Action::kTag, Action::kHold, Action::kTempfail, Action::kReject}) {
    EXPECT_EQ(ParseAction(ActionName(a)), a);
  }
  EXPECT_EQ(ParseAction("Reject"), std::nullopt);
}

}  // namespace
}  // namespace mamori::milter
