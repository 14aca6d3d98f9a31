#!/bin/sh
# Seeds for fuzz_sqlite: small real databases made by the sqlite3 CLI
# (512-byte pages keep them small). Run from this directory.
set -e
rm -f shop.db keys.db wal.db
sqlite3 shop.db "PRAGMA page_size = 512;
CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER REFERENCES customers, card_number TEXT, expiry TEXT, security_code TEXT);
CREATE TABLE order_items (id INTEGER PRIMARY KEY, order_id INTEGER, note BLOB);
INSERT INTO customers VALUES (1, '山田 太郎', 'taro@shop-mail.co.jp'), (2, '佐藤 花子', NULL);
INSERT INTO orders VALUES (1, 1, '4532015112830366', '12/28', '123'), (2, 2, '4532015112830374', '01/29', '456');
INSERT INTO order_items VALUES (1, 1, x'00ff41'), (2, 2, 'TEL 03-1234-5678');"
sqlite3 keys.db "PRAGMA page_size = 512;
CREATE TABLE parent (b TEXT, a INTEGER, email TEXT, PRIMARY KEY (a, b)) WITHOUT ROWID;
CREATE TABLE child (pa INTEGER, pb TEXT, cvv TEXT, FOREIGN KEY (pb, pa) REFERENCES parent (b, a));
CREATE INDEX child_pa ON child (pa);
CREATE VIEW v AS SELECT * FROM child;
INSERT INTO parent VALUES ('x', 1, 'a@b.jp');
INSERT INTO child VALUES (1, 'x', '999'), (2, 'y', NULL);"
sqlite3 wal.db "PRAGMA page_size = 512; PRAGMA journal_mode = WAL;
CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('090-1234-5678'); PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null
