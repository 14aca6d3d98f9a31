"""Messages for the mail-gate test and load bench (all data fake).

  milter_mails.py cases DIR XLSX   the test's messages, one .eml per case
  milter_mails.py load DIR N       N messages: a third with attachments
                                   (clean, customer list or card data)
Prints nothing; the raw card numbers go to DIR/raw_values.txt so the test
can check they never appear in replies or logs."""
import os
import random
import subprocess
import sys
from email.message import EmailMessage
from email.policy import SMTP
from email.headerregistry import Address
from email.utils import formatdate, make_msgid

R = random.Random(20261121)


def luhn_complete(digits):
    total = 0
    for i, d in enumerate(reversed(digits)):
        n = int(d)
        if i % 2 == 0:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return digits + str((10 - total % 10) % 10)


def card():
    prefix = R.choice(["4980", "5412", "3569"])  # visa, mastercard, jcb; not test numbers
    return luhn_complete(prefix + "".join(R.choice("0123456789") for _ in range(11)))


def message(sender, to, subject, body, cc=()):
    m = EmailMessage()
    m["From"] = sender
    m["To"] = ", ".join(to)
    if cc:
        m["Cc"] = ", ".join(cc)
    m["Subject"] = subject
    m["Date"] = formatdate(localtime=False)
    m["Message-ID"] = make_msgid(domain="sender.example.co.jp")
    m.set_content(body)
    return m


def cards_csv(rows, raw):
    lines = ["氏名,カード番号,有効期限,セキュリティコード"]
    for i in range(rows):
        number = card()
        raw.append(number)
        lines.append("顧客%d,%s,12/29,%03d" % (i + 1, number, R.randrange(1000)))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def customers_csv(rows):
    lines = ["氏名,メールアドレス"]
    for i in range(rows):
        lines.append("顧客%d,customer%05d@mail%d.example.jp" % (i + 1, i + 1, i % 7))
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


def write(m, path):
    # CRLF line ends, as on the wire: the sink must get these exact bytes.
    with open(path, "wb") as f:
        f.write(m.as_bytes(policy=SMTP))


SENDER = "tanaka@sender.example.co.jp"


def cases(out, xlsx):
    raw = []
    m = message(SENDER, ["partner@client.example.com"], "カード情報", "ご確認ください。\n")
    m.add_attachment(cards_csv(5, raw), maintype="text", subtype="csv", filename="cards.csv")
    write(m, os.path.join(out, "cards.eml"))

    m = message(SENDER, ["customers@client.example.com"], "顧客リスト送付", "顧客一覧を添付します。\n")
    with open(xlsx, "rb") as f:
        m.add_attachment(f.read(), maintype="application",
                         subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                         filename="customers.xlsx")
    write(m, os.path.join(out, "customers_xlsx.eml"))

    m = message(SENDER, ["partner@client.example.com"], "議事録", "本日の議事録を添付します。\nよろしくお願いします。\n")
    m.add_attachment("1. 開会\n2. 来期の予定\n3. 閉会\n".encode("utf-8"), maintype="text",
                     subtype="plain", filename="minutes.txt")
    m.add_attachment(bytes(range(256)) * 4, maintype="application", subtype="octet-stream",
                     filename="diagram.bin")
    write(m, os.path.join(out, "clean.eml"))

    # 30 customers in To/Cc instead of Bcc, display names RFC 2047 encoded.
    people = [Address("お客様%d" % i, "user%02d" % i, "client%d.example.net" % (i % 5)) for i in range(30)]
    m = message(SENDER, [str(a) for a in people[:20]], "セミナーのご案内", "セミナーのご案内です。\n",
                cc=[str(a) for a in people[20:]])
    write(m, os.path.join(out, "visible30.eml"))

    # A password zip (the Japanese "PPAP" habit), made by Info-ZIP's zip -P:
    # Python's zipfile cannot encrypt.
    csv_path = os.path.join(out, "list.csv")
    with open(csv_path, "wb") as f:
        f.write(cards_csv(3, raw))
    zip_path = os.path.join(out, "list.zip")
    subprocess.run(["zip", "-q", "-j", "-P", "himitsu", zip_path, csv_path], check=True)
    os.remove(csv_path)
    m = message(SENDER, ["partner@client.example.com"], "資料", "パスワードは別送します。\n")
    attach_zip(m, zip_path)
    write(m, os.path.join(out, "encrypted.eml"))

    m = message(SENDER, ["partner@client.example.com"], "再送", "再送します。\n")
    write(m, os.path.join(out, "retry.eml"))

    # A sender cannot pass a verdict of its own making through the gate.
    m = message(SENDER, ["partner@client.example.com"], "forged verdict", "Nothing to see.\n")
    m["X-Mamori-Verdict"] = "accept; forged"
    write(m, os.path.join(out, "forged.eml"))
    with open(os.path.join(out, "raw_values.txt"), "w") as f:
        f.write("\n".join(raw) + "\n")


def attach_zip(m, path):
    with open(path, "rb") as f:
        m.add_attachment(f.read(), maintype="application", subtype="zip", filename="list.zip")


def load(out, n):
    raw = []
    for i in range(n):
        to = ["rcpt%d@client%d.example.com" % (i, i % 9)]
        m = message(SENDER, to, "メッセージ %d" % i, "本文です。番号 %d。\nよろしくお願いします。\n" % i)
        # Every third message has an attachment, in turn harmless, a customer list, card data.
        kind = (i // 3) % 3 if i % 3 == 0 else None
        if kind == 0:
            m.add_attachment(("議題 %d\n" % i).encode("utf-8") * 50, maintype="text", subtype="plain",
                             filename="notes.txt")
        elif kind == 1:
            m.add_attachment(customers_csv(60), maintype="text", subtype="csv", filename="customers.csv")
        elif kind == 2:
            m.add_attachment(cards_csv(2, raw), maintype="text", subtype="csv", filename="cards.csv")
        write(m, os.path.join(out, "load%05d.eml" % i))


if __name__ == "__main__":
    os.makedirs(sys.argv[2], exist_ok=True)
    if sys.argv[1] == "cases":
        cases(sys.argv[2], sys.argv[3])
    else:
        load(sys.argv[2], int(sys.argv[3]))
