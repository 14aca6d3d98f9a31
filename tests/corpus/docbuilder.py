"""Build a document from segments and know where every value landed.

A Doc is a list of segments: plain text, positives P(type, text) that the
scanner must report, and negatives N(kind, text) that it must not. render()
encodes the segments one after another with an incremental encoder, so each
value's byte offset in the ENCODED file is exact, even for stateful
ISO-2022-JP (escape sequences that switch mode in front of a value are left
outside its span, which is where a decoder maps the value's first character).

check() then re-decodes the bytes and runs an independent reference of the
engine's rules over the text, so a label can't silently disagree with them:
  * every Luhn-valid brand number in the text is a labelled card (or sits in
    a track label or after a suppressing label);
  * every email-shaped string is a labelled email;
  * every Japanese/international phone-shaped string is a labelled phone or a
    recorded invalid-phone negative;
  * values that need a label have the right nearest label (the engine's
    "owning label": nearest label ending before the value, within 60 bytes of
    normalized UTF-8, at most one line break between) and nothing unlabelled
    sits where such a label would claim it.
"""

import codecs
import re

from fakedata import is_card, my_number_ok

# Encoding name (as written in manifest/labels) -> (Python codec, BOM bytes).
ENCODINGS = {
    "utf-8": ("utf-8", b""),
    "utf-8-bom": ("utf-8", b"\xef\xbb\xbf"),
    "cp932": ("cp932", b""),
    "euc-jp": ("euc_jp", b""),
    "iso-2022-jp": ("iso2022_jp", b""),
    "utf-16le-bom": ("utf-16-le", b"\xff\xfe"),
}

TYPES = ("card_number", "card_expiry", "card_security_code", "card_track", "email", "phone",
         "my_number", "postal_code", "birth_date", "passport_number", "drivers_license",
         "bank_account", "address", "person_name")


class P:
    """A positive: the scanner must report `text` as `typ`.

    why: None (the text label in front decides), "column" (a CSV column
    header / JSON key names it), "after_card" (expiry right after a card on
    the same line), or "tricky:<note>" (deliberately violates the simple
    label heuristics; see the report).
    """

    def __init__(self, typ, text, why=None):
        assert typ in TYPES, typ
        self.typ, self.text, self.why = typ, text, why


class N:
    """A hard negative: looks like personal data but must NOT be reported."""

    def __init__(self, kind, text):
        self.kind, self.text = kind, text


class Doc:
    def __init__(self, path, enc, crlf=False):
        assert enc in ENCODINGS, enc
        self.path, self.enc, self.crlf = path, enc, crlf
        self.segs = []

    def add(self, *items):
        for it in items:
            if isinstance(it, (P, N)):
                self.segs.append(it)
            else:
                self.segs.append(str(it))
        return self

    def line(self, *items):
        return self.add(*items, "\n")

    # ----------------------------------------------------------------------
    def render(self):
        codec, bom = ENCODINGS[self.enc]
        encoder = codecs.getincrementalencoder(codec)()
        out = bytearray(bom)
        text = []        # decoded text pieces (with CRLF applied)
        tlen = 0         # chars so far
        spans = []       # (seg, char_begin, char_end, byte_begin, byte_end)
        for seg in self.segs:
            s = seg if isinstance(seg, str) else seg.text
            if self.crlf:
                s = s.replace("\n", "\r\n")
            if not isinstance(seg, str):
                assert "\n" not in s and s, (self.path, s)
            b = encoder.encode(s)
            start = len(out)
            out += b
            if not isinstance(seg, str):
                # Stateful ISO-2022-JP: a mode switch emitted in front of the
                # value is not part of it.
                while codec == "iso2022_jp" and out[start:start + 1] == b"\x1b":
                    start += 3
                spans.append((seg, tlen, tlen + len(s), start, len(out)))
            text.append(s)
            tlen += len(s)
        out += encoder.encode("", final=True)
        self.data = bytes(out)
        self.text = "".join(text)
        self.spans = spans
        return self.data

    def records(self):
        """labels.jsonl and negatives.jsonl lines for this document."""
        labels, negs = [], []
        for seg, cb, ce, bb, be in self.spans:
            line = self.text.count("\n", 0, cb) + 1
            rec = {"path": self.path, "offset": bb, "length": be - bb, "line": line,
                   "value": seg.text}
            if isinstance(seg, P):
                rec = {"path": self.path, "type": seg.typ, **{k: rec[k] for k in ("offset", "length", "line", "value")}}
                labels.append(rec)
            else:
                rec = {"path": self.path, "kind": seg.kind, **{k: rec[k] for k in ("offset", "length", "line", "value")}}
                negs.append(rec)
        return labels, negs

    # ----------------------------------------------------------------------
    def check(self):
        codec, bom = ENCODINGS[self.enc]
        data = self.data
        assert data.startswith(bom)
        back = data[len(bom):].decode(codec)
        if back != self.text:
            i = next(i for i, (a, b) in enumerate(zip(back, self.text)) if a != b)
            raise AssertionError(f"{self.path}: {self.enc} round trip differs at char {i}: "
                                 f"{self.text[i-10:i+10]!r} -> {back[i-10:i+10]!r}")
        for seg, cb, ce, bb, be in self.spans:
            got = decode_span(data, bb, be, codec)
            want = self.text[cb:ce]
            assert got == want, (self.path, want, got)
        _lint(self)


