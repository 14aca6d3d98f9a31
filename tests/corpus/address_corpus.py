"""Japanese postal addresses for the labelled corpus (make_corpus.py calls add_address_docs).

Addresses in prose, tables and mail, in the notations people write:
prefecture or not, 1-2-3 / full-width / 一丁目2番3号 / 2丁目3-4 / 3番地の1 /
kanji numerals, with and without building and room, after labels (住所,
ご住所, 所在地, Address) and after postal codes. And negative documents
full of place names that are not addresses: prefectures in prose, 都知事,
stations, 市役所, dates and prices after place names.

Place names are real municipalities (data/jp/municipalities.tsv) and towns;
every block number, building and room is made up. Its own random generator,
so these documents do not shift the rest of the corpus.
"""

import itertools
import random

from docbuilder import N, P
from fakedata import to_fullwidth

SEED = 4047

# (prefecture, municipality, town)
PLACES = [
    ("東京都", "千代田区", "永田町"), ("東京都", "港区", "六本木"), ("東京都", "世田谷区", "三軒茶屋"),
    ("東京都", "八王子市", "明神町"), ("東京都", "西多摩郡瑞穂町", "箱根ケ崎"), ("東京都", "千代田区", "丸の内"),
    ("東京都", "目黒区", "自由が丘"), ("東京都", "渋谷区", "神南"), ("東京都", "新宿区", "西新宿"),
    ("神奈川県", "横浜市中区", "山下町"), ("神奈川県", "横浜市西区", "みなとみらい"),
    ("神奈川県", "川崎市中原区", "小杉町"), ("埼玉県", "さいたま市浦和区", "高砂"),
    ("千葉県", "鎌ケ谷市", "道野辺"), ("千葉県", "市川市", "八幡"), ("大阪府", "大阪市中央区", "本町"),
    ("大阪府", "堺市堺区", "南瓦町"), ("大阪府", "大阪市北区", "梅田"), ("兵庫県", "姫路市", "本町"),
    ("愛知県", "名古屋市中区", "栄"), ("愛知県", "豊田市", "元城町"), ("北海道", "函館市", "若松町"),
    ("北海道", "札幌市中央区", "大通西"), ("宮城県", "仙台市青葉区", "一番町"),
    ("福岡県", "北九州市小倉北区", "魚町"), ("福岡県", "福岡市中央区", "天神"), ("広島県", "広島市中区", "紙屋町"),
    ("沖縄県", "那覇市", "久茂地"), ("長野県", "北安曇郡白馬村", "北城"), ("新潟県", "十日町市", "本町"),
    ("三重県", "四日市市", "諏訪町"), ("奈良県", "大和郡山市", "北郡山町"), ("石川県", "金沢市", "広坂"),
    ("熊本県", "熊本市中央区", "手取本町"), ("鹿児島県", "鹿児島市", "山下町"), ("岡山県", "岡山市北区", "大供"),
    ("群馬県", "吾妻郡草津町", "草津"), ("高知県", "高知市", "本町"), ("京都府", "京都市下京区", "四条通"),
    # Not in the 2022 list: a ward created in 2024, and a made-up city.
    ("静岡県", "浜松市中央区", "元城町"), ("山梨県", "架空市", "中町"),
]
BUILDINGS = [" サンプルハイツ{r}", "テストビル{f}F", " グリーンコート {r}号室", " #{r}", "みどり荘{s}号",
             " メゾン青葉{r}号室", " ひかりマンション{r}", "コーポ桜{s}階"]
BLOCKS = ["hyphen", "hyphen2", "fw", "chome_ban_go", "kanji_chome", "all_kanji", "chome_hyphen",
          "banchi_no", "banchi", "ban_go", "room4"]
KANJI = "〇一二三四五六七八九"


def kanji_number(n):
    """1..99 in positional kanji numerals (二十三)."""
    tens, ones = divmod(n, 10)
    return (("" if tens == 1 else KANJI[tens]) + "十" if tens else "") + (KANJI[ones] if ones else "")


