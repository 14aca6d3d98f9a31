#include "assess/people.h"

#include <algorithm>
#include <numeric>
#include <optional>

namespace mamori::assess {
namespace {

constexpr uint32_t Bit(DataType t) { return 1u << static_cast<int>(t); }

// Lines between two identities of one person in free text, at most.
constexpr uint64_t kBlockGapLines = 2;

// Values that name one person in free text; other findings belong to the
// identity they stand next to.
bool IsIdentity(DataType t) {
  switch (t) {
    case DataType::kCardNumber:
    case DataType::kCardTrack:
    case DataType::kEmail:
    case DataType::kPhone:
    case DataType::kMyNumber:
    case DataType::kPassportNumber:
    case DataType::kDriversLicense:
    case DataType::kBankAccount:
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Names and addresses compare without spaces (ASCII and ideographic).
std::string Squeeze(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == ' ' || s[i] == '\t') continue;
    if (s.compare(i, 3, "\u3000") == 0) {
      i += 2;
      continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

class UnionFind {
 public:
  explicit UnionFind(size_t n) : parent_(n) { std::iota(parent_.begin(), parent_.end(), 0u); }
  uint32_t Find(uint32_t x) {
    while (parent_[x] != x) x = parent_[x] = parent_[parent_[x]];
    return x;
  }
  void Join(uint32_t a, uint32_t b) {
    a = Find(a);
    b = Find(b);
    if (a != b) parent_[std::max(a, b)] = std::min(a, b);
  }

 private:
  std::vector<uint32_t> parent_;
};

}  // namespace

const std::string* Person::First(DataType t) const {
  for (const LeakedValue& v : values) {
    if (v.type == t) return &v.value;
  }
  return nullptr;
}

void PeopleCollector::BeginSource(const std::string& scope) {
  scope_ = scope_ids_.try_emplace(scope, std::to_string(scope_ids_.size())).first->second;
}

uint32_t PeopleCollector::RecordFor(const std::string& key) {
  auto [it, inserted] = keys_.try_emplace(key, static_cast<uint32_t>(records_.size()));
  if (inserted) records_.emplace_back();
  return it->second;
}

void PeopleCollector::Add(uint32_t record, const Finding& finding) {
  Person& p = records_[record];
  if (!p.Has(finding.type)) p.values.push_back({finding.type, finding.value});
  p.kinds |= Bit(finding.type);
}

void PeopleCollector::OnFindings(const std::string& path, const std::vector<Finding>& findings) {
  const std::string prefix = scope_ + "\x1f";
  for (const Finding& f : findings) {
    if (f.test) {  // a public test card number is nobody's card
      ++test_cards_;
      continue;
    }
    if (!f.where.record.empty()) {
      Add(RecordFor(prefix + f.where.record), f);
    } else if (f.where.row) {
      Add(RecordFor(prefix + path + "\x1f" + f.where.sheet + "\x1f" + std::to_string(*f.where.row)),
          f);
    } else {
      free_text_[path].push_back(f);
    }
  }
}

void PeopleCollector::OnObject(const ObjectReport& object) {
  ++objects_;
  if (object.status != ObjectStatus::kOk) {
    unread_.push_back({object.path, object.status, object.reason});
  }
  auto it = free_text_.find(object.path);
  if (it == free_text_.end()) return;
  std::vector<Finding> findings = std::move(it->second);
  free_text_.erase(it);
  const std::string prefix = scope_ + "\x1f" + object.path + "\x1f";
  std::stable_sort(findings.begin(), findings.end(),
                   [](const Finding& a, const Finding& b) { return a.offset < b.offset; });
  // Identities first. The same value is the same record. Identities of
  // different kinds close together (a name, an email, a phone and a card on
  // one line or on the next lines of a list or a mail) are one record, until
  // a kind repeats or a gap of lines separates them.
  std::unordered_map<uint64_t, uint32_t> line_record;
  std::vector<std::pair<uint64_t, uint32_t>> anchors;  // offset -> record, in order
  std::optional<uint32_t> last;
  uint64_t last_line = 0;
  for (const Finding& f : findings) {
    if (!IsIdentity(f.type)) continue;
    const std::string key = prefix + std::string(DataTypeName(f.type)) + "\x1f" + f.value;
    uint32_t record;
    if (auto known = keys_.find(key); known != keys_.end()) {
      record = known->second;
    } else if (last && f.line != 0 && f.line - last_line <= kBlockGapLines &&
               !records_[*last].Has(f.type)) {
      record = *last;
      keys_.emplace(key, record);
    } else {
      record = RecordFor(key);
    }
    if (f.line != 0) line_record.try_emplace(f.line, record);
    Add(record, f);
    anchors.emplace_back(f.offset, record);
    last = record;
    last_line = f.line;
  }
  for (const Finding& f : findings) {
    if (IsIdentity(f.type)) continue;
    uint32_t record;
    if (auto line = line_record.find(f.line); line != line_record.end()) {
      record = line->second;
    } else if (anchors.empty()) {
      record = RecordFor(prefix + "unattributed");  // someone, but no identity to tell who
    } else {
      // The nearest identity before the value, else the first one after it.
      auto next = std::lower_bound(anchors.begin(), anchors.end(), std::make_pair(f.offset, 0u));
      record = (next == anchors.begin() ? next : std::prev(next))->second;
    }
    Add(record, f);
  }
}

std::vector<Person> PeopleCollector::People() {
  std::unordered_map<std::string, uint32_t>().swap(keys_);  // free it before the people are built
  UnionFind sets(records_.size());
  std::unordered_map<std::string, uint32_t> seen;
  const auto link = [&](uint32_t record, std::string key) {
    auto [it, inserted] = seen.try_emplace(std::move(key), record);
    if (!inserted) sets.Join(record, it->second);
  };
  for (uint32_t i = 0; i < records_.size(); ++i) {
    const Person& r = records_[i];
    if (const std::string* v = r.First(DataType::kEmail)) link(i, "e" + Lower(*v));
    if (const std::string* v = r.First(DataType::kPhone)) link(i, "p" + *v);
    if (const std::string* v = r.First(DataType::kCardNumber)) link(i, "c" + *v);
    const std::string* name = r.First(DataType::kPersonName);
    const std::string* address = r.First(DataType::kAddress);
    if (name && address) link(i, "n" + Squeeze(*name) + "\x1f" + Squeeze(*address));
  }
  seen.clear();
  std::vector<Person> people;
  std::unordered_map<uint32_t, uint32_t> person_of_root;
  for (uint32_t i = 0; i < records_.size(); ++i) {
    auto [it, inserted] =
        person_of_root.try_emplace(sets.Find(i), static_cast<uint32_t>(people.size()));
    if (inserted) {
      people.push_back(std::move(records_[i]));
      continue;
    }
    Person& p = people[it->second];
    for (LeakedValue& v : records_[i].values) {
      if (!p.Has(v.type)) p.values.push_back(std::move(v));
    }
    p.kinds |= records_[i].kinds;
  }
  records_.clear();
  return people;
}

}  // namespace mamori::assess
