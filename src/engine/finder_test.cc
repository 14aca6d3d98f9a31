#include "engine/finder.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <tuple>

#include "detectors/registry.h"
#include "engine/labels.h"
#include "mamori/options.h"

namespace mamori {
namespace {

std::vector<DigitRun> ReferenceRuns(std::string_view s) {
  std::vector<DigitRun> runs;
  for (size_t i = 0; i < s.size();) {
    if (s[i] < '0' || s[i] > '9') {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    runs.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(j)});
    i = j;
  }
  return runs;
}

using RunFinder = void (*)(std::string_view, std::vector<DigitRun>*, std::vector<uint32_t>*);

// The dispatching entry point (AVX-512 where available) and the portable scan.
class DigitRunsTest : public ::testing::TestWithParam<RunFinder> {};

TEST_P(DigitRunsTest, MatchReferenceAcrossBlockBoundaries) {
  std::mt19937 rng(7);
  const std::string alphabet = "0123456789@ a-\xE3\x81\x82";
  std::vector<DigitRun> runs;  // reused, as the finder reuses its buffers
  std::vector<uint32_t> ats;
  for (int round = 0; round < 400; ++round) {
    std::string s(rng() % 300, ' ');
    const size_t digits = 1 + rng() % alphabet.size();  // some texts all digits
    for (char& c : s) c = alphabet[rng() % (round % 4 == 0 ? 10 : digits)];
    GetParam()(s, &runs, &ats);
    const std::vector<DigitRun> ref = ReferenceRuns(s);
    ASSERT_EQ(runs.size(), ref.size()) << s;
    for (size_t i = 0; i < ref.size(); ++i) {
      EXPECT_EQ(runs[i].begin, ref[i].begin);
      EXPECT_EQ(runs[i].end, ref[i].end);
    }
    std::vector<uint32_t> ref_ats;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '@') ref_ats.push_back(static_cast<uint32_t>(i));
    }
    EXPECT_EQ(ats, ref_ats);
  }
}

TEST_P(DigitRunsTest, LongRunSpanningManyBlocks) {
  const std::string s = "x" + std::string(150, '7') + "y";
  std::vector<DigitRun> runs;
  std::vector<uint32_t> ats;
  GetParam()(s, &runs, &ats);
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].begin, 1u);
  EXPECT_EQ(runs[0].end, 151u);
}

INSTANTIATE_TEST_SUITE_P(FinderTest, DigitRunsTest,
                         ::testing::Values(&FindDigitRunsAndAtSigns,
                                           &FindDigitRunsAndAtSignsPortable));

class FinderLabelTest : public ::testing::Test {
 protected:
  std::vector<LabelHit> Labels(std::string_view text) {
    static const auto finder = Finder::Create();
    auto scratch = (*finder)->NewScratch();
    CandidateBuffers out;
    (*finder)->Find(text, **scratch, &out);
    return out.labels;
  }
};

TEST_F(FinderLabelTest, JapaneseAndCaselessAsciiLabels) {
  const auto hits = Labels("セキュリティコード:123 CVV 456 Exp 12/27");
  ASSERT_EQ(hits.size(), 3u);
  EXPECT_EQ(hits[0].kind, LabelKind::kSecurityCode);
  EXPECT_EQ(hits[1].kind, LabelKind::kSecurityCode);
  EXPECT_EQ(hits[2].kind, LabelKind::kCardExpiry);
}

TEST_F(FinderLabelTest, AsciiLabelsOnlyOnWordBoundaries) {
  EXPECT_TRUE(Labels("expression hotel acid telnet 1").empty());
  const auto hits = Labels("card_cvv=123");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, LabelKind::kSecurityCode);
}

TEST_F(FinderLabelTest, LongestOverlappingLabelWins) {
  const auto hits = Labels("mail address: a@b.jp");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].kind, LabelKind::kEmail);
  EXPECT_EQ(hits[0].end, 12u);
  const auto jp = Labels("クレジットカード番号 1");
  ASSERT_EQ(jp.size(), 1u);
  EXPECT_EQ(jp[0].kind, LabelKind::kCardNumber);
}

