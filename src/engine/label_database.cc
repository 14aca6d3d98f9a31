#include "engine/label_database.h"

#include <hs/hs.h>

#include <cstdlib>
#include <span>
#include <vector>

#include "engine/labels.h"

namespace mamori {

bool InLabelSet(LabelSet set, LabelKind kind) {
  return set == LabelSet::kAll || (kind != LabelKind::kPrefecture && kind != LabelKind::kHonorific);
}

Result<hs_database*> CompileLabelDatabase(LabelSet set) {
  const std::span<const Label> labels = AllLabels();
  std::vector<const char*> exprs;
  std::vector<size_t> lens;
  std::vector<unsigned> flags;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < labels.size(); ++i) {
    if (!InLabelSet(set, labels[i].kind)) continue;
    exprs.push_back(labels[i].text.data());
    lens.push_back(labels[i].text.size());
    flags.push_back(HS_FLAG_CASELESS);  // only affects ASCII letters
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* error = nullptr;
  if (hs_compile_lit_multi(exprs.data(), flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(exprs.size()), HS_MODE_BLOCK, nullptr, &db,
                           &error) != HS_SUCCESS) {
    std::string msg = error ? error->message : "unknown error";
    hs_free_compile_error(error);
    return Status::Internal("cannot compile label database: " + msg);
  }
  return db;
}

Result<std::string> SerializeLabelDatabase(const hs_database* db) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) {
    return Status::Internal("cannot serialize the label database");
  }
  std::string out(bytes, length);
  std::free(bytes);  // hs_serialize_database allocates with malloc by default
  return out;
}

Result<hs_database*> DeserializeLabelDatabase(std::string_view bytes) {
  hs_database_t* db = nullptr;
  if (bytes.empty() || hs_deserialize_database(bytes.data(), bytes.size(), &db) != HS_SUCCESS) {
    return Status::InvalidArgument("serialized label database unusable");
  }
  // Scratch space is only granted for a database this CPU and libhs can run.
  hs_scratch_t* scratch = nullptr;
  if (hs_alloc_scratch(db, &scratch) != HS_SUCCESS) {
    hs_free_database(db);
    return Status::Unsupported("serialized label database is for another platform");
  }
  hs_free_scratch(scratch);
  return db;
}

}  // namespace mamori
