#!/usr/bin/python3
"""Render labelled fake customer records into office documents, PDF,
archives and mail with real tools, for mamori's cross-format corpus.

usage: make_formats.py [OUTDIR]     (default: the folder of this script)

Needs LibreOffice (soffice), p7zip (7z), zip and zstd; the RAR archive is
written by rar4.py (stored members), as no free tool creates RAR. They are too heavy
for CI, so the outputs are committed: OUTDIR/files/..., labels.jsonl and
manifest.jsonl. Re-run it only when you change it, and commit everything.

labels.jsonl: {"path","format","type","value","norm","loc"}: "value" is
the text as written, "norm" what `mamori scan --reveal` reports, "loc" the
place the format gives (sheet+cell, slide, page, CSV row). Members of
containers are at "container!/member", like mamori's paths.
manifest.jsonl: {"path","format"} per top-level file, and
{"path","status"} for objects that must end with that status (encrypted
members are not missed findings).
"""

import base64
import io
import json
import mailbox
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from email.header import Header
from email.message import EmailMessage
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.nonmultipart import MIMENonMultipart
from email.mime.text import MIMEText
from email.policy import compat32

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))  # fakedata

import office  # noqa: E402
from containers import tar_bytes, zip_bytes  # noqa: E402  (tests/corpus)
from rar4 import rar4  # noqa: E402
from fakedata import luhn_ok, new_card  # noqa: E402
from records import (EN_HEADER, GROUPED_HEADER, GROUPS, SHEET_HEADER, TABLE_HEADER, Records, V,  # noqa: E402
                     en_row, grouped_row, letter_lines, plain, table_row, values)

SEED = 20250401
DATE = "Tue, 1 Apr 2025 09:00:00 +0900"


class Corpus:
    def __init__(self, out):
        self.out, self.labels, self.manifest = out, [], []

    def add(self, name, fmt, data, labels):
        path = f"files/{name}"
        with open(os.path.join(self.out, path), "wb") as f:
            f.write(data)
        self.manifest.append({"path": path, "format": fmt})
        for l in labels:
            row = {k: v for k, v in l.items() if k != "member"}
            self.labels.append(dict(row, path=path + l.get("member", ""), format=fmt))

    def expect(self, path, status):
        self.manifest.append({"path": f"files/{path}", "status": status})


def member(name, labels):
    """The labels of a file, as a member `name` of the container being built."""
    return [dict(l, member=f"!/{name}" + l.get("member", "")) for l in labels]


def jis(text):
    # JIS X 0208 codecs (ISO-2022-JP, EUC-JP) have U+2212 where CP932 has U+FF0D.
    return text.replace("\uff0d", "\u2212")


# ---------------------------------------------------------------------------
# Text renderings: CSV, NDJSON, memo

def csv_text(people, sep=","):
    rows = [sep.join(TABLE_HEADER)]
    labels = []
    for i, p in enumerate(people, 1):
        cells = table_row(p)
        rows.append(sep.join(c.text if isinstance(c, V) else c for c in cells))
        labels += [office.label(c, {"row": i}) for c in cells if isinstance(c, V)]
    return "\r\n".join(rows) + "\r\n", labels


def memo_text(people):
    lines, labels = ["顧客メモ（社外秘）"], []
    for p in people:
        for line in letter_lines(p):
            lines.append(plain(line))
            labels += [office.label(v) for v in values(line)]
        lines.append("")
    return "\n".join(lines) + "\n", labels


def ndjson_text(people):
    keys = [("email", "email"), ("tel", "phone"), ("card_no", "card"), ("exp", "exp"), ("cvv", "cvv"),
            ("birthday", "birth"), ("zip", "postal")]
    lines, labels = [], []
    for i, p in enumerate(people):
        obj = {"ts": f"2025-03-{i + 1:02d}T10:00:00+09:00", "event": "order", "name": p["name"]}
        for k, f in keys:
            obj[k] = p[f].text
            labels.append(office.label(p[f]))
        lines.append(json.dumps(obj, ensure_ascii=False))
    return "\n".join(lines) + "\n", labels


