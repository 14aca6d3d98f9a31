#include "milter/recipients.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mamori::milter {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Visible(std::string_view headers) {
  const Result<std::vector<std::string>> v = VisibleAddresses(headers);
  EXPECT_TRUE(v.ok()) << v.status().message();
  return v.ok() ? *v : std::vector<std::string>{};
}

TEST(MilterRecipientsTest, Rfc2047DisplayNamesAndFolding) {
  EXPECT_THAT(Visible("From: a@sender.example\r\n"
                      "To: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <Yamada@Client.Example>,\r\n"
                      " =?UTF-8?B?44GK5a6i5qeY?= <b@client.example>\r\n"
                      "Cc: \"Suzuki, Hanako\" <c@other.example>\r\n\r\n"),
              ElementsAre("b@client.example", "c@other.example", "yamada@client.example"));
}

TEST(MilterRecipientsTest, GroupsRepeatedHeadersAndDuplicates) {
  EXPECT_THAT(Visible("To: Customers: a@x.example, b@y.example;, a@x.example\r\n"
                      "Cc: b@y.example\r\nCc: c@z.example\r\n\r\n"),
              ElementsAre("a@x.example", "b@y.example", "c@z.example"));
}

TEST(MilterRecipientsTest, BccAndUndisclosedAreNotVisible) {
  EXPECT_THAT(Visible("To: undisclosed-recipients:;\r\nBcc: a@x.example, b@y.example\r\n\r\n"),
              IsEmpty());
}

TEST(MilterRecipientsTest, RawCp932DisplayName) {
  // "ソフト" in raw CP932: its second byte is '\\', which must not escape anything.
  EXPECT_THAT(Visible("To: \x83\x5C\x83\x74\x83\x67 <soft@example.jp>, x@example.jp\r\n\r\n"),
              ElementsAre("soft@example.jp", "x@example.jp"));
}

TEST(MilterRecipientsTest, OnlyTheHeaderBlockCounts) {
  // A quoted message in the body is not a header.
  EXPECT_THAT(Visible("To: a@x.example\r\n\r\nTo: b@y.example, c@z.example\r\n"),
              ElementsAre("a@x.example"));
}

TEST(MilterRecipientsTest, CountExternal) {
  const std::vector<std::string> visible = {"a@example.co.jp", "b@tokyo.example.co.jp",
                                            "c@client.example", "d@other.example"};
  EXPECT_EQ(CountExternal(visible, {"example.co.jp"}, "me@example.co.jp"), 2u);
  EXPECT_EQ(CountExternal(visible, {"example.co.jp", "client.example"}, "me@example.co.jp"), 1u);
  // No internal domains configured: the sender's own domain is internal.
  EXPECT_EQ(CountExternal(visible, {}, "me@client.example"), 3u);
  EXPECT_EQ(CountExternal(visible, {}, ""), 4u);
  EXPECT_EQ(CountExternal({}, {"example.co.jp"}, "me@example.co.jp"), 0u);
}

}  // namespace
}  // namespace mamori::milter
