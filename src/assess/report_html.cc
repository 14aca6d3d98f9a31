// The report for people: one self-contained page (no scripts, no external
// resources), printable, with the nine items of the report to the PPC.
#include <algorithm>

#include "assess/report.h"
#include "extract/database.h"

namespace mamori::assess {
namespace {

// Free text from the incident file: escaped, line breaks kept.
std::string Paragraphs(const std::string& text) {
  std::string out;
  for (char c : HtmlEscape(text)) {
    if (c == '\n')
      out += "<br>";
    else
      out.push_back(c);
  }
  return out;
}

class Page {
 public:
  explicit Page(Lang lang) : lang_(lang) {}
  const char* T(const char* ja, const char* en) const { return Say(lang_, ja, en); }
  Page& operator<<(std::string_view s) {
    html_ += s;
    return *this;
  }
  // Known text, or a box that says a person must write here.
  void Known(const std::string& text, const char* what_to_write_ja, const char* what_to_write_en) {
    if (!text.empty()) {
      html_ += "<p>" + Paragraphs(text) + "</p>";
      return;
    }
    html_ += std::string("<p class=\"todo\"><b>") + T("【要記入】", "[TO BE WRITTEN]") + "</b> " +
             HtmlEscape(T(what_to_write_ja, what_to_write_en)) + "</p>";
  }
  std::string& html() { return html_; }
  Lang lang() const { return lang_; }

