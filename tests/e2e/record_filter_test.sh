#!/usr/bin/env bash
# The record filter (src/engine/record_filter.h) changes nothing: on the
# labelled corpus, the document corpus, the samples and a bench-like corpus
# of CSV and NDJSON, `mamori scan` reports byte for byte the same JSONL with
# the filter as with --no-record-filter, for all types and for cards alone.
source "$(dirname "$0")/lib.sh"
"$PY" "${SOURCE_DIR:?}/tests/corpus/make_corpus.py" "$WORK/corpus" >/dev/null
"$PY" "$SOURCE_DIR/bench/gen/make_bench_corpus.py" "$WORK/bench" --mb 4 >/dev/null
same() {  # same NAME ARGS...: the JSONL of both ways, seconds aside, must match
  local name="$1"; shift
  set +e
  "$MAMORI" scan -j 1 --format jsonl "$@" | sed -E 's/"seconds":[0-9.]+//' > "$WORK/$name.with"
  "$MAMORI" scan -j 1 --format jsonl --no-record-filter "$@" | sed -E 's/"seconds":[0-9.]+//' > "$WORK/$name.without"
  set -e
  if [[ ! -s "$WORK/$name.with" ]]; then
    fail "$name: no output"
  elif cmp -s "$WORK/$name.with" "$WORK/$name.without"; then
    pass
  else
    diff "$WORK/$name.with" "$WORK/$name.without" | head -5 >&2
    fail "$name: output differs with the record filter"
  fi
}
for dir in "$WORK/corpus/files" "$SOURCE_DIR/tests/corpus/formats" "$SOURCE_DIR/samples" "$WORK/bench"; do
  name="$(basename "$dir")"
  same "$name-all" "$dir"
  same "$name-cards" --types card_number "$dir"
  same "$name-structured" --types card_number,card_expiry,card_security_code,card_track,email,phone,my_number,postal_code,birth_date,passport_number,drivers_license,bank_account "$dir"
done
# The filter is not idle on the bench corpus: most of its table rows hold nothing.
rows=$(grep -c '"kind":"finding"' "$WORK/bench-cards.with" || true)
[[ "$rows" -gt 0 ]] && pass || fail "no card found in the bench corpus"
finish
