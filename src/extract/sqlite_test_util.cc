#include "extract/sqlite_test_util.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>

namespace mamori {

Status MakeSqliteDatabase(const std::string& path, const std::string& sql) {
  ::unlink(path.c_str());
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    sqlite3_close(db);
    return Status::IoError("cannot create " + path);
  }
  char* error = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  const std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  return rc == SQLITE_OK ? Status::Ok() : Status::Internal(message);
}

std::string ShopCardNumber(int n) {
  char digits[20];
  std::snprintf(digits, sizeof digits, "453201%09d", n);
  int sum = 0;
  for (int i = 14; i >= 0; --i) {  // Luhn: double every second digit from the right of the payload
    int d = digits[i] - '0';
    if ((14 - i) % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return std::string(digits) + static_cast<char>('0' + (10 - sum % 10) % 10);
}

std::string ShopSql(int customers, bool declare_keys) {
  std::string sql = "BEGIN;\n";
  sql += "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT, email TEXT);\n";
  sql += "CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER";
  sql += declare_keys ? " REFERENCES customers (id)" : "";
  sql += ", card_number TEXT, expiry TEXT, security_code TEXT);\n";
  for (int i = 1; i <= customers; ++i) {
    sql += "INSERT INTO customers VALUES (" + std::to_string(i) + ", '山田 太郎" +
           std::to_string(i) + "', 'taro" + std::to_string(i) + "@shop-mail.co.jp');\n";
  }
  for (int i = 1; i <= 2 * customers; ++i) {
    const int customer = (i - 1) % customers + 1;
    char code[4];
    std::snprintf(code, sizeof code, "%03d", (i * 37) % 1000);
    sql += "INSERT INTO orders VALUES (" + std::to_string(i) + ", " + std::to_string(customer) +
           ", '" + ShopCardNumber(i) + "', '" + std::to_string(i % 12 + 1) + "/28', '" + code +
           "');\n";
  }
  return sql + "COMMIT;\n";
}

}  // namespace mamori
