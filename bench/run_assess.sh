#!/usr/bin/env bash
# Assessing a large database: the rental shop of tests/assess/make_incidents.py
# with ROWS orders (default 1,000,000; two per customer), every row exposed.
# Records wall time and peak RSS (/usr/bin/time -v) of `mamori assess`.
# PostgreSQL (a throwaway server from tests/e2e/pg.sh) when DB=pg, SQLite
# otherwise.
#
# usage: bench/run_assess.sh [path/to/mamori]    knobs: ROWS [1000000] DB [sqlite|pg] JOBS [2]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PY=/usr/bin/python3
MAMORI="$(realpath "${1:-build/mamori}")"
ROWS="${ROWS:-1000000}"
DB="${DB:-sqlite}"
JOBS="${JOBS:-2}"
OUT=bench/out/assess
mkdir -p "$OUT"
gen="$PY tests/assess/make_incidents.py"

if [[ "$DB" == pg ]]; then
  source tests/e2e/pg.sh
  pg_start  # stopped on exit
  $gen rental-sql "$ROWS" | pg_psql >/dev/null
  url="$MAMORI_PG_URL"
else
  db="$OUT/rental-$ROWS.sqlite"
  [[ -f "$db" ]] || $gen rental-sqlite "$db" "$ROWS"
  url="sqlite:$(realpath "$db")"
fi
cat >"$OUT/incident.toml" <<TOML
discovered_at = 2013-04-23T17:00:00+09:00
cause = "unauthorized_access"
[[source]]
url = "$url"
table = "orders"
TOML
rm -rf "$OUT/report"
/usr/bin/time -v "$MAMORI" assess "$OUT/incident.toml" --out "$OUT/report" -j "$JOBS" \
  >"$OUT/stdout" 2>"$OUT/time.txt"
people=$(grep '^people:' "$OUT/stdout" | cut -d' ' -f2)
wall=$(grep 'Elapsed (wall clock)' "$OUT/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$OUT/time.txt" | awk '{print $NF}')
echo "| $DB | $ROWS rows | $people people | $wall | $((rss_kb / 1024)) MiB |"
ls -la "$OUT/report"
