"""Fake-but-valid-looking values shared by the corpus, sample and bench generators.

Every value is made up from random digits: card numbers are Luhn-completed
random digits behind a real brand prefix, My Numbers get a computed check
digit, names come from common-name lists combined at random. Nothing here
belongs to a real person.

Standard library only (Debian /usr/bin/python3).
"""

import random

# --------------------------------------------------------------------------
# Check digits

def luhn_ok(digits):
    total = 0
    for i, ch in enumerate(reversed(digits)):
        n = ord(ch) - 48
        if i % 2 == 1:
            n *= 2
            if n > 9:
                n -= 9
        total += n
    return total % 10 == 0


def luhn_complete(body):
    """body + the one digit that makes it Luhn-valid."""
    for c in "0123456789":
        if luhn_ok(body + c):
            return body + c
    raise AssertionError("unreachable")


def luhn_break(digits):
    """Same number with a wrong last digit (Luhn-invalid)."""
    last = digits[-1]
    bad = str((int(last) + 1 + (ord(digits[0]) % 8)) % 10)
    if bad == last:
        bad = str((int(last) + 5) % 10)
    out = digits[:-1] + bad
    assert not luhn_ok(out)
    return out


def my_number_check_digit(first11):
    # Weights 6,5,4,3,2,7,6,5,4,3,2 from the left; C = 0 if r <= 1 else 11 - r.
    weights = (6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2)
    r = sum(int(d) * w for d, w in zip(first11, weights)) % 11
    return "0" if r <= 1 else str(11 - r)


def my_number_ok(digits):
    return len(digits) == 12 and digits.isdigit() and my_number_check_digit(digits[:11]) == digits[11]


def houjin_check_digit(base12):
    # 法人番号: 9 - (sum of digits weighted 1,2,1,2... from the right) mod 9.
    s = 0
    for n, ch in enumerate(reversed(base12), start=1):
        s += int(ch) * (1 if n % 2 else 2)
    return str(9 - s % 9)


def ean13_complete(body12):
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(body12))
    return body12 + str((10 - s % 10) % 10)


# --------------------------------------------------------------------------
# Card brands, exactly as the engine's rules define them

