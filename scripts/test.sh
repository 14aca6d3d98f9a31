#!/usr/bin/env bash
# README command 2 (and CI): install packages, build twice (optimized, and
# clang with ASan+UBSan plus the libFuzzer targets), run every test in both,
# score the labelled corpus, and give each fuzz target a short run.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
jobs="$(nproc)"
fuzz_seconds="${MAMORI_FUZZ_SECONDS:-20}"

scripts/install-deps.sh

echo "== code style (clang-format; scripts/format.sh fixes it)"
scripts/format.sh --check

echo "== optimized build"
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMAMORI_TESTS=ON -DMAMORI_BENCH=ON \
  -DMAMORI_SANITIZE=OFF -DMAMORI_FUZZ=OFF >/dev/null
cmake --build build -j"$jobs"
(cd build && ctest --output-on-failure --no-tests=error -j"$jobs")

echo "== sanitizer build (clang, ASan+UBSan, fuzz targets)"
CC=clang CXX=clang++ cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMAMORI_SANITIZE=ON \
  -DMAMORI_FUZZ=ON -DMAMORI_BENCH=OFF -DMAMORI_TESTS=ON >/dev/null
cmake --build build-asan -j"$jobs"
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd build-asan && ctest --output-on-failure --no-tests=error -j"$jobs" -LE slow)

echo "== fuzz smoke runs (${fuzz_seconds}s each)"
for target in build-asan/fuzz/fuzz_*; do
  [ -x "$target" ] || continue
  name="$(basename "$target")"
  corpus="fuzz/corpus/${name#fuzz_}"
  work="build-asan/fuzz-work/$name"
  mkdir -p "$work"
  seeds=()
  [ -d "$corpus" ] && seeds+=("$corpus")
  # A fixed seed keeps CI repeatable; longer local runs may drop it. A failing
  # input is kept beside the work corpus, and the log's end says what failed.
  if ! "$target" -seed=1 -max_total_time="$fuzz_seconds" -rss_limit_mb=1024 -timeout=10 \
    -artifact_prefix="$work-" "$work" "${seeds[@]}" >"$work.log" 2>&1; then
    echo "$name failed; the end of $work.log:"
    tail -n 60 "$work.log"
    exit 70
  fi
  echo "$name: $(tail -n 1 "$work.log")"
done
echo "== all tests passed"