def decode_span(data, begin, end, codec):
    """Decode data[begin:end] as it reads in the file (ISO-2022-JP: in the mode
    the file is in at `begin`)."""
    piece = data[begin:end]
    if codec == "iso2022_jp":
        esc = data.rfind(b"\x1b", 0, begin)
        if esc >= 0:
            piece = data[esc:esc + 3] + piece
    return piece.decode(codec)


# --------------------------------------------------------------------------
# Reference of the engine's label list (src/engine/labels.cc, normalized form)

LABELS = [
    # card number
    ("カード番号", "card"), ("クレジットカード番号", "card"), ("クレジットカード", "card"), ("カードNo", "card"),
    ("card number", "card"), ("card_number", "card"), ("cardnumber", "card"), ("card no", "card"),
    ("card_no", "card"), ("cardno", "card"), ("credit card", "card"), ("pan", "card"),
    ("card_num", "card"), ("cc_number", "card"),
    # expiry
    ("有効期限", "exp"), ("カード有効期限", "exp"), ("有効年月", "exp"), ("exp", "exp"), ("expiry", "exp"),
    ("expires", "exp"), ("expiration", "exp"), ("expiration date", "exp"), ("exp date", "exp"),
    ("exp_date", "exp"), ("expiry_date", "exp"), ("valid thru", "exp"), ("valid through", "exp"),
    ("good thru", "exp"), ("card_exp", "exp"), ("cc_exp", "exp"),
    # security code
    ("セキュリティコード", "cvv"), ("セキュリティーコード", "cvv"), ("セキュリティ番号", "cvv"),
    ("カード確認番号", "cvv"), ("cvv", "cvv"), ("cvv2", "cvv"), ("cvc", "cvv"), ("cvc2", "cvv"),
    ("cid", "cvv"), ("csc", "cvv"), ("security code", "cvv"), ("security_code", "cvv"),
    ("securitycode", "cvv"), ("card_cvv", "cvv"), ("card verification", "cvv"),
    # holder
    ("カード名義", "holder"), ("名義人", "holder"), ("カード名義人", "holder"), ("card holder", "holder"),
    ("cardholder", "holder"), ("card_holder", "holder"), ("holder name", "holder"),
    # email
    ("メール", "email"), ("メールアドレス", "email"), ("Eメール", "email"), ("e-mail", "email"),
    ("email", "email"), ("mail", "email"), ("mail address", "email"), ("mail_address", "email"),
    # phone
    ("電話", "phone"), ("電話番号", "phone"), ("携帯", "phone"), ("携帯電話", "phone"), ("携帯番号", "phone"),
    ("連絡先", "phone"), ("ファックス", "phone"), ("ファクス", "phone"), ("tel", "phone"), ("phone", "phone"),
    ("mobile", "phone"), ("fax", "phone"), ("phone number", "phone"), ("phone_number", "phone"),
    ("telephone", "phone"), ("cell", "phone"),
    # my number
    ("マイナンバー", "mynum"), ("個人番号", "mynum"), ("my number", "mynum"), ("mynumber", "mynum"),
    ("my_number", "mynum"),
    # postal
    ("〒", "postal"), ("郵便番号", "postal"), ("郵便", "postal"), ("zip", "postal"), ("zip code", "postal"),
    ("zipcode", "postal"), ("zip_code", "postal"), ("postal", "postal"), ("postal code", "postal"),
    ("postal_code", "postal"), ("postcode", "postal"),
    # birth
    ("生年月日", "birth"), ("誕生日", "birth"), ("生まれ", "birth"), ("dob", "birth"),
    ("date of birth", "birth"), ("birth date", "birth"), ("birthdate", "birth"), ("birth_date", "birth"),
    ("birthday", "birth"),
    # passport
    ("旅券", "passport"), ("旅券番号", "passport"), ("パスポート", "passport"), ("パスポート番号", "passport"),
    ("passport", "passport"), ("passport no", "passport"), ("passport number", "passport"),
    ("passport_no", "passport"),
    # driver's licence
    ("免許証", "dl"), ("運転免許証", "dl"), ("免許証番号", "dl"), ("運転免許証番号", "dl"),
    ("driver's license", "dl"), ("drivers license", "dl"), ("driver license", "dl"),
    ("license number", "dl"), ("licence number", "dl"), ("drivers_license", "dl"),
    # bank
    ("口座番号", "acct"), ("口座", "acct"), ("普通", "acct"), ("当座", "acct"), ("普通預金", "acct"),
    ("当座預金", "acct"), ("account number", "acct"), ("account no", "acct"),
    ("account_number", "acct"), ("bank account", "acct"), ("acct", "acct"),
    ("銀行", "bank"), ("支店", "bank"), ("信用金庫", "bank"), ("bank", "bank"), ("branch", "bank"),
    ("ゆうちょ", "bank"),
    # name / address
    ("氏名", "name"), ("お名前", "name"), ("名前", "name"), ("フリガナ", "name"), ("ふりがな", "name"),
    ("カナ", "name"), ("氏名カナ", "name"), ("name", "name"), ("full name", "name"), ("full_name", "name"),
    ("kana", "name"), ("first name", "name"), ("last name", "name"), ("first_name", "name"),
    ("last_name", "name"), ("宛名", "name"), ("契約者", "name"), ("申込者", "name"), ("お客様", "name"), ("担当", "name"), ("担当者", "name"),
    ("住所", "addr"), ("ご住所", "addr"), ("所在地", "addr"), ("address", "addr"), ("addr", "addr"),
    ("street", "addr"), ("お届け先", "addr"), ("届け先", "addr"), ("送付先", "addr"), ("配送先", "addr"),
    # negative
    ("注文番号", "neg"), ("伝票番号", "neg"), ("受付番号", "neg"), ("お問い合わせ番号", "neg"),
    ("問い合わせ番号", "neg"), ("追跡番号", "neg"), ("法人番号", "neg"), ("請求番号", "neg"),
    ("管理番号", "neg"), ("商品番号", "neg"), ("品番", "neg"), ("JAN", "neg"), ("ISBN", "neg"),
    ("order no", "neg"), ("order number", "neg"), ("order id", "neg"), ("order_id", "neg"),
    ("order #", "neg"), ("invoice", "neg"), ("tracking", "neg"), ("tracking number", "neg"),
    ("corporate number", "neg"), ("transaction id", "neg"), ("serial", "neg"), ("uuid", "neg"),
]

