#!/usr/bin/env bash
# The labelled corpus (tests/corpus/make_corpus.py): every structured type
# must reach precision and recall of at least 0.98, addresses 0.95.
source "$(dirname "$0")/lib.sh"
"$PY" "${SOURCE_DIR:?}/tests/corpus/make_corpus.py" "$WORK/corpus" >/dev/null
set +e
"$MAMORI" scan --format jsonl "$WORK/corpus/files" > "$WORK/findings.jsonl"
set -e
STRUCTURED=card_number,card_expiry,card_security_code,card_track,email,phone,my_number,postal_code
STRUCTURED+=,birth_date,passport_number,drivers_license,bank_account
if "$PY" "$SOURCE_DIR/tests/corpus/score.py" "$WORK/corpus/labels.jsonl" "$WORK/findings.jsonl" \
     --types "$STRUCTURED" --min-precision 0.98 --min-recall 0.98 --show 10; then
  pass
else
  fail "corpus below 0.98 precision/recall"
fi
if "$PY" "$SOURCE_DIR/tests/corpus/score.py" "$WORK/corpus/labels.jsonl" "$WORK/findings.jsonl" \
     --types address --min-precision 0.95 --min-recall 0.95 --show 10; then
  pass
else
  fail "addresses below 0.95 precision/recall"
fi
finish
