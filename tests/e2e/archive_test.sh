#!/usr/bin/env bash
# Archives: members become objects at outer!/inner paths, nesting recurses,
# encrypted members and hostile archives end as clear statuses.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
mkdir -p src/2013
printf 'カード番号 4901 2345 6789 0121 セキュリティコード 123\n' > src/2013/cards.txt
printf 'mail taro@example.jp\nmail hanako@example.jp\n' > src/contacts.txt
(cd src && zip -qr ../plain.zip .)
(cd src && zip -qr -P secret ../locked.zip .)
zip -q nested.zip plain.zip
tar -czf both.tar.gz -C src .
gzip -c src/contacts.txt > contacts.txt.gz

run scan --format jsonl plain.zip
expect_eq "member paths" "['plain.zip!/2013/cards.txt', 'plain.zip!/contacts.txt']" \
  "$(jsonl_query 'sorted(f["path"] for f in findings if f["type"] in ("card_number","card_security_code"))[:1] + sorted(set(f["path"] for f in findings if f["type"]=="email"))')"
expect_eq "container sums records" "3" "$(jsonl_query '[o["records"] for o in objects if o["path"]=="plain.zip"][0]')"
expect_eq "container counts" "{'card_number': 1, 'card_security_code': 1, 'email': 2}" \
  "$(jsonl_query '[o["counts"] for o in objects if o["path"]=="plain.zip"][0]')"
expect_eq "summary does not double count" "4" "$(jsonl_query 'summary[0]["findings"]')"

run scan --format jsonl nested.zip
expect_eq "nested path" "nested.zip!/plain.zip!/2013/cards.txt" \
  "$(jsonl_query '[f["path"] for f in findings if f["type"]=="card_number"][0]')"

run scan --format jsonl both.tar.gz contacts.txt.gz
expect_eq "tar.gz members" "2" "$(jsonl_query 'len([f for f in findings if f["path"].startswith("both.tar.gz!/") and f["type"]=="email"])')"
expect_eq "gz stream member" "contacts.txt.gz!/contacts.txt" \
  "$(jsonl_query '[f["path"] for f in findings if f["path"].startswith("contacts.txt.gz")][0]')"

# Member names: UTF-8 flagged, and CP932 as Japanese Windows writes them.
"$PY" - <<'PY'
import zipfile
with zipfile.ZipFile("names_utf8.zip", "w") as z:
    z.writestr("顧客リスト/一覧.txt", "TEL 090-1234-5678\n")
raw = "顧客/名簿.txt".encode("cp932")
placeholder = "X" * len(raw)
with zipfile.ZipFile("names_cp932.zip", "w") as z:
    z.writestr(placeholder, "TEL 090-1234-5678\n")
data = open("names_cp932.zip", "rb").read().replace(placeholder.encode(), raw)
open("names_cp932.zip", "wb").write(data)
PY
run scan --format jsonl names_utf8.zip names_cp932.zip
expect_eq "utf-8 member name" "names_utf8.zip!/顧客リスト/一覧.txt" \
  "$(jsonl_query '[f["path"] for f in findings if f["path"].startswith("names_utf8")][0]')"
expect_eq "cp932 member name" "names_cp932.zip!/顧客/名簿.txt" \
  "$(jsonl_query '[f["path"] for f in findings if f["path"].startswith("names_cp932")][0]')"

run scan --format jsonl locked.zip
expect_eq "encrypted members" "['encrypted', 'encrypted']" \
  "$(jsonl_query 'sorted(o["status"] for o in objects if "!/" in o["path"])')"
expect_eq "container flags encryption" "incomplete True" \
  "$(jsonl_query '[o["status"]+" "+str(o.get("encrypted",False)) for o in objects if o["path"]=="locked.zip"][0]')"
expect_eq "summary counts encrypted" "2" "$(jsonl_query 'summary[0]["encrypted"]')"
run scan --format jsonl --fail-on none --fail-on-incomplete locked.zip
expect_eq "fail on incomplete" 1 "$status"

# Hostile: path traversal names, a bomb over the member limit, truncation, deep nesting.
"$PY" - <<'PY'
import io, zipfile
with zipfile.ZipFile("traversal.zip", "w") as z:
    z.writestr("../../etc/cron.d/x.txt", "TEL 090-1234-5678\n")
with zipfile.ZipFile("bomb.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("zeros.txt", b"0" * (300 * 1024 * 1024))
data = open("plain.zip", "rb").read()
open("truncated.zip", "wb").write(data[: len(data) // 2])
inner = open("plain.zip", "rb").read()
for depth in range(12):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr(f"level{depth}.zip", inner)
    inner = buf.getvalue()
open("deep.zip", "wb").write(inner)
PY
run scan --format jsonl traversal.zip bomb.zip truncated.zip deep.zip
expect_eq "no crash" 1 "$status"
expect_eq "traversal scanned under a safe name" "traversal.zip!/etc/cron.d/x.txt" \
  "$(jsonl_query '[f["path"] for f in findings if f["type"]=="phone"][0]')"
expect_eq "traversal flagged" "incomplete" "$(jsonl_query '[o["status"] for o in objects if o["path"]=="traversal.zip"][0]')"
expect_eq "bomb member incomplete" "incomplete" \
  "$(jsonl_query '[o["status"] for o in objects if o["path"]=="bomb.zip!/zeros.txt"][0]')"
expect_eq "truncated is not clean" "True" \
  "$(jsonl_query '[o["status"] != "ok" for o in objects if o["path"]=="truncated.zip"][0]')"
expect_eq "depth limit" "True" \
  "$(jsonl_query 'any("nested deeper" in o.get("reason","") for o in objects if o["path"].startswith("deep.zip"))')"
finish