class AddressGen:
    def __init__(self, seed):
        self.r = random.Random(seed)
        # Round-robin, so every notation and place is used many times.
        self.block_style = itertools.cycle(BLOCKS).__next__
        self.place = itertools.cycle(PLACES).__next__

    def block(self, enc):
        r = self.r
        a, b, c = r.randint(1, 9), r.randint(1, 30), r.randint(1, 20)
        style = self.block_style()
        return {
            "hyphen": f"{a}-{b}-{c}", "hyphen2": f"{b}-{c}", "fw": to_fullwidth(f"{a}-{b}-{c}", enc),
            "chome_ban_go": f"{a}丁目{b}番{c}号", "kanji_chome": f"{kanji_number(a)}丁目{b}番{c}号",
            "all_kanji": f"{kanji_number(a)}丁目{kanji_number(b)}番{kanji_number(c)}号",
            "chome_hyphen": f"{a}丁目{b}-{c}", "banchi_no": f"{r.randint(1, 999)}番地の{c}",
            "banchi": f"{r.randint(1, 2999)}番地", "ban_go": f"{b}番{c}号",
            "room4": f"{a}-{b}-{c}-{r.randint(1, 9)}0{r.randint(1, 9)}",
        }[style]

    def building(self):
        r = self.r
        if r.random() < 0.5:
            return ""
        return r.choice(BUILDINGS).format(r=f"{r.randint(1, 12)}0{r.randint(1, 9)}", f=r.randint(2, 9),
                                          s=r.randint(1, 9))

    def address(self, enc, prefecture=True, spaced=None):
        pref, muni, town = self.place()
        parts = ([pref] if prefecture else []) + [muni, town, self.block(enc)]
        if spaced is None:
            spaced = self.r.random() < 0.15
        return (" " if spaced else "").join(parts) + self.building()

    def postal(self):
        return f"{self.r.randint(100, 999)}-{self.r.randint(0, 9999):04d}"


# -- documents ---------------------------------------------------------------

PROSE_WITH_PREFECTURE = [
    ("弊社は", "に移転いたしました。"), ("お届け先：", ""), ("本社は", "にあります。"),
    ("現住所 ", ""), ("送付先 ", " 宛にお送りください。"), ("新しい事務所（", "）で受付します。"),
    ("会場：", "（最寄り駅から徒歩5分）"), ("", ""),
]
LABELS = ["住所：", "ご住所：", "所在地 ", "Address: ", "【住所】", "住所 ", "ご住所\n", "address: "]


def t_address_prose(d, a):
    d.line("【登録住所の確認】")
    d.line()
    for _ in range(a.r.randint(10, 14)):
        before, after = a.r.choice(PROSE_WITH_PREFECTURE)
        d.line(before, P("address", a.address(d.enc)), after)
    d.line()
    for _ in range(a.r.randint(6, 9)):
        label = a.r.choice(LABELS)
        d.line(label, P("address", a.address(d.enc, prefecture=a.r.random() < 0.4)))
    d.line()
    for _ in range(a.r.randint(4, 6)):
        style = a.r.choice(["mark", "mark_newline", "bare"])
        if style == "mark":
            d.line("〒", P("postal_code", a.postal()), " ", P("address", a.address(d.enc, a.r.random() < 0.5)))
        elif style == "mark_newline":
            d.line("〒", P("postal_code", a.postal()))
            d.line(P("address", a.address(d.enc)))
        else:
            # No 〒: the address after it makes the code a postal code.
            d.line(P("postal_code", a.postal(), "tricky:address after it"), " ",
                   P("address", a.address(d.enc, prefecture=False, spaced=False)))
    d.line()
    d.line("以上、ご確認をお願いいたします。")


def t_address_csv(d, a, typed):
    """A delivery list: under 住所 (the column path) or 発送メモ (free text in cells)."""
    d.line("受付ID,氏名,", "住所" if typed else "発送メモ", ",金額")
    for i in range(a.r.randint(10, 16)):
        addr = a.address(d.enc, prefecture=not typed or a.r.random() < 0.6, spaced=False)
        d.line(f"R{a.r.randint(1000, 9999)},", P("person_name", a.r.choice(["山田 太郎", "佐藤 花子", "田中 一郎"]), "column"), ",",
               P("address", addr, "column" if typed else None), f",{a.r.randint(1, 99) * 100}")


def t_address_json(d, a):
    for i in range(a.r.randint(8, 12)):
        if a.r.random() < 0.5:
            d.line('{"id":', i, ',"address":"', P("address", a.address(d.enc, a.r.random() < 0.5, False), "column"),
                   '","status":"ok"}')
        else:
            d.line('{"id":', i, ',"note":"', P("address", a.address(d.enc, True, False)), 'へ発送済み"}')


