#!/usr/bin/python3
"""Generate the throughput benchmark corpus (UTF-8, all data fake, deterministic).

usage: make_bench_corpus.py OUTDIR [--mb 200] [--files N] [--seed S]

  default      a few large files (one per kind of content) totalling --mb MB
  --files N    N files in a tree of subfolders, sizes spread log-normally,
               totalling --mb MB

MB means 10^6 bytes here and in run_bench.sh. Content: Japanese and English
prose, nginx/Apache access logs, NDJSON application logs, CSV exports and
digit-heavy monitoring lines (timestamps, metrics, IDs). About one Luhn-valid
card number per 50 KB and some emails/phones are sprinkled in, roughly what a
file share with a few leaks looks like. Pools of lines are built once and then
sampled, so 200 MB takes a few seconds. Writes OUTDIR/BENCH_INFO.json with
the byte and card counts.
"""

import argparse
import json
import math
import os
import random
import re
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ inside the repo
sys.path.insert(0, os.path.join(HERE, "..", "..", "tests", "corpus"))

from fakedata import GIVEN, PLACES, SURNAMES, EN_FIRST, EN_LAST, card_groups, is_card, new_card, rand_digits  # noqa: E402

MB = 1_000_000
CARD_EVERY = 50_000          # bytes per inserted card, on average
POOL_LINES = 4000            # distinct lines per kind
# kind -> (share of the corpus, file extension)
KINDS = {
    "prose_ja": (0.28, "txt"),
    "prose_en": (0.12, "md"),
    "access": (0.20, "log"),
    "ndjson": (0.16, "ndjson"),
    "csv": (0.12, "csv"),
    "metrics": (0.12, "prom"),
}

JA_SUBJ = ["本件", "先日のお問い合わせ", "来月のキャンペーン", "システム移行", "新しい配送ルール", "在庫の棚卸し",
           "年末調整の書類", "会議室の予約", "定期メンテナンス", "請求書の発行"]
JA_BODY = ["について、担当部署と確認を進めております", "の詳細は添付資料をご覧ください", "は予定どおり実施いたします",
           "につきまして、ご不便をおかけし申し訳ございません", "の進捗を共有します", "は来週中に完了する見込みです",
           "に関するご意見をお寄せください", "の対応方針を決定しました", "について社内で検討中です",
           "は担当者が不在のため明日以降の回答となります"]
JA_TAIL = ["。", "。よろしくお願いいたします。", "。引き続きよろしくお願いします。", "。ご確認のほどお願い申し上げます。",
           "（詳細は後日）。", "。以上です。"]
EN_WORDS = ("the customer support team reviewed request shipping invoice schedule meeting release server "
            "update report quarterly revenue forecast migration database backup weekly summary action item "
            "owner deadline review approved pending escalated resolved feedback roadmap budget vendor "
            "contract renewal onboarding training policy security audit incident postmortem").split()


def luhn_free(r, n):
    """n random digits that are NOT a valid card (keeps the card rate honest)."""
    while True:
        d = rand_digits(r, n)
        if not is_card(d):
            return d


def ts_iso(r):
    return (f"2024-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}T{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:"
            f"{r.randint(0, 59):02d}.{r.randint(0, 999):03d}+09:00")


def ip(r):
    return f"{r.choice([10, 172, 192, 203])}.{r.randint(0, 255)}.{r.randint(0, 255)}.{r.randint(1, 254)}"


def email(r):
    s, g = r.choice(SURNAMES)[2].lower(), r.choice(GIVEN)[2].lower()
    return r.choice([f"{g}.{s}{r.randint(1, 99)}@example.co.jp", f"{s}{r.randint(1960, 2005)}@example.jp",
                     f"{g}..{s}@docomo.ne.jp", f"{r.choice(EN_FIRST).lower()}@example.com"])


def phone(r):
    return r.choice([f"03-{r.randint(1000, 9999)}-{rand_digits(r, 4)}", f"090-{r.randint(1000, 9999)}-{rand_digits(r, 4)}",
                     f"06({r.randint(6000, 6999)}){rand_digits(r, 4)}", f"+1 415 555 01{rand_digits(r, 2)}",
                     f"0120-{r.randint(100, 999)}-{rand_digits(r, 3)}"])


def line_prose_ja(r):
    parts = []
    for _ in range(r.randint(1, 4)):
        parts.append(r.choice(JA_SUBJ) + r.choice(JA_BODY) + r.choice(JA_TAIL))
    k = r.random()
    if k < 0.01:
        parts.append(f"ご連絡は {email(r)} までお願いします。")
    elif k < 0.02:
        parts.append(f"お電話（{phone(r)}）でも受け付けています。")
    elif k < 0.06:
        parts.append(f"{r.randint(2022, 2025)}年{r.randint(1, 12)}月{r.randint(1, 28)}日 {r.randint(9, 18)}:{r.randint(0, 59):02d}、"
                     f"金額は{r.randint(1000, 999999):,}円です。")
    return "".join(parts)


