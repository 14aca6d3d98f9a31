#!/usr/bin/python3
"""Generate mamori's labelled detection corpus (deterministic, all data fake).

usage: make_corpus.py OUTDIR

Writes
  OUTDIR/files/...          the documents (UTF-8, UTF-8+BOM, CP932 CRLF CSV,
                            EUC-JP, ISO-2022-JP mail, UTF-16LE+BOM)
  OUTDIR/labels.jsonl       one expected finding per line:
                            {"path","type","offset","length","line","value"}
                            offset/length are bytes of the ENCODED file
  OUTDIR/negatives.jsonl    deliberate look-alikes that must NOT be reported
                            {"path","kind","offset","length","line","value"}
  OUTDIR/manifest.jsonl     {"path","encoding","bytes","labels","negatives"}

Every document is built from segments (see docbuilder.py) and checked against
an independent reference of the detection rules before anything is written,
so a label that contradicts the rules fails the run instead of the engine.
"""

import collections
import json
import os
import random
import shutil
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the repo
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from address_corpus import add_address_docs  # noqa: E402
from docbuilder import Doc, N, P, TYPES  # noqa: E402
from fakedata import (  # noqa: E402
    BRANCHES, BRANDS, FAKE_BANKS, TEST_CARDS, People, card_brand, card_groups, ean13_complete,
    houjin_check_digit, is_card, luhn_break, luhn_complete, luhn_ok, my_number_check_digit,
    my_number_ok, new_card, rand_digits, to_fullwidth, yen,
)

SEED = 20240615


class Cycle:
    """Round-robin over notations so every one of them is used many times."""

    def __init__(self, items):
        self.items, self.i = list(items), 0

    def __call__(self):
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v