def t_address_mail(d, a):
    d.line("From: サンプル商事 総務部 <", N("routing_email", "soumu@sample-shouji.example.jp"), ">")
    d.line("To: お取引先各位 <", N("routing_email", "partners@example.jp"), ">")
    d.line("Subject: 本社移転のお知らせ")
    d.line()
    d.line("お取引先各位")
    d.line()
    d.line("このたび弊社本社を下記へ移転いたしました。")
    d.line()
    d.line("新住所：〒", P("postal_code", a.postal()), " ", P("address", a.address(d.enc)))
    d.line("旧住所：", P("address", a.address(d.enc)))
    d.line("業務開始日：", N("date", f"2024年{a.r.randint(1, 12)}月{a.r.randint(1, 28)}日"))
    d.line()
    d.line("--")
    d.line("サンプル商事株式会社 総務部")
    d.line("本社：〒", P("postal_code", a.postal()), " ", P("address", a.address(d.enc)))
    d.line("大阪支店：", P("address", a.address(d.enc)))


# Harder notations: (text before, address, text after); {a} {b} {c} block
# numbers, {n} a lot number, {f} a floor, {r} a room, {p} a postal code.
HARD = [
    ("", "京都府京都市中京区寺町通御池上る上本能寺前町{n}番地", ""),
    ("本店：", "大阪府堺市北区百舌鳥梅町{a}丁{b}番地の{c}", ""),
    ("", "東京都武蔵野市吉祥寺本町{a}-{b}-{c} 第{a}サンプルビル {r}", " 宛"),
    ("", "東京都八丈島八丈町三根{n}", "（島しょ部）"),
    ("", "沖縄県島尻郡与那原町字与那原{n}番地", ""),
    ("別荘：", "長野県北佐久郡軽井沢町大字軽井沢{n}-{c}", ""),
    ("", "東京都千代田区霞が関{a}-{b}-{c}", ""),
    ("", "東京都港区虎ノ門{a}-{b}-{c}", "にお越しください。"),
    ("", "神奈川県横浜市港北区新横浜{a}丁目{n}-{c}", ""),
    ("", "北海道札幌市中央区北{a}条西{b}丁目{c}", ""),
    ("", "福岡県福岡市博多区博多駅中央街{a}-{b} サンプル博多ビル{f}F", ""),
    ("", "東京都港区六本木{a}-{b}-{c} サンプルヒルズ森タワー {f}階", ""),
    ("住所：", "世田谷区三軒茶屋{a}-{b}-{c} サンプルセンタービル{f}F", ""),
    ("送付先：", "大阪市中央区本町{a}-{b}-{c}", ""),
    ("配送先 ", "名古屋市中村区名駅{a}丁目{b}番{c}号", ""),
    ("お届け先：", "さいたま市浦和区高砂{a}-{b}-{c}", " 様方"),
    ("会社概要 所在地 ", "東京都品川区大崎{a}-{b}-{c}", ""),
    ("", "東京都中央区銀座{k}丁目{b}番{c}号", ""),
    ("", "岩手県紫波郡紫波町紫波中央駅前{a}-{b}-{c}", ""),
    ("", "千葉県鎌ヶ谷市道野辺中央{a}-{b}-{c}", ""),
    ("", "東京都渋谷区道玄坂{a}-{b}-{c}", "、TEL:{tel}"),
    ("住所　", "北海道旭川市{a}条通{b}丁目{n}番地", ""),
    ("", "宮崎県東諸県郡国富町大字本庄{n}番地", ""),
    ("", "沖縄県那覇市おもろまち{a}-{b}-{c}", ""),
    ("", "福島県いわき市平字梅本{b}", ""),
    ("", "神奈川県相模原市緑区橋本{a}-{b}-{c} シティ・プラザはしもと{f}階", ""),
    ("", "新潟県新潟市中央区学校町通{a}番町{n}番地{c}", ""),
]


def t_address_hard(d, a):
    r = a.r
    d.line("■拠点一覧")
    for before, addr, after in HARD * 2:
        v = dict(a=r.randint(1, 9), b=r.randint(1, 30), c=r.randint(1, 20), n=r.randint(1, 1999),
                 f=r.randint(2, 40), r=f"{r.randint(1, 9)}0{r.randint(1, 9)}", p=a.postal(),
                 k="一二三四五六七八"[r.randint(0, 7)])
        text = addr.format(**v)
        if "{tel}" in after:
            d.line(before, P("address", text), "、TEL:", P("phone", f"03-{r.randint(1000, 9999)}-{r.randint(1000, 9999)}"))
        else:
            d.line(before, P("address", text), after)
    d.line("〒", P("postal_code", a.postal()), " ", P("address", f"札幌市中央区北{r.randint(1, 9)}条西{r.randint(1, 9)}丁目"))