def line_prose_en(r):
    words = [r.choice(EN_WORDS) for _ in range(r.randint(8, 30))]
    s = " ".join(words).capitalize() + "."
    k = r.random()
    if k < 0.01:
        s += f" Contact {email(r)} for details."
    elif k < 0.02:
        s += f" Call {phone(r)} if urgent."
    elif k < 0.08:
        s += f" Ticket #{r.randint(10000, 99999)} updated on {r.randint(2022, 2025)}-{r.randint(1, 12):02d}-{r.randint(1, 28):02d}."
    return s


UAS = ["Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36",
       "Mozilla/5.0 (iPhone; CPU iPhone OS 17_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Mobile/15E148 Safari/604.1",
       "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.2 Safari/605.1.15",
       "curl/7.88.1", "kube-probe/1.29"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def line_access(r):
    path = r.choice(["/", "/index.html", f"/api/v2/items?page={r.randint(1, 99)}", f"/api/orders/{r.randint(100000, 9999999)}",
                     f"/static/app.{rand_digits(r, 6)}.js", "/images/banner_2024.png", "/healthz",
                     f"/search?q=item{r.randint(1, 999)}&sort=price", f"/products/{r.randint(1000, 99999)}"])
    return (f'{ip(r)} - - [{r.randint(1, 28):02d}/{r.choice(MONTHS)}/2024:{r.randint(0, 23):02d}:{r.randint(0, 59):02d}:'
            f'{r.randint(0, 59):02d} +0900] "{r.choice(["GET", "GET", "GET", "POST"])} {path} HTTP/1.1" '
            f'{r.choice([200, 200, 200, 204, 301, 304, 404, 500])} {r.randint(0, 99999)} "https://shop.example.jp/" "{r.choice(UAS)}"')


def line_ndjson(r):
    trace = "".join(r.choice("0123456789abcdef") for _ in range(32))
    k = r.random()
    base = f'{{"ts":"{ts_iso(r)}","level":"{r.choice(["info", "info", "debug", "warn", "error"])}","svc":"{r.choice(["api", "worker", "batch"])}"'
    if k < 0.01:
        return base + f',"event":"profile.updated","email":"{email(r)}","trace":"{trace}"}}'
    return base + (f',"event":"{r.choice(["request.done", "cache.miss", "job.finished", "db.query"])}","latency_ms":{r.randint(1, 2000)},'
                   f'"rows":{r.randint(0, 50000)},"user_id":{r.randint(1, 10**7)},"trace":"{trace}"}}')


def line_csv(r):
    s, g = r.choice(SURNAMES), r.choice(GIVEN)
    pref, city, town = r.choice(PLACES)
    k = r.random()
    contact = phone(r) if k < 0.02 else (email(r) if k < 0.04 else "")
    return (f"{r.randint(100000, 999999)},{s[0]} {g[0]},{s[1]} {g[1]},{contact},"
            f"\"{pref}{city}{town}{r.randint(1, 5)}-{r.randint(1, 30)}-{r.randint(1, 20)}\","
            f"{r.randint(2019, 2025)}/{r.randint(1, 12):02d}/{r.randint(1, 28):02d},{r.randint(100, 500000)},{luhn_free(r, 10)}")


def line_metrics(r):
    k = r.random()
    if k < 0.5:
        name = r.choice(["http_requests_total", "process_cpu_seconds_total", "go_memstats_alloc_bytes", "queue_depth"])
        return f'{name}{{instance="{ip(r)}:9100",job="node"}} {r.randint(0, 10**12)} {1700000000000 + r.randint(0, 10**11)}'
    if k < 0.8:
        return (f"{ts_iso(r)} cpu={r.random() * 100:.2f} mem={r.randint(10**8, 10**10)} rx={r.randint(0, 10**9)} "
                f"tx={r.randint(0, 10**9)} id={luhn_free(r, 16)} seq={r.randint(0, 10**6)}")
    return f"{ts_iso(r)} order={luhn_free(r, 12)} sku={r.randint(1000, 9999)}-{r.randint(100, 999)} qty={r.randint(1, 20)} price={r.randint(100, 99999)}"


LINE_MAKERS = {"prose_ja": line_prose_ja, "prose_en": line_prose_en, "access": line_access,
               "ndjson": line_ndjson, "csv": line_csv, "metrics": line_metrics}


def card_line(r, kind):
    c = new_card(r)
    text = r.choice([c, c, " ".join(card_groups(c)), "-".join(card_groups(c))])
    if kind == "prose_ja":
        return f"お客様のカード番号：{text}、有効期限 {r.randint(1, 12):02d}/{r.randint(26, 31)} とのことです。"
    if kind == "prose_en":
        return f"Customer read out card {text} exp {r.randint(1, 12):02d}/{r.randint(26, 31)} on the call."
    if kind == "access":
        return (f'{ip(r)} - - [{r.randint(1, 28):02d}/{r.choice(MONTHS)}/2024:10:00:00 +0900] "GET /pay?card_no={c}&amount='
                f'{r.randint(100, 9999)} HTTP/1.1" 302 0 "-" "{r.choice(UAS)}"')
    if kind == "ndjson":
        return f'{{"ts":"{ts_iso(r)}","level":"debug","msg":"charge","card_number":"{c}","cvv":"{rand_digits(r, 3)}"}}'
    if kind == "csv":
        return f"{r.randint(100000, 999999)},{r.choice(SURNAMES)[0]} {r.choice(GIVEN)[0]},,,\"\",2024/01/01,1000,{text}"
    return f"{ts_iso(r)} payment debug pan={c}"


class Source:
    """Line pools for one kind; produces ~n bytes of text with cards sprinkled in."""

    def __init__(self, r, kind):
        self.r, self.kind = r, kind
        self.pool = [(LINE_MAKERS[kind](r) + "\n").encode("utf-8") for _ in range(POOL_LINES)]
        self.cards = [(card_line(r, kind) + "\n").encode("utf-8") for _ in range(400)]
        self.avg = sum(map(len, self.pool)) / len(self.pool)

    def make(self, nbytes):
        r = self.r
        lines = r.choices(self.pool, k=max(1, int(nbytes / self.avg)))
        ncards = int(nbytes / CARD_EVERY + r.random())  # unbiased rounding keeps the rate
        for _ in range(ncards):
            lines[r.randrange(len(lines))] = r.choice(self.cards)
        if self.kind == "csv":
            lines.insert(0, "id,氏名,フリガナ,連絡先,住所,登録日,金額,参照番号\n".encode("utf-8"))
        data = b"".join(lines)
        return data, ncards


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("outdir")
    ap.add_argument("--mb", type=float, default=200, help="total size in MB (10^6 bytes)")
    ap.add_argument("--files", type=int, default=0, help="write a tree of this many files instead of a few large ones")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()

    t0 = time.time()
    r = random.Random(args.seed)
    sources = {k: Source(r, k) for k in KINDS}
    total = int(args.mb * MB)
    os.makedirs(args.outdir, exist_ok=True)
    written = cards = nfiles = 0

    def write(rel, data):
        path = os.path.join(args.outdir, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)

    if args.files <= 0:
        # One large file per kind, written in 4 MB pieces to keep memory flat.
        for kind, (share, ext) in KINDS.items():
            want = int(total * share)
            with open(os.path.join(args.outdir, f"{kind}.{ext}"), "wb") as f:
                done = 0
                while done < want:
                    data, n = sources[kind].make(min(4 * MB, want - done))
                    f.write(data)
                    done += len(data)
                    cards += n
            written += done
            nfiles += 1
    else:
        # Log-normal sizes (many small files, a few big ones), scaled to the total.
        kinds = list(KINDS)
        weights = [KINDS[k][0] for k in kinds]
        raw = [math.exp(r.gauss(0, 1.2)) for _ in range(args.files)]
        scale = total / sum(raw)
        depts = ["sales", "support", "finance", "hr", "ops", "dev", "legal", "marketing"]
        for i, w in enumerate(raw):
            kind = r.choices(kinds, weights)[0]
            size = max(200, int(w * scale))
            data, n = sources[kind].make(size)
            rel = os.path.join(depts[i % len(depts)], str(2019 + (i // len(depts)) % 6), f"{kind}_{i:05d}.{KINDS[kind][1]}")
            write(rel, data)
            written += len(data)
            cards += n
            nfiles += 1

    info = {"files": nfiles, "bytes": written, "cards_inserted": cards, "mb": round(written / MB, 2),
            "seed": args.seed, "mode": "tree" if args.files > 0 else "large"}
    with open(os.path.join(args.outdir, "BENCH_INFO.json"), "w") as f:
        json.dump(info, f, indent=2)
    print(f"wrote {nfiles} files, {written / MB:.1f} MB, {cards} cards to {args.outdir} in {time.time() - t0:.1f}s")


if __name__ == "__main__":
    main()