class Gen:
    """Fake values in every notation the engine must understand."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.people = People(self.r)
        self.card_style = Cycle(["plain", "space", "hyphen", "plain", "fw", "fw_hyphen", "space"])
        self.brand = Cycle(BRANDS)
        self.exp_style = Cycle(["MM/YY", "MM/YYYY", "YYYY年M月", "YYYY/MM", "MM/YY", "YYYY年MM月"])
        self.exp_label = Cycle(["有効期限：", "有効期限 ", "カード有効期限：", "Exp: ", "Expiry: ",
                                "Valid Thru ", "expires ", "Expiration date: ", "有効年月："])
        self.cvv_label = Cycle(["セキュリティコード：", "CVV: ", "CVV2 ", "CVC：", "Security code: ",
                                "セキュリティコード ", "カード確認番号："])
        self.phone_style = Cycle(["tokyo", "osaka_paren", "mobile090", "mobile080_space", "ip050",
                                  "free0120", "free0800", "navi0570", "intl_jp_mobile", "fw_mobile",
                                  "area3", "area4", "intl_us", "intl_uk", "intl_jp_land", "mobile070"])
        self.email_style = Cycle(["plain", "docomo_dots", "digits", "ezweb_trailing", "plus",
                                  "softbank", "upper", "sub", "hyphen"])
        self.mn_style = Cycle(["plain", "space", "hyphen", "fw"])
        self.mn_label = Cycle(["マイナンバー：", "個人番号：", "My Number: ", "マイナンバー（個人番号）：",
                               "個人番号 "])
        self.postal_style = Cycle(["〒", "〒 ", "郵便番号：", "郵便番号 〒", "ZIP: ", "Postal code: ",
                                   "zip ", "〒fw"])
        self.birth_style = Cycle(["slash", "hyphen", "kanji", "era_kanji", "era_dot", "era_slash",
                                  "english", "era_kanji", "era_dot"])
        self.birth_label = Cycle(["生年月日：", "誕生日：", "DOB: ", "Date of birth: ", "生年月日 "])
        self.era = Cycle(["showa", "heisei", "showa", "reiwa", "heisei"])
        self.track_style = Cycle(["t1", "t2", "t1_bare", "t2_bare"])

    # -- cards ---------------------------------------------------------------
    def card(self, brand=None):
        return new_card(self.r, brand or self.brand())

    def card_text(self, d, enc, style=None):
        style = style or self.card_style()
        if style == "plain":
            return d
        if style == "space":
            return " ".join(card_groups(d))
        if style == "hyphen":
            return "-".join(card_groups(d))
        if style == "fw":
            return to_fullwidth(d, enc)
        if style == "fw_hyphen":
            return to_fullwidth("-".join(card_groups(d)), enc)
        raise ValueError(style)

    def exp(self, style=None):
        y = self.r.randint(2025, 2031)
        m = self.r.randint(1, 12)
        style = style or self.exp_style()
        return {"MM/YY": f"{m:02d}/{y % 100:02d}", "MM/YYYY": f"{m:02d}/{y}",
                "YYYY年M月": f"{y}年{m}月", "YYYY年MM月": f"{y}年{m:02d}月",
                "YYYY/MM": f"{y}/{m:02d}"}[style]

    def cvv(self, d=None):
        n = 4 if d and card_brand(d) == "amex" else 3
        return rand_digits(self.r, n)

    def track(self, d, person, style=None):
        style = style or self.track_style()
        yymm = f"{self.r.randint(25, 31)}{self.r.randint(1, 12):02d}"
        svc = self.r.choice(["101", "201", "120"])
        if style.startswith("t1"):
            s = f"B{d}^{person['upper']}^{yymm}{svc}{rand_digits(self.r, 12)}"
            return f"%{s}?" if style == "t1" else s
        s = f"{d}={yymm}{svc}{rand_digits(self.r, 13)}"
        return f";{s}?" if style == "t2" else s

    # -- phones --------------------------------------------------------------
    def phone(self, enc, style=None):
        r = self.r
        dd = lambda n: rand_digits(r, n)
        style = style or self.phone_style()
        if style == "tokyo":
            return f"03-{r.randint(1000, 9999)}-{dd(4)}"
        if style == "osaka_paren":
            return f"06({r.randint(6000, 6999)}){dd(4)}"
        if style == "area3":
            area, exchange = r.choice(['011', '022', '045', '052', '075', '078', '092']), r.randint(200, 999)
            if area == "011" and (400 <= exchange < 500 or exchange >= 900):
                exchange -= 200  # Sapporo 011-4xx and 011-9xx are not allocated (libphonenumber agrees)
            return f"{area}-{exchange}-{dd(4)}"
        if style == "area4":
            return f"{r.choice(['0466', '0467', '0554', '0263', '0985'])}-{r.randint(20, 99)}-{dd(4)}"
        if style == "mobile090":
            return f"090-{r.randint(1000, 9999)}-{dd(4)}"
        if style == "mobile080_space":
            return f"080 {r.randint(1000, 9999)} {dd(4)}"
        if style == "mobile070":
            return f"070{r.randint(1000, 9999)}{dd(4)}"
        if style == "ip050":
            return f"050-{r.randint(1000, 9999)}-{dd(4)}"
        if style == "free0120":
            return f"0120-{r.randint(100, 999)}-{dd(3)}"
        if style == "free0800":
            return f"0800-{r.randint(100, 999)}-{dd(4)}"
        if style == "navi0570":
            return f"0570-{r.randint(100, 999)}-{dd(3)}"
        if style == "intl_jp_mobile":
            return f"+81 {r.choice(['90', '80', '70'])}-{r.randint(1000, 9999)}-{dd(4)}"
        if style == "intl_jp_land":
            return f"+81-3-{r.randint(1000, 9999)}-{dd(4)}"
        if style == "fw_mobile":
            return to_fullwidth(f"090-{r.randint(1000, 9999)}-{dd(4)}", enc)
        if style == "intl_us":
            # 555-0100..0199 is reserved for fiction.
            return f"+1 {r.choice(['415', '212', '646', '312'])} 555 01{dd(2)}"
        if style == "intl_uk":
            # 020 7946 0000-0999 is Ofcom's drama range.
            return f"+44 20 7946 0{dd(3)}"
        raise ValueError(style)

    # -- emails --------------------------------------------------------------
    def email(self, p=None, style=None):
        r = self.r
        p = p or self.people.ja()
        g, s = p["giv_r"].lower(), p["sur_r"].lower()
        n = r.randint(10, 99)
        style = style or self.email_style()
        return {
            "plain": f"{g}.{s}{n}@example.co.jp",
            "docomo_dots": f"{g}..{s}{n}@docomo.ne.jp",       # RFC-invalid, real on old phones
            "digits": f"{s}{r.randint(1960, 2005)}@example.jp",
            "ezweb_trailing": f"{g}.{s}{n}.@ezweb.ne.jp",     # dot right before @
            "plus": f"{g}+shop{n}@example.com",
            "softbank": f"{g}_{s}-{n}@i.softbank.jp",
            "upper": f"{p['giv_r']}.{p['sur_r']}{n}@Example.CO.JP",
            "sub": f"{s}.{g[0]}{n}@sales.example-corp.co.jp",
            "hyphen": f"{s}-{g}{n}@example.ne.jp",
        }[style]

    # -- identity numbers ----------------------------------------------------
    def my_number(self):
        first = str(self.r.randint(1, 9)) + rand_digits(self.r, 10)
        return first + my_number_check_digit(first)

    def my_number_bad(self):
        d = self.my_number()
        return d[:11] + str((int(d[11]) + 1 + self.r.randint(0, 8)) % 10)

    def twelve_unlabelled(self, valid):
        while True:
            d = self.my_number() if valid else str(self.r.randint(1, 9)) + rand_digits(self.r, 11)
            if valid or not my_number_ok(d):
                return d

    def mn_text(self, d, enc, style=None):
        style = style or self.mn_style()
        if style == "plain":
            return d
        if style == "space":
            return f"{d[:4]} {d[4:8]} {d[8:]}"
        if style == "hyphen":
            return f"{d[:4]}-{d[4:8]}-{d[8:]}"
        return to_fullwidth(d, enc)

    def postal_items(self, enc, style=None):
        """Label + postal code in one of the notations (span = digits only)."""
        style = style or self.postal_style()
        code = self.people.postal()
        if style == "〒fw":
            return ["〒", P("postal_code", to_fullwidth(code, enc))]
        return [style, P("postal_code", code)]

    def long_run(self):
        """A card-valid number inside a run of 20+ digits."""
        c = self.card(self.r.choice(["visa", "jcb", "mastercard"]))
        pad = max(20 - len(c), 2) + self.r.randint(0, 4)
        left = self.r.randint(0, pad)
        return rand_digits(self.r, left) + c + rand_digits(self.r, pad - left)

    def passport(self):
        return self.r.choice(["TK", "TR", "TZ", "MU", "MZ", "TS"]) + rand_digits(self.r, 7)

    def dl(self):
        # prefecture commission code, year, serial, check, reissue count
        return f"{self.r.choice(['30', '11', '12', '45', '62', '53', '91'])}{self.r.randint(0, 99):02d}{rand_digits(self.r, 7)}{self.r.randint(0, 2)}"

    def account(self):
        return rand_digits(self.r, 7)

    # -- dates ---------------------------------------------------------------
    def birth(self, style=None):
        r = self.r
        style = style or self.birth_style()
        era = self.era() if style.startswith("era") else r.choice(["showa", "heisei"])
        y = {"showa": r.randint(1940, 1988), "heisei": r.randint(1990, 2018), "reiwa": r.randint(2020, 2023)}[era]
        m, d = r.randint(1, 12), r.randint(1, 28)
        ey = {"showa": y - 1925, "heisei": y - 1988, "reiwa": y - 2018}[era]
        kanji = {"showa": "昭和", "heisei": "平成", "reiwa": "令和"}[era]
        letter = {"showa": "S", "heisei": "H", "reiwa": "R"}[era]
        months = ["January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December"]
        return {
            "slash": f"{y}/{m:02d}/{d:02d}", "hyphen": f"{y}-{m:02d}-{d:02d}",
            "kanji": f"{y}年{m}月{d}日", "era_kanji": f"{kanji}{ey}年{m}月{d}日",
            "era_dot": f"{letter}{ey}.{m}.{d}", "era_slash": f"{letter}{ey}/{m}/{d}",
            "english": f"{months[m - 1]} {d}, {y}",
        }[style]

    def date(self, style=None):
        r = self.r
        y, m, d = r.randint(2022, 2025), r.randint(1, 12), r.randint(1, 28)
        style = style or r.choice(["iso", "slash", "kanji", "reiwa", "md"])
        return {"iso": f"{y}-{m:02d}-{d:02d}", "slash": f"{y}/{m:02d}/{d:02d}",
                "kanji": f"{y}年{m}月{d}日", "reiwa": f"令和{y - 2018}年{m}月{d}日",
                "md": f"{m}月{d}日"}[style]

    def time(self):
        return f"{self.r.randint(0, 23):02d}:{self.r.randint(0, 59):02d}"

    def ts(self):
        r = self.r
        return (f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:"
                f"{r.randint(0, 59):02d}:{r.randint(0, 59):02d}.{r.randint(0, 999):03d}+09:00")

    # -- hard negatives ------------------------------------------------------
    def luhn_invalid(self):
        return luhn_break(self.card(self.r.choice(["visa", "mastercard", "jcb"])))

    def wrong_prefix(self):
        # Luhn-valid but no brand starts with 1, 7, 8 or 9 (or 56-59, 50).
        pre = self.r.choice(["9", "8", "7", "1", "58", "50"])
        return luhn_complete(pre + rand_digits(self.r, 15 - len(pre)))

    def wrong_length(self):
        # Luhn-valid, brand prefix, length the brand never uses.
        pre, n = self.r.choice([("4", 15), ("4", 17), ("4", 14), ("37", 16), ("53", 15), ("53", 17)])
        d = luhn_complete(pre + rand_digits(self.r, n - 1 - len(pre)))
        assert not is_card(d) and luhn_ok(d)
        return d

    def uuid(self):
        h = lambda n: "".join(self.r.choice("0123456789abcdef") for _ in range(n))
        return f"{h(8)}-{h(4)}-4{h(3)}-{self.r.choice('89ab')}{h(3)}-{h(12)}"

    def ipv4(self):
        return ".".join(str(x) for x in (self.r.choice([10, 172, 192, 203]), self.r.randint(0, 255),
                                         self.r.randint(0, 255), self.r.randint(1, 254)))

    def price(self, enc):
        v = self.r.choice([self.r.randint(100, 99999), self.r.randint(100000, 9999999)])
        return self.r.choice([f"{yen(enc)}{v:,}", f"{v:,}円"])

    def houjin(self, card_like=False):
        while True:
            base = rand_digits(self.r, 12)
            d = houjin_check_digit(base) + base
            if card_like == is_card(d):
                return d

    def jan(self, luhn_valid):
        while True:
            d = ean13_complete("49" + rand_digits(self.r, 10))
            if luhn_valid == is_card(d):
                return d

    def tracking(self):
        return f"{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}"

    def order_no(self):
        return self.r.choice([f"{self.r.randint(2022, 2025)}{rand_digits(self.r, 9)}",
                              f"A{rand_digits(self.r, 9)}", f"{self.r.randint(100, 999)}-{rand_digits(self.r, 7)}-{rand_digits(self.r, 7)}"])


# ==========================================================================
# Templates. Each fills one Doc; `g` supplies values. Labels sit right in
# front of their values (the engine looks back ~20 Japanese characters).

SHOPS = ["みどり堂オンライン", "サンプル商店", "テスト書房", "ひかり家電ネット", "あおぞらマーケット"]
STAFF = ["佐々木", "村上", "藤田", "岡田", "前田"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def mail_date(g, month=None):
    r = g.r
    mon = month or r.choice(MONTHS_EN[1:])  # "Jan" is also the JAN-code label; used on purpose elsewhere
    return f"{r.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])}, {r.randint(1, 28)} {mon} 2024 {g.time()}:{r.randint(10, 59)} +0900"


def t_mail_support_ja(d, g):
    p = g.people.ja()
    shop, staff = g.r.choice(SHOPS), g.r.choice(STAFF)
    d.line("From: ", shop, " サポート窓口 <", N("routing_email", f"support{g.r.randint(1, 9)}@shop.example.jp"), ">")
    d.line("To: ", p["name"], " 様 <", N("routing_email", g.email(p)), ">")
    d.line("Subject: ご登録内容の確認について")
    d.line("Date: ", mail_date(g))
    d.line("Content-Type: text/plain; charset=", {"iso-2022-jp": "ISO-2022-JP", "euc-jp": "EUC-JP"}.get(d.enc, "UTF-8"))
    d.line()
    d.line(P("person_name", p["name"]), " 様")
    d.line()
    d.line("いつも", shop, "をご利用いただき、誠にありがとうございます。")
    d.line("カスタマーサポートの", staff, "でございます。")
    d.line()
    d.line("お問い合わせいただいた件につきまして、現在のご登録内容を確認いたしました。")
    d.line("内容に誤りがないか、ご確認をお願いいたします。")
    d.line()
    d.line("■ご登録情報")
    d.line("お名前：", P("person_name", p["name"]), "（", P("person_name", p["kana"]), "）")
    d.line(*g.postal_items(d.enc))
    d.line("ご住所：", P("address", g.people.address()))
    d.line("電話番号：", P("phone", g.phone(d.enc)))
    if g.r.random() < 0.7:
        d.line("携帯電話：", P("phone", g.phone(d.enc, g.r.choice(["mobile090", "mobile080_space", "fw_mobile", "mobile070"]))))
    d.line("メールアドレス：", P("email", g.email(p)))
    lab = g.birth_label()
    d.line(lab if not lab.isascii() else "生年月日：", P("birth_date", g.birth()))
    d.line()
    d.line("■お支払い方法")
    c = g.card()
    d.line("クレジットカード番号：", P("card_number", g.card_text(c, d.enc)))
    d.line("有効期限：", P("card_expiry", g.exp()))
    d.line("※セキュリティコードはお伺いしておりません。")
    d.line()
    d.line("ご注文番号：", N("order_number", g.order_no()), "（", N("date", g.date("kanji")), "受付）")
    d.line()
    d.line("ご不明な点がございましたら、お電話（", P("phone", g.phone(d.enc, g.r.choice(["free0120", "navi0570", "free0800"]))),
           "、平日9:00-18:00）までご連絡ください。")
    d.line()
    d.line("--")
    d.line(shop, " カスタマーサポート ", staff)
    d.line("Email: ", P("email", f"help@shop{g.r.randint(1, 9)}.example.jp"))


def t_mail_customer_ja(d, g):
    """A customer's own mail pasting card details (common in real leaks)."""
    p = g.people.ja()
    shop = g.r.choice(SHOPS)
    d.line("From: ", p["name"], " <", N("routing_email", g.email(p)), ">")
    d.line("To: ", shop, " <", N("routing_email", f"info@shop{g.r.randint(1, 9)}.example.jp"), ">")
    d.line("Subject: カード変更のお願い")
    d.line("Date: ", mail_date(g))
    d.line()
    d.line(shop, " ご担当者様")
    d.line()
    d.line("お世話になっております。", p["name"], "です。")
    d.line("登録しているクレジットカードの有効期限が切れたため、以下のカードに変更をお願いします。")
    d.line()
    c = g.card()
    style = g.r.choice(["labelled", "after"])
    if style == "labelled":
        d.line("カード番号：", P("card_number", g.card_text(c, d.enc)))
        d.line(g.exp_label(), P("card_expiry", g.exp()))
    else:
        # Expiry right after the card on the same line, no label of its own.
        d.line("新しいカード：", P("card_number", g.card_text(c, d.enc, g.r.choice(["plain", "hyphen"]))), " ",
               P("card_expiry", g.exp("MM/YY"), "after_card"))
    d.line(g.cvv_label(), P("card_security_code", g.cvv(c)))
    d.line("名義：", p["upper"].replace("/", " "))
    d.line()
    d.line("念のため連絡先も書いておきます。")
    d.line("携帯：", P("phone", g.phone(d.enc)))
    d.line("誕生日：", P("birth_date", g.birth()))
    d.line()
    d.line("よろしくお願いいたします。")
    d.line(p["name"])