# Which label kind a positive of each type needs (None: detected without one).
NEEDS = {
    "card_expiry": {"exp"}, "card_security_code": {"cvv"}, "my_number": {"mynum"},
    "postal_code": {"postal"}, "birth_date": {"birth"}, "passport_number": {"passport"},
    "drivers_license": {"dl"}, "bank_account": {"acct", "bank"},
}
WINDOW = 60


def _normalize(text):
    """Full-width ASCII -> ASCII, U+2212 -> '-', ideographic space -> ' ';
    one char for one char so indices stay aligned."""
    out = []
    for ch in text:
        o = ord(ch)
        if 0xFF01 <= o <= 0xFF5E:
            ch = chr(o - 0xFEE0)
        elif ch == "\u3000":
            ch = " "
        elif ch == "\u2212":
            ch = "-"
        out.append(ch)
    return "".join(out)


def _isalnum_ascii(ch):
    return ch.isascii() and ch.isalnum()


class _Ctx:
    def __init__(self, text):
        self.norm = _normalize(text)
        self.lower = "".join(c.lower() if c.isascii() else c for c in self.norm)
        # UTF-8 byte offset of each char (+1 sentinel), to measure the window.
        self.bpos = [0]
        for ch in self.norm:
            self.bpos.append(self.bpos[-1] + len(ch.encode("utf-8")))
        hits = []
        for label, kind in LABELS:
            lab = label.lower() if label.isascii() else label
            start = 0
            while True:
                i = self.lower.find(lab, start)
                if i < 0:
                    break
                start = i + 1
                e = i + len(lab)
                if label.isascii():
                    # word boundaries, checked only where the label itself ends in a
                    # letter or digit ("order #" may touch the number after it)
                    if _isalnum_ascii(lab[0]) and i > 0 and _isalnum_ascii(self.norm[i - 1]):
                        continue
                    if _isalnum_ascii(lab[-1]) and e < len(self.norm) and _isalnum_ascii(self.norm[e]):
                        continue
                hits.append((e, -(e - i), kind, i))
        hits.sort()
        self.hits = hits

    def owner(self, pos):
        """Kind of the nearest label ending at or before char `pos`, within the window."""
        hit = self.owner_hit(pos)
        return hit[2] if hit else None

    def owner_hit(self, pos):
        best = None
        for e, neglen, kind, b in self.hits:
            if e > pos:
                break
            if self.bpos[pos] - self.bpos[e] > WINDOW:
                continue
            if self.norm.count("\n", e, pos) > 1:
                continue
            if best is None or e > best[0] or (e == best[0] and neglen < best[1]):
                best = (e, neglen, kind, b)
        return best


