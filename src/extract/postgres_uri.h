// PostgreSQL connection URIs as shown to users: without their passwords.
// Apart from the PostgreSQL plugin (plugins/plugins.h): paths name databases
// whether or not the plugin is loaded.
#ifndef MAMORI_EXTRACT_POSTGRES_URI_H_
#define MAMORI_EXTRACT_POSTGRES_URI_H_

#include <string>
#include <string_view>

namespace mamori {

// The URI without its password ("postgresql://app@db/shop",
// "…?password=***" parameters masked): what paths and messages show.
std::string RedactPostgresUri(std::string_view uri);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_POSTGRES_URI_H_
