// SQLite fixtures made by real SQLite in the test: a database file from SQL,
// and the shop database of the database tests.
#ifndef MAMORI_EXTRACT_SQLITE_TEST_UTIL_H_
#define MAMORI_EXTRACT_SQLITE_TEST_UTIL_H_

#include <string>

#include "mamori/status.h"

namespace mamori {

// Creates (or replaces) the database at `path` and runs `sql` in it.
Status MakeSqliteDatabase(const std::string& path, const std::string& sql);

// A shop: `customers` rows (id, name, email) and two orders per customer
// (id, customer_id, card_number, expiry, security_code; real-brand,
// Luhn-valid card numbers that are no public test numbers). With
// `declare_keys` orders.customer_id is a declared foreign key; without, it is
// only named like one.
std::string ShopSql(int customers, bool declare_keys);

// A Luhn-valid Visa number for `n` (not a public test number).
std::string ShopCardNumber(int n);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_SQLITE_TEST_UTIL_H_
