"""Person names for the labelled corpus: prose, tables and mail.

Positives: common and rare surnames, modern given names (陽翔, 結愛, 蒼),
with and without honorifics, after name labels, katakana readings and
romanized names where the context says they are names, and full names on a
line with an email or phone. Negatives: sentences full of words that share
kanji with surnames (森の中, 中村町の工場, 石川県), company names (株式会社…,
…株式会社, 有限会社…), fonts (ＭＳ 明朝, ヒラギノ角ゴ, Yu Gothic) and common
words before honorific-like characters (皆様, ユーザー様, たくさん).

make_corpus.py calls documents() once; it has its own random generator, so
the rest of the corpus does not move when this file changes.
"""

import random

from docbuilder import Doc, N, P
from fakedata import GIVEN, SURNAMES

SEED = 20261121

# The corpus's everyday names, and a few more.
COMMON_SURNAMES = SURNAMES + [("林", "ハヤシ", "Hayashi"), ("長谷川", "ハセガワ", "Hasegawa")]
RARE_SURNAMES = [
    ("小鳥遊", "タカナシ", "Takanashi"), ("勅使河原", "テシガワラ", "Teshigawara"),
    ("五十嵐", "イガラシ", "Igarashi"), ("東海林", "ショウジ", "Shoji"), ("御手洗", "ミタライ", "Mitarai"),
    ("西園寺", "サイオンジ", "Saionji"), ("九十九", "ツクモ", "Tsukumo"), ("我孫子", "アビコ", "Abiko"),
    ("百目鬼", "ドウメキ", "Domeki"), ("月見里", "ヤマナシ", "Yamanashi"), ("十文字", "ジュウモンジ", "Jumonji"),
    ("南雲", "ナグモ", "Nagumo"), ("鬼瓦", "オニガワラ", "Onigawara"), ("四月一日", "ワタヌキ", "Watanuki"),
]
CLASSIC_GIVEN = GIVEN
MODERN_GIVEN = [
    ("陽翔", "ハルト", "Haruto"), ("結愛", "ユア", "Yua"), ("蒼", "アオイ", "Aoi"), ("凛", "リン", "Rin"),
    ("湊", "ミナト", "Minato"), ("紬", "ツムギ", "Tsumugi"), ("陽葵", "ヒマリ", "Himari"), ("芽依", "メイ", "Mei"),
    ("蓮", "レン", "Ren"), ("樹", "イツキ", "Itsuki"), ("大翔", "ヒロト", "Hiroto"), ("結菜", "ユイナ", "Yuina"),
    ("碧", "アオイ", "Aoi"), ("悠真", "ユウマ", "Yuma"), ("心春", "コハル", "Koharu"), ("澪", "ミオ", "Mio"),
    ("莉子", "リコ", "Riko"), ("颯", "ハヤテ", "Hayate"), ("琴葉", "コトハ", "Kotoha"), ("律", "リツ", "Ritsu"),
]

# Words that share kanji with surnames, companies, fonts, and common words
# before honorific-like characters: none of them is a person.
NEGATIVE_SENTENCES = [
    ["週末は", N("place", "森の中"), "を歩いて、小川の音を聞きました。"],
    [N("place", "中村町"), "の工場では来月から新しいラインが動きます。"],
    ["来週は", N("place", "石川県"), "金沢市と", N("place", "富山県"), "高岡市へ出張します。"],
    [N("place", "松本市"), "と", N("place", "吉田町"), "を結ぶバスは一時間に一本です。"],
    [N("place", "長谷川"), "の堤防沿いに桜並木が続いています。"],
    ["駅前の", N("place", "高橋"), "を渡ると、", N("place", "小林"), "の交差点に出ます。"],
    [N("company", "株式会社山田製作所"), "の決算説明会は延期されました。"],
    [N("company", "有限会社佐藤商店"), "に見積もりを依頼しました。"],
    [N("company", "山田株式会社"), "様との契約は更新済みです。"],
    [N("company", "株式会社 中村"), "様より請求書が届きました。"],
    ["見出しは", N("font", "ＭＳ 明朝"), "、本文は", N("font", "ヒラギノ角ゴ"), "か",
     N("font", "Yu Gothic"), "を指定してください。"],
    ["font-family: ", N("font", "Yu Gothic"), ", ", N("font", "Meiryo"), ", sans-serif;"],
    ["ご来場の", N("common", "皆様"), "、", N("common", "お客様"), "各位へのお知らせです。"],
    [N("common", "ユーザー様"), "と", N("common", "オーナー様"), "向けの説明会を開きます。"],
    ["同様の仕様で、申請様式を", N("common", "たくさん"), "用意しました。"],
    [N("common", "皆さん"), "、", N("common", "奥様"), "や", N("common", "お子様"), "もご一緒にどうぞ。"],
    ["ご担当者様へ：", N("common", "神様"), "の置物は在庫切れです。"],
    [N("place", "田中駅"), "から", N("place", "森町"), "までは徒歩十分です。"],
    ["この", N("common", "森"), "は", N("place", "石川"), "の源流にあたります。"],
    ["File name: Report.pdf、Product name: Quick Start"],
]


