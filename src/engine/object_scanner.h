// Scans one object of any format: sniffs what it is, runs its extractor,
// scans the text and cells that come out, and reports the object and every
// object nested in it (archive members, attachments) with their own paths,
// "outer.zip!/2013/list.xlsx".
#ifndef MAMORI_ENGINE_OBJECT_SCANNER_H_
#define MAMORI_ENGINE_OBJECT_SCANNER_H_

#include <string>
#include <string_view>
#include <vector>

#include "engine/byte_source.h"
#include "engine/text_scanner.h"
#include "extract/budget.h"
#include "mamori/finding.h"

namespace mamori {

// Where finished findings and objects go (the engine serializes threads).
class ObjectOutput {
 public:
  virtual ~ObjectOutput() = default;
  virtual void Findings(const std::string& path, std::vector<Finding>& findings) = 0;
  virtual void Object(const ObjectReport& report) = 0;
};

class ObjectScanner {
 public:
  ObjectScanner(const ScanCore& core, TextScanner& text, ObjectOutput& out)
      : core_(core), text_(text), out_(out) {}

  // A top-level object read from `source`: text-like formats are streamed
  // in bounded memory; containers and documents are read whole (a file is
  // mapped when `path` names one). Reports it (and its members) to the output.
  void ScanTopLevel(const std::string& path, ByteSource& source, bool is_file);

  // A database named by URI ("sqlite:shop.db", "postgresql://…", see
  // extract/database.h): each table is an object "<uri>!/<table>", and the
  // database one more whose records are the distinct people of all tables.
  void ScanDatabaseUri(const std::string& uri);

  // An object already in memory, inside a top-level one. Reports it and
  // returns its report so the container can sum its members.
  ObjectReport ScanMemory(const std::string& path, std::string_view bytes, Budget& budget);

 private:
  friend class ObjectContext;
  const ScanCore& core_;
  TextScanner& text_;
  ObjectOutput& out_;
};

}  // namespace mamori

#endif  // MAMORI_ENGINE_OBJECT_SCANNER_H_
