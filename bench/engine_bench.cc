// Throughput of the text path, stage by stage, on generated in-memory text:
//   build/bench/mamori_bench --benchmark_counters_tabular=true
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "engine/finder.h"
#include "engine/text_decoder.h"
#include "mamori/engine.h"

namespace mamori {
namespace {

// About 8 MiB of mixed text: Japanese and English prose, access logs,
// digit-heavy metrics, and roughly one card per 50 KB.
const std::string& MixedText() {
  static const std::string text = [] {
    std::mt19937 rng(42);
    const char* lines[] = {
        "いつも弊社サービスをご利用いただき、誠にありがとうございます。ご注文の商品を発送いたしまし"
        "た。\n",
        "Thank you for contacting support. Your ticket has been updated and an agent will reply "
        "soon.\n",
        "192.168.10.24 - - [15/Jan/2024:10:30:00 +0900] \"GET /items?page=12 HTTP/1.1\" 200 1532 "
        "87\n",
        "ts=1705282200 cpu=0.73 mem=2048123 disk=98123456 req=12345 lat_p99=0.231 id=7f3e2a91\n",
        "{\"level\":\"info\",\"order_id\":20240115093012,\"amount\":12800,\"user\":\"u-18273\"}\n",
        "お問い合わせ先：サポートセンター（平日10:00〜18:00）までご連絡ください。\n",
    };
    std::string s;
    size_t next_card = 50000;
    while (s.size() < (8u << 20)) {
      s += lines[rng() % 6];
      if (s.size() > next_card) {
        s += "カード番号 4901 2345 6789 0121 有効期限 12/27 連絡先 taro@example.jp 03-1234-5678\n";
        next_card += 50000;
      }
    }
    return s;
  }();
  return text;
}

void BM_Decode(benchmark::State& state) {
  const std::string& text = MixedText();
  std::string out;
  OffsetMap map;
  for (auto _ : state) {
    auto d = TextDecoder::Create(DetectedEncoding{Encoding::kUtf8, 0, "utf-8"});
    out.clear();
    map.Reset(0);
    (*d)->Decode(text, 0, true, &out, &map);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_Decode);

void BM_DigitRuns(benchmark::State& state) {
  const std::string& text = MixedText();
  std::vector<DigitRun> runs;
  std::vector<uint32_t> ats;
  for (auto _ : state) {
    FindDigitRunsAndAtSigns(text, &runs, &ats);
    benchmark::DoNotOptimize(runs.data());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
}
BENCHMARK(BM_DigitRuns);

void BM_FindCandidates(benchmark::State& state) {
  const std::string& text = MixedText();
  auto finder = Finder::Create();
  auto scratch = (*finder)->NewScratch();
  CandidateBuffers out;
  for (auto _ : state) {
    (*finder)->Find(text, **scratch, &out);
    benchmark::DoNotOptimize(out.runs.data());
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["runs"] = static_cast<double>(out.runs.size());
  state.counters["labels"] = static_cast<double>(out.labels.size());
}
BENCHMARK(BM_FindCandidates);

void ScanWith(benchmark::State& state, std::bitset<kDataTypeCount> types) {
  const std::string& text = MixedText();
  ScanOptions options;
  options.types = types;
  auto engine = Engine::Create(options);
  std::vector<Finding> findings;
  for (auto _ : state) {
    findings.clear();
    (*engine)->ScanBytes("bench", text, &findings);
  }
  state.SetBytesProcessed(state.iterations() * text.size());
  state.counters["findings"] = static_cast<double>(findings.size());
}

void BM_ScanDefault(benchmark::State& state) { ScanWith(state, ScanOptions::AllTypes()); }
BENCHMARK(BM_ScanDefault);

void BM_ScanCardsOnly(benchmark::State& state) {
  ScanWith(state, std::bitset<kDataTypeCount>().set(static_cast<size_t>(DataType::kCardNumber)));
}
BENCHMARK(BM_ScanCardsOnly);

}  // namespace
}  // namespace mamori

BENCHMARK_MAIN();
