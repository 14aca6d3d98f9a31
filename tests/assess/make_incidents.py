#!/usr/bin/python3
"""Fake data shaped like the cases in /work/shared/cases.md, for the
assessment tests and benchmark. Deterministic; every value is made up.

  make_incidents.py rental-sqlite DB N     the rental shop (case 1) in SQLite
  make_incidents.py rental-sql N           the same as SQL for psql (stdout)
  make_incidents.py cards-csv FILE         5 customers' card numbers (one twice)
  make_incidents.py laptop-mbox FILE       20 customer mails kept on a laptop
  make_incidents.py rental-incident URL [all]  its incident file (stdout): the
                                           window and counter exclusion, or all rows
  make_incidents.py card N                 customer N's card number
  make_incidents.py rental-affected N      how many customers the rental window holds

The rental shop: customers(id, name, email) and orders(customer_id ->
customers, ordered_at, channel, card_holder, card_number, expiry,
security_code, address). Order i belongs to customer i // 2 (two orders per
customer); order dates walk from 2010-12-01 a day per 7 orders; every 10th
order was paid at the airport counter. affected(N) prints who is in the
window 2011-03-07..2013-04-23 and not at the counter.
"""
import datetime
import sqlite3
import sys

SURNAMES = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤"]
GIVEN = ["太郎", "花子", "一郎", "美咲", "健太", "陽菜", "翔", "結衣", "大輔", "さくら"]
START = datetime.date(2010, 12, 1)
WINDOW = (datetime.date(2011, 3, 7), datetime.date(2013, 4, 23))


def luhn_complete(prefix, length):
    digits = [int(c) for c in prefix]
    while len(digits) < length - 1:
        digits.append((len(digits) * 7 + sum(digits)) % 10)
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def card(n):
    # Visa-range numbers from an issuer prefix, varied by n; Luhn-valid.
    return luhn_complete("4980%08d" % (n * 7919 % 10**8), 16)


def customer(c):
    return (c, SURNAMES[c % 10] + " " + GIVEN[(c // 10) % 10], "cust%06d@example.jp" % c)


def order(i):
    c = i // 2
    day = START + datetime.timedelta(days=i // 7)
    channel = "airport_counter" if i % 10 == 9 else "web"
    return (i + 1, c, day.isoformat() + " 10:%02d:00" % (i % 60), channel, customer(c)[1], card(c),
            "%02d/%02d" % (1 + c % 12, 15 + c % 5), "%03d" % (c * 37 % 1000),
            "東京都千代田区千代田%d-%d-%d" % (1 + c % 9, 1 + c % 30, c))


def affected(n):
    """Customers with an order in the window not paid at the counter."""
    people = set()
    for i in range(n):
        o = order(i)
        day = datetime.date.fromisoformat(o[2][:10])
        if WINDOW[0] <= day <= WINDOW[1] and o[3] != "airport_counter":
            people.add(o[1])
    return len(people)


SCHEMA = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers(id),
  ordered_at TEXT, channel TEXT, card_holder TEXT, card_number TEXT, expiry TEXT,
  security_code TEXT, address TEXT);
"""


def rental_sqlite(path, n):
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.executemany("INSERT INTO customers VALUES (?,?,?)", (customer(c) for c in range((n + 1) // 2)))
    db.executemany("INSERT INTO orders VALUES (?,?,?,?,?,?,?,?,?)", (order(i) for i in range(n)))
    db.commit()
    db.close()


def rental_incident(url, every_row):
    out = sys.stdout
    out.write('discovered_at = 2013-04-23T17:00:00+09:00\n'
              'cause = "unauthorized_access"\n'
              'encrypted = false\n'
              'organization = "Example Wi-Fi Rental <Web>"\n'
              'description = "Web server of the rental site accessed without authorization"\n'
              'secondary_damage = "172 fraudulent card uses known by 2013-04-26"\n\n'
              '[[source]]\nurl = "%s"\ntable = "orders"\n' % url)
    if not every_row:
        out.write('[[source.filter]]\ncolumn = "ordered_at"\nfrom = %s\nto = %s\n'
                  '[[source.filter]]\ncolumn = "channel"\nnot_equal = "airport_counter"\n'
                  % (WINDOW[0].isoformat(), WINDOW[1].isoformat()))


def rental_sql(n):
    out = sys.stdout
    out.write(SCHEMA.replace("ordered_at TEXT", "ordered_at TIMESTAMP"))
    out.write("COPY customers FROM STDIN;\n")
    for c in range((n + 1) // 2):
        out.write("\t".join(map(str, customer(c))) + "\n")
    out.write("\\.\nCOPY orders FROM STDIN;\n")
    for i in range(n):
        out.write("\t".join(map(str, order(i))) + "\n")
    out.write("\\.\n")


def cards_csv(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("氏名,メールアドレス,カード番号,有効期限\n")
        for c in range(5):
            f.write("%s,%s,%s,%02d/%02d\n" % (customer(c)[1], customer(c)[2], card(c), 1 + c, 27))
        # The first customer again, from another export: the same person.
        f.write("%s,%s,%s,%02d/%02d\n" % (customer(0)[1], customer(0)[2].upper(), card(0), 1, 27))


def laptop_mbox(path):
    with open(path, "w", encoding="utf-8") as f:
        for c in range(20):
            name, email = customer(c)[1], customer(c)[2]
            f.write("From shop@example.co.jp Mon Apr  1 10:00:00 2024\n"
                    "From: shop@example.co.jp\nTo: support@example.co.jp\n"
                    "Subject: inquiry %d\nContent-Type: text/plain; charset=utf-8\n\n"
                    "お客様: %s\nメール: %s\n電話: 03-5%03d-%04d\nカード番号: %s\n\n"
                    % (c, name, email, c, 1000 + c, card(c)))


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "rental-sqlite":
        rental_sqlite(sys.argv[2], int(sys.argv[3]))
    elif cmd == "rental-sql":
        rental_sql(int(sys.argv[2]))
    elif cmd == "rental-affected":
        print(affected(int(sys.argv[2])))
    elif cmd == "rental-incident":
        rental_incident(sys.argv[2], sys.argv[3:] == ["all"])
    elif cmd == "card":
        print(card(int(sys.argv[2])))
    elif cmd == "cards-csv":
        cards_csv(sys.argv[2])
    elif cmd == "laptop-mbox":
        laptop_mbox(sys.argv[2])
    else:
        sys.exit("unknown command " + cmd)