# Sentences full of place names, none of them an address.
PLACE_PROSE = [
    "石川県の名産は加賀棒茶と九谷焼です。", "東京都知事は{n}日に記者会見を開いた。",
    "新宿駅から徒歩{n}分、横浜市役所の隣のビルです。", "大阪府大阪市北区で{y}年{m}月{n}日に説明会を開催します。",
    "京都市下京区のランチは{p}円でした。", "北海道から沖縄県まで全国{n}会場で開催。",
    "愛知県名古屋市の人口は約{n}万人です。", "神奈川県横浜市中区の{n}店舗が対象です。",
    "福岡県福岡市博多区 {y}/{m}/{n} 入荷予定", "千葉県千葉市美浜区 {n}:00 集合",
    "兵庫県と大阪府の{n}社が参加しました。", "東京都内の{n}店舗で販売中。", "埼玉県さいたま市大宮区にて{y}年{m}月開業予定",
    "静岡県浜松市の工場は{y}年に操業を開始した。", "広島県広島市中区の売上は前年比{n}%増。",
    "札幌市中央区役所の窓口は{n}時まで。", "宮城県産のお米を{p}円で販売しています。",
    "渋谷区の人口は{n}万人を超えた。", "沖縄県那覇市で{n}回目の大会が開かれた。", "東京都渋谷区で{m}月{n}日に開催",
    "東京都千代田区の人口は約{n}万人。", "大阪府大阪市北区梅田で{m}月{n}日に開催します。",
    "東京都港区 {y}-0{m}-1{n} 入荷", "神奈川県横浜市中区の{n}店舗と川崎市の2店舗", "大阪府大阪市北区梅田 {p}円",
    "東京都新宿区西新宿 {n}:30 集合", "愛知県名古屋市中区栄 第{n}回 説明会", "東京都知事選挙は{m}月{n}日に投開票。",
    "福岡県福岡市博多区のホテル 2泊3日 {p}円", "千葉県市川市 2-3名様向けプラン", "東京都大田区の町工場 {n}社",
    "兵庫県神戸市中央区三宮町 1日限定", "埼玉県さいたま市大宮区 3-5月の売上", "東京都の新規感染者は1-2人",
    "石川県金沢市の金箔は全国シェア{n}%", "横浜市中区役所 1階窓口", "東京都港区六本木の高さ{n}mのビル",
    "静岡県浜松市中区 第2四半期", "東京都世田谷区 4LDK {p}万円", "長野県松本市 標高{n}m", "大阪府の{m}月の失業率は2.5%",
    "東京都新宿区の新宿駅西口", "北海道札幌市中央区 {n}-{m}月期 決算",
]


def t_places_negative(d, a):
    r = a.r
    for _ in range(r.randint(18, 26)):
        s = r.choice(PLACE_PROSE).format(n=r.randint(2, 59), y=r.randint(2020, 2026), m=r.randint(1, 12),
                                         p=f"{r.randint(1, 9)},{r.randint(100, 999)}")
        d.line(N("place_names", s.rstrip("。")), "。" if s.endswith("。") else "")


def add_address_docs(doc):
    """Adds the address documents through make_corpus.py's doc(path, enc, fn)."""
    a = AddressGen(SEED)

    def make(fn, *args):
        return lambda d, g: fn(d, a, *args)

    for i, enc in enumerate(["utf-8", "euc-jp", "cp932", "utf-16le-bom", "utf-8", "iso-2022-jp", "utf-8-bom",
                             "utf-8"]):
        doc(f"files/address/notice_{i + 1:02d}.txt", enc, make(t_address_prose), crlf=enc in ("cp932", "iso-2022-jp"))
    for i, enc in enumerate(["cp932", "utf-8"]):
        doc(f"files/address/delivery_{i + 1:02d}.csv", enc, make(t_address_csv, True), crlf=enc == "cp932")
    for i, enc in enumerate(["utf-8", "cp932"]):
        doc(f"files/address/shipments_{i + 1:02d}.csv", enc, make(t_address_csv, False), crlf=enc == "cp932")
    doc("files/address/customers.ndjson", "utf-8", make(t_address_json))
    for i, enc in enumerate(["utf-8", "utf-16le-bom", "cp932"]):
        doc(f"files/address/offices_{i + 1:02d}.txt", enc, make(t_address_hard), crlf=enc == "cp932")
    for i, enc in enumerate(["iso-2022-jp", "utf-8"]):
        doc(f"files/address/relocation_{i + 1:02d}.eml", enc, make(t_address_mail), crlf=True)
    for i, enc in enumerate(["utf-8", "euc-jp", "cp932"]):
        doc(f"files/negative/places_{i + 1:02d}.txt", enc, make(t_places_negative), crlf=enc == "cp932")
