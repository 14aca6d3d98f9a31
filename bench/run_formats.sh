#!/usr/bin/env bash
# Throughput by container and document format: the same kind of content as
# plain text, zip, mail (.eml with the zip attached), xlsx, docx and pdf.
# Documents are made by LibreOffice headless (needs libreoffice-calc-nogui,
# libreoffice-writer-nogui; installed by hand for benchmarking, not by CI).
#
# usage: bench/run_formats.sh [path/to/mamori]    knobs: TEXT_MB [40] ROWS [100000] RUNS [3]
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
TEXT_MB="${TEXT_MB:-40}"
ROWS="${ROWS:-100000}"
RUNS="${RUNS:-3}"
OUT=bench/out/formats
mkdir -p "$OUT"

command -v soffice >/dev/null || { echo "run_formats: soffice not found (apt-get install libreoffice-calc-nogui libreoffice-writer-nogui)" >&2; exit 2; }
command -v hyperfine >/dev/null || { echo "run_formats: hyperfine not found" >&2; exit 2; }

if [[ ! -f "$OUT/done" ]]; then
  rm -rf "$OUT"/*
  "$PY" bench/gen/make_bench_corpus.py "$OUT/gen" --mb "$TEXT_MB" >/dev/null
  find "$OUT/gen" -type f ! -name BENCH_INFO.json -print0 | sort -z | xargs -0 cat > "$OUT/mixed.txt"
  "$PY" - "$OUT" "$ROWS" <<'PY'
import csv, io, random, sys, zipfile
from email.message import EmailMessage
from email.policy import SMTP
out, rows = sys.argv[1], int(sys.argv[2])
rng = random.Random(7)
def luhn_card():
    d = [4] + [rng.randrange(10) for _ in range(14)]
    s = sum((x * 2 - 9 if x * 2 > 9 else x * 2) if i % 2 == 0 else x for i, x in enumerate(reversed(d)))
    return "".join(map(str, d)) + str((10 - s % 10) % 10)
with open(f"{out}/customers.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["氏名", "メールアドレス", "電話番号", "住所", "カード番号", "有効期限"])
    for i in range(rows):
        w.writerow([f"山田 太郎{i}", f"user{i}@example.jp", f"090-{rng.randrange(1000,9999)}-{rng.randrange(1000,9999)}",
                    f"東京都千代田区千代田{i % 9 + 1}-{i % 20 + 1}", luhn_card(), f"{rng.randrange(1,13):02d}/{rng.randrange(26,32)}"])
text = open(f"{out}/mixed.txt", "rb").read()
with zipfile.ZipFile(f"{out}/mixed.zip", "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("mixed.txt", text)
msg = EmailMessage()
msg["From"], msg["To"], msg["Subject"] = "a@example.jp", "b@example.jp", "logs"
msg.set_content("attached")
msg.add_attachment(open(f"{out}/mixed.zip", "rb").read(), maintype="application", subtype="zip", filename="mixed.zip")
open(f"{out}/mixed.eml", "wb").write(msg.as_bytes(policy=SMTP))
# A smaller text for the writer formats: LibreOffice is slow on huge documents.
open(f"{out}/letter.txt", "wb").write(text[: 4_000_000].decode("utf-8", "ignore").encode("utf-8"))
PY
  soffice --headless --norestore --infilter="CSV:44,34,76,1" --convert-to xlsx --outdir "$OUT" "$OUT/customers.csv" >/dev/null 2>&1
  soffice --headless --norestore --convert-to docx --outdir "$OUT" "$OUT/letter.txt" >/dev/null 2>&1
  soffice --headless --norestore --convert-to pdf --outdir "$OUT" "$OUT/letter.txt" >/dev/null 2>&1
  touch "$OUT/done"
fi

echo "| format | file | input MB | seconds (mean of $RUNS) | MB/s | findings |"
echo "|---|---|---|---|---|---|"
for f in mixed.txt mixed.zip mixed.eml customers.xlsx letter.docx letter.pdf; do
  path="$OUT/$f"
  [[ -f "$path" ]] || { echo "| ${f##*.} | $f | missing | | | |"; continue; }
  bytes=$(stat -c %s "$path")
  hyperfine -N --runs "$RUNS" --warmup 1 -i --export-json "$OUT/$f.json" \
    "$MAMORI scan -j 1 --format jsonl $path" >/dev/null 2>&1
  mean=$("$PY" -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["mean"])' "$OUT/$f.json")
  findings=$( ("$MAMORI" scan -j 1 --format jsonl "$path" || true) | tail -n 1 | "$PY" -c 'import json,sys; print(json.load(sys.stdin)["findings"])')
  "$PY" -c 'import sys
b, m, name, found = int(sys.argv[1]), float(sys.argv[2]), sys.argv[3], sys.argv[4]
print(f"| {name.rsplit(chr(46), 1)[-1]} | {name} | {b / 1e6:.1f} | {m:.3f} | {b / 1e6 / m:.0f} | {found} |")' \
    "$bytes" "$mean" "$f" "$findings"
done