// Without a digit or '@' labels matter only to word-led detectors: Japanese
// text for addresses, any text for names ("Name: Taro Yamada").
TEST(FinderWordLabelsTest, WhereLabelsAreLookedForWithoutDigits) {
  const auto kinds_in = [](Finder::WordLabels word_labels, std::string_view text) {
    const auto finder = Finder::Create(word_labels);
    auto scratch = (*finder)->NewScratch();
    CandidateBuffers out;
    (*finder)->Find(text, **scratch, &out);
    std::vector<LabelKind> kinds;
    for (const LabelHit& h : out.labels) kinds.push_back(h.kind);
    return kinds;
  };
  using W = Finder::WordLabels;
  const std::vector<LabelKind> name{LabelKind::kName};
  EXPECT_EQ(kinds_in(W::kAnyText, "Name: Taro Yamada"), name);
  EXPECT_TRUE(kinds_in(W::kNonAscii, "Name: Taro Yamada").empty());
  EXPECT_TRUE(kinds_in(W::kNever, "Name: Taro Yamada").empty());
  EXPECT_EQ(kinds_in(W::kNonAscii, "氏名：山田太郎"), name);
  EXPECT_TRUE(kinds_in(W::kNever, "氏名：山田太郎").empty());
  // With a digit, labels are looked for whatever the setting.
  EXPECT_EQ(kinds_in(W::kNever, "Name: Taro Yamada 3"), name);
}

TEST_F(FinderLabelTest, TextWithoutLettersHasNoLabelsButKeepsItsRuns) {
  // Digit-only table cells skip the label scan; their runs are still found.
  EXPECT_TRUE(Labels("2020/12/07 423240 0075-758-971").empty());
  EXPECT_EQ(Labels("〒123-4567").size(), 1u);  // a non-ASCII label is a letter
  EXPECT_EQ(Labels("cvv 123").size(), 1u);
}

// --- FindNearValues: labels only within the detectors' reach -------------

// The structured types: the detectors FindNearValues serves.
ScanOptions StructuredOptions() {
  ScanOptions options;
  options.types = ScanOptions::AllTypes()
                      .reset(static_cast<size_t>(DataType::kPersonName))
                      .reset(static_cast<size_t>(DataType::kAddress));
  return options;
}

using Seen = std::tuple<int, int, uint32_t, uint32_t, std::string, std::string, bool>;

// What the structured detectors report from `found`.
std::vector<Seen> Detect(std::string_view text, const CandidateBuffers& found) {
  static const auto detectors = MakeDetectors(StructuredOptions());
  std::vector<Detection> ds;
  const Candidates view = found.View(text);
  for (const auto& d : detectors) d->Detect(view, ds);
  std::vector<Seen> seen;
  for (const Detection& d : ds) {
    seen.emplace_back(static_cast<int>(d.type), static_cast<int>(d.confidence), d.begin, d.end,
                      d.value, d.brand, d.test);
  }
  std::sort(seen.begin(), seen.end());
  return seen;
}

class FindNearValuesTest : public ::testing::Test {
 protected:
  // Find and FindNearValues of a finder for structured types (whose label
  // database leaves out place names and honorifics: LabelSet).
  void Both(std::string_view text, CandidateBuffers* all, CandidateBuffers* near) {
    static const auto finder = Finder::Create();
    static const auto scratch = (*finder)->NewScratch();
    (*finder)->Find(text, **scratch, all);
    (*finder)->FindNearValues(text, **scratch, near);
  }
  // Find of a finder with every label (as for names and addresses).
  void EveryLabel(std::string_view text, CandidateBuffers* out) {
    static const auto finder = Finder::Create(Finder::WordLabels::kNonAscii);
    static const auto scratch = (*finder)->NewScratch();
    (*finder)->Find(text, **scratch, out);
  }
};

