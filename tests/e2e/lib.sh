# Shared helpers for the end-to-end tests: each test script sources this,
# runs the real mamori binary ($MAMORI) and checks what it printed.
set -euo pipefail
MAMORI="${MAMORI:?path to the mamori binary}"
PY=/usr/bin/python3
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
failures=0
checks=0

pass() { checks=$((checks + 1)); }
fail() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $*" >&2; }
expect_eq() {  # expect_eq WHAT EXPECTED ACTUAL
  if [ "$2" == "$3" ]; then pass; else fail "$1: expected '$2', got '$3'"; fi
}
expect_contains() {  # expect_contains WHAT HAYSTACK NEEDLE
  if [[ "$2" == *"$3"* ]]; then pass; else fail "$1: '$3' not in output"; fi
}
expect_not_contains() {
  if [[ "$2" != *"$3"* ]]; then pass; else fail "$1: '$3' must not appear"; fi
}
# Runs mamori, keeping stdout, stderr and the exit status.
run() {
  set +e
  "$MAMORI" "$@" >"$WORK/out" 2>"$WORK/err"
  status=$?
  set -e
  out="$(cat "$WORK/out")"
  err="$(cat "$WORK/err")"
}
# jq-like field extraction over JSONL with Python: jsonl_query 'expr over rows'
jsonl_query() {
  "$PY" -c '
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
findings = [r for r in rows if r["kind"] == "finding"]
objects = [r for r in rows if r["kind"] == "object"]
summary = [r for r in rows if r["kind"] == "summary"]
print(eval(sys.argv[2]))' "$WORK/out" "$1"
}
finish() {
  echo "$checks checks, $failures failed"
  [ "$failures" -eq 0 ]
}