# ---------------------------------------------------------------------------
# Containers

def run(cmd, cwd):
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def with_files(work, members):
    for name, data in members:
        os.makedirs(os.path.dirname(os.path.join(work, name)) or work, exist_ok=True)
        with open(os.path.join(work, name), "wb") as f:
            f.write(data)


def encrypted_zip(work, plain_members, secret_members, cp932_members=()):
    """Plain members, members whose names are CP932 bytes as Japanese Windows
    writes them (no UTF-8 flag), then members encrypted with ZipCrypto (zip -P)."""
    d = tempfile.mkdtemp(dir=work)
    with_files(d, plain_members + secret_members)
    for name, data in cp932_members:
        with open(os.path.join(os.fsencode(d), name.encode("cp932")), "wb") as f:
            f.write(data)
    if plain_members or cp932_members:
        run(["zip", "-q", "-X", "out.zip"] + [n for n, _ in plain_members]
            + [n.encode("cp932") for n, _ in cp932_members], d)
    run(["zip", "-q", "-X", "-P", "secret", "out.zip"] + [n for n, _ in secret_members], d)
    with open(os.path.join(d, "out.zip"), "rb") as f:
        return f.read()


def seven_zip(work, members, password=None):
    d = tempfile.mkdtemp(dir=work)
    with_files(d, members)
    run(["7z", "a", "-bd", "-y", "-mtm=off"] + ([f"-p{password}"] if password else []) + ["out.7z"]
        + [n for n, _ in members], d)
    with open(os.path.join(d, "out.7z"), "rb") as f:
        return f.read()


def zstd(data):
    return subprocess.run(["zstd", "-q", "-19", "-c"], input=data, check=True, stdout=subprocess.PIPE).stdout


# ---------------------------------------------------------------------------
# LibreOffice

def soffice(work, source_name, xml, fmt):
    src = os.path.join(work, source_name)
    with open(src, "w", encoding="utf-8") as f:
        f.write(xml)
    # A private profile: another soffice may be running.
    subprocess.run(["soffice", "--headless", "--convert-to", fmt, "--outdir", os.path.join(work, "out"), src],
                   env=dict(os.environ, HOME=work), check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=180)
    with open(os.path.join(work, "out", os.path.splitext(source_name)[0] + "." + fmt.split(":")[0]), "rb") as f:
        return f.read()


def excel_rounded_card(r):
    while True:
        card = new_card(r, "visa")
        rounded = int(float(f"{int(card):.15g}"))
        if not luhn_ok(str(rounded)):
            return rounded


def add_furigana(xlsx, readings):
    """Excel keeps the reading of a typed name as a phonetic run (<rPh>) in
    the shared string; LibreOffice does not write them, so they are added
    here to the name cells, as Japanese Excel saves them."""
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/sharedStrings.xml":
                s = data.decode("utf-8")
                for name, kana in readings:
                    s = s.replace(f"<si><t xml:space=\"preserve\">{name}</t></si>",
                                  f"<si><t xml:space=\"preserve\">{name}</t>"
                                  f"<rPh sb=\"0\" eb=\"{len(name)}\"><t>{kana}</t></rPh>"
                                  "<phoneticPr fontId=\"1\"/></si>")
                assert "<rPh" in s, "no name cell found for furigana"
                data = s.encode("utf-8")
            dst.writestr(info, data)
    return buf.getvalue()


# ---------------------------------------------------------------------------
# Mail

