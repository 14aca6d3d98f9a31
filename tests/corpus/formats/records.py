"""Fake customer records for the cross-format corpus, each value with the
text as written and the canonical form mamori reports (--reveal):
digits for numbers, E.164 for phones, YYYY-MM for expiries, YYYY-MM-DD
for birth dates, a lower-cased email.

A document is a list of lines; a line is a list of pieces: plain strings
and V(type, text, norm) values. Renderers write the text and derive the
labels from the same pieces, so a label can't disagree with its document.
"""

import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from fakedata import BRANCHES, FAKE_BANKS, People, card_brand, card_groups, my_number_check_digit, new_card, rand_digits  # noqa: E402


class V:
    """A value mamori must report as `typ`, normalized to `norm`."""

    def __init__(self, typ, text, norm, split=False):
        self.typ, self.text, self.norm = typ, text, norm
        # split: a renderer that can style runs puts the value in two runs
        self.split = split

    def halves(self):
        k = len(self.text) // 2
        return self.text[:k], self.text[k:]


def fullwidth(s):
    return "".join(chr(ord(c) + 0xFEE0) if "0" <= c <= "9" else ("\uff0d" if c == "-" else c) for c in s)


ERAS = (("昭和", 1925, 1926, 1988), ("平成", 1988, 1990, 2018))
BRANDS = ("visa", "mastercard", "jcb", "amex", "diners", "visa", "jcb")


class Records:
    def __init__(self, seed):
        self.r = random.Random(seed)
        self.people = People(self.r)
        self.n = 0

    def person(self):
        """One customer: plain fields, and V values in a rotating notation."""
        r, i = self.r, self.n
        self.n += 1
        p = self.people.ja()
        card = new_card(r, BRANDS[i % len(BRANDS)])
        amex = card_brand(card) == "amex"
        card_text = [card, " ".join(card_groups(card)), "-".join(card_groups(card)), fullwidth(card)][i % 4]
        y, m = r.randint(2026, 2031), r.randint(1, 12)
        exp_text = [f"{m:02d}/{y % 100:02d}", f"{m:02d}/{y}", f"{y}年{m}月"][i % 3]
        cvv = str(r.randint(1000 if amex else 100, 9999 if amex else 999))
        g, s = p["giv_r"].lower(), p["sur_r"].lower()
        email = [f"{g}.{s}{i}@example.co.jp", f"{s}{i}@mail.example.ne.jp", f"{g}_{s}{i}@example.com"][i % 3]
        phone = [f"090-{r.randint(1000, 9999)}-{rand_digits(r, 4)}", f"03-{r.randint(1000, 9999)}-{rand_digits(r, 4)}",
                 f"080{r.randint(1000, 9999)}{rand_digits(r, 4)}", f"06-{r.randint(6000, 6999)}-{rand_digits(r, 4)}"][i % 4]
        if i % 5 == 4:
            phone = fullwidth(phone)
        postal = self.people.postal()
        by, bm, bd = r.randint(1950, 2004), r.randint(1, 12), r.randint(1, 28)
        era, base, lo, hi = ERAS[0] if by < 1989 else ERAS[1]
        birth_text = [f"{by}/{bm:02d}/{bd:02d}", f"{by}年{bm}月{bd}日", f"{era}{by - base}年{bm}月{bd}日"][i % 3]
        first = str(r.randint(1, 9)) + rand_digits(r, 10)
        mn = first + my_number_check_digit(first)
        mn_text = [mn, f"{mn[:4]} {mn[4:8]} {mn[8:]}"][i % 2]
        account = rand_digits(r, 7)
        dl = f"{r.choice(['30', '11', '45', '62'])}{r.randint(0, 99):02d}{rand_digits(r, 7)}{r.randint(0, 2)}"
        passport = r.choice(["TK", "TR", "TZ", "MU"]) + rand_digits(r, 7)
        digits = lambda t: "".join(c for c in t if c.isdigit() or "０" <= c <= "９").translate(
            {0xFF10 + k: 0x30 + k for k in range(10)})
        return {
            # Look-alikes that are no findings: a Luhn-valid order number, a date that is no birth date.
            "order": new_card(r, "visa"), "issued": f"{r.randint(2024, 2025)}年{r.randint(1, 12)}月{r.randint(1, 28)}日",
            "registered": f"{r.randint(2020, 2025)}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d}",
            "name": p["name"], "kana": p["kana"], "address": self.people.address(),
            "card": V("card_number", card_text, card, split=i % 3 == 0),
            "exp": V("card_expiry", exp_text, f"{y}-{m:02d}"),
            "cvv": V("card_security_code", cvv, cvv),
            "email": V("email", email, email.lower()),
            "phone": V("phone", phone, "+81" + digits(phone)[1:], split=i % 4 == 1),
            "postal": V("postal_code", postal, postal.replace("-", "")),
            "birth": V("birth_date", birth_text, f"{by}-{bm:02d}-{bd:02d}"),
            "birth_ymd": (by, bm, bd),
            "my_number": V("my_number", mn_text, mn),
            "bank": f"{r.choice(FAKE_BANKS)} {r.choice(BRANCHES)} {r.choice(['普通', '当座'])} ",
            "account": V("bank_account", account, account),
            "dl": V("drivers_license", dl, dl),
            "passport": V("passport_number", passport, passport),
        }


