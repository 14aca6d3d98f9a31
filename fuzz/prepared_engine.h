// An engine for a fuzz target, built once in LLVMFuzzerInitialize: its
// dictionaries (ENAMDICT, the MeCab model) load there, outside libFuzzer's
// per-input time limit, not inside the first input that needs them.
#ifndef MAMORI_FUZZ_PREPARED_ENGINE_H_
#define MAMORI_FUZZ_PREPARED_ENGINE_H_

#include <cstdlib>

#include "mamori/engine.h"

inline mamori::Engine* PreparedEngine(const mamori::ScanOptions& options) {
  auto engine = mamori::Engine::Create(options);
  if (!engine.ok()) std::abort();
  (*engine)->Prepare();
  return engine->release();
}

#endif  // MAMORI_FUZZ_PREPARED_ENGINE_H_
