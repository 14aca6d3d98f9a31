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
# A database whose rows mix values that are findings under any column with
# ones that are only under their own (the filter also decides per DB row).
"$PY" - "$WORK/mixed.db" <<'PYEOF'
import random, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT, tel TEXT, note TEXT, "
           "ref TEXT, card_no TEXT, cvv TEXT, memo BLOB)")
values = ["4111111111111111", "4111 1111 1111 1111", "03-1234-5678", "0312345678", "090-1234-5678",
          "taro..yamada.@docomo.ne.jp", "a@b.jp", "123", "12/27", "〒100-0001", "東京都千代田区千代田1-1",
          "山田 太郎", "注文番号 4111111111111111", "cvv 123", "マイナンバー 1234 5678 9018", "memo", "",
          "2024-05-04", "8343090", "４１１１１１１１１１１１１１１１", None]
rng = random.Random(7)
for i in range(1, 2001):
    row = [i] + [rng.choice(values) for _ in range(7)] + [rng.choice([None, b"\x00\x01binary", "x"])]
    db.execute("INSERT INTO customers VALUES (?,?,?,?,?,?,?,?,?)", row)
db.commit()
PYEOF
same db-all "sqlite:$WORK/mixed.db"
same db-cards --types card_number "sqlite:$WORK/mixed.db"
same db-structured --types card_number,card_expiry,card_security_code,card_track,email,phone,my_number,postal_code,birth_date,passport_number,drivers_license,bank_account "sqlite:$WORK/mixed.db"
# The filter is not idle on the bench corpus: most of its table rows hold nothing.
rows=$(grep -c '"kind":"finding"' "$WORK/bench-cards.with" || true)
[[ "$rows" -gt 0 ]] && pass || fail "no card found in the bench corpus"
finish