def card_brand(d):
    """Brand of a digit string by IIN and length, or None (no Luhn check)."""
    n = len(d)
    if n < 13 or n > 19 or not d.isdigit():
        return None
    p2, p3, p4 = int(d[:2]), int(d[:3]), int(d[:4])
    if d[0] == "4" and n in (13, 16, 19):
        return "visa"
    if (51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16:
        return "mastercard"
    if 3528 <= p4 <= 3589 and 16 <= n <= 19:
        return "jcb"
    if p2 in (34, 37) and n == 15:
        return "amex"
    if (300 <= p3 <= 305 or p2 in (36, 38, 39)) and 14 <= n <= 19:
        return "diners"
    if (p4 == 6011 or 644 <= p3 <= 649 or p2 == 65) and 16 <= n <= 19:
        return "discover"
    if p2 == 62 and 16 <= n <= 19:
        return "unionpay"
    return None


def is_card(d):
    return card_brand(d) is not None and luhn_ok(d)


BRANDS = ("visa", "mastercard", "jcb", "amex", "diners", "discover", "unionpay")


def _brand_prefix(rng, brand):
    if brand == "visa":
        return "4"
    if brand == "mastercard":
        return str(rng.randint(51, 55)) if rng.random() < 0.6 else str(rng.randint(2221, 2720))
    if brand == "jcb":
        return str(rng.randint(3528, 3589))
    if brand == "amex":
        return rng.choice(("34", "37"))
    if brand == "diners":
        return rng.choice((str(rng.randint(300, 305)), "36", "38", "39"))
    if brand == "discover":
        return rng.choice(("6011", str(rng.randint(644, 649)), "65"))
    if brand == "unionpay":
        return "62"
    raise ValueError(brand)


BRAND_LENGTHS = {
    "visa": (16, 16, 16, 16, 13, 19),
    "mastercard": (16,),
    "jcb": (16, 16, 16, 17, 18, 19),
    "amex": (15,),
    "diners": (14, 14, 16, 19),
    "discover": (16, 16, 19),
    "unionpay": (16, 16, 17, 19),
}

# Public test numbers from the card networks' documentation (not anyone's card).
TEST_CARDS = ("4111111111111111", "5555555555554444", "4242424242424242",
              "3530111333300000", "378282246310005")


def rand_digits(rng, n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def new_card(rng, brand=None, length=None):
    brand = brand or rng.choice(BRANDS)
    length = length or rng.choice(BRAND_LENGTHS[brand])
    while True:
        pre = _brand_prefix(rng, brand)
        d = luhn_complete(pre + rand_digits(rng, length - 1 - len(pre)))
        if d not in TEST_CARDS and card_brand(d) == brand:
            return d


def card_groups(d):
    """Group sizes people print: Amex 4-6-5, 14-digit Diners 4-6-4, else fours."""
    n = len(d)
    if n == 15 and d[:2] in ("34", "37"):
        sizes = (4, 6, 5)
    elif n == 14:
        sizes = (4, 6, 4)
    else:
        sizes = [4] * (n // 4) + ([n % 4] if n % 4 else [])
        if sizes[-1] == 1:  # 17 digits: 4-4-4-5, nobody prints a lone last digit
            sizes = sizes[:-2] + [5]
    out, i = [], 0
    for s in sizes:
        out.append(d[i:i + s])
        i += s
    return out


# --------------------------------------------------------------------------
# Full-width forms

def fw_hyphen(enc):
    # CP932 and Unicode text use U+FF0D; JIS X 0208 (EUC-JP, ISO-2022-JP) has
    # only U+2212 in Python's codecs, which is what those files decode to.
    return "\u2212" if enc in ("euc-jp", "iso-2022-jp") else "\uff0d"


def to_fullwidth(s, enc):
    out = []
    for ch in s:
        if "0" <= ch <= "9" or "A" <= ch <= "Z" or "a" <= ch <= "z":
            out.append(chr(ord(ch) + 0xFEE0))
        elif ch == "-":
            out.append(fw_hyphen(enc))
        else:
            out.append(ch)
    return "".join(out)


def yen(enc):
    return "\uffe5"  # ￥ encodes in every Japanese codec; ¥ (U+00A5) does not


# --------------------------------------------------------------------------
# People

SURNAMES = [
    ("佐藤", "サトウ", "Sato"), ("鈴木", "スズキ", "Suzuki"), ("高橋", "タカハシ", "Takahashi"),
    ("田中", "タナカ", "Tanaka"), ("伊藤", "イトウ", "Ito"), ("渡辺", "ワタナベ", "Watanabe"),
    ("山本", "ヤマモト", "Yamamoto"), ("中村", "ナカムラ", "Nakamura"), ("小林", "コバヤシ", "Kobayashi"),
    ("加藤", "カトウ", "Kato"), ("吉田", "ヨシダ", "Yoshida"), ("山田", "ヤマダ", "Yamada"),
    ("松本", "マツモト", "Matsumoto"), ("井上", "イノウエ", "Inoue"), ("木村", "キムラ", "Kimura"),
    ("清水", "シミズ", "Shimizu"), ("森", "モリ", "Mori"), ("池田", "イケダ", "Ikeda"),
    ("橋本", "ハシモト", "Hashimoto"), ("石川", "イシカワ", "Ishikawa"),
]
GIVEN = [
    ("太郎", "タロウ", "Taro"), ("花子", "ハナコ", "Hanako"), ("一郎", "イチロウ", "Ichiro"),
    ("美咲", "ミサキ", "Misaki"), ("翔太", "ショウタ", "Shota"), ("結衣", "ユイ", "Yui"),
    ("大輔", "ダイスケ", "Daisuke"), ("陽菜", "ヒナ", "Hina"), ("健", "ケン", "Ken"),
    ("さくら", "サクラ", "Sakura"), ("直樹", "ナオキ", "Naoki"), ("真由美", "マユミ", "Mayumi"),
    ("拓海", "タクミ", "Takumi"), ("愛", "アイ", "Ai"), ("誠", "マコト", "Makoto"),
    ("恵子", "ケイコ", "Keiko"),
]
EN_FIRST = ["Emily", "James", "Olivia", "Michael", "Sarah", "David", "Laura", "Daniel",
            "Grace", "Ryan", "Chloe", "Nathan"]
EN_LAST = ["Carter", "Nguyen", "Patel", "Brooks", "Kim", "Turner", "Foster", "Reyes",
           "Morgan", "Hughes", "Bennett", "Price"]

# Prefecture, city, town: real place names, made-up block numbers below.
PLACES = [
    ("東京都", "渋谷区", "神南"), ("東京都", "新宿区", "西新宿"), ("大阪府", "大阪市北区", "梅田"),
    ("神奈川県", "横浜市中区", "山下町"), ("愛知県", "名古屋市中村区", "名駅"),
    ("北海道", "札幌市中央区", "北一条西"), ("福岡県", "福岡市博多区", "博多駅前"),
    ("京都府", "京都市下京区", "四条通"), ("宮城県", "仙台市青葉区", "一番町"),
    ("兵庫県", "神戸市中央区", "三宮町"), ("埼玉県", "さいたま市大宮区", "桜木町"),
    ("千葉県", "千葉市美浜区", "中瀬"),
]
BUILDINGS = ["サンプルハイツ", "テストビル", "みどり荘", "グリーンコート", "ひかりマンション"]
FAKE_BANKS = ["東都銀行", "ひかり銀行", "みなと銀行", "さくら台信用金庫", "あおば銀行", "中央みらい銀行"]
BRANCHES = ["渋谷支店", "新宿支店", "本店営業部", "梅田支店", "横浜駅前支店", "札幌支店", "博多支店"]


class People:
    """Random fake people; every combination of lists is someone who doesn't exist."""

    def __init__(self, rng):
        self.rng = rng

    def ja(self):
        s = self.rng.choice(SURNAMES)
        g = self.rng.choice(GIVEN)
        return {
            "sur": s[0], "giv": g[0], "name": f"{s[0]} {g[0]}",
            "kana": f"{s[1]} {g[1]}", "sur_r": s[2], "giv_r": g[2],
            "romaji": f"{g[2]} {s[2]}", "upper": f"{s[2].upper()}/{g[2].upper()}",
        }

    def en(self):
        f, l = self.rng.choice(EN_FIRST), self.rng.choice(EN_LAST)
        return {"first": f, "last": l, "name": f"{f} {l}", "upper": f"{l.upper()}/{f.upper()}",
                "sur_r": l, "giv_r": f}

    def address(self):
        r = self.rng
        pref, city, town = r.choice(PLACES)
        a = f"{pref}{city}{town}{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)}"
        if r.random() < 0.5:
            a += f" {r.choice(BUILDINGS)}{r.randint(1, 12)}0{r.randint(1, 9)}"
        return a

    def postal(self):
        # First digits roughly like real regions (0xx Hokkaido ... 9xx Hokuriku).
        return f"{self.rng.randint(0, 9)}{self.rng.randint(0, 9)}{self.rng.randint(0, 9)}-{self.rng.randint(0, 9999):04d}"
