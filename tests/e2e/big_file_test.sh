#!/usr/bin/env bash
# A 5 GiB stream is scanned in bounded memory (< 256 MiB peak RSS) and every
# card in it is found, including those that straddle chunk boundaries.
# MAMORI_BIG_GIB overrides the size (whole GiB).
source "$(dirname "$0")/lib.sh"
gib="${MAMORI_BIG_GIB:-5}"
total=$((gib * 1024 * 1024 * 1024))

# A 4,099-byte block (with yes's newline): not a divisor of the chunk size,
# so cards land across chunk boundaries at many different positions.
"$PY" - "$WORK/block" <<'PY'
import sys
text = "お支払いカード 4901 2345 6789 0121 を登録しました。 "
filler = "ログ 2024-01-15T10:30:00Z GET /items?page=12 200 1532 ms=87 顧客対応メモ。 "
while len((text + filler).encode()) < 4098:
    text += filler
data = text.encode()
open(sys.argv[1], "wb").write(data + b"." * (4098 - len(data)))  # one line, 4,098 bytes
PY
block_len=$(( $(stat -c %s "$WORK/block") + 1 ))
card_end=$("$PY" -c 'import sys; b=open(sys.argv[1],"rb").read(); print(b.index(b"0121")+4)' "$WORK/block")
expected=$(( total / block_len + ( total % block_len >= card_end ? 1 : 0 ) ))

set +e
yes "$(cat "$WORK/block")" | head -c "$total" |
  /usr/bin/time -f '%M' -o "$WORK/rss" "$MAMORI" scan --format jsonl --types card_number -j 1 - \
  | tail -n 1 > "$WORK/out"
set -e
rss_kib=$(tail -n 1 "$WORK/rss")
echo "peak RSS: $((rss_kib / 1024)) MiB for $gib GiB"
expect_eq "bytes" "$total" "$(jsonl_query 'summary[0]["bytes"]')"
expect_eq "cards found" "$expected" "$(jsonl_query 'summary[0]["counts"]["card_number"]')"
if [ "$rss_kib" -lt $((256 * 1024)) ]; then pass; else fail "peak RSS ${rss_kib} KiB >= 256 MiB"; fi
finish
