#!/usr/bin/env bash
# The labelled corpus (tests/corpus/make_corpus.py): every structured type
# must reach precision and recall of at least 0.98.
source "$(dirname "$0")/lib.sh"
"$PY" "${SOURCE_DIR:?}/tests/corpus/make_corpus.py" "$WORK/corpus" >/dev/null
set +e
"$MAMORI" scan --format jsonl "$WORK/corpus/files" > "$WORK/findings.jsonl"
set -e
if "$PY" "$SOURCE_DIR/tests/corpus/score.py" "$WORK/corpus/labels.jsonl" "$WORK/findings.jsonl" \
     --min-precision 0.98 --min-recall 0.98 --show 10; then
  pass
else
  fail "corpus below 0.98 precision/recall"
fi
finish
