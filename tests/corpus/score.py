#!/usr/bin/python3
"""Score mamori findings against the labelled corpus.

usage: score.py LABELS.jsonl FINDINGS.jsonl [--min-precision 0.98] [--min-recall 0.98]
                [--types a,b] [--show N] [--no-details]

  LABELS.jsonl    written by make_corpus.py (its directory is the corpus dir)
  FINDINGS.jsonl  output of `mamori scan --format jsonl CORPUS_DIR` ("-" = stdin)

A finding matches a label when the path matches (the finding's path ends with
the label's path, so scan the corpus from anywhere), the type is the same and
the byte spans overlap; matching is one-to-one, largest overlap first.
Prints per-type TP/FP/FN/precision/recall, then every FP and FN with its line,
byte offset and the surrounding bytes decoded (the corpus is fake data).
Exit status 1 when any scored type is below a threshold, 2 on bad input.
Types with neither labels nor findings are skipped.

Labels without byte offsets (the cross-format corpus, tests/corpus/formats/)
are matched by path, type, normalized value and location instead, with a
table per format and type: see value_match.py.
"""

import argparse
import collections
import json
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ inside the repo
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import value_match  # noqa: E402

LABELLED_TYPES = ("card_number", "card_expiry", "card_security_code", "card_track", "email", "phone",
                  "my_number", "postal_code", "birth_date", "passport_number", "drivers_license",
                  "bank_account", "address", "person_name")
UNLABELLED_TYPES = ()
META_FILES = ("labels.jsonl", "negatives.jsonl", "manifest.jsonl")

CODECS = {"utf-8": "utf-8", "utf-8-bom": "utf-8", "utf-8-sig": "utf-8", "cp932": "cp932",
          "shift_jis": "cp932", "sjis": "cp932", "euc-jp": "euc_jp", "iso-2022-jp": "iso2022_jp",
          "utf-16le-bom": "utf-16-le", "utf-16le": "utf-16-le", "utf-16": "utf-16-le",
          "utf-16be": "utf-16-be"}


def read_jsonl(path, what):
    rows, bad = [], 0
    f = sys.stdin if path == "-" else open(path, encoding="utf-8", errors="replace")
    with f:
        for line in f:
            line = line.strip()
            if not line:
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError:
                bad += 1
    if bad:
        print(f"warning: {bad} unparsable line(s) in {what}", file=sys.stderr)
    return rows


class Corpus:
    """Files of the corpus: path matching, encodings, lenient context."""

    def __init__(self, root, labels):
        self.root = root
        self.encoding = {}
        man = os.path.join(root, "manifest.jsonl")
        if os.path.exists(man):
            for m in read_jsonl(man, "manifest"):
                self.encoding[m["path"]] = m.get("encoding", "utf-8")
        self.paths = set(self.encoding) | {l["path"] for l in labels} | set(META_FILES)
        files = os.path.join(root, "files")
        for dirpath, _, names in os.walk(files):
            for n in names:
                self.paths.add(os.path.relpath(os.path.join(dirpath, n), root).replace(os.sep, "/"))
        # Suffix keys: "files/mail/a.eml" and "mail/a.eml" (scanned from inside files/).
        self.keys = {}
        for p in self.paths:
            parts = p.split("/")
            for k in range(len(parts)):
                key = "/".join(parts[k:])
                if k <= 1 or key not in self.keys:
                    self.keys.setdefault(key, p)
        self._cache = {}

    def resolve(self, path):
        """Corpus-relative path for a finding's path, or the path unchanged."""
        p = path.replace("\\", "/")
        while p.startswith("./"):
            p = p[2:]
        if p in self.paths:
            return p
        parts = p.split("/")
        for k in range(len(parts)):  # longest suffix first
            key = "/".join(parts[k:])
            if key in self.keys and (k == 0 or len(parts) - k >= 2 or key in self.paths):
                return self.keys[key]
        return p

    def data(self, rel):
        if rel not in self._cache:
            try:
                with open(os.path.join(self.root, rel), "rb") as f:
                    self._cache[rel] = f.read()
            except OSError:
                self._cache[rel] = None
        return self._cache[rel]

    def context(self, rel, offset, length, enc_hint=None, width=40):
        data = self.data(rel)
        if data is None:
            return "(file not found)"
        enc = (self.encoding.get(rel) or enc_hint or "utf-8").lower()
        codec = CODECS.get(enc, enc)
        b = max(0, offset - width)
        e = min(len(data), offset + length + width)
        if codec.startswith("utf-16"):
            b -= (offset - b) % 2  # keep code units aligned with the value
            b = max(b, 0)
        elif codec == "utf-8":
            while b < offset and 0x80 <= data[b] <= 0xBF:  # not inside a sequence
                b += 1
        elif codec in ("cp932", "euc_jp"):
            # Start right after a byte that can't be the second byte of a
            # double-byte character (CP932: < 0x40; EUC-JP: any ASCII).
            limit = 0x40 if codec == "cp932" else 0x80
            k = b
            while k > max(0, b - 24) and data[k - 1] >= limit:
                k -= 1
            if k == 0 or data[k - 1] < limit:
                b = k
        if codec == "iso2022_jp":
            # Stateful: decode from the start so each slice is in the right mode.
            def dec(x, y):
                whole = data[:y].decode(codec, errors="replace")
                return whole[len(data[:x].decode(codec, errors="replace")):]
        else:
            def dec(x, y):
                try:
                    return data[x:y].decode(codec, errors="replace")
                except LookupError:
                    return data[x:y].decode("utf-8", errors="replace")
        before, value, after = dec(b, offset), dec(offset, offset + length), dec(offset + length, e)
        vis = lambda s: s.replace("\r", "").replace("\n", "⏎").replace("\t", "→").replace("\ufeff", "")
        return f"{vis(before)}[[{vis(value)}]]{vis(after)}"