def order_mail(p, attachments):
    """An ISO-2022-JP (7bit) order mail with a phone in its RFC 2047 subject."""
    msg = MIMEMultipart("mixed", boundary="==formats-order==")
    msg["From"] = "order@shop.example.jp"
    msg["To"] = "support@shop.example.jp"
    subject = ["折り返しのお電話 ", p["phone"]]
    msg["Subject"] = Header(jis(plain(subject)), "iso-2022-jp")
    msg["Date"] = DATE
    msg["Message-ID"] = "<order-1@shop.example.jp>"
    lines = letter_lines(p)
    body = "ご注文の確認です。\n" + "\n".join(jis(plain(l)) for l in lines) + "\n"
    msg.attach(MIMEText(body, "plain", "iso-2022-jp"))
    labels = [office.label(p["phone"])] + [office.label(v) for l in lines for v in values(l)]
    for name, data, ctype in attachments:
        part = MIMEApplication(data, ctype)
        if name.isascii():
            part.add_header("Content-Disposition", "attachment", filename=name)
        else:  # RFC 2047 inside the parameter, as Japanese mailers write it (not RFC 2231)
            part.add_header("Content-Disposition", f'attachment; filename="{Header(name, "iso-2022-jp").encode()}"')
        msg.attach(part)
    return msg.as_bytes(policy=compat32.clone(linesep="\r\n")), labels


