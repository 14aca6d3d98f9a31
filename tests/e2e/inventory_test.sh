#!/usr/bin/env bash
# mamori scan --store and mamori inventory: first scan, rescans that skip
# unchanged files and report what appeared/changed/disappeared, queries by
# risk and by value, CSV export, a version check of the key; then a central
# PostgreSQL inventory written by two concurrent scans of different folders.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg.sh"

CARD=4901234567890121          # valid, not a public test number
CARD2=5204240000000013
mkdir -p "$WORK/d"
printf '氏名,メールアドレス,カード番号\n山田太郎,taro@example.jp,%s\n' "$CARD" > "$WORK/d/customers.csv"
printf 'nothing personal here\n' > "$WORK/d/clean.txt"
printf 'TEL 03-1234-5678\n' > "$WORK/d/phone.txt"
"$PY" - "$WORK/d/archive.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w") as z:
    z.writestr("2013/list.txt", "連絡先 hanako@example.co.jp\n")
PY
STORE="$WORK/inv.sqlite"
mode() { stat -c %a "$1"; }
objects_in() { grep -c '"kind":"object"' "$WORK/out" || true; }

# First run: everything is read and recorded.
run scan --store "$STORE" --format jsonl "$WORK/d"
expect_eq "first run exit" 1 "$status"
expect_eq "first run objects" 5 "$(objects_in)"   # 4 files + the zip member
expect_contains "first run note" "$err" "first run of this scope, 4 objects"
expect_eq "store mode" 600 "$(mode "$STORE")"
expect_eq "key mode" 600 "$(mode "$STORE.key")"
first_summary="$(tail -n1 "$WORK/out" | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(s["findings"], s["counts"], s["max_risk"])')"

# Unchanged rescan: nothing is read again, the summary still describes the folder.
run scan --store "$STORE" --format jsonl "$WORK/d"
expect_eq "rescan exit" 1 "$status"
expect_eq "rescan reads nothing" 0 "$(objects_in)"
expect_contains "rescan all unchanged" "$err" "0 appeared, 0 changed, 0 disappeared, 4 unchanged"
expect_eq "rescan summary" "$first_summary" "$(tail -n1 "$WORK/out" | "$PY" -c 'import json,sys; s=json.load(sys.stdin); print(s["findings"], s["counts"], s["max_risk"])')"

# Relative inputs name the same places.
(cd "$WORK" && "$MAMORI" scan --store inv.sqlite --format jsonl d >/dev/null 2>"$WORK/err2") || true
expect_contains "relative path is the same scope" "$(cat "$WORK/err2")" "4 unchanged"

# Modify, add, delete.
printf 'TEL 03-1234-5678\nmail jiro@example.com\n' > "$WORK/d/phone.txt"
printf 'card %s\n' "$CARD2" > "$WORK/d/new.txt"
rm "$WORK/d/clean.txt"
run scan --store "$STORE" --format jsonl "$WORK/d"
expect_eq "changes objects read" 2 "$(objects_in)"
expect_contains "changes counted" "$err" "1 appeared, 1 changed, 1 disappeared, 2 unchanged"
expect_contains "appeared listed" "$err" "appeared    $WORK/d/new.txt"
expect_contains "changed listed" "$err" "changed     $WORK/d/phone.txt"
expect_contains "disappeared listed" "$err" "disappeared $WORK/d/clean.txt"

run inventory --store "$STORE" --changes
expect_eq "changes exit" 0 "$status"
expect_contains "changes in the store" "$out" "disappeared $WORK/d/clean.txt"

# Objects by risk: highest first; the carried zip member is still there.
run inventory --store "$STORE"
expect_eq "inventory exit" 0 "$status"
expect_contains "highest risk first" "$(head -n1 "$WORK/out")" "customers.csv"
expect_contains "totals" "$out" "totals: 4 top-level objects"
expect_not_contains "clean file gone" "$out" "clean.txt"
run inventory --store "$STORE" --format jsonl --all
expect_eq "carried member" "['$WORK/d/archive.zip!/2013/list.txt']" \
  "$(jsonl_query '[o["path"] for o in objects if "!/" in o["path"]]')"
