#!/usr/bin/env bash
# The telecom case: 3,385 customers mailed out as an Excel file. The xlsx made
# by LibreOffice, and the same rows as a CP932 CSV in a zip attached to a
# mail, both give 3,385 people with a name and an email each.
# Fixtures: tests/fixtures/make_telecom.sh.
source "$(dirname "$0")/lib.sh"
fixtures="${SOURCE_DIR:?}/tests/fixtures/telecom"

run scan --format jsonl "$fixtures/customers_3385.xlsx"
expect_eq "xlsx names" 3385 "$(jsonl_query 'sum(1 for f in findings if f["type"]=="person_name")')"
expect_eq "xlsx emails" 3385 "$(jsonl_query 'sum(1 for f in findings if f["type"]=="email")')"
expect_eq "xlsx records" 3385 "$(jsonl_query 'objects[0]["records"]')"
expect_eq "xlsx cells" "('customers', 'B2', 'メールアドレス', 1)" \
  "$(jsonl_query '[(f["sheet"], f["cell"], f["column"], f["row"]) for f in findings if f["type"]=="email"][0]')"
expect_eq "xlsx risk" high "$(jsonl_query 'objects[0]["risk"]')"
expect_not_contains "names masked" "$out" "0000@"

run scan --format jsonl "$fixtures/notice_with_list.eml"
member="$fixtures/notice_with_list.eml!/list.zip!/顧客リスト/customers_cp932.csv"
expect_eq "csv in zip in mail: names" 3385 \
  "$(jsonl_query "sum(1 for f in findings if f['type']=='person_name' and f['path']=='$member')")"
expect_eq "csv in zip in mail: emails" 3385 \
  "$(jsonl_query "sum(1 for f in findings if f['type']=='email' and f['path']=='$member')")"
expect_eq "member records" 3385 "$(jsonl_query "[o['records'] for o in objects if o['path']=='$member'][0]")"
expect_eq "member encoding" cp932 "$(jsonl_query "[o['encoding'] for o in objects if o['path']=='$member'][0]")"
expect_eq "mail records sum members" 3385 \
  "$(jsonl_query "[o['records'] for o in objects if o['path']=='$fixtures/notice_with_list.eml'][0]")"
expect_eq "routing headers are not findings" 0 \
  "$(jsonl_query "sum(1 for f in findings if f['path']=='$fixtures/notice_with_list.eml')")"
finish
