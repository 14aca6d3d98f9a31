#!/usr/bin/env bash
# Documents and mail through the real command: every format gives findings at
# the right place, and unreadable ones give a clear status, never "clean".
# Fixtures are made by real tools (LibreOffice, qpdf, Python's email):
# tests/fixtures/make_office.sh, make_pdf.sh, make_mail.py.
source "$(dirname "$0")/lib.sh"
fx="${SOURCE_DIR:?}/tests/fixtures"
status_of() { jsonl_query "[o['status'] for o in objects if o['path'].endswith('$1')][0]"; }
count_of() { jsonl_query "sum(1 for f in findings if f['path'].endswith('$1') and f['type']=='$2')"; }

run scan --format jsonl "$fx/office" "$fx/pdf" "$fx/mail"
expect_eq "exit with findings" 1 "$status"
# Spreadsheets: cells and sheets, header-typed columns.
expect_eq "xlsx names by header" 2 "$(count_of office/customers.xlsx person_name)"
expect_eq "xlsx cell refs" True "$(jsonl_query "all(f.get('cell') and f.get('sheet') for f in findings if f['path'].endswith('customers.xlsx'))")"
expect_eq "ods cards" 2 "$(count_of office/customers.ods card_number)"
expect_eq "ods records" 2 "$(jsonl_query "[o['records'] for o in objects if o['path'].endswith('customers.ods')][0]")"
# Word processing and slides.
expect_eq "docx security code" 1 "$(count_of office/letter.docx card_security_code)"
expect_eq "odt card" 1 "$(count_of office/letter.odt card_number)"
expect_eq "pptx card" 1 "$(count_of office/slides.pptx card_number)"
# Unreadable documents are said to be so.
expect_eq "encrypted xlsx" encrypted "$(status_of office/encrypted.xlsx)"
expect_eq "encrypted ods" encrypted "$(status_of office/encrypted.ods)"
expect_eq "legacy xls" unsupported "$(status_of office/legacy.xls)"
# PDF: pages, no text layer, passwords, damage.
expect_eq "pdf page" True "$(jsonl_query "all(f.get('page') for f in findings if f['path'].endswith('two_pages.pdf'))")"
expect_eq "pdf card" 1 "$(count_of pdf/text.pdf card_number)"
expect_eq "image-only pdf" no_text "$(status_of pdf/image_only.pdf)"
expect_eq "encrypted pdf" encrypted "$(status_of pdf/encrypted.pdf)"
expect_eq "corrupt pdf" error "$(status_of pdf/corrupt.pdf)"
# Mail: ISO-2022-JP body with exact offsets, attachments recurse, mbox messages.
expect_eq "iso-2022-jp body card" 1 "$(count_of mail/iso2022jp_plain.eml card_number)"
expect_eq "body offsets point at the card" True "$("$PY" - "$WORK/out" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    f = json.loads(line)
    if f["kind"] == "finding" and f["path"].endswith("iso2022jp_plain.eml") and f["type"] == "card_number":
        raw = open(f["path"], "rb").read()[f["offset"]:f["offset"] + f["length"]]
        print(raw.decode("ascii").replace(" ", "").replace("-", "")[:6] == f["masked"][:6])
PY
)"
expect_eq "csv attachment path" 1 "$(count_of 'csv_attachment.eml!/顧客一覧.csv' email)"
expect_eq "zip in mail" 1 "$(count_of 'zip_attachment.eml!/customers.zip!/customers.csv' phone)"
expect_eq "mbox message" 1 "$(count_of 'three.mbox!/message-3' phone)"
expect_eq "routing headers not scanned" 0 "$(jsonl_query "sum(1 for f in findings if f['path'].endswith('.eml') and f['type']=='email' and f['line'] <= 3)")"
expect_eq "summary counts encrypted" True "$(jsonl_query 'summary[0]["encrypted"] >= 3')"

# --fail-on-incomplete turns unreadable documents into a failing exit.
run scan --format jsonl --fail-on none "$fx/pdf/text.pdf"
expect_eq "readable pdf passes" 0 "$status"
run scan --format jsonl --fail-on none --fail-on-incomplete "$fx/office/encrypted.xlsx"
expect_eq "encrypted fails" 1 "$status"
finish
