#!/usr/bin/python3
"""Regenerate the demo folder used in the README (all data is fake).

usage: samples/make_samples.py [--check]

Writes, next to this script:
  shop-export/customers_cp932.csv   Excel-style CSV: CP932, CRLF, Japanese headers
  shop-export/orders.csv            order export with order numbers, JAN codes (no personal data)
  support/inquiry.eml               customer mail in ISO-2022-JP (card, phone, birth date)
  logs/access.log                   nginx log, one request leaks a card in its query string
  logs/app-events.ndjson            application events (JSON lines) with an email and a phone
  crm/account-note.txt             English CRM note (phone, DOB, passport, card + expiry)
  hr/memo_utf16.txt                 UTF-16LE memo (My Number, bank account, licence)
  config/payment.yaml               sandbox config with public test cards
  docs/release-notes.md             clean: versions, dates, prices, IPs, no personal data
  misc/thumbnail.bin                binary with NULs (scanners skip it)

Deterministic: running it twice gives identical bytes. --check only verifies
that the files on disk match what would be written. Values are built with
tests/corpus (fakedata + docbuilder), so the same rule checks that guard the
labelled corpus also guard the demo: no accidental card or email anywhere.
"""

import base64
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ inside the repo
sys.path.insert(0, os.path.join(HERE, "..", "tests", "corpus"))

from docbuilder import Doc, N, P  # noqa: E402
from fakedata import TEST_CARDS, card_groups, ean13_complete, is_card, my_number_check_digit, new_card, rand_digits  # noqa: E402

SEED = 7


def my_number(r):
    first = str(r.randint(1, 9)) + rand_digits(r, 10)
    return first + my_number_check_digit(first)


def customers_csv(r):
    d = Doc("shop-export/customers_cp932.csv", "cp932", crlf=True)
    d.line("氏名,フリガナ,メールアドレス,電話番号,郵便番号,住所,カード番号,有効期限,セキュリティコード")
    rows = [
        ("山田 太郎", "ヤマダ タロウ", "taro.yamada82@example.co.jp", "03-5412-7788", "150-0041", "東京都渋谷区神南1-12-3", "visa", "plain"),
        ("佐藤 花子", "サトウ ハナコ", "hanako..sato@docomo.ne.jp", "090-3344-1029", "530-0001", "大阪府大阪市北区梅田2-4-9 梅田テストビル305", "jcb", "hyphen"),
        ("髙橋 一郎", "タカハシ イチロウ", "ichiro.t@example.ne.jp", "045-662-1180", "231-0023", "神奈川県横浜市中区山下町8-1", "mastercard", "space"),
        ("鈴木 美咲", "スズキ ミサキ", "misaki.suzuki.@ezweb.ne.jp", "080 2231 9045", "060-0001", "北海道札幌市中央区北一条西3-2", "amex", "plain"),
        ("田中 翔太", "タナカ ショウタ", "shota_tanaka-7@i.softbank.jp", "06(6345)2201", "812-0011", "福岡県福岡市博多区博多駅前1-5-2", "diners", "plain"),
        ("伊藤 結衣", "イトウ ユイ", "yui.ito2001@example.jp", "050-3188-4620", "980-0811", "宮城県仙台市青葉区一番町4-7-1", "visa", "fw"),
        ("渡辺 大輔", "ワタナベ ダイスケ", "d.watanabe@example.com", "0466-28-3391", "251-0052", "神奈川県藤沢市藤沢5-3-10", "unionpay", "plain"),
        ("小林 さくら", "コバヤシ サクラ", "sakura.k@example.co.jp", "070-6120-8834", "604-8005", "京都府京都市中京区河原町通3-2", "discover", "hyphen"),
    ]
    for name, kana, mail, tel, zipc, addr, brand, style in rows:
        c = new_card(r, brand, {"amex": 15, "diners": 14}.get(brand, 16))
        text = {"plain": c, "hyphen": "-".join(card_groups(c)), "space": " ".join(card_groups(c)),
                "fw": "".join(chr(ord(x) + 0xFEE0) for x in c)}[style]
        exp = f"{r.randint(1, 12):02d}/{r.randint(26, 30)}"
        cvv = rand_digits(r, 4 if brand == "amex" else 3)
        d.add(name, ",", kana, ",", P("email", mail, "column"), ",", P("phone", tel), ",",
              P("postal_code", zipc, "column"), ",\"", addr, "\",")
        d.add(P("card_number", text), ",", P("card_expiry", exp, "column"), ",")
        d.line(P("card_security_code", cvv, "column"))
    return d


def orders_csv(r):
    d = Doc("shop-export/orders.csv", "utf-8", crlf=True)
    d.line("注文番号,注文日,商品名,JAN,数量,金額")
    items = ["ボールペン 0.5mm", "A5ノート 5冊パック", "USB-Cケーブル 1m", "ステンレスマグ", "単3形電池 8本"]
    for i in range(12):
        jan = ean13_complete("49" + rand_digits(r, 10))
        while is_card(jan):  # keep the demo unambiguous: no JAN that is also a valid Visa-13
            jan = ean13_complete("49" + rand_digits(r, 10))
        # Order numbers here are 16 digits and some pass Luhn: the header says they are orders.
        order = str(r.randint(2024, 2025)) + rand_digits(r, 12)
        d.line(N("order_number_column", order), f",2025/0{r.randint(1, 9)}/{r.randint(10, 28)},", r.choice(items), ",",
               N("jan_code_column", jan), ",", r.randint(1, 5), ",", r.randint(3, 90) * 110)
    return d


