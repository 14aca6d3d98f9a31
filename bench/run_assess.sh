#!/usr/bin/env bash
# Assessing a large database: the rental shop of tests/assess/make_incidents.py
# with ROWS orders (default 1,000,000; two per customer), every row exposed.
# Records wall time and peak RSS (/usr/bin/time -v) of `mamori assess`.
# PostgreSQL (a throwaway server from tests/e2e/pg.sh) when DB=pg, SQLite
# otherwise.
#
# usage: bench/run_assess.sh [path/to/mamori]
#        knobs: ROWS [1000000] DB [sqlite|pg] JOBS [2] ROWS_SELECTED [all|window]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
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
# ROWS_SELECTED=window: only the incident's date window and exclusion (a few
# thousand people among the rows); default: every row exposed.
if [[ "${ROWS_SELECTED:-all}" == window ]]; then
  $gen rental-incident "$url" >"$OUT/incident.toml"
else
  $gen rental-incident "$url" all >"$OUT/incident.toml"
fi
rm -rf "$OUT/report"
/usr/bin/time -v "$MAMORI" assess "$OUT/incident.toml" --out "$OUT/report" -j "$JOBS" \
  >"$OUT/stdout" 2>"$OUT/time.txt"
people=$(grep '^people:' "$OUT/stdout" | cut -d' ' -f2)
wall=$(grep 'Elapsed (wall clock)' "$OUT/time.txt" | awk '{print $NF}')
rss_kb=$(grep 'Maximum resident set size' "$OUT/time.txt" | awk '{print $NF}')
user=$(grep 'User time' "$OUT/time.txt" | awk '{print $NF}')
echo "| $DB | $ROWS rows, ${ROWS_SELECTED:-all} | $people people | $wall wall, ${user} s user | $((rss_kb / 1024)) MiB |"
ls -la "$OUT/report"
