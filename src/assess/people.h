// From findings to people. Findings are grouped into records (a table row,
// a database row resolved to the person it describes, or one identity in free
// text), and records into people when they share a normalized email, phone,
// card number, or name and address.
#ifndef MAMORI_ASSESS_PEOPLE_H_
#define MAMORI_ASSESS_PEOPLE_H_

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "mamori/sink.h"

namespace mamori::assess {

// One value that leaked, normalized (never shown unmasked).
struct LeakedValue {
  DataType type;
  std::string value;
};

struct Person {
  uint32_t kinds = 0;               // bit per DataType
  std::vector<LeakedValue> values;  // the first value of each kind
  bool Has(DataType t) const { return kinds & (1u << static_cast<int>(t)); }
  const std::string* First(DataType t) const;
};

// An object that could not be read completely: the count is a lower bound.
struct Unread {
  std::string path;
  ObjectStatus status;
  std::string reason;
};

// A ScanSink that keeps only what the assessment needs: one compact record
// per table row or identity, so memory grows with people, not with findings.
// Feed several scans through it (one per source), then call People().
class PeopleCollector : public ScanSink {
 public:
  // Database records are keyed by their database: the rows of one customer
  // met through two sources of the same database are one record. Files
  // need no scope (their paths are their keys).
  void BeginSource(const std::string& scope);

  void OnFindings(const std::string& path, const std::vector<Finding>& findings) override;
  void OnObject(const ObjectReport& object) override;
  void OnSummary(const ScanSummary&) override {}

  // Merges records into people (union-find) and returns them; call once.
  std::vector<Person> People();
  const std::vector<Unread>& unread() const { return unread_; }
  uint64_t objects() const { return objects_; }
  uint64_t test_cards() const { return test_cards_; }

 private:
  uint32_t RecordFor(const std::string& key);
  void Add(uint32_t record, const Finding& finding);
  void ResolveFreeText(std::vector<Finding>& findings);

  std::string scope_;  // a short id of the scope, in every record key
  std::map<std::string, std::string> scope_ids_;
  std::unordered_map<std::string, uint32_t> keys_;
  std::vector<Person> records_;
  std::map<std::string, std::vector<Finding>> free_text_;  // per object until OnObject
  std::vector<Unread> unread_;
  uint64_t objects_ = 0;
  uint64_t test_cards_ = 0;
};

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_PEOPLE_H_
