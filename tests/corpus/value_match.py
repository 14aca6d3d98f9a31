"""Scoring by value, for corpora whose files are not text (xlsx, PDF, 7z...):
a byte offset in the container means nothing there, so a finding matches a
label when the path (with its "!/" members), the type and the normalized
value are the same, and the finding is where the label says (sheet, cell,
slide, page, row) whenever the label says it. Matching is one-to-one.

Labels: {"path","format","type","value","norm","loc"} (see
tests/corpus/formats/make_formats.py). The findings must come from
`mamori scan --format jsonl --reveal`: a masked value can't be compared.
The manifest next to the labels gives each top-level file's format and the
statuses objects must end with ({"path","status"}).
"""

import collections
import json
import os
import re
import unicodedata

LOC_KEYS = ("sheet", "cell", "page", "row")


def norm(typ, value):
    v = unicodedata.normalize("NFKC", str(value)).strip()
    if typ == "email":
        return v.lower()
    if typ == "phone":
        digits = re.sub(r"\D", "", v)
        return "+" + digits if v.startswith("+") else "+81" + digits[1:]
    if typ in ("card_expiry", "birth_date"):
        return v
    return re.sub(r"[^0-9A-Za-z]", "", v).upper()


class Paths:
    """Finding paths (absolute, or relative to wherever the scan ran) to the
    corpus's "files/..." paths, through the top-level file."""

    def __init__(self, tops):
        self.tops = sorted(tops, key=len, reverse=True)

    def resolve(self, path):
        top, sep, rest = path.replace("\\", "/").partition("!/")
        for t in self.tops:
            if top == t or top.endswith("/" + t) or "files/" + top == t:
                return t + sep + rest, t
        return path, None


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def score(args, root, labels, rows):
    manifest = load(os.path.join(root, "manifest.jsonl"))
    fmt_of = {m["path"]: m["format"] for m in manifest if "format" in m}
    paths = Paths(fmt_of)
    wanted = [t.strip() for t in args.types.split(",")] if args.types else None
    unscored = {"person_name", "address"}

    findings, objects, masked = [], {}, 0
    for r in rows:
        if r.get("kind") == "object":
            objects[paths.resolve(r["path"])[0]] = r
        if r.get("kind") != "finding":
            continue
        if "*" in r.get("masked", "") and r["type"] != "email":
            masked += 1
        p, top = paths.resolve(r["path"])
        loc = {k: r[k] for k in LOC_KEYS if k in r}
        findings.append({"path": p, "format": fmt_of.get(top, "?"), "type": r["type"],
                         "norm": norm(r["type"], r.get("masked", "")), "loc": loc})
    if masked:
        print(f"warning: {masked} masked finding value(s): scan with --reveal")

    keep = lambda t: t in wanted if wanted else t not in unscored
    groups = collections.defaultdict(lambda: ([], []))
    for l in labels:
        if keep(l["type"]):
            groups[(l["path"], l["type"], norm(l["type"], l["norm"]))][0].append(l)
    for f in findings:
        if keep(f["type"]):
            groups[(f["path"], f["type"], f["norm"])][1].append(f)

    tp = collections.Counter()
    fps, fns = collections.defaultdict(list), collections.defaultdict(list)
    for (path, typ, _), (ls, fs) in groups.items():
        used = set()
        for l in ls:
            want = l.get("loc") or {}
            j = next((j for j, f in enumerate(fs) if j not in used
                      and all(str(f["loc"].get(k)) == str(v) for k, v in want.items())), None)
            if j is None:
                elsewhere = [f["loc"] for j, f in enumerate(fs) if j not in used]
                fns[(l["format"], typ)].append((l, f" [found at {elsewhere[0]}]" if elsewhere else ""))
            else:
                used.add(j)
                tp[(l["format"], typ)] += 1
        fps_here = [f for j, f in enumerate(fs) if j not in used]
        for f in fps_here:
            fps[(f["format"], typ)].append((f, ""))

    failed = table(tp, fps, fns, args)
    failed += check_statuses(manifest, objects)
    if not args.no_details:
        details(fps, fns, args.show)
    if failed:
        print(f"\nFAIL: below min precision {args.min_precision} / recall {args.min_recall}, "
              f"or wrong status: {', '.join(failed)}")
        return 1
    print(f"\nOK: every scored type in every format at or above precision {args.min_precision} "
          f"and recall {args.min_recall}")
    return 0


def ratio(a, b):
    return a / b if b else 1.0


def table(tp, fps, fns, args):
    keys = sorted(set(tp) | set(fps) | set(fns))
    failed = []
    print(f"{'format':<9} {'type':<20} {'TP':>5} {'FP':>4} {'FN':>4} {'precision':>10} {'recall':>7}")
    print("-" * 64)
    totals = collections.defaultdict(lambda: [0, 0, 0])
    for fmt, typ in keys:
        t, fp, fn = tp[(fmt, typ)], len(fps[(fmt, typ)]), len(fns[(fmt, typ)])
        p, r = ratio(t, t + fp), ratio(t, t + fn)
        bad = p < args.min_precision or r < args.min_recall
        if bad:
            failed.append(f"{fmt}/{typ}")
        for k in (typ, "all"):
            totals[k] = [a + b for a, b in zip(totals[k], (t, fp, fn))]
        print(f"{fmt:<9} {typ:<20} {t:>5} {fp:>4} {fn:>4} {p:>10.3f} {r:>7.3f}{'  <-- below threshold' if bad else ''}")
    print("-" * 64)
    for k in sorted(totals, key=lambda k: (k == "all", k)):
        t, fp, fn = totals[k]
        print(f"{'total':<9} {k:<20} {t:>5} {fp:>4} {fn:>4} {ratio(t, t + fp):>10.3f} {ratio(t, t + fn):>7.3f}")
    return failed


def check_statuses(manifest, objects):
    failed = []
    for m in manifest:
        if "status" not in m:
            continue
        got = objects.get(m["path"], {}).get("status", "(no object line)")
        if got != m["status"]:
            failed.append(f"status of {m['path']}")
            print(f"status: {m['path']}: expected {m['status']}, got {got}")
    expected = sum(1 for m in manifest if "status" in m)
    print(f"statuses: {expected - len(failed)} of {expected} objects as expected")
    return failed


def details(fps, fns, show):
    for kind, items in (("FN", fns), ("FP", fps)):
        for (fmt, typ), xs in sorted(items.items()):
            if not xs:
                continue
            print(f"\n{kind} {fmt} {typ} ({len(xs)}):")
            limit = len(xs) if show < 0 else show
            for x, note in xs[:limit]:
                shown = x.get("value", x["norm"])
                print(f"  {x['path']} {x.get('loc') or ''} {shown!r}{note}")
            if len(xs) > limit:
                print(f"  ... {len(xs) - limit} more (use --show -1)")