def letter_lines(p):
    """A customer's details as labelled free text, short lines (PDF pages wrap long ones)."""
    return [
        [f"お客様：{p['name']} 様"],
        ["電話番号：", p["phone"]],
        ["メール：", p["email"]],
        ["〒", p["postal"], f" {p['address'][:14]}"],
        ["生年月日：", p["birth"]],
        ["カード番号：", p["card"]],
        ["有効期限：", p["exp"], " セキュリティコード：", p["cvv"]],
        ["マイナンバー：", p["my_number"]],
        ["口座：", p["bank"], p["account"]],
        ["運転免許証番号：", p["dl"], " 旅券番号：", p["passport"]],
        [f"注文番号：{p['order']} 発行日：{p['issued']}"],
    ]


TABLE_HEADER = ["氏名", "フリガナ", "メールアドレス", "電話番号", "郵便番号", "住所", "生年月日",
                "カード番号", "有効期限", "セキュリティコード", "マイナンバー", "注文番号", "登録日"]


# The same columns as a Japanese workbook heads them: wrapped in the cell, with notes.
SHEET_HEADER = ["氏名", "フリガナ", "メールアドレス（PC）", "電話番号（携帯）", "〒", "住所", "生年月日",
                "カード\n番号", "有効\n期限", "セキュリティ\nコード", "マイナンバー", "注文番号", "登録日"]
# A header under group headings, as forms lay them out (merged cells above).
GROUPS = ["No.", "お客様", "連絡先", "", "お支払い", "", ""]
GROUPED_HEADER = ["", "氏名", "電話", "メール", "カード番号", "有効期限", "CVC"]


def grouped_row(i, p):
    return [str(i), p["name"], p["phone"], p["email"], p["card"], p["exp"], p["cvv"]]


EN_HEADER = ["name", "TEL", "E-mail", "zip", "dob", "card_no", "exp", "CVV", "passport_no", "drivers_license",
             "account_number"]


def en_row(p):
    return [p["name"], p["phone"], p["email"], p["postal"], p["birth"], p["card"], p["exp"], p["cvv"],
            p["passport"], p["dl"], p["account"]]


def table_row(p):
    """Cells of one table row under TABLE_HEADER: strings or V values. The
    order number (Luhn-valid) and the registration date (YYYY/MM/DD after
    the card) are look-alikes, no findings."""
    return [p["name"], p["kana"], p["email"], p["phone"], p["postal"], p["address"], p["birth"],
            p["card"], p["exp"], p["cvv"], p["my_number"], p["order"], p["registered"]]


def values(line):
    return [x for x in line if isinstance(x, V)]


def plain(line):
    return "".join(x.text if isinstance(x, V) else x for x in line)
