#!/usr/bin/env bash
# Rescan with an inventory: the first `mamori scan --store` of a 2,000-file tree
# against a rescan of the same, unchanged tree (every file hashed, none read
# by the scanner). The target (issue 5): the rescan takes under 10% of the
# first scan's time. Also shows what the store costs a first scan.
#
# usage: bench/run_rescan.sh [path/to/mamori]          (default: build/mamori)
# Environment: TREE_FILES [2000], TREE_MB [100], RUNS [5], JOBS [2]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TREE_FILES="${TREE_FILES:-2000}"
TREE_MB="${TREE_MB:-100}"
RUNS="${RUNS:-5}"
JOBS="${JOBS:-2}"
OUT=bench/out
TREE="$OUT/tree-${TREE_FILES}files-${TREE_MB}mb"
WORK="$(mktemp -d "$ROOT/$OUT/rescan.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
command -v hyperfine >/dev/null || { echo "run_rescan: hyperfine not found" >&2; exit 2; }

if [[ ! -f "$TREE/BENCH_INFO.json" ]]; then
  rm -rf "$TREE"
  "$PY" bench/gen/make_bench_corpus.py "$TREE" --mb "$TREE_MB" --files "$TREE_FILES"
fi
STORE="$WORK/inv.sqlite"
SCAN="$MAMORI scan -j $JOBS --format jsonl --fail-on none"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg); tree: $TREE ($(find "$TREE" -type f | wc -l) files)"

# 1. No store (reference). 2. First scan into an empty store. 3. Rescan, unchanged.
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/plain.json" \
  "$SCAN $TREE"
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/first.json" \
  --prepare "rm -f $STORE $STORE-wal $STORE-shm" \
  "$SCAN --store $STORE $TREE"
$SCAN --store "$STORE" "$TREE" >/dev/null 2>&1 || true  # the baseline run
hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$WORK/rescan.json" \
  "$SCAN --store $STORE $TREE"
$SCAN --store "$STORE" "$TREE" 2>&1 >/dev/null | tail -n1

"$PY" - "$WORK" <<'PY'
import json, sys
result = lambda name: json.load(open(f"{sys.argv[1]}/{name}.json"))["results"][0]
wall = {n: result(n)["mean"] for n in ("plain", "first", "rescan")}
cpu = {n: result(n)["user"] + result(n)["system"] for n in ("plain", "first", "rescan")}
for label, t in (("wall", wall), ("cpu", cpu)):
    print(f"{label}: scan without store {t['plain']:.3f} s; first scan with store {t['first']:.3f} s "
          f"({100 * (t['first'] / t['plain'] - 1):+.0f}%); unchanged rescan {t['rescan']:.3f} s = "
          f"{100 * t['rescan'] / t['first']:.1f}% of the first scan "
          f"({100 * t['rescan'] / t['plain']:.1f}% of a scan without store)")
print(f"target (rescan < 10% of the first scan, wall): {'met' if wall['rescan'] < 0.1 * wall['first'] else 'NOT met'}")
PY
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
