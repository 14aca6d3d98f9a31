// Findings in a table point at their own bytes in the file, whatever its
// encoding, across read pieces: the file's bytes at [offset, offset+length)
// decode to the value as written, on the line reported.
#include <gtest/gtest.h>
#include <unicode/ucnv.h>

#include <random>
#include <string>
#include <vector>

#include "mamori/engine.h"

namespace mamori {
namespace {

std::string Convert(const char* to, const char* from, std::string_view text) {
  UErrorCode err = U_ZERO_ERROR;
  std::string out(text.size() * 4 + 16, '\0');
  const int32_t n = ucnv_convert(to, from, out.data(), static_cast<int32_t>(out.size()),
                                 text.data(), static_cast<int32_t>(text.size()), &err);
  EXPECT_TRUE(U_SUCCESS(err)) << u_errorName(err);
  return U_SUCCESS(err) ? out.substr(0, static_cast<size_t>(n)) : std::string();
}

struct Planted {
  std::string digits;  // the card number
  uint64_t line;
};

// The words of a table: Japanese, or West European (for code pages).
struct Words {
  const char* header;
  const char* name;
  const char* before_card;  // text a card cell may start with
};
constexpr Words kJapanese = {"氏名,メモ,カード", "山田 太郎", "番号"};
constexpr Words kEuropean = {"Nom,Note,Carte", "José Müller", "N° "};

// A customer list of `rows` rows; some hold a card number (grouped or not,
// quoted or not, alone in its cell or after words and escaped quotes), names,
// CRLF line ends.
std::string MakeTable(int rows, const Words& words, std::vector<Planted>* planted) {
  static const char* kCards[] = {"4111111111111111", "5500 0000 0000 0004", "3530-1113-3330-0000",
                                 "378282246310005"};
  std::mt19937 rng(7);
  std::string csv = std::string(words.header) + "\r\n";
  uint64_t line = 1;
  for (int r = 0; r < rows; ++r) {
    ++line;
    std::string card;
    if (rng() % 20 == 0) {
      card = kCards[rng() % 4];
      std::string digits;
      for (char c : card) {
        if (c >= '0' && c <= '9') digits += c;
      }
      planted->push_back({digits, line});
      if (rng() % 3 == 0) card = words.before_card + card;
    }
    // Quoted cells may hold escaped quotes before the card: one byte each
    // in the cell's text, two in the file.
    const bool quoted = rng() % 2;
    if (quoted && rng() % 2) card = "\"\"" + std::string(words.before_card) + "\"\" " + card;
    csv += words.name + std::to_string(r) + ",\"a, b\"," + (quoted ? "\"" + card + "\"" : card) +
           "\r\n";
  }
  return csv;
}

void ExpectFindingsPointAtTheirBytes(const char* charset, const std::string& bom, uint32_t chunk,
                                     const Words& words = kJapanese) {
  std::vector<Planted> planted;
  const std::string utf8 = MakeTable(3000, words, &planted);
  const std::string bytes = bom + Convert(charset, "UTF-8", utf8);
  ScanOptions options;
  options.types.reset();
  options.types.set(static_cast<size_t>(DataType::kCardNumber));
  options.table_chunk_bytes = chunk;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  std::vector<Finding> findings;
  const ObjectReport report = (*engine)->ScanBytes("t.csv", bytes, &findings);
  ASSERT_EQ(findings.size(), planted.size()) << charset << " " << report.encoding;
  for (size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    ASSERT_LE(f.offset + f.length, bytes.size());
    const std::string written =
        Convert("UTF-8", charset, std::string_view(bytes).substr(f.offset, f.length));
    std::string digits;
    for (char c : written) {
      if (c >= '0' && c <= '9') digits += c;
    }
    EXPECT_EQ(digits, planted[i].digits) << charset << " chunk " << chunk << " finding " << i;
    EXPECT_TRUE(written.front() >= '0' && written.front() <= '9' && written.back() >= '0' &&
                written.back() <= '9')
        << written;
    EXPECT_EQ(f.line, planted[i].line) << charset << " finding " << i;
  }
}

TEST(TableOffsets, FindingsPointAtTheirBytesInEveryEncoding) {
  for (const uint32_t chunk : {61u, 4096u, 65536u}) {
    ExpectFindingsPointAtTheirBytes("UTF-8", "", chunk);
    ExpectFindingsPointAtTheirBytes("windows-31j", "", chunk);
    ExpectFindingsPointAtTheirBytes("EUC-JP", "", chunk);
    ExpectFindingsPointAtTheirBytes("UTF-16LE", "\xFF\xFE", chunk);
    ExpectFindingsPointAtTheirBytes("UTF-16BE", "\xFE\xFF", chunk);
    ExpectFindingsPointAtTheirBytes("ISO-2022-JP", "", chunk);
    ExpectFindingsPointAtTheirBytes("windows-1252", "", chunk, kEuropean);
    if (HasFailure()) return;
  }
}

// An ISO-2022-JP table with invalid escapes: a cell whose bytes do not
// decode alone keeps only its offset, and its decoded text (replacement
// characters) is longer than its bytes. Its findings stay within its bytes,
// inside the file (found by fuzz_text_scan).
TEST(TableOffsets, CellsWithoutTheirOwnBytesKeepTheirFindingsInside) {
  const std::string bytes =
      "\x05\x1b$B;aL>\x1b(B,\x1b$B=;=j\x1b(B,\x1b$B%+!<%IHV9f\x1b(B,\x1b$BEEOC\x1b(B\r\n"
      "\x1b$B;3EDB@O:\x1b(B,\x1b$BEl5~ET@iBeED6h\x1b(B,4111 1111 1111 1111,03-1234-5678\r\n"
      "\x1b$B:4F#2V;,R\x1b\x1b"
      "B($BBg:e;T\x1b(B,\x1b$B%+!<% 1111,03-1234-567;8\r\n"
      "\x1b$B:4F#2V;R\x1b(B,\x1b$BBg:e;T\x1b"
      "2,\"y,zI\x1b B55555555555,4444\x1b$B$G$\xf0\x8c\xda\x8bq\x88\xea\x97\x97 "
      "209\x1b(B,090-2468-5678\r\n";
  ScanOptions options;
  options.min_confidence = Confidence::kLow;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  std::vector<Finding> findings;
  const ObjectReport report = (*engine)->ScanBytes("t.csv", bytes, &findings);
  ASSERT_EQ(report.encoding, "iso-2022-jp");
  bool address = false;
  for (const Finding& f : findings) {
    EXPECT_GT(f.length, 0u);
    EXPECT_LE(f.offset + f.length, bytes.size()) << static_cast<int>(f.type) << " at " << f.offset;
    address = address || f.type == DataType::kAddress;
  }
  EXPECT_TRUE(address);  // the cell that decodes longer than its bytes is still reported
}

}  // namespace
}  // namespace mamori