def t_order_ja(d, g):
    p = g.people.ja()
    shop = g.r.choice(SHOPS)
    d.line("【", shop, "】ご注文ありがとうございます")
    d.line()
    d.line(P("person_name", p["name"]), " 様")
    d.line()
    d.line("このたびは", shop, "をご利用いただき、ありがとうございます。")
    d.line("以下の内容でご注文を承りました。")
    d.line()
    d.line("────────────────────")
    # Order numbers are often card-shaped; the label suppresses them.
    d.line("ご注文番号：", N("order_number", g.card("visa") if g.r.random() < 0.5 else g.order_no()))
    d.line("ご注文日時：", N("date", g.date("slash")), " ", N("time", g.time()))
    d.line("お支払い方法：クレジットカード一括払い（末尾 ", g.card()[-4:], "）")
    d.line("────────────────────")
    d.line()
    d.line("■ご注文商品")
    total = 0
    for _ in range(g.r.randint(2, 4)):
        price = g.r.randint(300, 30000)
        qty = g.r.randint(1, 3)
        total += price * qty
        item = g.r.choice(["ボールペン（黒）", "ノート A5", "USBケーブル 1m", "マグカップ", "文庫本", "電池 単3形"])
        d.line("・", item, "　JAN：", N("jan_code_labelled", g.jan(g.r.random() < 0.4)))
        d.line("　", N("price", f"{yen(d.enc)}{price:,}"), " × ", qty)
    d.line("小計：", N("price", f"{total:,}円"))
    d.line("送料：", N("price", f"{yen(d.enc)}550"))
    d.line()
    d.line("■お届け先")
    d.line("〒", P("postal_code", g.people.postal()))
    d.line(P("address", g.people.address()))
    d.line(P("person_name", p["name"]), " 様")
    d.line("TEL：", P("phone", g.phone(d.enc)))
    d.line()
    d.line("■配送について")
    d.line("配送業者：サンプル運輸")
    d.line("伝票番号：", N("tracking_number", g.tracking()))
    # FF5E (～) only exists in CP932/Unicode; JIS files use the wave dash U+301C.
    wave = "\u301c" if d.enc in ("euc-jp", "iso-2022-jp") else "\uff5e"
    d.line("お届け予定日：", N("date", g.date("md")), "（", N("time", g.time()), wave, N("time", g.time()), "）")
    d.line()
    d.line("本メールは送信専用です。お問い合わせは ", P("email", f"order@shop{g.r.randint(1, 9)}.example.jp"), " までお願いいたします。")


def t_mail_en(d, g):
    p = g.people.en()
    d.line("From: Customer Care <", N("routing_email", "care@example-shop.com"), ">")
    d.line("To: ", p["name"], " <", N("routing_email", f"{p['first'].lower()}.{p['last'].lower()}{g.r.randint(10, 99)}@example.com"), ">")
    d.line("Subject: Re: Payment issue")
    d.line("Date: ", mail_date(g))
    d.line()
    d.line("Hi ", p["first"], ",")
    d.line()
    d.line("Thanks for reaching out. I've updated the payment details on your account:")
    d.line()
    c = g.card()
    d.line("  Card number: ", P("card_number", g.card_text(c, d.enc, g.r.choice(["plain", "space", "hyphen"]))))
    d.line("  ", g.r.choice(["Exp: ", "Expiry: ", "Valid thru ", "Expiration: "]), P("card_expiry", g.exp(g.r.choice(["MM/YY", "MM/YYYY"]))))
    d.line("  ", g.r.choice(["CVV: ", "CVC: ", "Security code: "]), P("card_security_code", g.cvv(c)))
    d.line("  Billing ZIP: ", P("postal_code", g.people.postal()))
    d.line("  Phone: ", P("phone", g.phone(d.enc, g.r.choice(["intl_us", "intl_uk", "intl_jp_mobile", "intl_jp_land"]))))
    d.line()
    d.line("For verification we also have your date of birth as ", P("birth_date", g.birth("english")), ".")
    d.line("Order #", N("order_number", g.card()), " will be re-processed within 2 business days.")
    d.line("Tracking number: ", N("tracking_number", rand_digits(g.r, 12)))
    d.line()
    d.line("If anything looks wrong, call us at ", P("phone", g.phone(d.enc, "intl_us")), " (9am-5pm PT).")
    d.line()
    d.line("Best regards,")
    d.line("Jordan, Customer Care")


def csv_cell(v, quote=False):
    return ['"', v, '"'] if quote else [v]