def inquiry_eml(r):
    d = Doc("support/inquiry.eml", "iso-2022-jp", crlf=True)
    c = new_card(r, "visa", 16)
    d.line("From: 山田 太郎 <", P("email", "taro.yamada82@example.co.jp"), ">")
    d.line("To: サンプル商店 サポート <", P("email", "support@shop.example.jp"), ">")
    subject = base64.b64encode("登録カード変更のお願い".encode("iso2022_jp")).decode("ascii")
    d.line("Subject: =?ISO-2022-JP?B?", subject, "?=")
    d.line("Date: Wed, 12 Mar 2025 09:41:07 +0900")
    d.line("MIME-Version: 1.0")
    d.line("Content-Type: text/plain; charset=ISO-2022-JP")
    d.line("Content-Transfer-Encoding: 7bit")
    d.line()
    d.line("サンプル商店 ご担当者様")
    d.line()
    d.line("いつもお世話になっております。山田です。")
    d.line("カードの有効期限が切れたので、登録カードの変更をお願いします。")
    d.line()
    d.line("カード番号：", P("card_number", " ".join(card_groups(c)))) 
    d.line("有効期限：", P("card_expiry", "2028年4月"))
    d.line("セキュリティコード：", P("card_security_code", rand_digits(r, 3)))
    d.line()
    d.line("日中は携帯（", P("phone", "090-3344-7120"), "）にご連絡ください。")
    d.line("本人確認が必要でしたら、生年月日は", P("birth_date", "昭和57年6月3日"), "です。")
    d.line()
    d.line("ご注文番号：", N("order_number", "2025031200418"), " の配送先は変更不要です。")
    d.line()
    d.line("山田 太郎")
    return d


def access_log(r):
    d = Doc("logs/access.log", "utf-8")
    paths = ["/", "/products?page=2", "/products/4512", "/cart", "/static/app.9c1f2e.js", "/static/style.3a7b.css",
             "/images/hero_2025.webp", "/api/v1/stock?sku=A-1029", "/healthz", "/favicon.ico"]
    uas = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.0.0 Safari/537.36",
           "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1",
           "kube-probe/1.29"]
    leak_at = 137
    for i in range(240):
        ip = f"{r.choice([10, 172, 192, 203])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"
        ts = f"[12/Mar/2025:{10 + i // 60:02d}:{i % 60:02d}:{r.randint(10, 59)} +0900]"
        pre = [N("ipv4", ip), " - - ", ts, " \""]
        if i == leak_at:
            c = new_card(r, "mastercard")
            d.line(*pre, "GET /checkout/complete?order=A20250312-0042&card_no=", P("card_number", c),
                   "&exp=", P("card_expiry", "09/27"), " HTTP/1.1\" 302 0 \"https://shop.example.jp/checkout\" \"", uas[0], "\"")
        else:
            d.line(*pre, "GET ", r.choice(paths), " HTTP/1.1\" ", r.choice([200, 200, 200, 304, 404]), " ", r.randint(0, 48000),
                   " \"https://shop.example.jp/\" \"", r.choice(uas), "\"")
    return d


def app_events(r):
    d = Doc("logs/app-events.ndjson", "utf-8")
    for i in range(30):
        ts = f"2025-03-12T10:{i:02d}:{r.randint(10, 59)}.{r.randint(100, 999)}+09:00"
        trace = "".join(r.choice("0123456789abcdef") for _ in range(32))
        if i == 17:
            d.line('{"ts":"', ts, '","level":"info","event":"profile.updated","user_id":', r.randint(10000, 99999),
                   ',"email":"', P("email", "yui.ito2001@example.jp"), '","tel":"', P("phone", "050-3188-4620"), '","trace":"', trace, '"}')
        else:
            d.line('{"ts":"', ts, '","level":"', r.choice(["info", "info", "debug", "warn"]), '","event":"',
                   r.choice(["cart.viewed", "stock.checked", "session.renewed", "search.executed"]), '","latency_ms":',
                   r.randint(2, 800), ',"trace":"', trace, '"}')
    return d


def crm_note(r):
    d = Doc("crm/account-note.txt", "utf-8")
    c = new_card(r, "amex")
    d.line("Account note — ACC-208113")
    d.line("Logged 2025-03-11 16:20 JST by Jordan (Customer Care)")
    d.line()
    d.line("Emily Carter called from ", P("phone", "+1 415 555 0187"), " about a duplicate charge on invoice ",
           N("order_number", "INV-20250228-117"), ".")
    d.line("Identity verified against DOB ", P("birth_date", "April 12, 1985"), " and passport ", P("passport_number", "TR4821907"), ".")
    d.line("She read out the card she wants to keep on file: ", P("card_number", " ".join(card_groups(c))), " ",
           P("card_expiry", "11/28", "after_card"), ".")
    d.line("Refund of $129.00 issued; follow-up email to ", P("email", "emily.carter@example.com"), ".")
    d.line("Note: please don't paste card numbers into CRM notes — use the payment vault.")
    return d