expect_eq "totals by type" "{'card_number': 2, 'email': 3, 'phone': 1, 'person_name': 1}" \
  "$(jsonl_query '[r["counts"] for r in rows if r["kind"]=="totals"][0]')"

# Where one value appears: found by its keyed hash, never printed unmasked.
run inventory --store "$STORE" --find-card "${CARD:0:4} ${CARD:4:4} ${CARD:8:4} ${CARD:12:4}"
expect_eq "find card exit" 0 "$status"
expect_contains "find card place" "$out" "$WORK/d/customers.csv  row 1 column カード番号  490123******0121"
expect_not_contains "find card masked" "$out$err" "$CARD"
run inventory --store "$STORE" --find-email HANAKO@example.co.jp --format jsonl
expect_eq "find email absent (case of the local part counts)" 1 "$status"
run inventory --store "$STORE" --find-email hanako@EXAMPLE.CO.JP --format jsonl
expect_eq "find email in member" "['$WORK/d/archive.zip!/2013/list.txt']" \
  "$(jsonl_query '[r["path"] for r in rows]')"
run inventory --store "$STORE" --find-phone 0312345678
expect_eq "find phone" 0 "$status"
run inventory --store "$STORE" --find-card 4111111111111112
expect_eq "invalid card is a usage error" 2 "$status"

# CSV export.
run inventory --store "$STORE" --csv "$WORK/inv.csv"
expect_eq "csv exit" 0 "$status"
expect_eq "csv mode" 600 "$(mode "$WORK/inv.csv")"
expect_eq "csv rows" 6 "$(wc -l < "$WORK/inv.csv")"   # header + 4 files + 1 member
expect_contains "csv header" "$(head -n1 "$WORK/inv.csv")" "host,path,status,reason,risk,records"

# The store never holds a raw value; another key is refused.
for f in "$STORE"*; do
  expect_eq "no raw card in $(basename "$f")" 0 "$(grep -c -a "$CARD" "$f" || true)"
  expect_eq "no raw email in $(basename "$f")" 0 "$(grep -c -a 'taro@example.jp' "$f" || true)"
done
MAMORI_STORE_KEY=ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100 \
  run inventory --store "$STORE"
expect_eq "other key refused" 2 "$status"
expect_contains "other key message" "$err" "another key"
run inventory --store "$WORK/none.sqlite"
expect_eq "missing store" 2 "$status"

# Other types are another scope: nothing is carried from the full scan.
"$MAMORI" scan --store "$WORK/types.sqlite" --format jsonl "$WORK/d" >/dev/null 2>&1 || true
run scan --store "$WORK/types.sqlite" --format jsonl --types email "$WORK/d"
expect_contains "other settings rescan all" "$err" "first run of this scope, 4 objects"

# A database in the inventory: tables are objects, findings keep table and key.
"$PY" - "$WORK/shop.db" "$CARD" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT)")
db.execute("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),"
           " card_number TEXT, security_code TEXT)")
db.execute("INSERT INTO customers VALUES (7, 'saburo@example.jp')")
db.execute("INSERT INTO orders VALUES (70, 7, ?, '123')", (sys.argv[2],))
db.commit()
PY
run scan --store "$STORE" --format jsonl "sqlite:$WORK/shop.db"
expect_eq "database scan exit" 1 "$status"
run inventory --store "$STORE" --find-card "$CARD" --format jsonl
expect_eq "card in the table and the csv" \
  "[('$WORK/d/customers.csv', ''), ('sqlite:$WORK/shop.db!/orders', 'orders')]" \
  "$(jsonl_query 'sorted((r["path"], r.get("table", "")) for r in rows)')"