# Value-shaped tokens that only count with a label (normalized text).
_DIGIT_RUN = re.compile(r"\d+")
_TWELVE = re.compile(r"(?<![\dA-Za-z\- ])\d{4}[ -]?\d{4}[ -]?\d{4}(?![\dA-Za-z])")
_POSTAL = re.compile(r"(?<![\d\-])\d{3}-\d{4}(?![\d\-])")
_PASSPORT = re.compile(r"(?<![A-Za-z\d])[A-Z]{2}\d{7}(?!\d)")
_EXPIRY = re.compile(r"(?<![\d/\-.])(?:(?:0[1-9]|1[0-2])/(?:\d{4}|\d{2})|20\d{2}/(?:0[1-9]|1[0-2])|20\d{2}年\d{1,2}月)(?![\d/]|\d*日)")
_DATE = re.compile(r"(?:\d{4}[/\-.]\d{1,2}[/\-.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|(?:昭和|平成|令和)\d{1,2}年\d{1,2}月\d{1,2}日"
                   r"|(?<![A-Za-z])[SHR]\d{1,2}[./]\d{1,2}[./]\d{1,2}"
                   r"|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
_CHAIN = re.compile(r"\d+(?:[ \-]\d+)*")
_PHONE_CHAIN = re.compile(r"\+?\d+(?:(?:[ \-]|\(|\)|\) |-\(|\)-)\d+)*\)?")

# What a positive's text must look like (normalized), per the detection rules.
_SHAPES = {
    "card_number": re.compile(r"\d{13,19}|\d+(?:[ \-]\d+)+"),
    "card_expiry": _EXPIRY,
    "card_security_code": re.compile(r"\d{3,4}"),
    "card_track": re.compile(r"%?B\d{13,19}\^[A-Z /]+\^\d+\??|;?\d{13,19}=\d+\??"),
    "my_number": re.compile(r"\d{4}([ \-]?)\d{4}\1\d{4}"),
    "postal_code": re.compile(r"\d{3}-\d{4}"),
    "birth_date": _DATE,
    "passport_number": re.compile(r"[A-Z]{2}\d{7}"),
    "drivers_license": re.compile(r"\d{12}"),
    "bank_account": re.compile(r"\d{7}"),
    "phone": re.compile(r"(?:0\d{1,4}[\-( ]?\d{1,4}[\-) ]?\d{3,4}|\+81[ \-]\d{1,2}-\d{4}-\d{4}|\+\d{1,3}(?: \d{2,4}){2,4})"),
}

# Negatives that sit after a suppressing label (注文番号, tracking, 法人番号, JAN...)
SUPPRESSED = {"order_number", "tracking_number", "houjin_bangou", "jan_code_labelled",
              "suppressed_phone_like"}
# Negatives whose label deliberately names the type but whose value is invalid.
LABELLED_INVALID = {"my_number_bad_check", "cvv_wrong_length", "passport_bad_format",
                    "dl_wrong_length", "postal_wrong_format"}


def _lint(doc):
    text = doc.text
    ctx = _Ctx(text)
    norm = ctx.norm
    where = lambda i: f"{doc.path}:{text.count(chr(10), 0, i) + 1}: …{text[max(0, i - 30):i + 30]!r}…"
    pos_spans = [(cb, ce, seg) for seg, cb, ce, bb, be in doc.spans if isinstance(seg, P)]
    neg_spans = [(cb, ce, seg) for seg, cb, ce, bb, be in doc.spans if isinstance(seg, N)]

    def inside(b, e, spans, pred=lambda s: True):
        return any(cb <= b and e <= ce and pred(s) for cb, ce, s in spans)

    def overlaps(b, e, spans, pred=lambda s: True):
        return any(b < ce and cb < e and pred(s) for cb, ce, s in spans)

    card_label_spans = {(cb, ce) for cb, ce, s in pos_spans if s.typ == "card_number"}
    doc.card_shaped_negatives = set()

    # 1. Positives: the right owning label (or a documented reason).
    for cb, ce, seg in pos_spans:
        own = ctx.owner(cb)
        why = seg.why or ""
        if why.startswith("tricky"):
            continue
        need = NEEDS.get(seg.typ)
        if need is None:
            assert own != "neg", f"{seg.typ} owned by a negative label: {where(cb)}"
        elif why == "column":
            assert own is None or own in need, f"{seg.typ} column value owned by '{own}': {where(cb)}"
        elif why == "after_card":
            line_start = text.rfind("\n", 0, cb) + 1
            assert any(line_start <= b < cb for b, e in card_label_spans), where(cb)
        else:
            assert own in need, f"{seg.typ} needs {need}, owner is {own}: {where(cb)}"
        v = norm[cb:ce]
        shape = _SHAPES.get(seg.typ)
        assert shape is None or shape.fullmatch(v), f"{seg.typ} value {v!r} has the wrong shape: {where(cb)}"
        if seg.typ == "card_number":
            d = re.sub(r"\D", "", v)
            assert is_card(d), (doc.path, seg.text)
        if seg.typ == "my_number":
            assert my_number_ok(re.sub(r"\D", "", v)), (doc.path, seg.text)
        if seg.typ == "email":
            assert _EMAIL.fullmatch(norm[cb:ce]), (doc.path, seg.text)

    for cb, ce, seg in neg_spans:
        own = ctx.owner(cb)
        if seg.kind.endswith("_column"):
            # suppressed by its column header (CSV "JAN", "法人番号")
            assert own in (None, "neg"), f"{seg.kind} owned by '{own}': {where(cb)}"
        if seg.kind in SUPPRESSED:
            assert own == "neg", f"{seg.kind} not after a negative label (owner {own}): {where(cb)}"

    # 2. Cards: every Luhn-valid brand number (group-aligned) is labelled.
    for m in _CHAIN.finditer(norm):
        groups = [(g.start() + m.start(), g.end() + m.start()) for g in re.finditer(r"\d+", m.group())]
        left_ok = m.start() == 0 or not _isalnum_ascii(norm[m.start() - 1])
        right_ok = m.end() == len(norm) or not _isalnum_ascii(norm[m.end()])
        for i in range(len(groups)):
            for j in range(i, len(groups)):
                b, e = groups[i][0], groups[j][1]
                if (i == 0 and not left_ok) or (j == len(groups) - 1 and not right_ok):
                    continue
                d = re.sub(r"\D", "", norm[b:e])
                if len(d) > 19:
                    break
                if not is_card(d):
                    continue
                if any(lb <= b and e <= le for lb, le in card_label_spans):
                    continue  # the labelled card itself, or a group-aligned part of it
                if inside(b, e, pos_spans, lambda s: s.typ == "card_track"):
                    continue
                if inside(b, e, neg_spans):
                    # A recorded negative that contains a card-valid digit string
                    # (order number, UUID with numeric groups, ...): explicitly not a finding.
                    doc.card_shaped_negatives.add(next((cb, s.kind) for cb, ce, s in neg_spans if cb <= b and e <= ce))
                    continue
                raise AssertionError(f"unlabelled valid card {d}: {where(b)}")
    for b, e in card_label_spans:
        # the labelled span must be a whole chain or a group-aligned part of one
        assert (b == 0 or not norm[b - 1].isdigit()) and (e == len(norm) or not norm[e].isdigit()), where(b)

    # 3. Emails.
    email_spans = {(cb, ce) for cb, ce, s in pos_spans if s.typ == "email"}
    found = set()
    for m in _EMAIL.finditer(norm):
        found.add((m.start(), m.end()))
        if inside(m.start(), m.end(), neg_spans, lambda s: s.kind == "routing_email"):
            continue  # From/To of a mail: routing, not a finding
        assert (m.start(), m.end()) in email_spans, f"unlabelled email {m.group()}: {where(m.start())}"
    assert email_spans <= found, (doc.path, email_spans - found)

    # 4. Phones: anything with a phone's digit count and prefix is labelled or a recorded negative.
    phone_spans = [(cb, ce) for cb, ce, s in pos_spans if s.typ == "phone"]
    for m in _PHONE_CHAIN.finditer(norm):
        b, e = m.start(), m.end()
        if b > 0 and (_isalnum_ascii(norm[b - 1]) or norm[b - 1] in "+.:/"):
            continue
        if e < len(norm) and (_isalnum_ascii(norm[e]) or norm[e] in ".:/"):
            continue
        s = m.group()
        d = re.sub(r"\D", "", s)
        if s.startswith("+"):
            phoneish = 8 <= len(d) <= 15
        else:
            phoneish = d.startswith("0") and 10 <= len(d) <= 11
        if not phoneish:
            continue
        if any(cb <= b and e <= ce for cb, ce in phone_spans) or any(b <= cb and ce <= e for cb, ce in phone_spans):
            continue
        if overlaps(b, e, neg_spans) or overlaps(b, e, pos_spans, lambda s: s.typ != "phone"):
            continue
        raise AssertionError(f"unlabelled phone-like {s!r}: {where(b)}")

    # 5. Label-dependent shapes outside positives must not sit under their label.
    def lint_shape(b, e, kinds, what):
        if overlaps(b, e, pos_spans):
            return
        if overlaps(b, e, neg_spans, lambda s: s.kind in LABELLED_INVALID):
            return
        if overlaps(b, e, neg_spans, lambda s: s.kind == "number_after_labelled_value"):
            # "cvc=648 HTTP/1.1\" 200 3011": the label's value came first; the
            # numbers after it are not owned by the label. Must really follow a value.
            hit = ctx.owner_hit(b)
            assert hit and any(c.isdigit() for c in norm[hit[0]:b]), where(b)
            return
        own = ctx.owner(b)
        if own in kinds:
            raise AssertionError(f"unlabelled {what} owned by '{own}': {where(b)}")

    for m in _DIGIT_RUN.finditer(norm):
        n = len(m.group())
        # A 3-4 digit run that is part of a date, time, decimal or grouped number
        # ("2024-11-05", "12:30", "1,280") is not a security-code candidate.
        prev = norm[m.start() - 1] if m.start() else ""
        nxt = norm[m.end()] if m.end() < len(norm) else ""
        if (prev and _isalnum_ascii(prev)) or (nxt and _isalnum_ascii(nxt)):
            continue  # glued to letters: part of a longer token (hex id, "ID123")
        if n in (3, 4) and not (prev and prev in "-./:,") and not (nxt and nxt in "-./:,"):
            lint_shape(m.start(), m.end(), {"cvv"}, "3-4 digit number")
        if n == 7:
            lint_shape(m.start(), m.end(), {"acct", "bank"}, "7-digit number")
    for m in _TWELVE.finditer(norm):
        lint_shape(m.start(), m.end(), {"mynum", "dl"}, "12-digit number")
    for m in _POSTAL.finditer(norm):
        lint_shape(m.start(), m.end(), {"postal"}, "NNN-NNNN")
    for m in _PASSPORT.finditer(norm):
        lint_shape(m.start(), m.end(), {"passport"}, "passport-like")
    for m in _DATE.finditer(norm):
        lint_shape(m.start(), m.end(), {"birth"}, "date")
    for m in _EXPIRY.finditer(norm):
        lint_shape(m.start(), m.end(), {"exp"}, "expiry-like")
        if overlaps(m.start(), m.end(), pos_spans):
            continue
        line_start = norm.rfind("\n", 0, m.start()) + 1
        if any(line_start <= b < m.start() for b, e in card_label_spans):
            raise AssertionError(f"expiry-like {m.group()!r} after a card on its line: {where(m.start())}")