 private:
  Lang lang_;
  std::string html_;
};

constexpr const char* kStyle = R"css(
body{font-family:"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;color:#111;max-width:60em;margin:2em auto;padding:0 1em;line-height:1.6}
h1{font-size:1.5em;border-bottom:3px solid #333;padding-bottom:.2em}
h2{font-size:1.2em;margin-top:1.6em;border-left:6px solid #555;padding-left:.4em}
table{border-collapse:collapse;width:100%;margin:.5em 0}
th,td{border:1px solid #999;padding:.35em .6em;text-align:left;vertical-align:top}
th{background:#eee;width:28%}
.verdict{padding:.8em 1em;border:2px solid #333;margin:1em 0}
.yes{background:#fde8e8;border-color:#b00}
.no{background:#e8f5e9;border-color:#2e7d32}
.maybe{background:#fff8d6;border-color:#b8860b}
.todo{background:#fff8d6;border:1px dashed #b8860b;padding:.4em .6em}
.warn{background:#fde8e8;border:1px solid #b00;padding:.4em .6em}
.note{color:#444;font-size:.9em}
svg text{font-size:13px}
@media print{body{margin:0;max-width:none}.verdict,.todo,.warn{-webkit-print-color-adjust:exact;print-color-adjust:exact}h2{page-break-after:avoid}table{page-break-inside:avoid}}
)css";

std::string Num(uint64_t n) {
  std::string s = std::to_string(n), out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i && (s.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(s[i]);
  }
  return out;
}

// Horizontal bars of people per data type.
std::string Chart(const Counts& counts, Lang lang) {
  std::vector<int> kinds;
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (counts.by_type[t]) kinds.push_back(t);
  }
  if (kinds.empty()) return "";
  const uint64_t max = *std::max_element(counts.by_type.begin(), counts.by_type.end());
  const int row = 26, label = 220, bar = 380, height = row * static_cast<int>(kinds.size()) + 10;
  std::string svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" width=\"" +
                    std::to_string(label + bar + 90) + "\" height=\"" + std::to_string(height) +
                    "\">";
  svg += "<title>" + HtmlEscape(Say(lang, "データ種別ごとの本人の数", "People per data type")) +
         "</title>";
  int y = 5;
  for (int t : kinds) {
    const uint64_t n = counts.by_type[t];
    const int w = std::max<int>(2, static_cast<int>(bar * n / max));
    svg += "<text x=\"" + std::to_string(label - 8) + "\" y=\"" + std::to_string(y + 17) +
           "\" text-anchor=\"end\">" + HtmlEscape(KindLabel(static_cast<DataType>(t), lang)) +
           "</text>";
    svg += "<rect x=\"" + std::to_string(label) + "\" y=\"" + std::to_string(y + 4) +
           "\" width=\"" + std::to_string(w) + "\" height=\"18\" fill=\"" +
           (t <= 3 ? "#b71c1c" : "#1565c0") + "\"/>";
    svg += "<text x=\"" + std::to_string(label + w + 6) + "\" y=\"" + std::to_string(y + 17) +
           "\">" + Num(n) + "</text>";
    y += row;
  }
  return svg + "</svg>";
}

void Verdict(Page& p, const Assessment& a) {
  const AppiDecision& d = a.appi;
  const bool due = d.reportable || d.my_number_reportable;
  // Unknown is never clean: "not reportable" over unread data is provisional.
  const bool provisional = !due && !a.unread.empty();
  p << "<div class=\"verdict " << (due ? "yes" : provisional ? "maybe" : "no") << "\"><p><b>";
  if (d.reportable)
    p << p.T("個人情報保護委員会への報告と本人への通知が必要です。",
             "The incident must be reported to the PPC and the people notified.");
  else if (d.my_number_reportable)
    p << p.T("特定個人情報（マイナンバー）の漏えい等として報告が必要です。",
             "Reportable as a My Number (specific personal information) incident.");
  else if (d.exempt_encrypted && !d.triggers.empty())
    p << p.T("報告対象事態に当たりますが、高度な暗号化等の措置により報告・通知は不要です。",
             "A reportable kind of incident, but exempt: the data was strongly encrypted.");
  else if (provisional)
    p << p.T("読めなかった対象があるため、報告対象事態に当たらないとは判断できません。",
             "Not known to be reportable, but some objects could not be read: this is not a "
             "finding that no report is needed.");
  else
    p << p.T("施行規則第7条の報告対象事態に当たりません。",
             "Not reportable under Enforcement Rules Art. 7.");
  p << "</b></p><ul>";
  for (Trigger t : d.triggers) p << "<li>" << HtmlEscape(TriggerLabel(t, p.lang())) << "</li>";
  if (d.my_number_reportable)
    p << "<li>"
      << p.T("個人番号を含む本人が100人を超える", "My Number data of more than 100 people")
      << "</li>";
  p << "</ul>";
  if (due) {
    p << "<table><tr><th>" << p.T("速報", "Preliminary report") << "</th><td>"
      << p.T("速やかに（目安: ", "promptly (guideline: ") << FormatIsoDate(d.preliminary_earliest)
      << " – " << FormatIsoDate(d.preliminary_latest)
      << p.T("、発覚から概ね3〜5日以内）", ", about 3–5 days from discovery)")
      << "</td></tr><tr><th>" << p.T("確報", "Final report") << "</th><td><b>"
      << FormatIsoDate(d.final_due.due) << "</b> (" << std::to_string(d.final_days)
      << p.T("日以内", " days") << ")";
    if (d.final_due.moved()) {
      p << "<br><span class=\"note\">" << p.T("期間の末日 ", "The period ends on ")
        << FormatIsoDate(d.final_due.period_end)
        << p.T(" は行政機関の休日のため、翌開庁日に延びます（民法第142条、行政機関の休日に関する法"
               "律第2条）。可能なら末日までに提出してください。",
               ", an administrative holiday, so the deadline moves to the next open day (Civil "
               "Code Art. 142; Act on Holidays of Administrative Organs Art. 2). File by the "
               "period end if you can.")
        << "</span>";
    }
    p << "</td></tr><tr><th>" << p.T("本人への通知", "Notices to individuals") << "</th><td>"
      << p.T("速やかに（notifications.csv に通知文案）", "promptly (drafts in notifications.csv)")
      << "</td></tr></table>";
    p << "<p class=\"note\">"
      << p.T("期間は発覚日（", "Days are counted from the day after discovery (")
      << FormatIsoDate(a.incident.discovered_on)
      << p.T("）を算入せず翌日から数えています（民法第140条）。期間の末日が土日・祝日・年末年始（12"
             "月29日〜1月3日）に当たるときは翌開庁日を期限としています。",
             ") as Civil Code Art. 140 counts them; a period ending on a Saturday, Sunday, "
             "national holiday or 29 Dec–3 Jan moves to the next open day.")
      << "</p>";
  }
  p << "</div>";
}

void Unreadable(Page& p, const Assessment& a) {
  if (a.unread.empty()) return;
  p << "<div class=\"warn\"><b>"
    << p.T("一部の対象を完全には読めませんでした。人数と項目は下限です。",
           "Some objects could not be read completely: the numbers are a lower bound.")
    << "</b><ul>";
  for (const Unread& u : a.unread) {
    p << "<li>" << HtmlEscape(u.path) << " — " << ObjectStatusName(u.status);
    if (!u.reason.empty()) p << ": " << HtmlEscape(u.reason);
    p << "</li>";
  }
  p << "</ul></div>";
}

std::string SourceList(const Assessment& a) {
  std::string out = "<ul>";
  for (const Source& s : a.incident.sources) {
    out += "<li>";
    if (s.database()) {
      out += HtmlEscape(DisplayDatabaseUri(s.url));  // never a password
      if (!s.table.empty()) out += " / " + HtmlEscape(s.table);
      if (!s.where.empty()) out += " <code>WHERE " + HtmlEscape(s.where) + "</code>";
    } else {
      for (size_t i = 0; i < s.paths.size(); ++i) out += (i ? ", " : "") + HtmlEscape(s.paths[i]);
    }
    out += "</li>";
  }
  return out + "</ul>";
}

void NineItems(Page& p, const Assessment& a) {
  const Incident& in = a.incident;
  p << "<h2>"
    << p.T("個人情報保護委員会への報告事項（施行規則第8条第1項）",
           "Items of the report to the PPC (Enforcement Rules Art. 8(1))")
    << "</h2><table>";
  p << "<tr><th>1. " << p.T("概要", "Summary") << "</th><td><p>"
    << p.T("発覚日時: ", "Discovered: ") << HtmlEscape(in.discovered_at) << "</p>";
  p.Known(in.description, "事案の概要（いつ、何が、どのように）を記入してください。",
          "Describe what happened, when and how.");
  p << "<p>" << p.T("対象:", "Sources:") << "</p>" << SourceList(a) << "</td></tr>";

  p << "<tr><th>2. " << p.T("漏えい等した個人データの項目", "Items of personal data")
    << "</th><td><ul>";
  for (int t = 0; t < kDataTypeCount; ++t) {
    if (!a.counts.by_type[t]) continue;
    p << "<li>" << HtmlEscape(KindLabel(static_cast<DataType>(t), p.lang())) << " ("
      << Num(a.counts.by_type[t]) << p.T("人", " people") << ")</li>";
  }
  p << "</ul>";
  if (in.sensitive)
    p << "<p>"
      << p.T("要配慮個人情報を含む（申告による）", "Includes sensitive personal data (declared)")
      << "</p>";
  p << "</td></tr>";

  p << "<tr><th>3. " << p.T("本人の数", "Number of people") << "</th><td><p><b>"
    << Num(a.counts.people) << p.T("人", " people") << "</b></p><p class=\"note\">"
    << p.T("メールアドレス、電話番号、カード番号、または氏名と住所が一致する記録を同一人物として数"
           "えています。",
           "Records sharing an email address, phone number, card number, or name and address are "
           "counted as one person.")
    << "</p></td></tr>";

  p << "<tr><th>4. " << p.T("原因", "Cause") << "</th><td><p>"
    << HtmlEscape(CauseLabel(in.cause, p.lang())) << "</p>";
  p.Known(in.cause_detail, "原因の詳細を記入してください。", "Describe the cause in detail.");
  p << "</td></tr><tr><th>5. "
    << p.T("二次被害又はそのおそれの有無及びその内容", "Secondary damage or its risk")
    << "</th><td>";
  p.Known(in.secondary_damage, "二次被害（不正利用等）の有無と内容を記入してください。",
          "State whether secondary damage (e.g. fraudulent use) occurred or may occur.");
  p << "</td></tr><tr><th>6. " << p.T("本人への対応の実施状況", "Response to the people affected")
    << "</th><td>";
  p.Known(in.notices, "本人への通知の実施状況を記入してください（通知文案: notifications.csv）。",
          "State how the people were notified (drafts: notifications.csv).");
  p << "</td></tr><tr><th>7. " << p.T("公表の実施状況", "Public announcement") << "</th><td>";
  p.Known(in.publication, "公表の有無・日時・方法を記入してください。",
          "State whether, when and how the incident was announced.");
  p << "</td></tr><tr><th>8. " << p.T("再発防止のための措置", "Measures against recurrence")
    << "</th><td>";
  p.Known(in.measures_taken, "実施済み・実施予定の措置を記入してください。",
          "State the measures taken and planned.");
  p << "</td></tr><tr><th>9. " << p.T("その他参考となる事項", "Other relevant matters")
    << "</th><td>";
  if (!in.other.empty()) p << "<p>" << Paragraphs(in.other) << "</p>";
  if (!a.pci.empty()) {
    p << "<p>" << p.T("PCI DSS 違反のおそれ: ", "PCI DSS requirements broken: ");
    for (size_t i = 0; i < a.pci.size(); ++i) {
      p << (i ? ", " : "") << a.pci[i]
        << (a.pci[i] == "3.3.1"
                ? p.T("（オーソリ後のセキュリティコード等の保存）",
                      " (security codes or track data kept after authorization)")
                : p.T("（カード番号の平文保存）", " (card numbers stored unprotected)"));
    }
    p << "</p>";
  }
  if (a.test_cards) {
    p << "<p class=\"note\">" << Num(a.test_cards)
      << p.T(" 件の公開テスト用カード番号は人数に含めていません。",
             " public test card numbers were not counted as people.")
      << "</p>";
  }
  p << "<p class=\"note\">" << p.T("調査した対象数: ", "Objects examined: ") << Num(a.objects)
    << "</p></td></tr></table>";
}

}  // namespace

std::string HtmlEscape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

std::string RenderHtml(const Assessment& a, Lang lang) {
  Page p(lang);
  const char* title =
      p.T("個人データ漏えい等 評価報告書（下書き）", "Personal data breach assessment (draft)");
  p << "<!DOCTYPE html><html lang=\"" << p.T("ja", "en") << "\"><head><meta charset=\"utf-8\">"
    << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" << title
    << "</title><style>" << kStyle << "</style></head><body><h1>" << title << "</h1>";
  if (!a.incident.organization.empty()) p << "<p>" << HtmlEscape(a.incident.organization) << "</p>";
  p << "<p class=\"note\">" << p.T("作成日: ", "Assessed on: ") << FormatIsoDate(a.assessed_on)
    << p.T("　mamori assess が自動作成。値はマスク済みで、生の個人データは含みません。",
           " by mamori assess. Values are masked; this page holds no raw personal data.")
    << "</p>";
  Unreadable(p, a);
  p << "<h2>" << p.T("判定", "Decision") << "</h2>";
  Verdict(p, a);
  p << "<h2>" << p.T("データ種別ごとの本人の数", "People per data type") << "</h2>"
    << Chart(a.counts, lang);
  NineItems(p, a);
  p << "</body></html>\n";
  return std::move(p.html());
}

}  // namespace mamori::assess