class Names:
    def __init__(self, seed=SEED):
        self.r = random.Random(seed)
        self.n = 0

    def person(self):
        """A surname and given name, rare and modern ones often."""
        self.n += 1
        sur = self.r.choice(RARE_SURNAMES if self.n % 3 == 0 else COMMON_SURNAMES)
        giv = self.r.choice(MODERN_GIVEN if self.n % 2 == 0 else CLASSIC_GIVEN)
        return {"sur": sur[0], "giv": giv[0], "name": f"{sur[0]} {giv[0]}", "joined": sur[0] + giv[0],
                "kana": f"{sur[1]} {giv[1]}", "sur_kana": sur[1], "sur_r": sur[2], "giv_r": giv[2]}

    def phone(self):
        return f"090-{self.r.randint(1000, 9999)}-{self.r.randint(1000, 9999)}"

    def email(self, p):
        return f"{p['giv_r'].lower()}.{p['sur_r'].lower()}{self.r.randint(10, 99)}@example.jp"


def positive_sentences(g):
    """Each call gives one sentence (a list of segments) naming someone."""
    p = g.person()
    q = g.person()
    return [
        [P("person_name", p["joined"]), "様より、商品の到着が遅れているとのご連絡がありました。"],
        ["本日、", P("person_name", p["sur"]), "さんと打ち合わせを行いました。"],
        ["保育園では", P("person_name", p["giv"]), "ちゃんが今日も元気に遊んでいました。"],
        ["作文コンクールでは", P("person_name", q["giv"]), "君の作品が入選しました。"],
        ["新しく部長に就任した", P("person_name", p["name"]), "氏から挨拶がありました。"],
        ["宛名：", P("person_name", p["name"]), " 殿"],
        ["担当：", P("person_name", q["sur"])],
        ["お名前：", P("person_name", p["name"]), "（", P("person_name", p["kana"]), "）"],
        ["Name: ", P("person_name", f"{p['giv_r']} {p['sur_r']}")],
        ["契約者：", P("person_name", f"{q['sur_r'].upper()} {q['giv_r']}")],
        ["フリガナ：", P("person_name", q["kana"])],
        [P("person_name", p["sur_kana"]), "様からお電話がありました。"],
        ["申込者 ", P("person_name", q["name"])],
        ["昨日の件は", P("person_name", q["sur"]), "様にお伝えしました。"],
        [P("person_name", p["name"]), " <", P("email", g.email(p)), "> ", P("phone", g.phone())],
    ]


def t_prose(d, g):
    for k in range(g.r.randint(14, 20)):
        if k % 3 == 2:
            d.line(*g.r.choice(NEGATIVE_SENTENCES))
        else:
            d.line(*g.r.choice(positive_sentences(g)))
        if k % 5 == 4:
            d.line()


def t_table(d, g):
    d.line("氏名,フリガナ,氏名（ローマ字）,担当者,メールアドレス,電話番号,備考")
    for _ in range(g.r.randint(10, 16)):
        p, staff = g.person(), g.person()
        note = g.r.choice([[""], ["DM不要"], [P("person_name", staff["sur"]), "様より紹介"],
                           [N("place", "中村町"), "の工場勤務"], [N("company", "株式会社山田製作所"), "経由"]])
        d.add(P("person_name", p["name"], "column"), ",", P("person_name", p["kana"], "column"), ",",
              P("person_name", f"{p['sur_r'].upper()} {p['giv_r']}", "column"), ",",
              P("person_name", staff["sur"], "column"), ",", P("email", g.email(p), "column"), ",",
              P("phone", g.phone(), "column"), ",", *note)
        d.line()


def t_mail(d, g):
    p, me = g.person(), g.person()
    d.line("From: <", N("routing_email", "sales@example.co.jp"), ">")
    d.line("To: <", N("routing_email", g.email(p)), ">")
    d.line("Subject: お見積りの件")
    d.line("Content-Type: text/plain; charset=", {"iso-2022-jp": "ISO-2022-JP"}.get(d.enc, "UTF-8"))
    d.line()
    d.line(P("person_name", p["name"]), " 様")
    d.line()
    d.line("いつもお世話になっております。")
    d.line("先日ご相談いただいた件について、", P("person_name", p["sur"]), "様のご要望を社内で確認いたしました。")
    d.line(*g.r.choice(NEGATIVE_SENTENCES))
    d.line("ご不明な点は担当：", P("person_name", me["name"]), "までお問い合わせください。")
    d.line()
    d.line("──────────")
    d.line("営業部　", P("person_name", me["name"]), "（", P("email", g.email(me)), "）")
    d.line(P("person_name", f"{me['giv_r']} {me['sur_r']}"), " <", P("email", g.email(me)), ">")


def documents():
    """The name documents, not yet rendered."""
    g = Names()
    docs = []
    for i, enc in enumerate(["utf-8", "utf-8", "euc-jp", "cp932", "utf-16le-bom", "utf-8"]):
        d = Doc(f"files/names/prose_{i + 1:02d}.txt", enc, crlf=(enc == "cp932"))
        t_prose(d, g)
        docs.append(d)
    for i, enc in enumerate(["utf-8", "cp932", "utf-8-bom"]):
        d = Doc(f"files/names/staff_{i + 1:02d}.csv", enc, crlf=(enc != "utf-8"))
        t_table(d, g)
        docs.append(d)
    for i, enc in enumerate(["utf-8", "iso-2022-jp", "utf-8", "iso-2022-jp"]):
        d = Doc(f"files/names/mail_{i + 1:02d}.eml", enc, crlf=True)
        t_mail(d, g)
        docs.append(d)
    return docs
