#include "extract/record_skip.h"

#include <gtest/gtest.h>

#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

// Answers with fixed spans, as the engine's record filter would.
class SpanSink : public RecordingSink {
 public:
  explicit SpanSink(std::vector<TextSpan> spans) : spans_(std::move(spans)) {}
  bool MayHoldFinding(std::string_view, std::vector<TextSpan>* triggers) override {
    ++asked;
    if (triggers) triggers->insert(triggers->end(), spans_.begin(), spans_.end());
    return !spans_.empty();
  }
  bool TriggersOfEncoded(std::string_view bytes, std::string_view,
                         std::vector<TextSpan>* triggers) override {
    asked_bytes = std::string(bytes);
    MayHoldFinding(bytes, triggers);
    return true;
  }
  int asked = 0;
  std::string asked_bytes;

 private:
  std::vector<TextSpan> spans_;
};

TEST(PieceTriggersTest, EachRecordGetsItsOwnSpansRelativeToItsStart) {
  //                      0         1         2
  //                      0123456789012345678901234
  const std::string_view piece = "a 4111\nquiet\nb x@y.jp\n";
  SpanSink sink({{15, 16}, {2, 6}});  // unsorted, as the filter lists them
  PieceTriggers t;
  t.Reset(sink, piece);
  ASSERT_TRUE(t.Knows(0));
  EXPECT_EQ(sink.asked, 1);
  std::vector<TextSpan> spans;
  ASSERT_TRUE(t.Record(0, 6, &spans));
  ASSERT_EQ(spans.size(), 1u);
  EXPECT_EQ(spans[0].begin, 2u);
  EXPECT_EQ(spans[0].end, 6u);
  EXPECT_FALSE(t.Record(7, 12, &spans));
  ASSERT_TRUE(t.Record(13, 21, &spans));
  EXPECT_EQ(spans[0].begin, 2u);
}

TEST(PieceTriggersTest, ASpanOverSeveralRecordsCountsInEach) {
  // A sink without a filter answers "everywhere" for the whole piece.
  SpanSink sink({{0, 12}});
  PieceTriggers t;
  t.Reset(sink, "one\ntwo\nthree\n");
  std::vector<TextSpan> spans;
  EXPECT_TRUE(t.Record(0, 3, &spans));
  EXPECT_TRUE(t.Record(4, 7, &spans));
  ASSERT_TRUE(t.Record(8, 13, &spans));
  EXPECT_EQ(spans[0].end, 4u);  // clipped to what the span covers
}

TEST(PieceTriggersTest, APieceNormalizationChangesIsNotAsked) {
  SpanSink sink({});
  PieceTriggers t;
  t.Reset(sink, "カード番号：４１１１\n");  // full-width digits fold
  EXPECT_FALSE(t.Knows(0));
  EXPECT_EQ(sink.asked, 0);
  t.Reset(sink, "plain\n");
  EXPECT_TRUE(t.Knows(0));
  t.Clear();
  EXPECT_FALSE(t.Knows(0));
}

TEST(PieceTriggersTest, AnEncodedPieceIsAskedFromItsFirstWholeRecord) {
  // The piece begins inside a record (maybe inside a character): only what
  // follows the first line end is asked about, and answered for.
  SpanSink sink({{2, 6}});
  PieceTriggers t;
  t.ResetEncoded(sink, "\xA1rest\nb 4111\n", "euc-jp", 6);
  EXPECT_EQ(sink.asked_bytes, "b 4111\n");
  EXPECT_FALSE(t.Knows(0));
  ASSERT_TRUE(t.Knows(6));
  std::vector<TextSpan> spans;
  ASSERT_TRUE(t.Record(6, 12, &spans));
  EXPECT_EQ(spans[0].begin, 2u);  // the sink's span, moved to the piece and then the record
  EXPECT_EQ(spans[0].end, 6u);
}

TEST(PieceTriggersTest, TouchedMeansOverlapping) {
  const std::vector<TextSpan> t = {{5, 9}};
  EXPECT_TRUE(Touched(t, 0, 6));
  EXPECT_TRUE(Touched(t, 8, 12));
  EXPECT_FALSE(Touched(t, 0, 5));  // ends where the trigger begins
  EXPECT_FALSE(Touched(t, 9, 12));
  EXPECT_FALSE(Touched({}, 0, 100));
}

TEST(SkipAttemptsTest, BacksOffAfterManyMissesAndRecoversOnASkip) {
  SkipAttempts a;
  int tried = 0;
  for (int i = 0; i < 32 + 320; ++i) {
    if (!a.Try()) continue;
    ++tried;
    a.Record(false);
  }
  EXPECT_EQ(tried, 32 + 10);  // every record first, then one in 32
  a.Record(true);
  EXPECT_TRUE(a.Try());
}

}  // namespace
}  // namespace mamori