def t_csv_customers_ja(d, g, variant):
    """Excel-style Japanese customer export (CP932 + CRLF when written by Excel)."""
    extra = {0: [], 1: ["マイナンバー"], 2: ["口座番号"], 3: ["生年月日"], 4: ["マイナンバー", "生年月日"], 5: ["会員ID"]}[variant % 6]
    header = ["顧客番号", "氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "住所"] + extra + \
             ["カード番号", "有効期限", "セキュリティコード", "登録日", "備考"]
    d.line(",".join(header))
    notes = ["", "", "DM不要", "優良顧客", "要確認", "法人契約"]
    if d.enc == "cp932":
        notes += ["①要折返し", "㈱サンプル商事 経理部", "髙橋様より紹介"]
    for i in range(g.r.randint(8, 20)):
        p = g.people.ja()
        c = g.card()
        row = [[f"C{g.r.randint(10000, 99999)}"], [P("person_name", p["name"], "column")],
               [P("person_name", p["kana"], "column")],
               [P("email", g.email(p), "column")],
               [P("phone", g.phone(d.enc, g.r.choice(["tokyo", "mobile090", "area3", "ip050", "mobile080_space", "osaka_paren"])))],
               [P("postal_code", g.people.postal() if i % 5 else to_fullwidth(g.people.postal(), d.enc), "column")],
               csv_cell(P("address", g.people.address(), "column"), True)]
        for col in extra:
            if col == "マイナンバー":
                row.append([P("my_number", g.mn_text(g.my_number(), d.enc, g.r.choice(["plain", "hyphen", "space"])), "column")])
            elif col == "口座番号":
                row.append([P("bank_account", g.account(), "column")])
            elif col == "生年月日":
                row.append([P("birth_date", g.birth(g.r.choice(["slash", "hyphen", "kanji", "era_kanji", "era_dot"])), "column")])
            elif col == "会員ID":
                # 12 digits, some passing the My Number check: no label, no finding.
                row.append([N("my_number_unlabelled_valid" if i % 2 else "twelve_digits_unlabelled",
                              g.twelve_unlabelled(i % 2 == 1))])
        # Japanese users often type full-width digits; Excel keeps them as text.
        ct = g.card_text(c, d.enc, g.r.choice(["plain", "plain", "space", "hyphen", "plain", "fw"]))
        row.append(csv_cell(P("card_number", ct), " " in ct))
        row.append([P("card_expiry", g.exp(g.r.choice(["MM/YY", "MM/YYYY", "YYYY/MM"])), "column")])
        row.append([P("card_security_code", g.cvv(c), "column")])
        row.append([N("date", g.date("slash"))])
        note = g.r.choice(notes)
        row.append([P("person_name", "髙橋"), note[2:]] if note.startswith("髙橋様") else [note])
        for k, cell in enumerate(row):
            if k:
                d.add(",")
            d.add(*cell)
        d.add("\n")
    if variant % 3 == 0:
        # Excel turned a card into a float: not a card any more.
        d.add("C00000,", P("person_name", g.people.ja()["name"], "column"), ",,,,,,")
        d.add(",," * len(extra) if extra else "")
        d.line(N("excel_scientific", f"{int(g.card('visa')[:6]) / 100000:.5f}E+15"), ",,,,")


def t_csv_customers_en(d, g):
    d.line("customer_id,first_name,last_name,email,phone,zip,card_number,exp,cvv,dob,notes")
    for i in range(g.r.randint(8, 15)):
        p = g.people.en() if g.r.random() < 0.5 else g.people.ja()
        first, last = (p["first"], p["last"]) if "first" in p else (p["giv_r"], p["sur_r"])
        c = g.card()
        d.add(f"{1000 + i},", P("person_name", first, "column"), ",", P("person_name", last, "column"), ",", P("email", g.email({"giv_r": first, "sur_r": last}, g.r.choice(["plain", "plus", "hyphen", "sub"])), "column"), ",")
        d.add(P("phone", g.phone(d.enc, g.r.choice(["intl_us", "intl_uk", "intl_jp_mobile", "tokyo"])), "column"), ",")
        d.add(P("postal_code", g.people.postal(), "column"), ",")
        d.add(P("card_number", g.card_text(c, d.enc, g.r.choice(["plain", "hyphen"]))), ",")
        d.add(P("card_expiry", g.exp(g.r.choice(["MM/YY", "MM/YYYY"])), "column"), ",")
        d.add(P("card_security_code", g.cvv(c), "column"), ",")
        d.add(P("birth_date", g.birth(g.r.choice(["slash", "hyphen"])), "column"), ",")
        d.line(g.r.choice(["", "vip", "prefers letters", "called twice", "\"moved, pending update\""]))


def t_log_app(d, g):
    """Application log: plain lines and NDJSON, lots of harmless digits."""
    svc = g.r.choice(["payment-api", "member-svc", "checkout", "batch-export"])
    for i in range(g.r.randint(25, 45)):
        ts = g.ts()
        kind = g.r.random()
        if kind < 0.35:
            d.line(N("timestamp", ts), f" INFO  [{svc}-{g.r.randint(1, 8)}] request done status=200 latency_ms=",
                   g.r.randint(3, 900), " bytes=", g.r.randint(100, 99999), " trace=", N("uuid", g.uuid()),
                   " ip=", N("ipv4", g.ipv4()))
        elif kind < 0.45:
            c = g.card()
            d.line(N("timestamp", ts), " WARN  gateway declined card=", P("card_number", c), " exp=",
                   P("card_expiry", g.exp("MM/YY")), " reason=do_not_honor amount=", g.r.randint(100, 99999))
        elif kind < 0.55:
            p = g.people.ja()
            d.line('{"ts":"', N("timestamp", ts), '","level":"info","event":"signup","user":{"email":"',
                   P("email", g.email(p)), '","phone":"', P("phone", g.phone(d.enc, g.r.choice(["mobile090", "tokyo", "ip050", "intl_jp_mobile"]))),
                   '","birth_date":"', P("birth_date", g.birth("hyphen")), '","zip":"', P("postal_code", g.people.postal()),
                   '"},"ip":"', N("ipv4", g.ipv4()), '"}')
        elif kind < 0.62:
            c = g.card()
            d.line('{"ts":"', N("timestamp", ts), '","level":"debug","msg":"charge request","payload":{"card_number":"',
                   P("card_number", c), '","exp":"', P("card_expiry", g.exp(g.r.choice(["MM/YY", "MM/YYYY"]))), '","cvv":"',
                   P("card_security_code", g.cvv(c)), '","amount":', g.r.randint(100, 50000), ',"currency":"JPY"}}')
        elif kind < 0.72:
            d.line('{"ts":"', N("timestamp", ts), '","level":"info","msg":"order created","order_id":"',
                   N("order_number", g.card() if g.r.random() < 0.5 else g.order_no()), '","items":', g.r.randint(1, 9),
                   ',"total":', g.r.randint(500, 99999), '}')
        elif kind < 0.80:
            d.line(N("timestamp", ts), " DEBUG cache stats hits=", g.r.randint(0, 10**6), " misses=", g.r.randint(0, 10**4),
                   " epoch_ms=", N("epoch_ms", str(1700000000000 + g.r.randint(0, 10**11))), " build=",
                   N("version", f"{g.r.randint(1, 9)}.{g.r.randint(0, 30)}.{g.r.randint(0, 300)}"))
        elif kind < 0.88:
            junk = g.r.choice(["long", "glued", "luhn", "prefix"])
            if junk == "long":
                v = N("long_digit_run", g.long_run())
            elif junk == "glued":
                v = N("glued_to_letters", g.r.choice(["ID", "tx", "ref"]) + g.card() + g.r.choice(["X", "a", "Z9"]))
            elif junk == "luhn":
                v = N("luhn_invalid", g.luhn_invalid())
            else:
                v = N("wrong_prefix", g.wrong_prefix())
            d.line(N("timestamp", ts), " INFO  job=reconcile ref=", v, " ok")
        else:
            d.line(N("timestamp", ts), " ERROR connection reset by peer ", N("ipv4", g.ipv4()), ":", g.r.randint(1024, 65535),
                   " retry_in=", g.r.randint(1, 60), "s")


def t_access_log(d, g, month):
    """Apache/nginx combined log; a few requests leak data in the query string."""
    for i in range(g.r.randint(25, 40)):
        ip = g.ipv4()
        day = g.r.randint(1, 28)
        pre = [N("ipv4", ip), f" - - [{day:02d}/{month}/2024:{g.time()}:{g.r.randint(10, 59)} +0900] \""]
        ua = g.r.choice(['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36',
                         'Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1',
                         'curl/7.88.1'])
        k = g.r.random()
        if k < 0.12:
            c = g.card()
            # A card leaked in a query string. Note: "Jan" in the timestamp is also the
            # engine's JAN-code label; the card must still be reported.
            why = "tricky:month-Jan-is-not-JAN-label" if month == "Jan" else None
            # The status and size after "cvc=123" are not security codes: a label
            # owns the value right after it, not every number up to 60 bytes on.
            d.line(*pre, "GET /checkout/confirm?card_no=", P("card_number", c, why), "&cvc=", P("card_security_code", g.cvv(c)),
                   " HTTP/1.1\" ", N("number_after_labelled_value", "200"), " ",
                   N("number_after_labelled_value", str(g.r.randint(200, 9000))), " \"-\" \"", ua, "\"")
        elif k < 0.2:
            c = g.card()
            why = "tricky:month-Jan-is-not-JAN-label" if month == "Jan" else None
            d.line(*pre, "GET /pay?pan=", P("card_number", c, why), "&amount=", g.r.randint(100, 9999),
                   " HTTP/1.1\" 302 0 \"-\" \"", ua, "\"")
        elif k < 0.28:
            p = g.people.ja()
            why = "tricky:month-Jan-is-not-JAN-label" if month == "Jan" else None
            d.line(*pre, "GET /unsubscribe?email=", P("email", g.email(p, g.r.choice(["plain", "digits", "hyphen"])), why),
                   " HTTP/1.1\" 200 512 \"-\" \"", ua, "\"")
        else:
            path = g.r.choice(["/", "/index.html", "/api/v2/items?page=" + str(g.r.randint(1, 40)), "/static/app.3f9a1c.js",
                               "/images/banner_2024.png", "/api/orders/" + str(g.r.randint(100000, 999999)), "/healthz"])
            d.line(*pre, "GET ", path, " HTTP/1.1\" ", g.r.choice(["200", "200", "304", "404"]), " ", g.r.randint(0, 99999),
                   " \"https://shop.example.jp/\" \"", ua, "\"")


def t_config_yaml(d, g):
    d.line("# checkout service configuration")
    d.line("app:")
    d.line("  name: checkout")
    d.line("  version: ", N("version", f"{g.r.randint(1, 9)}.{g.r.randint(10, 99)}.{rand_digits(g.r, 4)}"))
    d.line("  listen: ", N("ipv4", g.ipv4()), ":", g.r.choice([8080, 8443, 9000]))
    d.line("  instance_id: ", N("uuid", g.uuid()))
    d.line("payment:")
    d.line("  provider: examplepay")
    d.line("  merchant_ref: \"", N("glued_to_letters", "MID" + g.card() + "JP"), "\"")
    d.line("  timeout_ms: ", g.r.choice([3000, 15000, 30000]))
    d.line("  # sandbox cards from the provider's docs; still card numbers to a scanner")
    d.line("  test_cards:")
    for c in TEST_CARDS[:3]:
        d.line("    - \"", P("card_number", c), "\"")
    d.line("notify:")
    d.line("  admin_email: ", P("email", f"ops{g.r.randint(1, 9)}@example.co.jp"))
    d.line("  oncall_phone: \"", P("phone", g.phone(d.enc, g.r.choice(["intl_jp_land", "tokyo", "mobile090"]))), "\"")
    d.line("  escalation:")
    d.line("    - name: ", P("person_name", g.people.en()["name"]))
    d.line("      mail: ", P("email", g.email(g.people.ja(), "plain")))
    d.line("retry:")
    d.line("  backoff: [100, 200, 400, 800, 1600]")
    d.line("  max_attempts: 5")
    d.line("released: ", N("date", g.date("iso")))


def t_config_env(d, g):
    d.line("# .env for local development (do not commit real values)")
    d.line("APP_ENV=development")
    d.line("APP_VERSION=", N("version", f"v{g.r.randint(1, 4)}.{g.r.randint(0, 20)}.{g.r.randint(0, 99)}"))
    d.line("DB_HOST=", N("ipv4", g.ipv4()))
    d.line("DB_PORT=5432")
    d.line("SESSION_SECRET=", N("uuid", g.uuid()))
    d.line("ADMIN_EMAIL=", P("email", f"admin{g.r.randint(1, 9)}@example.jp"))
    d.line("SUPPORT_TEL=", P("phone", g.phone(d.enc, g.r.choice(["free0120", "navi0570", "tokyo"]))))
    d.line("STRIPE_TEST_CARD=", P("card_number", TEST_CARDS[2]))
    d.line("JCB_TEST_CARD=", P("card_number", TEST_CARDS[3]))
    d.line("AMEX_TEST_CARD=", P("card_number", TEST_CARDS[4]))
    d.line("INVALID_CARD_FOR_TESTS=", N("luhn_invalid", g.luhn_invalid()))
    d.line("BUILD_NUMBER=", N("long_digit_run", rand_digits(g.r, 20)))
    d.line("CACHE_TTL_SECONDS=86400")


def t_config_json(d, g):
    p = g.people.ja()
    c = g.card()
    d.line("{")
    d.line('  "schemaVersion": "', N("version", f"{g.r.randint(1, 3)}.{g.r.randint(0, 9)}.{g.r.randint(0, 9)}"), '",')
    d.line('  "customer": {')
    d.line('    "name": "', P("person_name", p["name"], "column"), '",')
    d.line('    "email": "', P("email", g.email(p)), '",')
    d.line('    "tel": "', P("phone", g.phone(d.enc)), '",')
    d.line('    "zip": "', P("postal_code", g.people.postal()), '",')
    d.line('    "dob": "', P("birth_date", g.birth(g.r.choice(["hyphen", "slash"]))), '"')
    d.line("  },")
    d.line('  "card": {')
    d.line('    "number": "', P("card_number", g.card_text(c, d.enc, g.r.choice(["plain", "space"]))), '",')
    d.line('    "exp": "', P("card_expiry", g.exp(g.r.choice(["MM/YY", "YYYY/MM"]))), '",')
    d.line('    "cvv": "', P("card_security_code", g.cvv(c)), '"')
    d.line("  },")
    d.line('  "createdAt": "', N("timestamp", g.ts()), '",')
    d.line('  "requestId": "', N("uuid", g.uuid()), '",')
    d.line('  "amount": ', g.r.randint(100, 99999), ",")
    d.line('  "clientIp": "', N("ipv4", g.ipv4()), '"')
    d.line("}")


def t_memo_ja(d, g):
    """Free-form counter/interview memo: identity documents, bank, full-width."""
    p = g.people.ja()
    d.line("【来店対応メモ】", N("date", g.date("kanji")), " ", N("time", g.time()))
    d.line("対応者：", g.r.choice(STAFF))
    d.line("お客様：", P("person_name", p["name"]), " 様（", P("person_name", p["kana"]), "）")
    d.line()
    d.line("本人確認書類を確認。")
    kind = g.r.choice(["dl", "passport", "both"])
    if kind in ("dl", "both"):
        lab = g.r.choice(["運転免許証番号：", "免許証番号 ", "運転免許証 第"])
        d.line(lab, P("drivers_license", g.dl()), "号" if lab.endswith("第") else "")
    if kind in ("passport", "both"):
        d.line(g.r.choice(["旅券番号：", "パスポート番号：", "パスポート "]), P("passport_number", g.passport()))
    lab = g.mn_label()
    d.line(lab, P("my_number", g.mn_text(g.my_number(), d.enc)))
    d.line(g.birth_label() if g.r.random() < 0.5 else "生年月日：", P("birth_date", g.birth()))
    d.line()
    d.line("振込先口座の登録依頼あり。")
    bank, branch = g.r.choice(FAKE_BANKS), g.r.choice(BRANCHES)
    acct_style = g.r.choice(["inline", "numbered", "touza"])
    if acct_style == "inline":
        d.line(bank, " ", branch, " 普通 ", P("bank_account", g.account()))
    elif acct_style == "numbered":
        d.line("金融機関：", bank, " ", branch)
        d.line("口座番号：", P("bank_account", g.account()), "（普通預金）")
    else:
        d.line(bank, " ", branch, " 当座 ", P("bank_account", g.account()))
    d.line()
    d.line("連絡先：", P("phone", g.phone(d.enc, g.r.choice(["fw_mobile", "mobile090", "tokyo", "mobile080_space"]))))
    if g.r.random() < 0.7:
        c = g.card()
        d.line("お支払い用カード：", P("card_number", g.card_text(c, d.enc, g.r.choice(["fw", "fw_hyphen", "space"]))))
        d.line("有効期限 ", P("card_expiry", g.exp(g.r.choice(["YYYY年M月", "MM/YY"]))))
    d.line()
    d.line("次回来店予定：", N("date", g.date("md")), " ", N("time", g.time()), "頃")
    d.line("備考：ポイントカード番号は後日お知らせ（", N("twelve_digits_unlabelled", g.twelve_unlabelled(False)), "は旧カード）")


def t_hr_record(d, g):
    """Employee onboarding / year-end adjustment form."""
    p = g.people.ja()
    d.line("■ 従業員情報（入社手続き）")
    d.line("社員番号：E-", rand_digits(g.r, 6))
    d.line("氏名：", P("person_name", p["name"]))
    d.line("生年月日：", P("birth_date", g.birth(g.r.choice(["era_kanji", "kanji", "era_dot", "slash"]))))
    d.line("個人番号：", P("my_number", g.mn_text(g.my_number(), d.enc)))
    d.line(*g.postal_items(d.enc))
    d.line("住所：", P("address", g.people.address()))
    d.line("電話番号：", P("phone", g.phone(d.enc)))
    d.line("運転免許証番号：", P("drivers_license", g.dl()))
    d.line("入社日：", N("date", g.date("reiwa")))
    d.line()
    d.line("■ 扶養親族")
    for _ in range(g.r.randint(1, 3)):
        q = g.people.ja()
        d.line("・", P("person_name", q["name"]), "　生年月日 ", P("birth_date", g.birth(g.r.choice(["era_kanji", "era_slash", "era_dot"]))),
               "　個人番号 ", P("my_number", g.mn_text(g.my_number(), d.enc, g.r.choice(["plain", "space"]))))
    d.line()
    d.line("■ 給与振込口座")
    d.line(g.r.choice(FAKE_BANKS), " ", g.r.choice(BRANCHES), " 普通預金 口座番号 ", P("bank_account", g.account()))
    d.line()
    d.line("■ 会社情報")
    d.line("法人番号：", N("houjin_bangou", g.houjin(card_like=g.r.random() < 0.5)))
    d.line("所在地：〒", P("postal_code", g.people.postal()), " ", P("address", g.people.address()))


def t_application_ja(d, g):
    """Rental/membership application form: every identity field, varied notations."""
    p = g.people.ja()
    d.line("＜入会申込書＞　受付日：", N("date", g.date("reiwa")))
    d.line()
    d.line("申込者：", P("person_name", p["name"]), "（", P("person_name", p["kana"]), "）")
    d.line(g.birth_label(), P("birth_date", g.birth()))
    d.line(*g.postal_items(d.enc))
    d.line("住所：", P("address", g.people.address()))
    d.line(g.r.choice(["電話：", "TEL ", "携帯番号："]), P("phone", g.phone(d.enc)))
    d.line("E-mail：", P("email", g.email(p)))
    d.line()
    d.line("【本人確認書類】")
    if g.r.random() < 0.6:
        d.line(g.r.choice(["運転免許証番号：", "免許証番号：", "運転免許証 "]), P("drivers_license", g.dl()))
    d.line(g.r.choice(["旅券番号：", "パスポート番号 ", "Passport No. "]), P("passport_number", g.passport()))
    d.line(g.mn_label(), P("my_number", g.mn_text(g.my_number(), d.enc)))
    d.line()
    d.line("【お支払い】")
    c = g.card()
    d.line("カード番号：", P("card_number", g.card_text(c, d.enc)))
    d.line(g.exp_label(), P("card_expiry", g.exp()))
    d.line(g.cvv_label(), P("card_security_code", g.cvv(c)))
    d.line("【返金先口座】")
    bank, branch = g.r.choice(FAKE_BANKS), g.r.choice(BRANCHES)
    d.line(bank, " ", branch, " ", g.r.choice(["普通", "当座", "普通預金"]), " ", P("bank_account", g.account()))
    d.line()
    d.line("受付番号：", N("order_number", g.order_no()), "　担当：", P("person_name", g.r.choice(STAFF)))


def t_chat_ndjson(d, g):
    """Chat-support export, one JSON object per line, Japanese text inside."""
    for i in range(g.r.randint(10, 18)):
        p = g.people.ja()
        msg_id = N("uuid", g.uuid())
        k = g.r.random()
        head = ['{"id":"', msg_id, '","ts":"', N("timestamp", g.ts()), '","from":"customer","text":"']
        if k < 0.25:
            c = g.card()
            d.line(*head, "カード番号は ", P("card_number", g.card_text(c, d.enc, g.r.choice(["space", "hyphen", "plain", "fw_hyphen"]))),
                   "、有効期限は ", P("card_expiry", g.exp()), " です", '"}')
        elif k < 0.4:
            d.line(*head, "電話番号変わりました。", P("phone", g.phone(d.enc)), " にお願いします", '"}')
        elif k < 0.5:
            d.line(*head, "メールは ", P("email", g.email(p)), " です。よろしくお願いします", '"}')
        elif k < 0.6:
            d.line(*head, "マイナンバーは ", P("my_number", g.mn_text(g.my_number(), d.enc, g.r.choice(["plain", "space", "hyphen"]))), " です", '"}')
        elif k < 0.7:
            d.line(*head, "注文番号 ", N("order_number", g.card()), " の件です", '"}')
        elif k < 0.8:
            d.line(*head, "セキュリティコードは ", P("card_security_code", g.cvv()), " です", '"}')
        else:
            d.line('{"id":"', msg_id, '","ts":"', N("timestamp", g.ts()), '","from":"agent","text":"確認いたします。少々お待ちください（受付 ',
                   N("time", g.time()), '）"}')


def t_crm_en(d, g):
    p = g.people.en()
    d.line("CRM note — account ", f"ACC-{rand_digits(g.r, 6)}")
    d.line("Customer: ", p["name"])
    d.line("Logged: ", N("timestamp", g.ts()))
    d.line()
    d.line("Customer called from ", P("phone", g.phone(d.enc, g.r.choice(["intl_us", "intl_uk"]))),
           " about a duplicate charge. Verified identity:")
    d.line("- DOB: ", P("birth_date", g.birth(g.r.choice(["english", "slash", "hyphen"]))))
    d.line("- Passport: ", P("passport_number", g.passport()))
    d.line("- Driver's license number: ", P("drivers_license", g.dl()), " (Japanese licence)")
    d.line("- Email: ", P("email", f"{p['first'].lower()}{g.r.randint(10, 99)}@example.org"))
    c = g.card()
    d.line("- Card on file: ", P("card_number", g.card_text(c, d.enc, g.r.choice(["space", "hyphen"]))), " ",
           P("card_expiry", g.exp("MM/YY"), "after_card"))
    d.line("- Card she wanted to use instead ends in ", g.card()[-4:], " (not stored)")
    d.line("Refunded ", N("price", f"${g.r.randint(10, 500)}.{g.r.randint(10, 99)}"), " under invoice ",
           N("order_number", f"INV-{rand_digits(g.r, 8)}"), ".")
    d.line("Shipping tracking ", N("tracking_number", f"1Z{rand_digits(g.r, 16)}"), " (carrier portal).")
    d.line("Follow-up scheduled ", N("date", g.date("iso")), " ", N("time", g.time()), ".")
    d.line("Bank refund instead? Account number: ", P("bank_account", g.account()), ", Example Bank, branch ", rand_digits(g.r, 3), ".")


def t_track_dump(d, g):
    """POS terminal debug dump with raw magnetic-stripe data."""
    d.line("# POS terminal debug dump (swipe fallback)")
    for i in range(g.r.randint(6, 10)):
        p = g.people.en() if g.r.random() < 0.4 else g.people.ja()
        c = g.card(g.r.choice(["visa", "mastercard", "jcb", "amex"]))
        style = g.track_style()
        name = {"t1": "track1", "t2": "track2"}.get(style, "raw")
        d.line(N("timestamp", g.ts()), " term=T", rand_digits(g.r, 4), " swipe ", name, "=", P("card_track", g.track(c, p, style)))
    d.line(N("timestamp", g.ts()), " term=T0001 emv chip ok aid=A0000000031010 atc=", rand_digits(g.r, 4))


def t_form_dump(d, g):
    """Web form POST bodies captured by a debug proxy (key=value and JSON keys)."""
    for i in range(g.r.randint(5, 9)):
        p = g.people.ja()
        c = g.card()
        if g.r.random() < 0.5:
            d.line("POST /api/pay body=card_number=", P("card_number", c), "&card_exp=", P("card_expiry", g.exp("MM/YY")),
                   "&card_cvv=", P("card_security_code", g.cvv(c)), "&holder=", p["upper"].replace("/", "+"))
        else:
            d.line('POST /api/pay body={"cc_number":"', P("card_number", c), '","cc_exp":"', P("card_expiry", g.exp("MM/YYYY")),
                   '","cvc":"', P("card_security_code", g.cvv(c)), '","mail":"', P("email", g.email(p)), '"}')


# -- files that must produce NO findings -------------------------------------

def t_neg_inventory(d, g):
    """Inventory list: JAN codes, prices, SKUs (header 'JAN' is a negative label)."""
    d.line("商品名,JAN,価格,在庫,入荷日")
    for i in range(g.r.randint(12, 20)):
        item = g.r.choice(["ボールペン", "ノート", "消しゴム", "付箋", "クリアファイル", "ホッチキス", "電卓"])
        d.line(item, f"{i + 1}号,", N("jan_code_column", g.jan(i % 3 == 0)), ",",
               N("price", f"{g.r.randint(100, 5000)}"), ",", g.r.randint(0, 500), ",", N("date", g.date("slash")))


def t_neg_numbers(d, g):
    """Prose full of numbers that look like personal data but aren't."""
    r = g.r
    d.line("# 経理・システム連絡メモ（個人情報なし）")
    d.line()
    d.line("今月の売上は ", N("price", f"{r.randint(1000000, 9999999):,}円"), "、前月比 ", r.randint(101, 130), "% でした。")
    d.line("大口案件は ", N("price", f"{yen(d.enc)}{r.randint(100000, 999999):,}"), " と ", N("price", f"{yen(d.enc)}{r.randint(10000, 99999):,}"), " の2件です。")
    d.line("取引先の", "法人番号：", N("houjin_bangou", g.houjin(card_like=True)), "（登録済み）")
    d.line("サーバ ", N("ipv4", g.ipv4()), " と ", N("ipv4", g.ipv4()), " を ", N("date", g.date("kanji")), " ", N("time", g.time()), " に再起動します。")
    d.line("リリース ", N("version", f"v{r.randint(1, 9)}.{r.randint(0, 20)}.{r.randint(0, 99)}"), " のビルド ID は ", N("uuid", g.uuid()), " です。")
    d.line("テスト用の無効なカード番号（Luhn 不一致）：", N("luhn_invalid", g.luhn_invalid()))
    d.line("ブランドに該当しない番号：", N("wrong_prefix", g.wrong_prefix()), " と ", N("wrong_prefix", g.wrong_prefix()))
    d.line("桁数がブランドと合わない番号：", N("wrong_length", g.wrong_length()), " / ", N("wrong_length", g.wrong_length()))
    d.line("長い数字列：", N("long_digit_run", g.long_run()), " と ", N("long_digit_run", g.long_run()))
    d.line("英字に挟まれた番号：", N("glued_to_letters", "ID" + g.card() + "X"), " / ", N("glued_to_letters", "abc" + g.card("mastercard")))
    d.line("伏せ字のカード：", N("masked_card", "4111-****-****-" + rand_digits(r, 4)), " / ", N("masked_card", "************" + rand_digits(r, 4)))
    d.line("会員番号 ", N("twelve_digits_unlabelled", g.twelve_unlabelled(False)), " / 整理番号 ", N("my_number_unlabelled_valid", g.twelve_unlabelled(True)))
    d.line("問い合わせ番号 ", N("tracking_number", g.tracking()), " は配送済みです。")
    d.line("次回打ち合わせ ", N("date", g.date("slash")), " ", N("time", g.time()), "-", N("time", g.time()), "（会議室 ", r.randint(301, 399), "）")
    d.line("部品コード ", N("postal_unlabelled", f"{r.randint(100, 999)}-{r.randint(1000, 9999)}"), " を発注。")
    d.line("型番 ", N("passport_unlabelled", g.passport()), " の在庫を確認。")
    d.line("在庫数 ", N("account_unlabelled", rand_digits(r, 7)), " 個（倉庫合計）。")
    d.line("12/27 は仕事納め、1/5 から通常営業です。")
    d.line("社内SNS ", N("not_email", "@support_team"), " でも告知済み。", N("not_email", "info at example dot com"), " は旧アドレス表記。")


def t_neg_phones(d, g):
    """Things shaped like phone numbers that are not."""
    r = g.r
    d.line("Release notes / ops log — no personal data")
    d.line()
    d.line("Deployed build ", N("version", f"{r.randint(1, 9)}.{r.randint(0, 9)}.{r.randint(0, 9)}-rc{r.randint(1, 5)}"), " on ",
           N("date", g.date("iso")), " at ", N("time", g.time()), ":", r.randint(10, 59), " JST.")
    d.line("Maintenance window: ", N("date", g.date("iso")), " ", N("time", f"0{r.randint(0, 4)}:00"), "–", N("time", f"0{r.randint(5, 9)}:30"), " (UTC+9).")
    d.line("Price change: ", N("price", f"{yen(d.enc)}{r.randint(1000, 99999):,}"), " -> ", N("price", f"{yen(d.enc)}{r.randint(1000, 99999):,}"), ".")
    d.line("Too short for a phone: ", N("invalid_phone", f"03-{r.randint(100, 999)}-{rand_digits(r, 3)}"), "; too long: ",
           N("invalid_phone", f"03-{r.randint(1000, 9999)}-{rand_digits(r, 5)}"), ".")
    d.line("Mobile prefix with ten digits is invalid: ", N("invalid_phone", f"090-{r.randint(1000, 9999)}-{rand_digits(r, 3)}"), ".")
    d.line("Hosts ", N("ipv4", g.ipv4()), ", ", N("ipv4", g.ipv4()), " and ", N("ipv4", g.ipv4()), " answered.")
    d.line("Order ID ", N("order_number", f"{r.randint(2022, 2025)}-{rand_digits(r, 4)}-{rand_digits(r, 4)}"), " shipped; tracking number ",
           N("tracking_number", rand_digits(r, 12)), ".")
    d.line("Serial ", N("order_number", f"SN{rand_digits(r, 10)}"), " replaced.")
    d.line("Coordinates 35.6812, 139.7671 recorded; temperature 23.5C.")
    d.line("Dial-in code ", N("invalid_phone", f"0{r.randint(1, 9)}{rand_digits(r, 7)}"), " is a meeting PIN, not a number to call.")
    d.line("Windows build ", N("version", f"10.0.{r.randint(10000, 22999)}.{r.randint(100, 999)}"), " and kernel ",
           N("version", f"6.1.0-{r.randint(10, 30)}-amd64"), ".")


def t_neg_labelled_invalid(d, g):
    """Labels present, values invalid: none of these may be reported."""
    r = g.r
    d.line("【入力チェック用サンプル（すべて不正値）】")
    d.line("マイナンバー：", N("my_number_bad_check", g.mn_text(g.my_number_bad(), d.enc, r.choice(["plain", "space"]))))
    d.line("個人番号：", N("my_number_bad_check", g.my_number_bad()))
    d.line("カード番号：", N("luhn_invalid", g.luhn_invalid()))
    d.line("カード番号：", N("wrong_prefix", g.wrong_prefix()))
    d.line("セキュリティコード：", N("cvv_wrong_length", rand_digits(r, 5)))
    d.line("電話番号：", N("invalid_phone", f"090-{rand_digits(r, 4)}-{rand_digits(r, 3)}"))
    d.line("郵便番号：", N("postal_wrong_format", f"{rand_digits(r, 2)}-{rand_digits(r, 5)}"))
    d.line("注文番号：", N("order_number", g.card("visa")), "（カード番号と同じ形式ですが注文番号です）")
    d.line("伝票番号：", N("tracking_number", g.card("jcb")))
    d.line("お問い合わせ番号：", N("suppressed_phone_like", f"0{r.randint(1, 9)}{rand_digits(r, 9)}"))
    d.line("法人番号：", N("houjin_bangou", g.houjin(card_like=True)))
    d.line("JAN：", N("jan_code_labelled", "4901234567894"), "（Luhn も通る 13 桁）")


def t_neg_metrics(d, g):
    """Digit-heavy monitoring output (Prometheus text format)."""
    r = g.r
    for i in range(r.randint(30, 50)):
        metric = r.choice(["http_requests_total", "process_cpu_seconds_total", "go_memstats_alloc_bytes",
                           "queue_depth", "db_pool_wait_ms"])
        d.line(metric, '{instance="', N("ipv4", g.ipv4()), ':9100",job="node"} ', r.randint(0, 10**12), " ",
               N("epoch_ms", str(1700000000000 + r.randint(0, 10**11))))


# ==========================================================================

def build(outdir):
    g = Gen(SEED)
    docs = []

    def doc(path, enc, fn, *args, crlf=False):
        d = Doc(path, enc, crlf)
        fn(d, g, *args)
        docs.append(d)

    for i, enc in enumerate(["iso-2022-jp"] * 6 + ["utf-8"] * 2):
        doc(f"files/mail/support_{i + 1:02d}.eml", enc, t_mail_support_ja, crlf=True)
    for i, enc in enumerate(["iso-2022-jp", "iso-2022-jp", "utf-8", "euc-jp"]):
        doc(f"files/mail/customer_{i + 1:02d}.eml", enc, t_mail_customer_ja, crlf=(enc == "iso-2022-jp"))
    for i, enc in enumerate(["euc-jp", "euc-jp", "euc-jp", "utf-8", "utf-8", "iso-2022-jp"]):
        doc(f"files/orders/order_confirm_{i + 1:02d}.txt", enc, t_order_ja, crlf=(enc == "iso-2022-jp"))
    for i in range(4):
        doc(f"files/mail/en_support_{i + 1:02d}.txt", "utf-8", t_mail_en)
    for i in range(8):
        doc(f"files/csv/customers_{i + 1:02d}_cp932.csv", "cp932", t_csv_customers_ja, i, crlf=True)
    for i, enc in enumerate(["utf-8-bom", "utf-8-bom", "utf-8"]):
        doc(f"files/csv/customers_ja_{i + 1:02d}.csv", enc, t_csv_customers_ja, i + 1, crlf=(enc == "utf-8-bom"))
    for i, enc in enumerate(["utf-8-bom", "utf-8-bom", "utf-8"]):
        doc(f"files/csv/customers_en_{i + 1:02d}.csv", enc, t_csv_customers_en, crlf=(i == 0))
    for i in range(6):
        doc(f"files/logs/app_{i + 1:02d}.log", "utf-8", t_log_app)
    for i, month in enumerate(["Jan", "Mar", "Jun", "Jan"]):
        doc(f"files/logs/access_{i + 1:02d}.log", "utf-8", t_access_log, month)
    for i in range(2):
        doc(f"files/config/checkout_{i + 1:02d}.yaml", "utf-8", t_config_yaml)
    for i in range(2):
        doc(f"files/config/dev_{i + 1:02d}.env", "utf-8", t_config_env)
    for i in range(3):
        doc(f"files/config/request_{i + 1:02d}.json", "utf-8", t_config_json)
    for i, enc in enumerate(["utf-16le-bom"] * 4 + ["utf-8"] * 2 + ["euc-jp"] * 2 + ["cp932"]):
        doc(f"files/memo/memo_{i + 1:02d}.txt", enc, t_memo_ja, crlf=(enc == "cp932"))
    for i, enc in enumerate(["utf-8-bom", "utf-16le-bom", "euc-jp", "utf-8"]):
        doc(f"files/hr/employee_{i + 1:02d}.txt", enc, t_hr_record)
    for i in range(3):
        doc(f"files/chat/export_{i + 1:02d}.ndjson", "utf-8", t_chat_ndjson)
    for i, enc in enumerate(["utf-8", "cp932", "euc-jp", "utf-16le-bom", "iso-2022-jp", "utf-8-bom"]):
        doc(f"files/forms/application_{i + 1:02d}.txt", enc, t_application_ja, crlf=(enc in ("cp932", "iso-2022-jp")))
    for i, enc in enumerate(["utf-8", "utf-16le-bom", "utf-8", "utf-8-bom"]):
        doc(f"files/crm/note_{i + 1:02d}.txt", enc, t_crm_en)
    for i, enc in enumerate(["utf-8", "utf-8", "utf-16le-bom"]):
        doc(f"files/pos/track_dump_{i + 1:02d}.log", enc, t_track_dump)
    for i in range(2):
        doc(f"files/logs/form_capture_{i + 1:02d}.log", "utf-8", t_form_dump)
    # Negative-only files (expect zero findings).
    for i, enc in enumerate(["cp932", "utf-8"]):
        doc(f"files/negative/inventory_{i + 1:02d}.csv", enc, t_neg_inventory, crlf=(enc == "cp932"))
    for i, enc in enumerate(["utf-8", "euc-jp", "utf-16le-bom", "iso-2022-jp"]):
        doc(f"files/negative/memo_numbers_{i + 1:02d}.txt", enc, t_neg_numbers, crlf=(enc == "iso-2022-jp"))
    for i in range(2):
        doc(f"files/negative/ops_notes_{i + 1:02d}.txt", "utf-8", t_neg_phones)
    for i, enc in enumerate(["utf-8", "cp932"]):
        doc(f"files/negative/invalid_values_{i + 1:02d}.txt", enc, t_neg_labelled_invalid, crlf=(enc == "cp932"))
    for i in range(2):
        doc(f"files/negative/metrics_{i + 1:02d}.prom", "utf-8", t_neg_metrics)

    add_address_docs(doc)  # address_corpus.py
    from names_corpus import documents as name_documents  # person names (own random seed)
    docs += name_documents()

    # Render and verify everything before writing anything.
    for d in docs:
        d.render()
        d.check()

    files_dir = os.path.join(outdir, "files")
    if os.path.isdir(files_dir):
        shutil.rmtree(files_dir)
    all_labels, all_negs, manifest = [], [], []
    for d in docs:
        full = os.path.join(outdir, d.path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(d.data)
        labels, negs = d.records()
        all_labels += labels
        all_negs += negs
        manifest.append({"path": d.path, "encoding": d.enc, "crlf": d.crlf, "bytes": len(d.data),
                         "labels": len(labels), "negatives": len(negs)})

    # The same files inside archives and mail: members keep their bytes, so
    # their labels carry over under "container!/member" paths.
    from containers import package
    containers, more_labels, more_negs = package(docs, all_labels, all_negs)
    for path, data in containers:
        full = os.path.join(outdir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
    all_labels += more_labels
    all_negs += more_negs

    def dump(name, rows):
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            for row in rows:
                f.write(json.dumps(row, ensure_ascii=False) + "\n")

    dump("labels.jsonl", all_labels)
    dump("negatives.jsonl", all_negs)
    dump("manifest.jsonl", manifest)
    return docs, all_labels, all_negs


def verify_written(outdir):
    """Re-read the files from disk and check every label slice (belt and braces)."""
    from docbuilder import ENCODINGS, decode_span
    enc_of = {}
    with open(os.path.join(outdir, "manifest.jsonl"), encoding="utf-8") as f:
        for line in f:
            m = json.loads(line)
            enc_of[m["path"]] = m["encoding"]
    for name in ("labels.jsonl", "negatives.jsonl"):
        with open(os.path.join(outdir, name), encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if "!/" in rec["path"]:
                    continue  # a container member: the same bytes as its file, checked there
                with open(os.path.join(outdir, rec["path"]), "rb") as fh:
                    data = fh.read()
                codec = ENCODINGS[enc_of[rec["path"]]][0]
                got = decode_span(data, rec["offset"], rec["offset"] + rec["length"], codec)
                assert got == rec["value"], (rec, got)


def main():
    if len(sys.argv) != 2 or sys.argv[1].startswith("-"):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        sys.exit(2)
    outdir = sys.argv[1]
    os.makedirs(outdir, exist_ok=True)
    docs, labels, negs = build(outdir)
    verify_written(outdir)
    by_type = collections.Counter(l["type"] for l in labels)
    by_enc = collections.Counter(d.enc for d in docs)
    by_kind = collections.Counter(n["kind"] for n in negs)
    print(f"wrote {len(docs)} files, {len(labels)} labels, {len(negs)} negatives to {outdir}")
    print("encodings: " + ", ".join(f"{k}={v}" for k, v in sorted(by_enc.items())))
    print("labels:    " + ", ".join(f"{t}={by_type.get(t, 0)}" for t in TYPES))
    print("negatives: " + ", ".join(f"{k}={v}" for k, v in sorted(by_kind.items())))


if __name__ == "__main__":
    main()
