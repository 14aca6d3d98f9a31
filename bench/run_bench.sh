#!/usr/bin/env bash
# Single-thread throughput: mamori vs ripgrep on the same generated corpus, in
# the same run, timed by hyperfine. See bench/README.md for the method.
#
# usage: bench/run_bench.sh [path/to/mamori]        (default: build/mamori)
#
# Environment knobs (defaults in brackets):
#   BENCH_MB [200]  size of the large-file corpus    TREE_MB [100]    size of the tree
#   TREE_FILES [2000] files in the tree              RUNS [5]         timed runs per command
#   WARMUP [1]      untimed warm-up runs             RG_FLAGS [--mmap] extra rg I/O flag
#   PAIRS [10]      alternating runs per ratio (0: none)
# Corpora are generated under bench/out/ (gitignored) the first time and reused.
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
BENCH_MB="${BENCH_MB:-200}"
TREE_MB="${TREE_MB:-100}"
TREE_FILES="${TREE_FILES:-2000}"
RUNS="${RUNS:-5}"
WARMUP="${WARMUP:-1}"
PAIRS="${PAIRS:-10}"
RG_FLAGS="${RG_FLAGS:---mmap}"
OUT=bench/out
BIG="$OUT/corpus-${BENCH_MB}mb"
TREE="$OUT/tree-${TREE_FILES}files-${TREE_MB}mb"
STAMP="$(date +%Y%m%d-%H%M%S)"
LOAD0="$(cut -d' ' -f1-3 /proc/loadavg)"
WORK="$OUT/run-$STAMP"
mkdir -p "$WORK"

need() { command -v "$1" >/dev/null 2>&1 || { echo "run_bench: '$1' not found (apt-get install $2)" >&2; exit 2; }; }
need rg ripgrep
need hyperfine hyperfine

# --- corpora -------------------------------------------------------------------
gen() {  # gen DIR ARGS...: generate once, reuse afterwards
  local dir="$1"; shift
  if [[ ! -f "$dir/BENCH_INFO.json" ]]; then
    rm -rf "$dir"
    "$PY" bench/gen/make_bench_corpus.py "$dir" "$@"
  fi
}
gen "$BIG" --mb "$BENCH_MB"
gen "$TREE" --mb "$TREE_MB" --files "$TREE_FILES"

HAVE_MAMORI=1
if [[ ! -x "$MAMORI" ]]; then
  HAVE_MAMORI=0
  echo "run_bench: WARNING: mamori binary '$MAMORI' not found; running the ripgrep side only" >&2
fi

# --- patterns (keep in sync with bench/README.md) -------------------------------
# ASCII mode: rg 13 refuses a literal 〒 under --no-unicode, so it is written as
# its UTF-8 bytes; the match set is the same.
CARD='\b(?:\d[ -]?){12,18}\d\b'
EMAIL='[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}'
PHONE='(?:\+81[ -]?|\b0)\d{1,4}[-( ]?\d{1,4}[-) ]?\d{3,4}\b'
MYNUM='\b\d{4}[ -]?\d{4}[ -]?\d{4}\b'
POSTAL='(?:\xE3\x80\x92)?\b\d{3}-\d{4}\b'

q() { printf "'%s'" "$1"; }  # single-quote for hyperfine -N (patterns contain no quote)
# -j1: one thread like mamori -j 1. --no-unicode: ASCII \d \b, the fast path.
# --count-matches: every match is found (like a scanner) but nothing is printed.
# --no-ignore --hidden: bench/out is gitignored; search everything like mamori.
RG="rg -j1 --no-unicode --no-ignore --hidden --count-matches $RG_FLAGS"
RG5="$RG -e $(q "$CARD") -e $(q "$EMAIL") -e $(q "$PHONE") -e $(q "$MYNUM") -e $(q "$POSTAL")"
RG1="$RG -e $(q "$CARD")"

