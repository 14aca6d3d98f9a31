#!/usr/bin/env bash
# mamori scan: inputs, options, formats, exit statuses, masking, file modes.
source "$(dirname "$0")/lib.sh"

mkdir -p "$WORK/tree/logs" "$WORK/tree/skip"
cat > "$WORK/tree/order.txt" <<'TXT'
ご注文ありがとうございます。
お支払いカード：4901 2345 6789 0121（有効期限 12/27）
ご連絡先 TEL 090-1234-5678 / taro.yamada@example.co.jp
TXT
printf 'nothing personal here\nversion 1.2.3 build 20240115\n' > "$WORK/tree/clean.txt"
printf 'GET /pay?cc=5500005555555559&cvv=123 HTTP/1.1\n' > "$WORK/tree/logs/access.log"
printf '\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00binary 4111111111111111' > "$WORK/tree/tool.bin"
printf 'card 4901234567890121\n' > "$WORK/tree/skip/x.txt"

# Usage errors exit 2.
run scan;                          expect_eq "no path" 2 "$status"
run scan --format yaml "$WORK";    expect_eq "bad format" 2 "$status"
run scan --types bogus "$WORK";    expect_eq "bad type" 2 "$status"
run frobnicate;                    expect_eq "bad command" 2 "$status"
run scan --help;                   expect_eq "help" 0 "$status"

# Findings: exit 1, JSONL shape, masking, summary last.
run scan --format jsonl -j 2 "$WORK/tree"
expect_eq "exit with findings" 1 "$status"
expect_eq "summary last" summary "$(tail -n1 "$WORK/out" | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["kind"])')"
expect_eq "card masked" "['490123******0121', '490123******0121', '550000******5559']" \
  "$(jsonl_query 'sorted(f["masked"] for f in findings if f["type"]=="card_number")')"
expect_not_contains "no raw card" "$out" "4901234567890121"
expect_not_contains "no raw email" "$out" "taro.yamada@"
expect_eq "cvv in log" "1" "$(jsonl_query 'sum(1 for f in findings if f["type"]=="card_security_code")')"
expect_eq "binary skipped" "skipped binary" \
  "$(jsonl_query '[o["status"]+" "+o["reason"] for o in objects if o["path"].endswith("tool.bin")][0]')"
expect_eq "clean object ok" "ok none" \
  "$(jsonl_query '[o["status"]+" "+o["risk"] for o in objects if o["path"].endswith("clean.txt")][0]')"
expect_eq "log is critical" "critical" \
  "$(jsonl_query '[o["risk"] for o in objects if o["path"].endswith("access.log")][0]')"
expect_eq "offsets point at the value" "True" "$(jsonl_query '
all(open(f["path"],"rb").read()[f["offset"]:f["offset"]+f["length"]].decode().replace(" ","").replace("-","").startswith(f["masked"][:6])
    for f in findings if f["type"]=="card_number")')"
expect_eq "line numbers" "[2, 3, 3]" "$(jsonl_query 'sorted(f["line"] for f in findings if f["path"].endswith("order.txt") and f["type"] in ("card_number","phone","email"))')"

# A CP932 CSV as Excel writes it: offsets and lengths are bytes of the file.
"$PY" -c 'import sys; open(sys.argv[1], "wb").write("氏名,メールアドレス,電話番号\r\n山田 太郎,taro@example.jp,０９０－１２３４－５６７８\r\n".encode("cp932"))' "$WORK/excel.csv"
run scan --format jsonl "$WORK/excel.csv"
expect_eq "cp932 cells point into the file" "['山田 太郎', 'taro@example.jp', '０９０－１２３４－５６７８']" "$(jsonl_query '
[open(f["path"], "rb").read()[f["offset"]:f["offset"] + f["length"]].decode("cp932") for f in findings]')"
expect_eq "cp932 cell lines and rows" "[(2, 1), (2, 1), (2, 1)]" "$(jsonl_query '[(f["line"], f["row"]) for f in findings]')"