TEST_F(FindNearValuesTest, LeavesOutLabelsFarFromEveryValue) {
  const std::string text =
      "氏名と電話番号とメールアドレスとセキュリティコード。" + std::string(2000, ' ') + "CVV 123";
  CandidateBuffers all, near;
  Both(text, &all, &near);
  EXPECT_EQ(all.labels.size(), 5u);
  ASSERT_EQ(near.labels.size(), 1u);
  EXPECT_EQ(near.labels[0].kind, LabelKind::kSecurityCode);
  EXPECT_EQ(all.runs.size(), near.runs.size());
}

TEST_F(FindNearValuesTest, KeepsLabelsAtTheEdgeOfTheirReach) {
  // A label that owns a value across kLabelWindow bytes, an email label
  // before a long local part, a birth label after a date, and a long label
  // that contains a shorter one ("mail address" holds "address").
  const std::string text = "セキュリティコード" + std::string(58, ' ') + "123" +
                           std::string(1000, ' ') + "Email:" + std::string(64, 'a') +
                           "@example.jp" + std::string(1000, ' ') + "1985年4月12日 生まれ" +
                           std::string(1000, ' ') + "mail address: a@b.jp";
  CandidateBuffers all, near;
  Both(text, &all, &near);
  ASSERT_EQ(near.labels.size(), all.labels.size());
  EXPECT_EQ(Detect(text, near), Detect(text, all));
  EXPECT_EQ(Detect(text, all).size(), 4u);
}

// Random texts of labels, values in many notations and fillers of lengths
// around every reach: the detectors report the same from both, and the same
// as from every label.
TEST_F(FindNearValuesTest, DetectorsReportTheSameAsFromFind) {
  const std::vector<std::string> values = {"4111 1111 1111 1111",
                                           "4111111111111111",
                                           "12/27",
                                           "2027年12月",
                                           "123",
                                           "1234",
                                           "1234 5678 9018",
                                           "123456789018",
                                           "100-0001",
                                           "1000001",
                                           "1985年4月12日",
                                           "昭和60年4月12日",
                                           "S60.4.12",
                                           "1985/04/12",
                                           "April 12, 1985",
                                           "TK1234567",
                                           "03-1234-5678",
                                           "090 1234 5678",
                                           "+81 3 1234 5678",
                                           "(03)1234-5678",
                                           "taro@example.jp",
                                           "a..b.@docomo.ne.jp",
                                           "普通 1234567",
                                           "生まれ",
                                           "12",
                                           "2024-05-04T19:04:07+09:00"};
  std::vector<std::string> labels;
  for (const Label& l : AllLabels()) labels.emplace_back(l.text);
  const std::vector<std::string> words = {"the ", "order ", "会議は", "。", "、", "\n",
                                          "abc ", "x",      "（",     "）", ": ", "＝"};
  std::mt19937 rng(20261122);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int parts = 2 + static_cast<int>(rng() % 16);
    for (int p = 0; p < parts; ++p) {
      switch (rng() % 4) {
        case 0:
          text += labels[rng() % labels.size()];
          break;
        case 1:
          text += values[rng() % values.size()];
          break;
        case 2:  // mostly within a label's reach, sometimes far beyond it
          text += std::string(rng() % (rng() % 2 == 0 ? 800 : 120), ' ');
          break;
        default:
          for (int w = static_cast<int>(rng() % 20); w > 0; --w)
            text += words[rng() % words.size()];
          break;
      }
    }
    CandidateBuffers all, near, every;
    Both(text, &all, &near);
    EveryLabel(text, &every);
    const std::vector<Seen> expected = Detect(text, every);
    ASSERT_EQ(Detect(text, all), expected) << text;
    ASSERT_EQ(Detect(text, near), expected) << text;
  }
}

}  // namespace
}  // namespace mamori
