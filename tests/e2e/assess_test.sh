#!/usr/bin/env bash
# mamori assess end to end, with incidents shaped like the cases
# (/work/shared/cases.md): the rental shop database (SQLite and a real
# PostgreSQL from tests/e2e/pg.sh), the telecom list mailed to the wrong people,
# mails lost on an encrypted laptop, and five customers' card numbers. The
# HTML report is rendered by headless Chromium, which must log no console
# error and must produce a screenshot.
source "$(dirname "$0")/lib.sh"
gen="$PY ${SOURCE_DIR:?}/tests/assess/make_incidents.py"
fixtures="$SOURCE_DIR/tests/fixtures/telecom"

json() {  # json DIR EXPR: a Python expression over report.json as j
  "$PY" -c 'import json, sys; j = json.load(open(sys.argv[1] + "/report.json")); print(eval(sys.argv[2]))' "$1" "$2"
}
csv_rows() {  # data rows of notifications.csv (notices span lines)
  "$PY" -c 'import csv, sys; print(len(list(csv.reader(open(sys.argv[1], encoding="utf-8")))) - 1)' "$1/notifications.csv"
}
assess_incident() {  # assess_incident NAME [OPTIONS]: the incident on stdin, reports in $WORK/NAME
  local name="$1"
  shift
  cat >"$WORK/$name.toml"
  run assess "$WORK/$name.toml" --out "$WORK/$name" "$@"
}
expect_private() {  # every output file is 0600
  for f in report.html report.json notifications.csv lookup; do
    expect_eq "$1/$f mode" 600 "$(stat -c %a "$1/$f")"
  done
}
expect_screenshot() {  # expect_screenshot DIR: Chromium renders report.html cleanly
  local png="$1/report.png"
  set +e
  timeout 120 chromium --headless=new --no-sandbox --disable-gpu --enable-logging=stderr --v=0 \
    --user-data-dir="$WORK/chromium" --screenshot="$png" --window-size=1200,2000 \
    "file://$1/report.html" >"$WORK/chromium.out" 2>"$WORK/chromium.err"
  local rc=$?
  set -e
  expect_eq "$1: chromium exit" 0 "$rc"
  expect_eq "$1: console messages" 0 "$(grep -c 'CONSOLE' "$WORK/chromium.err" || true)"
  expect_eq "$1: screenshot is a PNG" '\x89PNG' "$(head -c 4 "$png" | od -An -c | tr -d ' ' | sed 's/^211/\\x89/')"
  if [ "$(stat -c %s "$png" 2>/dev/null || echo 0)" -gt 10000 ]; then pass; else fail "$1: screenshot too small"; fi
  [ -n "${ASSESS_SCREENSHOT_DIR:-}" ] && cp "$png" "$ASSESS_SCREENSHOT_DIR/$(basename "$1").png"
  return 0
}

# --- 1. The rental shop: card data with security codes, a date window and
# the airport-counter exclusion; unauthorized access -> 60-day final report.
rental_case() {  # rental_case NAME URL
  local name="$1" url="$2" dir="$WORK/$1"
  $gen rental-incident "$url" >"$WORK/$name.toml"
  run assess "$WORK/$name.toml" --out "$dir"
  expect_eq "$name exit" 0 "$status"
  expect_eq "$name people" "$expected_rental" "$(json "$dir" 'j["people"]')"
  expect_eq "$name by_type" "$expected_rental $expected_rental $expected_rental" \
    "$(json "$dir" '" ".join(str(j["by_type"][k]) for k in ("card_number", "card_expiry", "card_security_code"))')"
  expect_eq "$name reportable" True "$(json "$dir" 'j["appi"]["reportable"]')"
  expect_eq "$name triggers" "['financial', 'wrongful_purpose', 'over_1000']" "$(json "$dir" 'j["appi"]["triggers"]')"
  expect_eq "$name preliminary" "['2013-04-26', '2013-04-28']" "$(json "$dir" 'j["appi"]["preliminary_due"]')"
  expect_eq "$name final (Sat 06-22 -> Mon)" "2013-06-24 60" "$(json "$dir" 'j["appi"]["final_due"] + " " + str(j["appi"]["final_days"])')"
  expect_eq "$name pci" "['3.3.1', '3.5.1']" "$(json "$dir" 'j["pci"]')"
  expect_eq "$name complete" True "$(json "$dir" 'j["complete"]')"
  expect_eq "$name notices" "$expected_rental" "$(csv_rows "$dir")"
  expect_private "$dir"
  expect_not_contains "$name: no raw card in the report" "$(cat "$dir/report.html" "$dir/report.json")" "$in_window_card"
  # Customer 1000 ordered in the window on the web; customer 2 only before it.
  run assess lookup --index "$dir/lookup" --card "$in_window_card"
  expect_eq "$name lookup affected" 0 "$status"
  expect_contains "$name lookup says what" "$out" "card_security_code"
  run assess lookup --index "$dir/lookup" --card "$($gen card 2)"
  expect_eq "$name lookup before the window" 1 "$status"
  expect_eq "$name lookup says no" "not affected" "$out"
}
rows=6000
expected_rental="$($gen rental-affected $rows)"
in_window_card="$($gen card 1000)"
$gen rental-sqlite "$WORK/rental.sqlite" $rows
rental_case rental_sqlite "sqlite:$WORK/rental.sqlite"
expect_screenshot "$WORK/rental_sqlite"

