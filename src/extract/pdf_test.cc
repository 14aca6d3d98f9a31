#include "extract/pdf.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "extract/recording_sink_test_util.h"

namespace mamori {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

// tests/fixtures/pdf/<name>, made by tests/fixtures/make_pdf.sh.
std::string Fixture(const std::string& name) {
  const std::filesystem::path dir = std::filesystem::path(MAMORI_SOURCE_DIR) / "tests/fixtures/pdf";
  std::ifstream in(dir / name, std::ios::binary);
  EXPECT_TRUE(in) << name;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

RecordingSink Extract(std::string_view bytes, const Limits& limits = Limits{},
                      const PdfOptions& options = PdfOptions{}) {
  RecordingSink sink(limits);
  (void)ExtractPdf(bytes, sink, options);
  return sink;
}

// Stand-ins for pdftotext: shell scripts in a private temp directory.
class PdfFakeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string dir = (std::filesystem::temp_directory_path() / "mamori-pdf-test-XXXXXX").string();
    ASSERT_NE(::mkdtemp(dir.data()), nullptr);
    dir_ = dir;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  PdfOptions Fake(const std::string& script) {
    const std::filesystem::path path = dir_ / "fake-pdftotext";
    std::ofstream(path) << "#!/bin/sh\n" << script << "\n";
    ::chmod(path.c_str(), 0700);
    PdfOptions options;
    options.pdftotext = path.string();
    return options;
  }

  std::filesystem::path dir_;
};

TEST(PdfTest, TextLayerOnePage) {
  const RecordingSink sink = Extract(Fixture("text.pdf"));
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].where.page, 1u);
  EXPECT_THAT(sink.texts[0].text, HasSubstr("カード番号：4532 0151 1283 0366"));
  EXPECT_THAT(sink.texts[0].text, HasSubstr("電話番号：090-3344-7120"));
}

TEST(PdfTest, EachPageIsAUnit) {
  const RecordingSink sink = Extract(Fixture("two_pages.pdf"));
  ASSERT_EQ(sink.texts.size(), 2u);
  EXPECT_EQ(sink.texts[0].where.page, 1u);
  EXPECT_THAT(sink.texts[0].text, HasSubstr("TEL 03-1234-5678"));
  EXPECT_EQ(sink.texts[1].where.page, 2u);
  EXPECT_THAT(sink.texts[1].text, HasSubstr("card 3540 1123 4567 8902"));
  EXPECT_THAT(sink.AllText(), Not(HasSubstr("\f")));
}

TEST(PdfTest, ImageOnlyHasNoText) {
  const RecordingSink sink = Extract(Fixture("image_only.pdf"));
  EXPECT_TRUE(sink.texts.empty());
  EXPECT_EQ(sink.status, ObjectStatus::kNoText);
  EXPECT_THAT(sink.reason, HasSubstr("no text layer"));
}

TEST(PdfTest, UserPasswordIsEncrypted) {
  const RecordingSink sink = Extract(Fixture("encrypted.pdf"));
  EXPECT_TRUE(sink.texts.empty());
  EXPECT_EQ(sink.status, ObjectStatus::kEncrypted);
}

TEST(PdfTest, OwnerPasswordOnlyStillReads) {
  const RecordingSink sink = Extract(Fixture("no_copy.pdf"));
  EXPECT_EQ(sink.status, ObjectStatus::kOk) << sink.reason;
  EXPECT_THAT(sink.AllText(), HasSubstr("4532 0151 1283 0366"));
}

TEST(PdfTest, CorruptIsAnError) {
  const RecordingSink sink = Extract(Fixture("corrupt.pdf"));
  EXPECT_EQ(sink.status, ObjectStatus::kError);
  EXPECT_THAT(sink.reason, StartsWith("pdftotext: "));
  EXPECT_THAT(sink.reason, Not(HasSubstr("really")));  // no file content
}

TEST(PdfTest, EmptyAndTruncatedAreErrors) {
  EXPECT_EQ(Extract("").status, ObjectStatus::kError);
  const std::string pdf = Fixture("text.pdf");
  EXPECT_EQ(Extract(pdf.substr(0, pdf.size() / 3)).status, ObjectStatus::kError);
}

TEST(PdfTest, OutputOverBudgetIsIncomplete) {
  Limits limits;
  limits.max_total_bytes = 8;
  const RecordingSink sink = Extract(Fixture("two_pages.pdf"), limits);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_THAT(sink.reason, HasSubstr("limit"));
}