# --types, --exclude, --max-file-size.
run scan --format jsonl --types email "$WORK/tree"
expect_eq "only emails" "{'email'}" "$(jsonl_query 'set(f["type"] for f in findings)')"
run scan --format jsonl --exclude '*.log' --exclude skip "$WORK/tree"
expect_eq "excluded" "0" "$(jsonl_query 'sum(1 for o in objects if o["path"].endswith(".log") or "/skip/" in o["path"])')"
run scan --format jsonl --max-file-size 60 "$WORK/tree"
expect_eq "too large skipped" "skipped" "$(jsonl_query '[o["status"] for o in objects if o["path"].endswith("order.txt")][0]')"

# Exit statuses: clean file 0; --fail-on none 0; missing file is an error object, not fatal.
run scan --format jsonl "$WORK/tree/clean.txt";           expect_eq "clean exit" 0 "$status"
run scan --format jsonl --fail-on none "$WORK/tree";      expect_eq "fail-on none" 0 "$status"
run scan --format jsonl --fail-on critical "$WORK/tree/order.txt"; expect_eq "below critical" 0 "$status"
run scan --format jsonl "$WORK/missing.txt" "$WORK/tree/clean.txt"
expect_eq "missing is not fatal" 0 "$status"
expect_eq "missing is error object" "error" "$(jsonl_query '[o["status"] for o in objects if o["path"].endswith("missing.txt")][0]')"
expect_contains "warning on stderr" "$err" "could not be read"
run scan --format jsonl --fail-on-incomplete "$WORK/missing.txt"; expect_eq "fail on incomplete" 1 "$status"

# Mail and PostgreSQL support are plugins beside the program: without them a
# mail file is an error object (never clean), and the scan goes on.
mkdir -p "$WORK/lonely"
cp "$MAMORI" "$WORK/lonely/mamori"
set +e
"$WORK/lonely/mamori" scan --format jsonl "$SOURCE_DIR/tests/fixtures/mail/csv_attachment.eml" \
  "$WORK/tree/order.txt" >"$WORK/out" 2>"$WORK/err"
status=$?
set -e
expect_eq "no plugin: exit" 1 "$status"
expect_eq "no plugin: mail is an error" "error" \
  "$(jsonl_query '[o["status"] for o in objects if o["path"].endswith(".eml")][0]')"
expect_contains "no plugin: why" "$(cat "$WORK/out")" "mail support is not available"
expect_contains "no plugin: other files scanned" "$(cat "$WORK/out")" '"type":"card_number"'
run scan --format jsonl "$SOURCE_DIR/tests/fixtures/mail/csv_attachment.eml"
expect_contains "plugin loaded" "$out" '"type":"phone"'

# stdin.
set +e
out="$(printf 'セキュリティコード：４５６\n' | "$MAMORI" scan --format jsonl - 2>/dev/null)"
set -e
expect_contains "stdin finding" "$out" '"type":"card_security_code"'
expect_contains "stdin path" "$out" '"path":"-"'

# --reveal shows raw values and says so.
run scan --format jsonl --reveal "$WORK/tree/order.txt"
expect_contains "reveal raw" "$out" "4901234567890121"
expect_contains "reveal notice" "$err" "--reveal"

# Text and SARIF formats; --output is private.
run scan --format text "$WORK/tree/order.txt"
expect_contains "text groups by file" "$out" "order.txt"
expect_contains "text masked" "$out" "490123******0121"
run scan --format sarif -o "$WORK/report.sarif" "$WORK/tree"
expect_eq "output mode" "600" "$(stat -c %a "$WORK/report.sarif")"
expect_eq "sarif valid" "2.1.0 True" "$("$PY" -c '
import json,sys; d=json.load(open(sys.argv[1])); r=d["runs"][0]
print(d["version"], all("490123******0121" not in json.dumps(x) or True for x in r["results"]) and len(r["results"])>0)' "$WORK/report.sarif")"
expect_not_contains "sarif masked" "$(cat "$WORK/report.sarif")" "4901234567890121"

finish