# The same window as a raw WHERE gives the same people.
assess_incident raw --lang en <<TOML
discovered_at = 2013-04-23T17:00:00+09:00
cause = "unauthorized_access"
[[source]]
url = "sqlite:rental.sqlite"
table = "orders"
where = "date(ordered_at) BETWEEN '2011-03-07' AND '2013-04-23' AND channel <> 'airport_counter'"
TOML
expect_eq "raw where people" "$expected_rental" "$(json "$WORK/raw" 'j["people"]')"
expect_contains "English report" "$(cat "$WORK/raw/report.html")" "Items of personal data"
expect_contains "English notice" "$(cat "$WORK/raw/notifications.csv")" "Information about you that was affected"
expect_screenshot "$WORK/raw"

# The same shop in a real PostgreSQL (ordered_at a TIMESTAMP there).
source "$(dirname "$0")/pg.sh"
pg_start
$gen rental-sql $rows | pg_psql >/dev/null
rental_case rental_pg "$MAMORI_PG_URL"
expect_screenshot "$WORK/rental_pg"
pg_stop

# --- 2. The telecom case: 3,385 names and emails in an Excel file mailed to
# the wrong people, found in the xlsx and again in the mail: 3,385 people.
assess_incident telecom <<TOML
discovered_at = 2010-03-05T12:00:00+09:00
cause = "misdelivery"
description = "A notice mail carried the customer list as an attachment"
[[source]]
path = "$fixtures/customers_3385.xlsx"
[[source]]
mail = "$fixtures/notice_with_list.eml"
TOML
expect_eq "telecom exit" 0 "$status"
expect_eq "telecom people (de-duplicated)" 3385 "$(json "$WORK/telecom" 'j["people"]')"
expect_eq "telecom by_type" "{'email': 3385, 'person_name': 3385}" "$(json "$WORK/telecom" 'j["by_type"]')"
expect_eq "telecom triggers" "['over_1000']" "$(json "$WORK/telecom" 'j["appi"]["triggers"]')"
expect_eq "telecom final (Sun 04-04 -> Mon)" "2010-04-05 30" \
  "$(json "$WORK/telecom" 'j["appi"]["final_due"] + " " + str(j["appi"]["final_days"])')"
expect_eq "telecom notices" 3385 "$(csv_rows "$WORK/telecom")"
expect_contains "notice by email" "$(head -c 300 "$WORK/telecom/notifications.csv")" "1,email,"
expect_private "$WORK/telecom"
email="$("$PY" -c 'import csv,sys; r=list(csv.reader(open(sys.argv[1],encoding="utf-8"))); print(r[1][2])' "$WORK/telecom/notifications.csv")"
run assess lookup --index "$WORK/telecom/lookup" --email "$email"
expect_eq "telecom lookup yes" 0 "$status"
expect_eq "telecom lookup what" "affected: email, person_name" "$out"
run assess lookup --index "$WORK/telecom/lookup" --email "nobody@example.org"
expect_eq "telecom lookup no" 1 "$status"
expect_screenshot "$WORK/telecom"

