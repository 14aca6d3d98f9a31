#!/usr/bin/env bash
# Addresses end to end: free text, after a postal code, an address column;
# place names in prose stay quiet; the compiled-in municipality list is the
# one data/jp/make_municipalities.py derives from Debian's skkdic-extra.
source "$(dirname "$0")/lib.sh"

printf '%s\n' "お届け先：〒150-0001 東京都渋谷区神宮前一丁目2番3号 サンプルハイツ101" \
  "住所：横浜市中区山下町10-5" "石川県の名産は加賀棒茶です。東京都知事は3日に会見した。" > "$WORK/a.txt"
run scan --format jsonl --reveal "$WORK/a.txt"  # --reveal: "masked" holds the normalized value
expect_eq "two addresses" 2 "$(jsonl_query 'sum(f["type"] == "address" for f in findings)')"
expect_eq "postal code apart" 1 "$(jsonl_query 'sum(f["type"] == "postal_code" for f in findings)')"
expect_eq "normalized value" "東京都渋谷区神宮前1-2-3 サンプルハイツ101" \
  "$(jsonl_query '[f["masked"] for f in findings if f["type"] == "address"][0]')"

printf '%s\n' "氏名,住所" "山田 太郎,渋谷区神南1-2-3" "佐藤 花子,同上" > "$WORK/c.csv"
run scan --format jsonl "$WORK/c.csv"
expect_eq "address column, placeholder left out" 1 \
  "$(jsonl_query 'sum(f["type"] == "address" for f in findings)')"

run scan --format jsonl --types email "$WORK/a.txt"
expect_eq "address off" 0 "$(jsonl_query 'sum(f["type"] == "address" for f in findings)')"

if [ -f /usr/share/skk/SKK-JISYO.zipcode ]; then
  "$PY" "$SOURCE_DIR/data/jp/make_municipalities.py" > "$WORK/m.tsv"
  if cmp -s "$WORK/m.tsv" "$SOURCE_DIR/data/jp/municipalities.tsv"; then pass; else
    fail "data/jp/municipalities.tsv differs from what skkdic-extra gives"; fi
else
  echo "note: skkdic-extra not installed, municipality list not re-derived"
fi
finish
