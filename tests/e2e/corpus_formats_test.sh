#!/usr/bin/env bash
# The cross-format labelled corpus (tests/corpus/formats/: xlsx, ods, docx,
# odt, pptx, PDF, 7z, tar.xz/bz2/zst, zip, eml, mbox, made by real tools and
# committed): every structured type must reach precision and recall of at
# least 0.98 in every format, encrypted members must be reported as
# encrypted, and furigana must stay out of the names they annotate.
source "$(dirname "$0")/lib.sh"
corpus="${SOURCE_DIR:?}/tests/corpus/formats"
# The corpus is fake data: --reveal lets the scorer compare values.
run scan --format jsonl --reveal "$corpus/files"
if "$PY" "$SOURCE_DIR/tests/corpus/score.py" "$corpus/labels.jsonl" "$WORK/out" \
     --min-precision 0.98 --min-recall 0.98 --show 10; then
  pass
else
  fail "a structured type is below 0.98 precision/recall in some format, or a status is wrong"
fi

# customers.xlsx has <rPh> readings on the first 8 names: the 氏名 cells
# of 顧客一覧 must be the names alone ("吉田 恵子", not "吉田 恵子ヨシダ ケイコ").
names="$(jsonl_query '[f["masked"] for f in findings
  if f["path"].endswith("files/customers.xlsx") and f["type"] == "person_name" and f.get("sheet") == "顧客一覧" and f.get("column") == "氏名"]')"
expect_eq "name cells in customers.xlsx" 24 \
  "$(jsonl_query 'len([f for f in findings if f["path"].endswith("files/customers.xlsx")
     and f["type"] == "person_name" and f.get("sheet") == "顧客一覧" and f.get("column") == "氏名"])')"
if "$PY" -c 'import re, sys; sys.exit(1 if re.search("[\u30a0-\u30ff]", sys.argv[1]) else 0)' "$names"; then
  pass
else
  fail "furigana glued onto a name: $names"
fi
finish
