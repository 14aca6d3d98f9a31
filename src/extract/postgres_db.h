// PostgreSQL databases through libpq. Every query runs in its own
// BEGIN TRANSACTION READ ONLY (the session also defaults to read-only), so a
// table is only ever locked for reading, and only while it is read. Tables
// are streamed through a server-side NO SCROLL cursor, 1000 rows a FETCH, in
// bounded memory. Connection URIs are libpq's ("postgresql://user@host:5432/db",
// "postgres://…?host=/run/postgresql"); passwords come from the URI,
// PGPASSWORD or ~/.pgpass and never appear in paths or messages.
#ifndef MAMORI_EXTRACT_POSTGRES_DB_H_
#define MAMORI_EXTRACT_POSTGRES_DB_H_

#include <memory>
#include <string>
#include <string_view>

#include "extract/budget.h"
#include "extract/database.h"
#include "mamori/status.h"

namespace mamori {

Result<std::unique_ptr<Database>> OpenPostgres(const std::string& uri, Budget& budget);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_POSTGRES_DB_H_