# --- measurement ------------------------------------------------------------------
# Each command: one sanity run (count what it finds, time it), then hyperfine.
# Slow commands get fewer timed runs so the whole script stays within ~10 min.
declare -a ROWS=()
measure() {  # measure ID GROUP LABEL CORPUS COMMAND
  local id="$1" group="$2" label="$3" corpus="$4" cmd="$5"
  local t0 t1 secs runs count status=0
  echo ">> [$group] $label" >&2
  t0=$(date +%s.%N)
  eval "$cmd" > "$WORK/$id.out" 2> "$WORK/$id.err" || status=$?
  t1=$(date +%s.%N)
  secs=$("$PY" -c "print(f'{$t1 - $t0:.3f}')")
  if [[ "$label" == mamori* ]]; then
    count="$(grep -c '"kind":"finding"' "$WORK/$id.out" || true) findings"
  else
    count="$(awk -F: '{s += $NF} END {print s + 0}' "$WORK/$id.out") matches"
  fi
  if [[ $status -gt 1 ]]; then
    echo "   exit status $status; stderr:" >&2; head -5 "$WORK/$id.err" >&2
  fi
  runs=$("$PY" -c "print(max(2, min($RUNS, int(90 / max($secs, 0.001)))))")
  echo "   sanity run: ${secs}s, $count, exit $status; timing $runs runs" >&2
  hyperfine -N -i --style basic --warmup "$WARMUP" --runs "$runs" \
    --export-json "$WORK/$id.json" -n "$label" "$cmd" > "$WORK/$id.hyperfine.txt" 2>&1 || true
  ROWS+=("$id|$group|$label|$corpus|$count|$cmd")
}

MJ="--format jsonl"
# The detectors issue 2 defines (names and addresses came later, with their
# own speed target relative to these): the same run as (a) without them.
STRUCTURED=card_number,card_expiry,card_security_code,card_track,email,phone,my_number,postal_code
STRUCTURED+=,birth_date,passport_number,drivers_license,bank_account
if [[ $HAVE_MAMORI == 1 ]]; then
  measure a_mamori a "mamori (default detectors)" "$BIG" "$MAMORI scan -j 1 $MJ $BIG"
  measure a2_mamori a "mamori (structured detectors, no names/addresses)" "$BIG" \
    "$MAMORI scan -j 1 --types $STRUCTURED $MJ $BIG"
fi
measure a_rg a "rg (5 patterns)" "$BIG" "$RG5 $BIG"
if [[ $HAVE_MAMORI == 1 ]]; then
  measure b_mamori b "mamori --types card_number" "$BIG" "$MAMORI scan -j 1 --types card_number $MJ $BIG"
fi
measure b_rg b "rg (card regex)" "$BIG" "$RG1 $BIG"
if [[ $HAVE_MAMORI == 1 ]]; then
  measure c_mamori_j1 c "mamori -j 1" "$TREE" "$MAMORI scan -j 1 $MJ $TREE"
  measure c_mamori_j2 c "mamori -j 2" "$TREE" "$MAMORI scan -j 2 $MJ $TREE"
fi
measure c_rg_j1 c "rg (5 patterns) -j1, reference" "$TREE" "$RG5 $TREE"

