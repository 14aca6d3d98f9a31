// The inventory's schema, as numbered steps. A store records its version in
// schema_version; opening a store runs the steps it lacks, in order, in one
// locked transaction, so an older store upgrades in place and two first
// runs racing on an empty database do not both create it.
#ifndef MAMORI_INVENTORY_SCHEMA_H_
#define MAMORI_INVENTORY_SCHEMA_H_

#include "inventory/sql_backend.h"

namespace mamori::inventory {

inline constexpr int kSchemaVersion = 2;

// Brings the store to version `target` (tests stop early to make old
// stores); an error when the store is newer than this mamori.
Status Migrate(SqlBackend& db, int target = kSchemaVersion);

// The store's version; 0 for an empty database.
Result<int> SchemaVersion(SqlBackend& db);

}  // namespace mamori::inventory

#endif  // MAMORI_INVENTORY_SCHEMA_H_
