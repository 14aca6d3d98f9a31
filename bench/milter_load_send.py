"""Sends every .eml in DIR through SMTP at 127.0.0.1:PORT with THREADS
parallel connections and writes one line per message to OUT:
"file code queue_id" (queue_id "-" unless accepted). Prints the seconds
from the first MAIL FROM to the last reply.
Usage: milter_load_send.py DIR PORT THREADS OUT"""
import glob
import os
import queue
import re
import smtplib
import sys
import threading
import time

directory, port, threads, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
files = sorted(glob.glob(os.path.join(directory, "*.eml")))
work = queue.Queue()
for f in files:
    work.put(f)
results = []
lock = threading.Lock()
QUEUED = re.compile(rb"queued as ([0-9A-Za-z]+)")


def sender():
    smtp = None
    while True:
        try:
            path = work.get_nowait()
        except queue.Empty:
            break
        data = open(path, "rb").read()
        code, queue_id = 0, "-"
        try:
            if smtp is None:
                smtp = smtplib.SMTP("127.0.0.1", port, timeout=300)
                smtp.ehlo("bench.localdomain")
            code, reply = smtp.mail("tanaka@sender.example.co.jp")
            if code == 250:
                code, reply = smtp.rcpt("rcpt@client.example.com")
            if code == 250:
                code, reply = smtp.data(data)
                m = QUEUED.search(reply)
                if code == 250 and m:
                    queue_id = m.group(1).decode()
            else:
                smtp.rset()
        except smtplib.SMTPResponseException as e:
            code = e.smtp_code
            smtp = None
        except (OSError, smtplib.SMTPException):
            code = -1
            smtp = None
        with lock:
            results.append("%s %d %s" % (os.path.basename(path), code, queue_id))
    if smtp is not None:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            pass


start = time.monotonic()
pool = [threading.Thread(target=sender) for _ in range(threads)]
for t in pool:
    t.start()
for t in pool:
    t.join()
seconds = time.monotonic() - start
with open(out, "w") as f:
    f.write("\n".join(sorted(results)) + "\n")
print("%.3f" % seconds)
