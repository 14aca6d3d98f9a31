// Ready-made sinks: human text, JSON Lines, SARIF 2.1.0.
#ifndef MAMORI_SINKS_H_
#define MAMORI_SINKS_H_

#include <cstdio>
#include <memory>

#include "mamori/sink.h"

namespace mamori {

struct SinkOptions {
  bool reveal = false;      // print raw values (the user asked, explicitly)
  bool show_clean = false;  // text: also list objects without findings
};

std::unique_ptr<ScanSink> MakeTextSink(std::FILE* out, SinkOptions options);
std::unique_ptr<ScanSink> MakeJsonlSink(std::FILE* out, SinkOptions options);
std::unique_ptr<ScanSink> MakeSarifSink(std::FILE* out, SinkOptions options);

}  // namespace mamori

#endif  // MAMORI_SINKS_H_