# --- 3. Twenty customer mails (with card numbers) on a lost laptop whose
# disk was strongly encrypted: exempt.
$gen laptop-mbox "$WORK/laptop.mbox"
assess_incident laptop <<TOML
discovered_at = 2024-04-01
cause = "loss"
encrypted = true
[[source]]
mail = "laptop.mbox"
TOML
expect_eq "laptop people" 20 "$(json "$WORK/laptop" 'j["people"]')"
expect_eq "laptop exempt" True "$(json "$WORK/laptop" 'j["appi"]["exempt_encrypted"]')"
expect_eq "laptop not reportable" False "$(json "$WORK/laptop" 'j["appi"]["reportable"]')"
expect_eq "laptop no deadline" None "$(json "$WORK/laptop" 'j["appi"]["final_due"]')"
expect_eq "laptop trigger shown" "['financial']" "$(json "$WORK/laptop" 'j["appi"]["triggers"]')"
expect_contains "laptop verdict" "$(cat "$WORK/laptop/report.html")" "高度な暗号化"

# --- 4. Five customers' card numbers (one listed twice): reportable under
# item 2 despite the small number.
$gen cards-csv "$WORK/cards.csv"
assess_incident cards <<TOML
discovered_at = 2024-11-01T09:00:00+09:00
cause = "misdelivery"
[[source]]
path = "$WORK/card*.csv"
TOML
expect_eq "cards people" 5 "$(json "$WORK/cards" 'j["people"]')"
expect_eq "cards reportable" True "$(json "$WORK/cards" 'j["appi"]["reportable"]')"
expect_eq "cards triggers" "['financial']" "$(json "$WORK/cards" 'j["appi"]["triggers"]')"
expect_eq "cards final" "2024-12-02 30" "$(json "$WORK/cards" 'j["appi"]["final_due"] + " " + str(j["appi"]["final_days"])')"
expect_eq "cards pci" "['3.5.1']" "$(json "$WORK/cards" 'j["pci"]')"
# A template of one's own.
printf 'Hello {{name}}: {{leaked}}\n' >"$WORK/notice.txt"
run assess "$WORK/cards.toml" --out "$WORK/cards_own" --template "$WORK/notice.txt"
expect_contains "own template" "$(cat "$WORK/cards_own/notifications.csv")" \
  "Hello 佐藤 太郎: クレジットカード番号 (498000******5716)"

# --- A list in a password-protected zip: unknown is never "not reportable".
mkdir "$WORK/locked"
printf '氏名,メールアドレス\n山田 太郎,taro@example.jp\n' >"$WORK/locked/list.csv"
(cd "$WORK/locked" && zip -q -P secret list.zip list.csv && rm list.csv)
assess_incident locked <<TOML
discovered_at = 2024-12-20
cause = "misconfiguration"
[[source]]
path = "locked"
TOML
expect_eq "locked exit" 0 "$status"
expect_contains "locked says not known" "$out" "reportable: not known"
expect_contains "locked warns" "$err" "encrypted"
expect_eq "locked provisional" "True False" "$(json "$WORK/locked" 'str(j["appi"]["provisional"]) + " " + str(j["complete"])')"

# --- Bad input: clear errors, no reports.
printf 'discovered_at = 2024-11-01\ncause = "hackers"\n[[source]]\npath = "x"\n' >"$WORK/bad.toml"
run assess "$WORK/bad.toml" --out "$WORK/bad"
expect_eq "bad cause exit" 2 "$status"
expect_contains "bad cause line" "$err" "bad.toml:2: cause must be one of"
printf 'discovered_at = 2024-11-01\ncause = "loss"\n[[source]]\npath = "missing/*.csv"\n' >"$WORK/missing.toml"
run assess "$WORK/missing.toml" --out "$WORK/missing"
expect_eq "unmatched glob exit" 2 "$status"
expect_contains "unmatched glob says so" "$err" "missing/*.csv"
run assess lookup --index "$WORK/telecom/lookup" --phone 12
expect_eq "bad phone exit" 2 "$status"
finish