# --- report -----------------------------------------------------------------------
printf '%s\n' "${ROWS[@]}" > "$WORK/rows.txt"
REPORT="$OUT/results-$STAMP.md"
{
  echo "# mamori vs ripgrep — $(date '+%Y-%m-%d %H:%M')"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//') ($(nproc) cores), load average at start: $LOAD0, at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- $(rg --version | head -1), $(hyperfine --version)"
  if [[ $HAVE_MAMORI == 1 ]]; then
    echo "- mamori: $MAMORI ($("$MAMORI" --version 2>/dev/null | head -1 || echo 'version unknown'))"
  else
    echo "- mamori: NOT FOUND at '$MAMORI' (rg rows only)"
  fi
  echo "- git: $(git rev-parse --short HEAD 2>/dev/null || echo 'no commit')"
  echo "- MB = 10^6 bytes; MB/s = corpus bytes / mean wall time; CPU = user+sys mean; ratio = MB/s ratio"
  echo "  (in brackets: the ratio of mean CPU times and of the fastest runs; this VM runs the same"
  echo "  binary 30% slower for seconds at a time, and commands are timed one after the other)"
  echo
  "$PY" - "$WORK" <<'EOF'
import json, os, sys
work = sys.argv[1]
rows = [l.rstrip("\n").split("|", 5) for l in open(os.path.join(work, "rows.txt")) if l.strip()]
def corpus_bytes(d):
    return json.load(open(os.path.join(d, "BENCH_INFO.json")))["bytes"]
res = {}
for rid, group, label, corpus, count, cmd in rows:
    try:
        r = json.load(open(os.path.join(work, rid + ".json")))["results"][0]
    except (OSError, KeyError, IndexError, ValueError):
        r = None
    b = corpus_bytes(corpus)
    if r:
        mbs = b / 1e6 / r["mean"]
        res[rid] = dict(group=group, label=label, corpus=corpus, count=count, cmd=cmd, mean=r["mean"],
                        sd=r["stddev"] or 0.0, cpu=r["user"] + r["system"], mbs=mbs, runs=len(r["times"]), mb=b / 1e6,
                        best=min(r["times"]))
    else:
        res[rid] = dict(group=group, label=label, corpus=corpus, count=count, cmd=cmd, mean=None, mb=b / 1e6)
ratio = {}
def setratio(num, den, text):
    if num in res and den in res and res[num].get("mean") and res[den].get("mean"):
        n, d = res[num], res[den]
        ratio[num] = (f"{n['mbs'] / d['mbs']:.2f}× {text} (CPU {d['cpu'] / n['cpu']:.2f}×, "
                      f"best runs {d['best'] / n['best']:.2f}×)")
setratio("a_mamori", "a_rg", "of rg")
setratio("a2_mamori", "a_rg", "of rg")
setratio("b_mamori", "b_rg", "of rg")
setratio("c_mamori_j2", "c_mamori_j1", "of -j 1")
titles = {"a": "(a) default detectors vs rg, five patterns",
          "b": "(b) card numbers only",
          "c": "(c) 2,000-file tree, -j 1 vs -j 2"}
esc = lambda s: s.replace("|", "\\|")
print("| run | tool | corpus | found | mean ± σ (s) | CPU (s) | MB/s | ratio |")
print("|---|---|---|---|---|---|---|---|")
for rid, v in res.items():
    corpus = f"{os.path.basename(v['corpus'])} ({v['mb']:.0f} MB)"
    if v.get("mean"):
        t = f"{v['mean']:.3f} ± {v['sd']:.3f} (n={v['runs']})"
        print(f"| {v['group']} | {esc(v['label'])} | {corpus} | {v['count']} | {t} | {v['cpu']:.3f} | **{v['mbs']:.0f}** | {ratio.get(rid, '')} |")
    else:
        print(f"| {v['group']} | {esc(v['label'])} | {corpus} | {v['count']} | failed | | | |")
print()
for g in "abc":
    print(f"**{titles[g]}**")
    print()
    for rid, v in res.items():
        if v["group"] == g:
            print(f"- {v['label']}: `{v['cmd']}`")
    print()
EOF
  # Paired ratios: the two commands of each ratio run alternately, and each
  # pair of neighbouring runs gives one ratio. A slow phase of the machine
  # (seconds long on this VM) then slows both sides of a pair, where
  # hyperfine above times all runs of one command before the other's.
  if [[ $PAIRS -gt 0 ]]; then
    "$PY" - "$WORK" "$PAIRS" <<'EOF'
import os, statistics, subprocess, sys, time
work, pairs = sys.argv[1], int(sys.argv[2])
cmds = {}
for l in open(os.path.join(work, "rows.txt")):
    if l.strip():
        rid, group, label, corpus, count, cmd = l.rstrip("\n").split("|", 5)
        cmds[rid] = (label, cmd)
def timed(cmd):
    t0 = time.perf_counter()
    subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - t0
print(f"Paired ratios ({pairs} alternating runs each; median and range of the per-pair ratios):")
print()
print("| ratio | median | min … max |")
print("|---|---|---|")
for num, den, what in (("a_mamori", "a_rg", "of rg"), ("a2_mamori", "a_rg", "of rg"),
                       ("b_mamori", "b_rg", "of rg"), ("c_mamori_j2", "c_mamori_j1", "of -j 1")):
    if num not in cmds or den not in cmds:
        continue
    ratios = []
    for _ in range(pairs):
        d = timed(cmds[den][1])
        n = timed(cmds[num][1])
        ratios.append(d / n)
    print(f"| {cmds[num][0]} {what} ({cmds[den][0]}) | **{statistics.median(ratios):.2f}×** | "
          f"{min(ratios):.2f} … {max(ratios):.2f} |")
print()
EOF
  fi
  load="$(cut -d' ' -f1 /proc/loadavg)"
  if "$PY" -c "import sys; sys.exit(0 if float('$load') > 0.5 * $(nproc) else 1)"; then
    echo "> Note: load average $load on $(nproc) cores at the end: other work was running;"
    echo "> wall-clock MB/s are pessimistic, compare the CPU column for single-thread runs."
  fi
} > "$REPORT"
cat "$REPORT"
echo
echo "report: $REPORT  (raw hyperfine JSON and outputs: $WORK/)"
