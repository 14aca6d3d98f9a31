// The Vectorscan database of the labels (AllLabels(): literals, ASCII
// caseless, a match's id the label's index), whole or without the words that
// name no value (LabelSet). Compiling it costs ~115 million
// instructions, most of a short scan's start-up, so the build compiles it
// once (tools/label_db_gen) and embeds the serialized bytes; a scan
// deserializes them and compiles afresh only when this machine or this
// libhs cannot use them.
#ifndef MAMORI_ENGINE_LABEL_DATABASE_H_
#define MAMORI_ENGINE_LABEL_DATABASE_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "engine/labels.h"
#include "mamori/status.h"

struct hs_database;

namespace mamori {

// Which labels a database holds. Place names and honorifics name no value
// (OwningLabel passes over them): only the address and name detectors read
// them, so a scan without those types searches for the others alone.
enum class LabelSet {
  kAll,
  kValueLabels,  // all but kPrefecture and kHonorific
};
bool InLabelSet(LabelSet set, LabelKind kind);

// Compiles the database for this machine. Free it with hs_free_database.
Result<hs_database*> CompileLabelDatabase(LabelSet set);

// The bytes of hs_serialize_database for `db`.
Result<std::string> SerializeLabelDatabase(const hs_database* db);

// A database from serialized bytes, checked to run on this machine (another
// CPU family or libhs version is an error, not a crash later).
Result<hs_database*> DeserializeLabelDatabase(std::string_view bytes);

// The database the build embedded (generated/label_database_data.cc).
std::string_view EmbeddedLabelDatabase(LabelSet set);

}  // namespace mamori

#endif  // MAMORI_ENGINE_LABEL_DATABASE_H_
