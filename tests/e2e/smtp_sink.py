"""A capturing SMTP sink for the mail-gate tests: accepts every message and
stores its DATA bytes exactly (dot-unstuffed, CRLF kept) as DIR/NNNNNN.eml,
with the envelope in DIR/NNNNNN.env. Usage: smtp_sink.py PORT DIR"""
import os
import socketserver
import sys
import threading

DIR = sys.argv[2]
counter = 0
lock = threading.Lock()


def store(data, envelope):
    global counter
    with lock:
        counter += 1
        name = os.path.join(DIR, "%06d" % counter)
    with open(name + ".env.tmp", "w") as f:
        f.write("\n".join(envelope) + "\n")
    with open(name + ".eml.tmp", "wb") as f:
        f.write(data)
    os.rename(name + ".env.tmp", name + ".env")
    os.rename(name + ".eml.tmp", name + ".eml")  # last: a complete message


class Session(socketserver.StreamRequestHandler):
    def reply(self, text):
        self.wfile.write(text.encode() + b"\r\n")

    def handle(self):
        self.reply("220 sink ESMTP")
        envelope = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                self.reply("250-sink\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 PIPELINING")
            elif verb == b"MAIL":
                envelope = [line.decode("utf-8", "replace").strip()]
                self.reply("250 2.1.0 Ok")
            elif verb == b"RCPT":
                envelope.append(line.decode("utf-8", "replace").strip())
                self.reply("250 2.1.5 Ok")
            elif verb == b"DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while True:
                    l = self.rfile.readline()
                    if not l or l in (b".\r\n", b".\n"):
                        break
                    data += l[1:] if l.startswith(b".") else l
                store(bytes(data), envelope)
                self.reply("250 2.0.0 Ok: stored")
            elif verb == b"QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:  # RSET, NOOP and anything else
                self.reply("250 2.0.0 Ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    os.makedirs(DIR, exist_ok=True)
    Server(("127.0.0.1", int(sys.argv[1])), Session).serve_forever()