def hr_memo(r):
    d = Doc("hr/memo_utf16.txt", "utf-16le-bom")
    d.line("入社手続きメモ（人事部）")
    d.line()
    d.line("新入社員：伊藤 結衣")
    d.line("入社日：2025年4月1日")
    mn = my_number(r)
    d.line("マイナンバー：", P("my_number", f"{mn[:4]} {mn[4:8]} {mn[8:]}"))
    d.line("運転免許証番号：", P("drivers_license", "30" + rand_digits(r, 10)))
    d.line("給与振込口座：あおば銀行 仙台支店 普通 ", P("bank_account", rand_digits(r, 7)))
    d.line("緊急連絡先：", P("phone", "０２２－２６１－４４０８"))  # full-width, as typed on a Japanese IME
    d.line()
    d.line("※書類原本は施錠キャビネットへ。スキャンは人事フォルダ以外に保存しないこと。")
    return d


def payment_yaml(r):
    d = Doc("config/payment.yaml", "utf-8")
    d.line("# Payment gateway: sandbox settings for local development")
    d.line("gateway:")
    d.line("  endpoint: https://sandbox.pay.example.com/v2")
    d.line("  timeout_ms: 15000")
    d.line("  retries: 3")
    d.line("  # Public test numbers from the provider's documentation")
    d.line("  test_cards:")
    d.line("    visa: \"", P("card_number", TEST_CARDS[0]), "\"")
    d.line("    mastercard: \"", P("card_number", TEST_CARDS[1]), "\"")
    d.line("    jcb: \"", P("card_number", TEST_CARDS[3]), "\"")
    d.line("alerts:")
    d.line("  to: ", P("email", "payments-oncall@example.co.jp"))
    return d


def release_notes(r):
    d = Doc("docs/release-notes.md", "utf-8")
    d.line("# Shop backend — release notes")
    d.line()
    d.line("## 4.12.1 (2025-03-10)")
    d.line()
    d.line("- Checkout: totals above ￥1,000,000 are now formatted as 1,000,000円 in receipts.")
    d.line("- Build 20250310.1542 deployed to 10.20.30.41 and 10.20.30.42 at 02:00 JST.")
    d.line("- Fixed: order IDs such as ", N("uuid", "3f2a9c1e-7b4d-4e21-9a0f-5c6d7e8f9012"), " were logged twice.")
    d.line("- Barcode import accepts 13-digit JAN codes (for example JAN ", N("jan_code_labelled", "4512345678906"), ").")
    d.line("- Performance: p99 latency down from 412 ms to 187 ms; 1,234,567 requests replayed.")
    d.line()
    d.line("## 4.12.0 (2025-02-27)")
    d.line()
    d.line("- New corporate accounts: 法人番号 ", N("houjin_bangou", "8700110005901"), " style identifiers are validated.")
    d.line("- Tracking numbers (e.g. tracking 4401-2233-8765) link to the carrier.")
    d.line("- Minimum supported PostgreSQL version is 14.11.")
    return d


def thumbnail_bin(r):
    # A PNG-like header followed by random bytes with plenty of NULs.
    body = bytes(r.choice([0, 0, 0, r.randint(1, 255)]) for _ in range(2048))
    return b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x40\x00\x00\x00\x40\x08\x06\x00\x00\x00" + body


def build():
    r = random.Random(SEED)
    docs = [customers_csv(r), orders_csv(r), inquiry_eml(r), access_log(r), app_events(r), crm_note(r),
            hr_memo(r), payment_yaml(r), release_notes(r)]
    out = {}
    for d in docs:
        d.render()
        d.check()
        out[d.path] = (d.data, d)
    out["misc/thumbnail.bin"] = (thumbnail_bin(r), None)
    return out


def main():
    check = "--check" in sys.argv[1:]
    files = build()
    total, stale = 0, []
    for rel, (data, d) in sorted(files.items()):
        path = os.path.join(HERE, rel)
        total += len(data)
        if check:
            try:
                with open(path, "rb") as f:
                    if f.read() != data:
                        stale.append(rel)
            except OSError:
                stale.append(rel)
            continue
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        found = {}
        if d is not None:
            for seg, *_ in d.spans:
                if isinstance(seg, P):
                    found[seg.typ] = found.get(seg.typ, 0) + 1
        summary = ", ".join(f"{k}={v}" for k, v in sorted(found.items())) or ("binary" if d is None else "no findings expected")
        print(f"{rel:36s} {d.enc if d else 'binary':13s} {len(data):7d} B  {summary}")
    if check:
        if stale:
            print("out of date: " + ", ".join(stale), file=sys.stderr)
            sys.exit(1)
        print(f"samples up to date ({len(files)} files, {total} bytes)")
    else:
        print(f"total {len(files)} files, {total} bytes")


if __name__ == "__main__":
    main()
