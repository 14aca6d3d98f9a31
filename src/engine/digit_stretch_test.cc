#include "engine/digit_stretch.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <utility>
#include <vector>

#include "engine/finder.h"

namespace mamori {
namespace {

using FindFn = void (*)(std::string_view, const DigitStretchRule&, std::vector<DigitRun>*,
                        std::vector<uint32_t>*);

const DigitStretchRule kCardRule{" -.()", 3, 13};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The definition, byte by byte: every run of every stretch with enough digits.
std::vector<DigitRun> Expected(std::string_view text, const DigitStretchRule& rule) {
  const auto in_stretch = [&](size_t i) {
    if (IsDigit(text[i])) return true;
    if (rule.joiners.find(text[i]) == std::string_view::npos) return false;
    for (size_t k = i + 1; k <= i + rule.max_gap && k < text.size(); ++k) {
      if (IsDigit(text[k])) return true;
    }
    return false;
  };
  std::vector<DigitRun> out;
  for (size_t i = 0; i < text.size();) {
    if (!in_stretch(i)) {
      ++i;
      continue;
    }
    size_t end = i;
    while (end < text.size() && in_stretch(end)) ++end;
    std::vector<DigitRun> runs;
    uint32_t digits = 0;
    for (size_t k = i; k < end; ++k) {
      if (!IsDigit(text[k])) continue;
      ++digits;
      if (runs.empty() || runs.back().end != k) runs.push_back({uint32_t(k), uint32_t(k)});
      runs.back().end = static_cast<uint32_t>(k + 1);
    }
    if (digits >= rule.min_digits) out.insert(out.end(), runs.begin(), runs.end());
    i = end;
  }
  return out;
}

std::vector<DigitRun> Runs(FindFn find, std::string_view text, const DigitStretchRule& rule,
                           std::vector<uint32_t>* at_signs = nullptr) {
  std::vector<DigitRun> runs = {{1, 2}};  // cleared by the call
  std::vector<uint32_t> ats = {7};
  find(text, rule, &runs, &ats);
  if (at_signs) *at_signs = ats;
  return runs;
}

class DigitStretchTest : public ::testing::TestWithParam<FindFn> {};

std::vector<std::pair<uint32_t, uint32_t>> Pairs(const std::vector<DigitRun>& runs) {
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const DigitRun& r : runs) out.emplace_back(r.begin, r.end);
  return out;
}

TEST_P(DigitStretchTest, KeepsTheRunsOfLongNumbersOnly) {
  const std::string text = "id 12345, at 2024-05-04T19:04:07 card 4111 1111 1111 1111 ok";
  const std::vector<DigitRun> runs = Runs(GetParam(), text, kCardRule);
  ASSERT_EQ(runs.size(), 4u);
  EXPECT_EQ(text.substr(runs[0].begin, runs[3].end - runs[0].begin), "4111 1111 1111 1111");
  // Thirteen bytes of digits and joiners are not thirteen digits.
  EXPECT_TRUE(Runs(GetParam(), "on 2024-05-04 19:04", kCardRule).empty());
  EXPECT_EQ(Runs(GetParam(), "on 2024-05-04 19:04", {" -.()", 3, 10}).size(), 4u);
}

TEST_P(DigitStretchTest, JoinersWithoutADigitCloseByEndAStretch) {
  // Four spaces are one gap too many; spaces alone are no stretch at all.
  const std::string text = std::string(200, ' ') + "4111111    111111111" + std::string(200, ' ');
  EXPECT_TRUE(Runs(GetParam(), text, kCardRule).empty());
  EXPECT_EQ(Runs(GetParam(), "4111111   111111", kCardRule).size(), 2u);
}

TEST_P(DigitStretchTest, StretchesAcrossBlocksAndAtTheEnds) {
  for (size_t at = 0; at < 140; ++at) {
    std::string text(at, 'x');
    text += "4111-1111-1111-1111";
    const std::vector<DigitRun> runs = Runs(GetParam(), text, kCardRule);
    ASSERT_EQ(runs.size(), 4u) << at;
    EXPECT_EQ(runs[0].begin, at);
    EXPECT_EQ(runs[3].end, text.size());
    text += std::string(70, 'y') + "123-456";
    EXPECT_EQ(Runs(GetParam(), text, kCardRule).size(), 4u) << at;
  }
  // A stretch longer than many blocks.
  const std::string digits(1000, '7');
  EXPECT_EQ(Runs(GetParam(), "a" + digits + "b", kCardRule).size(), 1u);
}

TEST_P(DigitStretchTest, AtSignsAreAllFound) {
  std::vector<uint32_t> ats;
  Runs(GetParam(), std::string(100, 'a') + "@b@" + std::string(100, '@'), kCardRule, &ats);
  ASSERT_EQ(ats.size(), 102u);
  EXPECT_EQ(ats[0], 100u);
  EXPECT_EQ(ats[1], 102u);
}

TEST_P(DigitStretchTest, AgreesWithTheDefinitionOnRandomText) {
  std::mt19937 rng(2026);
  const std::string alphabet = "0123456789 -.()@a,/:\xE3\x81\x82\n";
  const std::vector<DigitStretchRule> rules = {
      kCardRule,        {" -.()", 3, 7}, {" -.()", 3, 8},           {"-", 1, 13},
      {" -.()", 3, 70}, {" -.()", 3, 1}, {" -.()", 3, 4294967295u}, {"abcdefghij", 2, 5}};
  for (int round = 0; round < 400; ++round) {
    const size_t size = rng() % 4 == 0 ? rng() % 20000 : rng() % 300;
    // Mostly digits in some texts, mostly letters in others.
    const size_t digit_weight = rng() % 20;
    std::string text;
    for (size_t i = 0; i < size; ++i) {
      text +=
          rng() % 20 < digit_weight ? char('0' + rng() % 10) : alphabet[rng() % alphabet.size()];
    }
    const DigitStretchRule& rule = rules[round % rules.size()];
    std::vector<uint32_t> ats, expected_ats;
    std::vector<DigitRun> all;
    FindDigitRunsAndAtSignsPortable(text, &all, &expected_ats);
    ASSERT_EQ(Pairs(Runs(GetParam(), text, rule, &ats)), Pairs(Expected(text, rule))) << round;
    ASSERT_EQ(ats, expected_ats) << round;
  }
}

INSTANTIATE_TEST_SUITE_P(DigitStretch, DigitStretchTest,
                         ::testing::Values(&FindRunsInLongDigitStretches,
                                           &FindRunsInLongDigitStretchesPortable));

}  // namespace
}  // namespace mamori
