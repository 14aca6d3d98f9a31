#include "assess/report.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

namespace mamori::assess {
namespace {

Assessment Sample() {
  Assessment a;
  a.incident.discovered_on = *ParseIsoDate("2013-04-23");
  a.incident.discovered_at = "2013-04-23T17:00:00+09:00";
  a.incident.cause = Cause::kUnauthorizedAccess;
  a.incident.organization = "Shop <script>alert(1)</script>";
  a.incident.description = "line one & \"two\"\n<b>three</b>";
  Person p;
  p.kinds = (1u << static_cast<int>(DataType::kCardNumber)) |
            (1u << static_cast<int>(DataType::kCardSecurityCode)) |
            (1u << static_cast<int>(DataType::kEmail)) |
            (1u << static_cast<int>(DataType::kPersonName));
  p.values = {{DataType::kCardNumber, "4980000000005716"},
              {DataType::kCardSecurityCode, "123"},
              {DataType::kEmail, "taro@example.jp"},
              {DataType::kPersonName, "=HYPERLINK(\"x\")"}};
  a.people = {p};
  a.counts = CountPeople(a.people);
  a.appi = DecideAppi(a.incident, a.counts);
  a.pci = PciViolations(a.counts);
  a.unread = {{"dump.zip", ObjectStatus::kEncrypted, "password <unknown>"}};
  Source db;
  db.url = "postgresql://shop:s3cret@db.example/shop";
  db.table = "orders";
  a.incident.sources = {db};
  return a;
}

TEST(ReportTest, HtmlEscape) {
  EXPECT_EQ(HtmlEscape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(HtmlEscape("氏名"), "氏名");
}

TEST(ReportTest, HtmlEscapesEverythingFromTheIncidentAndTheData) {
  const std::string html = RenderHtml(Sample(), Lang::kJa);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("Shop &lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("line one &amp; &quot;two&quot;<br>&lt;b&gt;three&lt;/b&gt;"),
            std::string::npos);
  EXPECT_NE(html.find("password &lt;unknown&gt;"), std::string::npos);
}

TEST(ReportTest, HtmlHasTheNineItemsTheDeadlinesAndTheChart) {
  const std::string html = RenderHtml(Sample(), Lang::kJa);
  for (const char* item : {"概要", "漏えい等した個人データの項目", "本人の数", "原因",
                           "二次被害又はそのおそれの有無及びその内容", "本人への対応の実施状況",
                           "公表の実施状況", "再発防止のための措置", "その他参考となる事項"}) {
    EXPECT_NE(html.find(item), std::string::npos) << item;
  }
  EXPECT_NE(html.find("【要記入】"), std::string::npos);
  EXPECT_NE(html.find("2013-06-24"), std::string::npos);  // the final report, moved past Saturday
  EXPECT_NE(html.find("2013-06-22"), std::string::npos);  // ... and the period's end
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_EQ(html.find("4980000000005716"), std::string::npos);  // no raw value
  const std::string en = RenderHtml(Sample(), Lang::kEn);
  EXPECT_NE(en.find("Items of personal data"), std::string::npos);
  EXPECT_NE(en.find("[TO BE WRITTEN]"), std::string::npos);
}

TEST(ReportTest, NotReportableOverUnreadDataIsProvisional) {
  Assessment a = Sample();
  a.appi = AppiDecision{};
  EXPECT_EQ(nlohmann::json::parse(RenderJson(a))["appi"]["provisional"], true);
  EXPECT_NE(RenderHtml(a, Lang::kJa).find("判断できません"), std::string::npos);
  a.unread.clear();
  EXPECT_EQ(nlohmann::json::parse(RenderJson(a))["appi"]["provisional"], false);
  EXPECT_NE(RenderHtml(a, Lang::kJa).find("当たりません"), std::string::npos);
}

TEST(ReportTest, NoDatabasePasswordInReports) {
  EXPECT_EQ(RenderJson(Sample()).find("s3cret"), std::string::npos);
  EXPECT_EQ(RenderHtml(Sample(), Lang::kEn).find("s3cret"), std::string::npos);
  EXPECT_NE(RenderHtml(Sample(), Lang::kEn).find("db.example"), std::string::npos);
}

TEST(ReportTest, JsonCarriesTheDecision) {
  const auto j = nlohmann::json::parse(RenderJson(Sample()));
  EXPECT_EQ(j["people"], 1);
  EXPECT_EQ(j["by_type"]["card_number"], 1);
  EXPECT_EQ(j["appi"]["reportable"], true);
  EXPECT_EQ(j["appi"]["triggers"], nlohmann::json({"financial", "wrongful_purpose"}));
  EXPECT_EQ(j["appi"]["exempt_encrypted"], false);
  EXPECT_EQ(j["appi"]["preliminary_due"], nlohmann::json({"2013-04-26", "2013-04-28"}));
  EXPECT_EQ(j["appi"]["final_due"], "2013-06-24");
  EXPECT_EQ(j["pci"], nlohmann::json({"3.3.1", "3.5.1"}));
  EXPECT_EQ(j["complete"], false);
}

TEST(ReportTest, NotificationsMaskWhatLeakedAndDisarmFormulas) {
  std::ostringstream out;
  WriteNotifications(Sample(), "Dear {{name}}: {{leaked}} {{unknown}}", Lang::kEn, out);
  const std::string csv = out.str();
  EXPECT_NE(csv.find("email,\"taro@example.jp\""), std::string::npos) << csv;
  EXPECT_NE(csv.find("498000******5716"), std::string::npos);
  EXPECT_EQ(csv.find("4980000000005716"), std::string::npos);
  EXPECT_NE(csv.find("card security code,"), std::string::npos);  // named, never shown
  EXPECT_NE(csv.find("\"'=HYPERLINK(\"\"x\"\")\""), std::string::npos);
  EXPECT_NE(csv.find("{{unknown}}"), std::string::npos);
  EXPECT_NE(DefaultNoticeTemplate(Lang::kJa).find("{{leaked}}"), std::string_view::npos);
  EXPECT_NE(DefaultNoticeTemplate(Lang::kEn).find("{{leaked}}"), std::string_view::npos);
}

}  // namespace
}  // namespace mamori::assess