def overlap(a0, a1, b0, b1):
    return max(0, min(a1, b1) - max(a0, b0))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("labels")
    ap.add_argument("findings")
    ap.add_argument("--min-precision", type=float, default=0.98)
    ap.add_argument("--min-recall", type=float, default=0.98)
    ap.add_argument("--types", help="comma-separated types to score (default: all labelled types)")
    ap.add_argument("--show", type=int, default=25, help="FP/FN lines per type and kind (-1: all)")
    ap.add_argument("--no-details", action="store_true", help="only the table")
    args = ap.parse_args()

    if not os.path.exists(args.labels):
        print(f"no such labels file: {args.labels}", file=sys.stderr)
        return 2
    root = os.path.dirname(os.path.abspath(args.labels))
    labels = read_jsonl(args.labels, "labels")
    if labels and "offset" not in labels[0]:
        return value_match.score(args, root, labels, read_jsonl(args.findings, "findings"))
    corpus = Corpus(root, labels)
    negatives = read_jsonl(os.path.join(root, "negatives.jsonl"), "negatives") \
        if os.path.exists(os.path.join(root, "negatives.jsonl")) else []

    rows = read_jsonl(args.findings, "findings")
    obj_enc = {}
    for r in rows:
        if r.get("kind") == "object" and r.get("path"):
            obj_enc[corpus.resolve(r["path"])] = r.get("encoding")
    findings = []
    meta_skipped = 0
    for r in rows:
        if r.get("kind") != "finding":
            continue
        # The corpus's own label files hold every value; scanning OUTDIR instead
        # of OUTDIR/files would report them. They are not part of the corpus.
        if corpus.resolve(str(r.get("path", ""))) in META_FILES:
            meta_skipped += 1
            continue
        try:
            findings.append({"path": corpus.resolve(r["path"]), "raw_path": r["path"], "type": r["type"],
                             "offset": int(r["offset"]), "length": int(r["length"]), "line": r.get("line"),
                             "confidence": r.get("confidence")})
        except (KeyError, TypeError, ValueError):
            print(f"warning: finding without path/type/offset/length: {r}", file=sys.stderr)

    if args.types:
        wanted = [t.strip() for t in args.types.split(",") if t.strip()]
    else:
        seen = {f["type"] for f in findings} - set(UNLABELLED_TYPES)
        wanted = list(LABELLED_TYPES) + sorted(seen - set(LABELLED_TYPES))
    ignored = collections.Counter(f["type"] for f in findings if f["type"] not in wanted)
    unknown_paths = sorted({f["raw_path"] for f in findings if f["path"] not in corpus.paths})

    # Index labels and negatives by path for annotations.
    by_path_labels = collections.defaultdict(list)
    for l in labels:
        by_path_labels[l["path"]].append(l)
    by_path_negs = collections.defaultdict(list)
    for n in negatives:
        by_path_negs[n["path"]].append(n)
    by_path_finds = collections.defaultdict(list)
    for f in findings:
        by_path_finds[f["path"]].append(f)

    # One-to-one matching per (path, type), largest overlap first.
    groups = collections.defaultdict(lambda: ([], []))
    for l in labels:
        if l["type"] in wanted:
            groups[(l["path"], l["type"])][0].append(l)
    for f in findings:
        if f["type"] in wanted:
            groups[(f["path"], f["type"])][1].append(f)
    tp = collections.Counter()
    fps, fns = collections.defaultdict(list), collections.defaultdict(list)
    for (path, typ), (ls, fs) in groups.items():
        pairs = []
        for i, l in enumerate(ls):
            for j, f in enumerate(fs):
                ov = overlap(l["offset"], l["offset"] + l["length"], f["offset"], f["offset"] + f["length"])
                if ov:
                    pairs.append((-ov, abs(l["offset"] - f["offset"]), i, j))
        pairs.sort()
        used_l, used_f = set(), set()
        for _, _, i, j in pairs:
            if i in used_l or j in used_f:
                continue
            used_l.add(i)
            used_f.add(j)
            tp[typ] += 1
        fns[typ] += [l for i, l in enumerate(ls) if i not in used_l]
        fps[typ] += [f for j, f in enumerate(fs) if j not in used_f]

    # Table.
    failed = []
    print(f"{'type':<20} {'TP':>6} {'FP':>6} {'FN':>6} {'precision':>10} {'recall':>8}")
    print("-" * 60)
    tot = [0, 0, 0]
    for typ in wanted:
        t, fp, fn = tp[typ], len(fps[typ]), len(fns[typ])
        if t + fp + fn == 0:
            continue
        prec = t / (t + fp) if t + fp else 1.0
        rec = t / (t + fn) if t + fn else 1.0
        bad = prec < args.min_precision or rec < args.min_recall
        if bad:
            failed.append(typ)
        tot = [tot[0] + t, tot[1] + fp, tot[2] + fn]
        print(f"{typ:<20} {t:>6} {fp:>6} {fn:>6} {prec:>10.3f} {rec:>8.3f}{'  <-- below threshold' if bad else ''}")
    print("-" * 60)
    t, fp, fn = tot
    print(f"{'total':<20} {t:>6} {fp:>6} {fn:>6} {(t / (t + fp) if t + fp else 1.0):>10.3f} {(t / (t + fn) if t + fn else 1.0):>8.3f}")
    if ignored:
        print("ignored findings of unscored types: " + ", ".join(f"{k}={v}" for k, v in sorted(ignored.items())))
    if meta_skipped:
        print(f"note: skipped {meta_skipped} finding(s) in the corpus's own label files (scan CORPUS/files instead)")
    if unknown_paths:
        print(f"warning: {len(unknown_paths)} finding path(s) not in the corpus, e.g. {unknown_paths[0]}")

    # Details.
    def note_fp(f):
        notes = []
        a, b = f["offset"], f["offset"] + f["length"]
        for l in by_path_labels.get(f["path"], []):
            if l["type"] != f["type"] and overlap(a, b, l["offset"], l["offset"] + l["length"]):
                notes.append(f"labelled {l['type']}")
        for n in by_path_negs.get(f["path"], []):
            if overlap(a, b, n["offset"], n["offset"] + n["length"]):
                notes.append(f"deliberate negative: {n['kind']}")
        return f"  [{'; '.join(notes)}]" if notes else ""

    def note_fn(l):
        a, b = l["offset"], l["offset"] + l["length"]
        other = sorted({f["type"] for f in by_path_finds.get(l["path"], [])
                        if f["type"] != l["type"] and overlap(a, b, f["offset"], f["offset"] + f["length"])})
        return f"  [reported as {', '.join(other)}]" if other else ""

    if not args.no_details:
        for typ in wanted:
            for kind, items in (("FN", fns[typ]), ("FP", fps[typ])):
                if not items:
                    continue
                print(f"\n{kind} {typ} ({len(items)}):")
                items = sorted(items, key=lambda x: (x["path"], x["offset"]))
                limit = len(items) if args.show < 0 else args.show
                for x in items[:limit]:
                    ctx = corpus.context(x["path"], x["offset"], x["length"], obj_enc.get(x["path"]))
                    line = x.get("line")
                    note = note_fn(x) if kind == "FN" else note_fp(x)
                    print(f"  {x['path']}:{line if line is not None else '?'} @{x['offset']}+{x['length']}  {ctx}{note}")
                if len(items) > limit:
                    print(f"  ... {len(items) - limit} more (use --show -1)")

    if failed:
        print(f"\nFAIL: below min precision {args.min_precision} / recall {args.min_recall}: {', '.join(failed)}")
        return 1
    print(f"\nOK: all scored types at or above precision {args.min_precision} and recall {args.min_recall}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