def mbox_bytes(work, people, xlsx):
    path = os.path.join(work, "box.mbox")
    box = mailbox.mbox(path, create=True)
    labels = []

    def base(n, subject):
        m = EmailMessage()
        m["From"] = "shop@shop.example.jp"
        m["To"] = "archive@shop.example.jp"
        m["Subject"] = subject
        m["Date"] = DATE
        m["Message-ID"] = f"<box-{n}@shop.example.jp>"
        return m

    # 1: ISO-2022-JP body, 7bit as Japanese mailers send it.
    lines = letter_lines(people[0])
    m1 = MIMEText("\n".join(jis(plain(l)) for l in lines) + "\n", "plain", "iso-2022-jp")
    for k, v in base(1, "ご登録内容").items():
        m1[k] = v
    labels += member("message-1", [office.label(v) for l in lines for v in values(l)])
    # 2: a UTF-8 note with the customer workbook attached.
    m2 = base(2, "顧客一覧の送付")
    m2.set_content("顧客一覧を添付します。\n")
    m2.add_attachment(xlsx[0], maintype="application",
                      subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet", filename="customers.xlsx")
    m2.set_boundary("==formats-box-2==")
    labels += member("message-2", member("customers.xlsx", xlsx[1]))
    # 3: HTML only, values in table cells.
    m3 = base(3, "ご注文明細")
    rows, vs = [], []
    for p in people[1:4]:
        cells = [p["name"], p["email"], p["phone"], p["card"]]
        rows.append("<tr>" + "".join(f"<td>{c.text if isinstance(c, V) else c}</td>" for c in cells) + "</tr>")
        vs += [office.label(c) for c in cells if isinstance(c, V)]
    m3.set_content("<html><body><p>ご注文明細</p><table><tr><th>氏名</th><th>メール</th><th>電話</th>"
                   "<th>カード</th></tr>" + "".join(rows) + "</table></body></html>\n", subtype="html")
    labels += member("message-3", vs)
    # 4: "Shift_JIS" in base64 that is really CP932 (full-width hyphens), as Outlook sends it.
    lines = letter_lines(people[4])
    m4 = MIMENonMultipart("text", "plain", charset="shift_jis")
    m4.set_payload(base64.encodebytes(("\n".join(plain(l) for l in lines) + "\n").encode("cp932")).decode())
    m4["Content-Transfer-Encoding"] = "base64"
    for k, v in base(4, "登録内容の変更").items():
        m4[k] = v
    labels += member("message-4", [office.label(v) for l in lines for v in values(l)])
    for n, m in enumerate((m1, m2, m3, m4), 1):
        mm = mailbox.mboxMessage(m)
        mm.set_from("MAILER-DAEMON", time_=(2025, 4, 1, 0, 0, n, 1, 91, 0))
        box.add(mm)
    box.flush()
    box.close()
    with open(path, "rb") as f:
        return f.read(), labels


# ---------------------------------------------------------------------------

def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    files = os.path.join(out, "files")
    shutil.rmtree(files, ignore_errors=True)
    os.makedirs(files)
    rec = Records(SEED)
    people = lambda n: [rec.person() for _ in range(n)]
    c = Corpus(out)
    work = tempfile.mkdtemp()
    try:
        # Spreadsheet: a table under a title row (cards as text cells, some
        # numbers and dates as such, values split in rich-text runs, full-width
        # digits), and a sheet of free-text notes.
        table = people(24)
        notes = people(2)
        memo_rows = [[l] for p in notes for l in letter_lines(p)]
        # A card typed as a number keeps 15 significant digits: no longer a card.
        memo_rows.append(["カード番号（数値で入力）", excel_rounded_card(rec.r)])
        # The same value in adjacent cells: ODF writes one cell, repeated.
        twice = people(1)[0]["email"]
        memo_rows.append(["担当者メール", twice, twice])
        xml, sheet_labels = office.spreadsheet([
            ("顧客一覧", "顧客一覧（2025年4月）", SHEET_HEADER, [table_row(p) for p in table]),
            ("メモ", None, None, memo_rows),
            ("export", None, EN_HEADER, [en_row(p) for p in people(6)]),
            ("申込", GROUPS, GROUPED_HEADER, [grouped_row(i, p) for i, p in enumerate(people(6), 1)])])
        xlsx = add_furigana(soffice(work, "customers.fods", xml, "xlsx"),
                            [(p["name"], p["kana"]) for p in table[:8]])
        c.add("customers.xlsx", "xlsx", xlsx, sheet_labels)
        c.add("customers.ods", "ods", soffice(work, "customers.fods", xml, "ods"), sheet_labels)

        # Letter: body, header, footer, comment, footnote, table.
        body, extra, boxed, rows = people(3), people(1)[0], people(1)[0], people(4)
        paragraphs = [["ご注文内容の確認"]] + [l for p in body for l in letter_lines(p)]
        xml, letter_labels = office.text_document(
            paragraphs, header=["株式会社サンプル 電話番号：", extra["phone"]],
            footer=["お問い合わせ ", extra["email"]],
            comment=["セキュリティコード ", extra["cvv"], " を確認"],
            footnote=["有効期限 ", extra["exp"]],
            textbox=["至急 連絡先：", boxed["phone"]],
            table=(["氏名", "電話番号", "メールアドレス", "カード番号"],
                   [[p["name"], p["phone"], p["email"], p["card"]] for p in rows]))
        docx = soffice(work, "letter.fodt", xml, "docx")
        c.add("letter.docx", "docx", docx, letter_labels)
        c.add("letter.odt", "odt", soffice(work, "letter.fodt", xml, "odt"), letter_labels)

        # PDF: one customer a page.
        pdf_people = people(5)
        xml, pdf_labels = office.text_document(
            [l for p in pdf_people for l in letter_lines(p)], page_per=len(letter_lines(pdf_people[0])),
            # Two columns: in narrower ones the PDF itself wraps an email or a card
            # across lines, which no text layer can join again.
            table=(["電話番号", "カード番号"], [[p["phone"], p["card"]] for p in people(4)]))
        c.add("pages.pdf", "pdf", soffice(work, "pages.fodt", xml, "pdf"), pdf_labels)

        # Slides with speaker notes.
        slides = [(f"顧客 {i + 1}", letter_lines(p)[1:6], [letter_lines(q)[5]]) for i, (p, q) in
                  enumerate(zip(people(3), people(3)))]
        xml, slide_labels = office.presentation(slides)
        c.add("slides.pptx", "pptx", soffice(work, "slides.fodp", xml, "pptx"), slide_labels)

        # 7z: a CSV and a memo; and one with encrypted contents.
        csv1, csv1_l = csv_text(people(10))
        memo1, memo1_l = memo_text(people(2))
        c.add("records.7z", "7z", seven_zip(work, [("export/customers.csv", csv1.encode()),
                                                   ("メモ/顧客メモ.txt", memo1.encode()), ("export/customers.xlsx", xlsx)]),
              member("export/customers.csv", csv1_l) + member("メモ/顧客メモ.txt", memo1_l)
              + member("export/customers.xlsx", sheet_labels))
        secret, _ = csv_text(people(3))
        c.add("secret.7z", "7z", seven_zip(work, [("secret.csv", secret.encode())], password="secret"), [])
        c.expect("secret.7z!/secret.csv", "encrypted")

        # RAR: no free tool writes one; rar4.py stores members as RAR 4 does.
        csv3, csv3_l = csv_text(people(6))
        memo5, memo5_l = memo_text(people(1))
        c.add("export.rar", "rar", rar4([("export/customers.csv", csv3.encode()), ("memo.txt", memo5.encode())]),
              member("export/customers.csv", csv3_l) + member("memo.txt", memo5_l))

        # Compressed tars.
        nd, nd_l = ndjson_text(people(8))
        memo2, memo2_l = memo_text(people(1))
        c.add("logs.tar.xz", "tar.xz", tar_bytes([("app/orders.ndjson", nd.encode()), ("app/顧客メモ.txt", memo2.encode())],
                                                 "w:xz"),  # a PAX header carries the UTF-8 name
              member("app/orders.ndjson", nd_l) + member("app/顧客メモ.txt", memo2_l))
        euc, euc_l = csv_text(people(8))
        c.add("backup.tar.bz2", "tar.bz2", tar_bytes([("customers_eucjp.csv", jis(euc).encode("euc_jp"))], "w:bz2"),
              member("customers_eucjp.csv", euc_l))
        tsv, tsv_l = csv_text(people(8), sep="\t")
        memo3, memo3_l = memo_text(people(1))
        c.add("backup.tar.zst", "tar.zst",
              zstd(tar_bytes([("customers.tsv", tsv.encode()), ("memo.txt", memo3.encode())], "w")),
              member("customers.tsv", tsv_l) + member("memo.txt", memo3_l))

        # zip: a CSV, an encrypted member, a nested zip.
        csv2, csv2_l = csv_text(people(6))
        memo4, memo4_l = memo_text(people(1))
        secret2, _ = csv_text(people(2))
        inner = zip_bytes([("memo.txt", memo4.encode())])
        sjis_name, sjis_name_l = csv_text(people(3))
        c.add("mixed.zip", "zip", encrypted_zip(work, [("list.csv", csv2.encode()), ("2013/inner.zip", inner)],
                                                [("secret.csv", secret2.encode())],
                                                [("顧客名簿.csv", sjis_name.encode("cp932"))]),
              member("list.csv", csv2_l) + member("2013/inner.zip", member("memo.txt", memo4_l))
              + member("顧客名簿.csv", sjis_name_l))
        c.expect("mixed.zip!/secret.csv", "encrypted")

        # Mail: ISO-2022-JP body and subject; a CP932 CSV in a zip, an
        # encrypted zip and the letter attached.
        sjis, sjis_l = csv_text(people(8))
        attach_zip = zip_bytes([("顧客一覧.csv", sjis.encode("cp932"))])
        secure = encrypted_zip(work, [], [("list.csv", secret.encode())])
        data, body_l = order_mail(people(1)[0], [("顧客一覧.zip", attach_zip, "zip"), ("secure.zip", secure, "zip"),
                                                  ("letter.docx", docx, "octet-stream")])
        c.add("order.eml", "eml", data, body_l + member("顧客一覧.zip", member("顧客一覧.csv", sjis_l))
              + member("letter.docx", letter_labels))
        c.expect("order.eml!/secure.zip!/list.csv", "encrypted")

        data, box_l = mbox_bytes(work, people(5), (xlsx, sheet_labels))
        c.add("box.mbox", "mbox", data, box_l)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    for name, rows in (("labels.jsonl", c.labels), ("manifest.jsonl", c.manifest)):
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in rows)
    total = sum(os.path.getsize(os.path.join(files, m["path"][6:])) for m in c.manifest if "format" in m)
    print(f"wrote {sum(1 for m in c.manifest if 'format' in m)} files ({total} bytes), {len(c.labels)} labels to {out}")


if __name__ == "__main__":
    main()
