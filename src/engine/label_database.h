// The Vectorscan database of every label (AllLabels(): literals, ASCII
// caseless, a match's id the label's index). Compiling it costs ~115 million
// instructions, most of a short scan's start-up, so the build compiles it
// once (tools/label_db_gen) and embeds the serialized bytes; a scan
// deserializes them and compiles afresh only when this machine or this
// libhs cannot use them.
#ifndef MAMORI_ENGINE_LABEL_DATABASE_H_
#define MAMORI_ENGINE_LABEL_DATABASE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "mamori/status.h"

struct hs_database;

namespace mamori {

// Compiles the database for this machine. Free it with hs_free_database.
Result<hs_database*> CompileLabelDatabase();

// The bytes of hs_serialize_database for `db`.
Result<std::string> SerializeLabelDatabase(const hs_database* db);

// A database from serialized bytes, checked to run on this machine (another
// CPU family or libhs version is an error, not a crash later).
Result<hs_database*> DeserializeLabelDatabase(std::string_view bytes);

// The database the build embedded (generated/label_database_data.cc).
std::string_view EmbeddedLabelDatabase();

}  // namespace mamori

#endif  // MAMORI_ENGINE_LABEL_DATABASE_H_
