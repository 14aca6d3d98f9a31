"""Packs labelled corpus files into containers: zip (nested too), tar.gz,
tar.xz, a gzip stream, a mail with attachments and an mbox.

A member is scanned as an object of its own at "container!/member" with
offsets into the member's bytes, which are the original file's bytes: so a
member's labels are the file's labels under the member path. Deterministic:
fixed timestamps, fixed MIME boundaries.
"""

import gzip
import io
import tarfile
import zipfile
from email.message import EmailMessage
from email.policy import SMTP

STAMP = (2024, 4, 1, 9, 0, 0)


def zip_bytes(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, STAMP), data)
    return buf.getvalue()


def tar_bytes(members, mode):
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode=mode) as t:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size, info.mtime = len(data), 0
            t.addfile(info, io.BytesIO(data))
    return buf.getvalue()


def _mail(members):
    msg = EmailMessage()
    msg["From"] = "export@shop.example.jp"
    msg["To"] = "backup@shop.example.jp"
    msg["Subject"] = "nightly export"
    msg["Date"] = "Mon, 1 Apr 2024 09:00:00 +0900"
    msg["Message-ID"] = "<export-1@shop.example.jp>"
    msg.set_content("Exports attached.\n")
    for name, data in members:
        msg.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    msg.set_boundary("==corpus-boundary==")
    return msg.as_bytes(policy=SMTP)


def package(docs, labels, negs):
    """Returns [(path, bytes)] of containers and their extra label and negative records."""
    by_path = {d.path: d for d in docs}
    pick = lambda prefix: [d for d in docs if d.path.startswith(prefix)]
    short = lambda d: d.path[len("files/"):]
    base = lambda d: d.path.rsplit("/", 1)[1]
    plans = []  # (container path, [(member name, doc)], bytes)

    csvs, logs, mails = pick("files/csv/"), pick("files/logs/"), pick("files/mail/")
    crm, forms = pick("files/crm/"), pick("files/forms/")
    members = [(short(d), d) for d in csvs[:6] + crm]
    plans.append(("files/containers/backup.zip", members, zip_bytes([(n, d.data) for n, d in members])))
    inner = [(short(d), d) for d in forms[:3]]
    inner_zip = zip_bytes([(n, d.data) for n, d in inner])
    plans.append(("files/containers/nested.zip", [("2013/inner.zip!/" + n, d) for n, d in inner],
                  zip_bytes([("2013/inner.zip", inner_zip)])))
    members = [(short(d), d) for d in logs]
    plans.append(("files/containers/logs.tar.gz", members, tar_bytes([(n, d.data) for n, d in members], "w:gz")))
    members = [(short(d), d) for d in forms[3:]]
    plans.append(("files/containers/forms.tar.xz", members, tar_bytes([(n, d.data) for n, d in members], "w:xz")))
    if crm:
        d = crm[0]
        plans.append((f"files/containers/{base(d)}.gz", [(base(d), d)], gzip.compress(d.data, mtime=0)))
    members = [(base(d), d) for d in csvs[6:10]]
    plans.append(("files/containers/export.eml", members, _mail([(n, d.data) for n, d in members])))
    eml = [d for d in mails if d.path.endswith(".eml")][:3]
    box = b"".join(b"From export@shop.example.jp Mon Apr  1 09:00:00 2024\n" + d.data.rstrip(b"\n") + b"\n\n"
                   for d in eml)
    plans.append(("files/containers/archive.mbox", [(f"message-{i + 1}", d) for i, d in enumerate(eml)], box))

    containers, extra_labels, extra_negs = [], [], []
    for path, members, data in plans:
        containers.append((path, data))
        for name, d in members:
            member_path = f"{path}!/{name}"
            extra_labels += [dict(r, path=member_path) for r in labels if r["path"] == d.path]
            extra_negs += [dict(r, path=member_path) for r in negs if r["path"] == d.path]
    assert all(d.path in by_path for _, ms, _ in plans for _, d in ms)
    return containers, extra_labels, extra_negs
