#!/usr/bin/env bash
# Databases: rows per second and peak memory of `mamori scan` over a
# PostgreSQL table (started here, tests/e2e/pg.sh) and the same rows in SQLite.
# Usage: bench/run_database.sh build/mamori [ROWS]
set -euo pipefail
MAMORI="$(realpath "${1:?path to mamori}")"
ROWS="${2:-1000000}"
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
source "$HERE/../tests/e2e/pg.sh"
pg_start
pg_psql -c "CREATE DATABASE bench"
URL="$(pg_url bench)"
pg_psql -d "$URL" -c "CREATE TABLE customers AS
  SELECT i AS id, 'user' || i || '@shop-mail.co.jp' AS email, '090-' || lpad((i % 10000)::text, 4, '0') || '-5678' AS phone,
         repeat('memo ', 10) AS note
  FROM generate_series(1, $ROWS) AS i; ALTER TABLE customers ADD PRIMARY KEY (id);"
pg_psql -d "$URL" -At -c "COPY customers TO STDOUT WITH (FORMAT csv)" >"$WORK/customers.csv"
sqlite3 "$WORK/bench.db" "CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT, phone TEXT, note TEXT);" \
  ".import --csv $WORK/customers.csv customers"
# All types (the sets of distinct people and identities grow with the findings),
# then --types card_number (no findings: what streaming the rows costs).
for types in all card_number; do
  for target in "$URL" "sqlite:$WORK/bench.db"; do
    opts=(); [ "$types" = all ] || opts=(--types "$types")
    /usr/bin/time -f "%e s wall, %U s user, %M KiB peak RSS" -o "$WORK/time" \
      "$MAMORI" scan --format jsonl -j1 "${opts[@]}" "$target" >"$WORK/out" || true
    findings="$(tail -1 "$WORK/out" | /usr/bin/python3 -c 'import json, sys; print(json.load(sys.stdin)["findings"])')"
    echo "${target%%:*}, $ROWS rows, types $types: $findings findings, $(grep -v exited "$WORK/time")"
  done
done
