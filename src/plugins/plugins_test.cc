#include "plugins/plugins.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>

#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using ::testing::HasSubstr;

const std::string kModules = MAMORI_BINARY_DIR;

// A message with a card number in its body and a CSV attachment.
const char kMessage[] =
    "From: a@example.jp\r\nTo: b@example.jp\r\nSubject: list\r\nMIME-Version: 1.0\r\n"
    "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
    "--b\r\nContent-Type: text/plain; charset=utf-8\r\n\r\ncard 4111 1111 1111 1111\r\n"
    "--b\r\nContent-Type: text/csv\r\nContent-Disposition: attachment; filename=\"x.csv\"\r\n\r\n"
    "name,tel\r\nA,03-1234-5678\r\n--b--\r\n";

TEST(PluginsTest, ProgramsThatLinkThePluginsInUseThem) {
  // The test binary links both (mamori_plugins_linked): nothing is loaded.
  ASSERT_TRUE(MailSupport().ok());
  EXPECT_EQ(*MailSupport(), mamori_mail_plugin());
  ASSERT_TRUE(PostgresSupport().ok());
  EXPECT_EQ(*PostgresSupport(), mamori_postgres_plugin());
}

TEST(PluginsTest, TheMailModuleExtractsWhatTheLinkedCodeDoes) {
  Result<const MailPlugin*> entry =
      LoadPlugin<MailPlugin>(kModules + "/mamori-mail.so", "mamori_mail_plugin");
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  const MailPlugin* loaded = *entry;
  EXPECT_NE(loaded, mamori_mail_plugin());  // the module's own copy
  RecordingSink from_module, linked;
  ASSERT_TRUE(loaded->extract_mail(kMessage, from_module).ok());
  ASSERT_TRUE(mamori_mail_plugin()->extract_mail(kMessage, linked).ok());
  EXPECT_THAT(from_module.AllText(), HasSubstr("4111 1111 1111 1111"));
  EXPECT_EQ(from_module.AllText(), linked.AllText());
  ASSERT_EQ(from_module.members.size(), 1u);
  EXPECT_EQ(from_module.members[0].name, "x.csv");
  EXPECT_EQ(from_module.members[0].bytes, linked.members[0].bytes);
}

TEST(PluginsTest, ThePostgresModuleConnectsLikeTheLinkedCode) {
  Result<const PostgresPlugin*> entry =
      LoadPlugin<PostgresPlugin>(kModules + "/mamori-postgres.so", "mamori_postgres_plugin");
  ASSERT_TRUE(entry.ok()) << entry.status().message();
  const PostgresPlugin* loaded = *entry;
  Budget budget{Limits{}};
  // Port 1 on loopback: refused, and the password never shown.
  auto db = loaded->open_database("postgresql://u:Hunter2@127.0.0.1:1/db", budget);
  ASSERT_FALSE(db.ok());
  EXPECT_THAT(db.status().message(), HasSubstr("cannot connect to postgresql://u@127.0.0.1:1"));
  EXPECT_EQ(db.status().message().find("Hunter2"), std::string::npos);
}

TEST(PluginsTest, AMissingModuleOrEntryIsAnError) {
  Result<void*> missing = LoadPluginSymbol(kModules + "/no-such-plugin.so", "x");
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("no-such-plugin.so"));
  Result<void*> no_entry = LoadPluginSymbol(kModules + "/mamori-mail.so", "mamori_postgres_plugin");
  ASSERT_FALSE(no_entry.ok());
  EXPECT_THAT(no_entry.status().message(), HasSubstr("has no mamori_postgres_plugin"));
}

}  // namespace
}  // namespace mamori