TEST(PdfTest, MissingProgramIsUnsupported) {
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", "/nonexistent-mamori", 1);
  RecordingSink sink;
  const Status status = ExtractPdf(Fixture("text.pdf"), sink);
  ::setenv("PATH", path.c_str(), 1);
  EXPECT_FALSE(status.ok());
  EXPECT_EQ(sink.status, ObjectStatus::kUnsupported);
  EXPECT_EQ(sink.reason, "pdftotext (poppler-utils) not installed");
}

TEST_F(PdfFakeTest, PdfReachesTheChildOnStdin) {
  const RecordingSink sink = Extract("%PDF-1.4 hello", Limits{}, Fake("cat"));
  ASSERT_EQ(sink.texts.size(), 1u);
  EXPECT_EQ(sink.texts[0].text, "%PDF-1.4 hello");
}

TEST_F(PdfFakeTest, PagesLongerThanOneReadAreWhole) {
  const std::string one(100000, 'x'), two(150000, 'y');
  const RecordingSink sink = Extract(one + "\f" + two + "\f", Limits{}, Fake("cat"));
  ASSERT_EQ(sink.texts.size(), 2u);
  EXPECT_EQ(sink.texts[0].text, one);
  EXPECT_EQ(sink.texts[1].text, two);
  EXPECT_EQ(sink.texts[1].where.page, 2u);
}

TEST_F(PdfFakeTest, BlankPagesKeepTheirNumbers) {
  const RecordingSink sink = Extract("%PDF", Limits{}, Fake("printf 'one\\f \\n\\fthree\\f'"));
  ASSERT_EQ(sink.texts.size(), 2u);
  EXPECT_EQ(sink.texts[0].where.page, 1u);
  EXPECT_EQ(sink.texts[1].where.page, 3u);
  EXPECT_EQ(sink.texts[1].text, "three");
  EXPECT_EQ(sink.status, ObjectStatus::kOk);
}

TEST_F(PdfFakeTest, TimeoutKillsTheChild) {
  PdfOptions options = Fake("printf 'early\\f'; exec sleep 30");
  options.timeout = std::chrono::milliseconds(300);
  const auto start = std::chrono::steady_clock::now();
  const RecordingSink sink = Extract("%PDF", Limits{}, options);
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_EQ(sink.reason, "pdftotext timed out after 300 ms");
  EXPECT_THAT(sink.AllText(), HasSubstr("early"));  // pages read so far still count
}

TEST_F(PdfFakeTest, ExpiredBudgetStopsTheChild) {
  Limits limits;
  limits.max_seconds = 0;
  RecordingSink sink(limits);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  PdfOptions options = Fake("exec sleep 30");
  options.timeout = std::chrono::seconds(20);
  (void)ExtractPdf("%PDF", sink, options);
  EXPECT_EQ(sink.status, ObjectStatus::kIncomplete);
  EXPECT_THAT(sink.reason, HasSubstr("time budget"));
}

TEST_F(PdfFakeTest, CrashIsAnError) {
  const RecordingSink sink = Extract("%PDF", Limits{}, Fake("kill -SEGV $$"));
  EXPECT_EQ(sink.status, ObjectStatus::kError);
  EXPECT_THAT(sink.reason, HasSubstr("crashed"));
}

TEST_F(PdfFakeTest, ReasonsCarryNoDocumentContent) {
  const RecordingSink sink =
      Extract("%PDF", Limits{},
              Fake("echo \"Syntax Error (12): Unknown operator 'card 4111'\" >&2; exit 1"));
  EXPECT_EQ(sink.status, ObjectStatus::kError);
  EXPECT_EQ(sink.reason, "pdftotext: Syntax Error (12): Unknown operator");
}

TEST_F(PdfFakeTest, ExitCodeWithoutMessage) {
  const RecordingSink sink = Extract("%PDF", Limits{}, Fake("exit 99"));
  EXPECT_EQ(sink.status, ObjectStatus::kError);
  EXPECT_EQ(sink.reason, "pdftotext failed with exit code 99");
}

TEST_F(PdfFakeTest, PermissionExitIsEncrypted) {
  EXPECT_EQ(Extract("%PDF", Limits{}, Fake("exit 3")).status, ObjectStatus::kEncrypted);
}

}  // namespace
}  // namespace mamori
