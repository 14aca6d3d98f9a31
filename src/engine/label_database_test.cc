#include "engine/label_database.h"

#include <gtest/gtest.h>
#include <hs/hs.h>

#include <set>
#include <string>
#include <tuple>

#include "engine/labels.h"

namespace mamori {
namespace {

using Match = std::tuple<unsigned, unsigned long long, unsigned long long>;

std::set<Match> MatchesOf(hs_database_t* db, const std::string& text) {
  hs_scratch_t* scratch = nullptr;
  EXPECT_EQ(hs_alloc_scratch(db, &scratch), HS_SUCCESS);
  std::set<Match> found;
  const auto on_match = [](unsigned id, unsigned long long from, unsigned long long to, unsigned,
                           void* ctx) {
    static_cast<std::set<Match>*>(ctx)->emplace(id, from, to);
    return 0;
  };
  hs_scan(db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &found);
  hs_free_scratch(scratch);
  return found;
}

// Every label, as written and with its ASCII letters upper-cased.
std::string EveryLabel() {
  std::string text;
  for (const Label& l : AllLabels()) {
    std::string upper(l.text);
    for (char& c : upper) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 32) : c;
    text.append(l.text).append(" | ").append(upper).append("\n");
  }
  return text;
}

class EachLabelSet : public ::testing::TestWithParam<LabelSet> {};

TEST_P(EachLabelSet, EmbeddedDatabaseRunsOnTheMachineThatBuiltIt) {
  auto db = DeserializeLabelDatabase(EmbeddedLabelDatabase(GetParam()));
  ASSERT_TRUE(db.ok()) << db.status().message();
  hs_free_database(*db);
}

// The embedded bytes are the labels of this source tree: the same matches,
// every label of the set found and no other, as a database compiled now.
TEST_P(EachLabelSet, EmbeddedMatchesWhatACompileFinds) {
  auto embedded = DeserializeLabelDatabase(EmbeddedLabelDatabase(GetParam()));
  auto compiled = CompileLabelDatabase(GetParam());
  ASSERT_TRUE(embedded.ok() && compiled.ok());
  const std::string text = EveryLabel();
  const std::set<Match> a = MatchesOf(*embedded, text);
  const std::set<Match> b = MatchesOf(*compiled, text);
  EXPECT_EQ(a, b);
  std::set<unsigned> ids;
  for (const auto& [id, from, to] : a) ids.insert(id);
  size_t in_set = 0;
  for (size_t i = 0; i < AllLabels().size(); ++i) {
    const bool wanted = InLabelSet(GetParam(), AllLabels()[i].kind);
    in_set += wanted;
    EXPECT_EQ(ids.count(static_cast<unsigned>(i)) == 1, wanted) << AllLabels()[i].text;
  }
  EXPECT_EQ(ids.size(), in_set);
  hs_free_database(*embedded);
  hs_free_database(*compiled);
}

INSTANTIATE_TEST_SUITE_P(LabelDatabaseTest, EachLabelSet,
                         ::testing::Values(LabelSet::kAll, LabelSet::kValueLabels));

TEST(LabelDatabaseTest, ValueLabelsLeaveOutPlacesAndHonorificsOnly) {
  EXPECT_FALSE(InLabelSet(LabelSet::kValueLabels, LabelKind::kPrefecture));
  EXPECT_FALSE(InLabelSet(LabelSet::kValueLabels, LabelKind::kHonorific));
  EXPECT_TRUE(InLabelSet(LabelSet::kValueLabels, LabelKind::kName));
  EXPECT_TRUE(InLabelSet(LabelSet::kValueLabels, LabelKind::kNegative));
  EXPECT_TRUE(InLabelSet(LabelSet::kAll, LabelKind::kPrefecture));
}

TEST(LabelDatabaseTest, SerializedRoundTrip) {
  auto compiled = CompileLabelDatabase(LabelSet::kAll);
  ASSERT_TRUE(compiled.ok());
  auto bytes = SerializeLabelDatabase(*compiled);
  ASSERT_TRUE(bytes.ok());
  auto back = DeserializeLabelDatabase(*bytes);
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(MatchesOf(*back, "TEL 03 / セキュリティコード"),
            MatchesOf(*compiled, "TEL 03 / セキュリティコード"));
  hs_free_database(*back);
  hs_free_database(*compiled);
}

TEST(LabelDatabaseTest, DamagedBytesAreRefused) {
  const std::string_view embedded = EmbeddedLabelDatabase(LabelSet::kAll);
  EXPECT_FALSE(DeserializeLabelDatabase("").ok());
  EXPECT_FALSE(DeserializeLabelDatabase("not a vectorscan database").ok());
  EXPECT_FALSE(DeserializeLabelDatabase(embedded.substr(0, embedded.size() / 2)).ok());
  std::string flipped(embedded);
  flipped[flipped.size() / 2] ^= 0x5A;  // the CRC no longer matches
  EXPECT_FALSE(DeserializeLabelDatabase(flipped).ok());
}

}  // namespace
}  // namespace mamori