# Two concurrent scans of different folders into one SQLite store (WAL).
make_tree() {  # make_tree DIR N: N files, every third with a card number
  "$PY" - "$1" "$2" <<'PY'
import os, sys
d, n = sys.argv[1], int(sys.argv[2])
os.makedirs(d, exist_ok=True)
for i in range(n):
    with open(os.path.join(d, f"f{i:04d}.txt"), "w") as f:
        f.write(f"order {i} card 4901234567890121\n" if i % 3 == 0 else f"note {i}\n")
PY
}
make_tree "$WORK/t1" 300
make_tree "$WORK/t2" 300
"$MAMORI" scan --store "$WORK/shared.sqlite" --format jsonl -j 1 "$WORK/t1" >/dev/null 2>"$WORK/c1" & p1=$!
"$MAMORI" scan --store "$WORK/shared.sqlite" --format jsonl -j 1 "$WORK/t2" >/dev/null 2>"$WORK/c2" & p2=$!
set +e; wait $p1; s1=$?; wait $p2; s2=$?; set -e
expect_eq "sqlite concurrent exits" "1 1" "$s1 $s2"
run inventory --store "$WORK/shared.sqlite" --format jsonl --all
expect_eq "sqlite concurrent objects" 600 "$(objects_in)"

# A central inventory on a real PostgreSQL server: two concurrent scans.
pg_start
pg_psql -c 'CREATE DATABASE inventory'
PGSTORE="$(pg_url inventory)"
printf '%s\n' 0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef > "$WORK/central.key"
run scan --store "$PGSTORE" "$WORK/t1"
expect_eq "postgres needs an explicit key" 2 "$status"
"$MAMORI" scan --store "$PGSTORE" --store-key "$WORK/central.key" --format jsonl -j 1 "$WORK/t1" >/dev/null 2>"$WORK/c1" & p1=$!
"$MAMORI" scan --store "$PGSTORE" --store-key "$WORK/central.key" --format jsonl -j 1 "$WORK/t2" >/dev/null 2>"$WORK/c2" & p2=$!
set +e; wait $p1; s1=$?; wait $p2; s2=$?; set -e
expect_eq "postgres concurrent exits" "1 1" "$s1 $s2"
expect_contains "postgres first run t1" "$(cat "$WORK/c1")" "first run of this scope, 300 objects"
expect_contains "postgres first run t2" "$(cat "$WORK/c2")" "first run of this scope, 300 objects"
run inventory --store "$PGSTORE" --store-key "$WORK/central.key" --runs --format jsonl
expect_eq "postgres runs finished" "[300, 300]" \
  "$(jsonl_query 'sorted(r["objects"] for r in rows if r["finished"])')"
run inventory --store "$PGSTORE" --store-key "$WORK/central.key" --format jsonl --all
expect_eq "postgres objects" 600 "$(objects_in)"
expect_eq "postgres both folders" "['$WORK/t1', '$WORK/t2']" \
  "$(jsonl_query 'sorted({o["path"].rsplit("/", 1)[0] for o in objects})')"
run inventory --store "$PGSTORE" --store-key "$WORK/central.key" --find-card "$CARD" --format jsonl
expect_eq "postgres find card" 200 "$(jsonl_query 'len(rows)')"
# A rescan against the server skips everything.
run scan --store "$PGSTORE" --store-key "$WORK/central.key" --format jsonl "$WORK/t2"
expect_contains "postgres rescan" "$err" "0 appeared, 0 changed, 0 disappeared, 300 unchanged"
expect_eq "postgres rescan reads nothing" 0 "$(objects_in)"
# No raw value reached the server.
expect_eq "postgres no raw card" 0 \
  "$(pg_psql -d "$PGSTORE" -t -A -c "SELECT count(*) FROM findings WHERE masked LIKE '%$CARD%' OR value_hmac LIKE '%$CARD%'")"

finish
