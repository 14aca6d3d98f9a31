#!/usr/bin/env bash
# Databases end to end: a 500-customer shop in SQLite and in a real
# PostgreSQL server started here on loopback; sampling, row conditions,
# a SQLite file met in a directory walk, a corrupt one, a failed connection
# that must not show its password, and read-only access.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/pg.sh"

# shop.sql: 500 customers (name, email), two orders each (card number,
# expiry, security code). With "declared", orders.customer_id is a declared
# foreign key; without, only its name links it.
make_shop() {  # make_shop declared|named
  "$PY" - "$1" <<'PYEOF'
import sys
declared = sys.argv[1] == "declared"
def card(n):
    payload = "453201%09d" % n
    total = 0
    for i, ch in enumerate(reversed(payload)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return payload + str((10 - total % 10) % 10)
print("BEGIN;")
print("CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);")
ref = " REFERENCES customers (id)" if declared else ""
print("CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER%s, card_number TEXT, expiry TEXT, security_code TEXT);" % ref)
print("INSERT INTO customers VALUES " + ",\n".join(
    "(%d, '山田 太郎%d', 'taro%d@shop-mail.co.jp')" % (i, i, i) for i in range(1, 501)) + ";")
print("INSERT INTO orders VALUES " + ",\n".join(
    "(%d, %d, '%s', '%02d/28', '%03d')" % (i, (i - 1) % 500 + 1, card(i), i % 12 + 1, i * 37 % 1000)
    for i in range(1, 1001)) + ";")
print("COMMIT;")
PYEOF
}

objects_of() {  # the object lines as "path records status"
  jsonl_query '"\n".join("%s %d %s" % (o["path"], o["records"], o["status"]) for o in objects)'
}

# --- SQLite ---------------------------------------------------------------
make_shop named >"$WORK/shop_named.sql"
sqlite3 "$WORK/shop.db" <"$WORK/shop_named.sql"
sum_before="$(sha256sum "$WORK/shop.db")"
run scan --format jsonl "sqlite:$WORK/shop.db"
expect_eq "sqlite: exit 1 (critical)" 1 "$status"
expect_eq "sqlite: database records" 500 "$(jsonl_query "[o['records'] for o in objects if o['path'] == 'sqlite:$WORK/shop.db'][0]")"
expect_eq "sqlite: customers records" 500 "$(jsonl_query "[o['records'] for o in objects if o['path'].endswith('!/customers')][0]")"
expect_eq "sqlite: orders records" 1000 "$(jsonl_query "[o['records'] for o in objects if o['path'].endswith('!/orders')][0]")"
expect_eq "sqlite: security codes on the orders column" 1000 \
  "$(jsonl_query "len([f for f in findings if f['type'] == 'card_security_code' and f['table'] == 'orders' and f['column'] == 'security_code'])")"
expect_eq "sqlite: an order's record is its customer" "customers:1" \
  "$(jsonl_query "[f['record'] for f in findings if f['table'] == 'orders' and f['key'] == '501'][0]")"
expect_eq "sqlite: risk" critical "$(jsonl_query "[o['risk'] for o in objects if o['path'] == 'sqlite:$WORK/shop.db'][0]")"
expect_not_contains "sqlite: no raw card number" "$out" "$(sed -n 's/.*(1, 1, .\([0-9]*\).*/\1/p' "$WORK/shop_named.sql" | head -1)"
expect_eq "sqlite: the file is not written" "$sum_before" "$(sha256sum "$WORK/shop.db")"
expect_eq "sqlite: no journal or WAL created" "" "$(ls "$WORK" | grep -E 'shop.db-' || true)"

run scan --format jsonl --sample 10 "sqlite:$WORK/shop.db"
expect_eq "sqlite --sample: orders records" 10 "$(jsonl_query "[o['records'] for o in objects if o['path'].endswith('!/orders')][0]")"

run scan --format jsonl --table orders --where "customer_id <= 10" "sqlite:$WORK/shop.db"
expect_eq "sqlite --where: objects" "sqlite:$WORK/shop.db!/orders 20 ok
sqlite:$WORK/shop.db 10 ok" "$(objects_of)"

# A SQLite file in a directory, under a name that says nothing, and a corrupt one.
mkdir -p "$WORK/tree/app"
cp "$WORK/shop.db" "$WORK/tree/app/data.bin"
head -c 20000 "$WORK/shop.db" >"$WORK/tree/app/cut.db"
"$PY" -c '
import sys
b = bytearray(open(sys.argv[1], "rb").read())
for i in range(8192, len(b), 7): b[i] = 0xA5
open(sys.argv[2], "wb").write(b)' "$WORK/shop.db" "$WORK/tree/app/corrupt.db"
run scan --format jsonl "$WORK/tree"
expect_eq "walk: exit 1" 1 "$status"
expect_eq "walk: database found by its header" 500 \
  "$(jsonl_query "[o['records'] for o in objects if o['path'] == '$WORK/tree/app/data.bin'][0]")"
expect_eq "walk: security codes in the walked database" 1000 \
  "$(jsonl_query "[o['counts'].get('card_security_code', 0) for o in objects if o['path'] == '$WORK/tree/app/data.bin!/orders'][0]")"
expect_eq "walk: corrupt database is not ok" True \
  "$(jsonl_query "[o['status'] in ('error', 'incomplete') for o in objects if o['path'] == '$WORK/tree/app/corrupt.db'][0]")"
expect_eq "walk: cut database is not ok" True \
  "$(jsonl_query "[o['status'] in ('error', 'incomplete') for o in objects if o['path'] == '$WORK/tree/app/cut.db'][0]")"

# Inside an archive: read from memory (sqlite3_deserialize), counted once.
(cd "$WORK" && zip -q shop.zip shop.db)
run scan --format jsonl "$WORK/shop.zip"
expect_eq "zip: the database inside" 500 "$(jsonl_query "[o['records'] for o in objects if o['path'] == '$WORK/shop.zip!/shop.db'][0]")"
expect_eq "zip: its orders" 1000 \
  "$(jsonl_query "[o['counts'].get('card_security_code', 0) for o in objects if o['path'] == '$WORK/shop.zip!/shop.db!/orders'][0]")"
expect_eq "zip: records of the archive" 500 "$(jsonl_query "[o['records'] for o in objects if o['path'] == '$WORK/shop.zip'][0]")"

run scan --format jsonl "sqlite:$WORK/missing.db"
expect_eq "sqlite: missing file is an error" error "$(jsonl_query "objects[0]['status']")"
expect_eq "sqlite: missing file is not created" "no" "$([ -e "$WORK/missing.db" ] && echo yes || echo no)"

# --- PostgreSQL -------------------------------------------------------------
pg_start
pg_psql -c "CREATE DATABASE shop"
SHOP_URL="$(pg_url shop)"
make_shop declared | pg_psql -d "$SHOP_URL" -f -
pg_psql -d "$SHOP_URL" -c "CREATE SCHEMA archive;
  CREATE TABLE archive.old_orders (id INTEGER PRIMARY KEY, buyer INTEGER REFERENCES public.customers (id), cvv TEXT);
  INSERT INTO archive.old_orders SELECT id, customer_id, security_code FROM orders WHERE id <= 300;"
pg_psql -c "CREATE DATABASE logs"
pg_psql -d "$(pg_url logs)" -c "CREATE TABLE \"Audit Log\" (note TEXT);
  INSERT INTO \"Audit Log\" VALUES ('contact taro1@shop-mail.co.jp'), ('nothing here');"

run scan --format jsonl "$SHOP_URL"
expect_eq "pg: exit 1 (critical)" 1 "$status"
expect_eq "pg: objects" "$(printf '%s\n' "$SHOP_URL 500 ok" \
  "$SHOP_URL!/archive.old_orders 300 ok" "$SHOP_URL!/customers 500 ok" "$SHOP_URL!/orders 1000 ok" | sort)" \
  "$(objects_of | sort)"
expect_eq "pg: database records" 500 "$(jsonl_query "[o['records'] for o in objects if o['path'] == '$SHOP_URL'][0]")"
expect_eq "pg: security codes on the orders column" 1000 \
  "$(jsonl_query "len([f for f in findings if f['type'] == 'card_security_code' and f['table'] == 'orders' and f['column'] == 'security_code'])")"
expect_eq "pg: archived order links through a declared key" "customers:7" \
  "$(jsonl_query "[f['record'] for f in findings if f['table'] == 'archive.old_orders' and f['key'] == '7'][0]")"
ZIP_HEX="$("$PY" -c '
import io, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("list.csv", "name,card_number\n山田 太郎,4532015112830366\n")
print(b.getvalue().hex())')"
pg_psql -d "$(pg_url logs)" -c "CREATE TABLE docs (id INTEGER PRIMARY KEY, body BYTEA);
  INSERT INTO docs VALUES (1, decode('$ZIP_HEX', 'hex'));"
run scan --format jsonl "$(pg_url logs)"
expect_eq "pg: a zip kept in a bytea column is scanned as a file" 1 \
  "$(jsonl_query "[o['counts'].get('card_number', 0) for o in objects if o['path'] == '$(pg_url logs)!/docs!/1/body!/list.csv'][0]")"
expect_eq "pg: a table without a key is located by ctid" "(0,1) Audit Log:(0,1)" \
  "$(jsonl_query "[' '.join([f['key'], f['record']]) for f in findings if f.get('table') == 'Audit Log'][0]")"

run scan --format jsonl --sample 10 "$SHOP_URL"
expect_eq "pg --sample: orders records" 10 "$(jsonl_query "[o['records'] for o in objects if o['path'].endswith('!/orders')][0]")"

run scan --format jsonl --table orders --where "customer_id <= 10" "$SHOP_URL"
expect_eq "pg --where: objects" "$SHOP_URL!/orders 20 ok
$SHOP_URL 10 ok" "$(objects_of)"

# A condition cannot end the read-only transaction and write.
run scan --format jsonl --table orders --where "true); COMMIT; DELETE FROM orders; SELECT (1" "$SHOP_URL"
expect_eq "pg: smuggled statement is an error" error \
  "$(jsonl_query "[o['status'] for o in objects if o['path'].endswith('!/orders')][0]")"
# A function that writes, called from a condition, meets a READ ONLY transaction.
pg_psql -d "$SHOP_URL" -c "CREATE FUNCTION wipe() RETURNS boolean LANGUAGE sql AS 'DELETE FROM customers; SELECT true'"
run scan --format jsonl --table orders --where "wipe()" "$SHOP_URL"
expect_eq "pg: a write in a condition is refused" error \
  "$(jsonl_query "[o['status'] for o in objects if o['path'].endswith('!/orders')][0]")"
expect_contains "pg: refused as read-only" "$(jsonl_query "[o['reason'] for o in objects if o['path'].endswith('!/orders')][0]")" "read-only"
expect_eq "pg: nothing was deleted" "1000 500" \
  "$(pg_psql -d "$SHOP_URL" -At -c "SELECT (SELECT count(*) FROM orders) || ' ' || (SELECT count(*) FROM customers)")"

# Failures: an error object with the reason, never the password.
run scan --format jsonl "postgresql://mamori:TopSecret99@127.0.0.1:$PG_PORT/nosuchdb"
expect_eq "pg: missing database is an error" error "$(jsonl_query "objects[0]['status']")"
expect_contains "pg: reason says why" "$(jsonl_query "objects[0]['reason']")" "nosuchdb"
expect_not_contains "pg: no password in output" "$out$err" "TopSecret99"
expect_eq "pg: path without the password" "postgresql://mamori@127.0.0.1:$PG_PORT/nosuchdb" "$(jsonl_query "objects[0]['path']")"
pg_stop
run scan --format jsonl "$SHOP_URL"
expect_eq "pg: server down is an error, not a crash" error "$(jsonl_query "objects[0]['status']")"
expect_eq "pg: server down exits 0 without --fail-on-incomplete" 0 "$status"

finish
