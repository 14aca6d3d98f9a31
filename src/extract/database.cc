#include "extract/database.h"

#include <algorithm>
#include <cctype>
#include <optional>

#include "engine/encoding.h"
#include "extract/postgres_uri.h"
#include "extract/record_skip.h"
#include "extract/sqlite_db.h"
#include "extract/table.h"
#include "plugins/plugins.h"

namespace mamori {
namespace {

constexpr int kMaxHops = 4;
constexpr size_t kMaxCellBytes = size_t{1} << 20;  // longer values are scanned as text pieces
constexpr uint64_t kBudgetCheckRows = 1024;
constexpr std::string_view kRowIdAlias = "mamori$rowid";

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string Qualified(const DbTable& t) {
  return t.schema.empty() ? QuoteIdentifier(t.name)
                          : QuoteIdentifier(t.schema) + "." + QuoteIdentifier(t.name);
}

std::string DisplayName(const DbTable& t, std::string_view default_schema) {
  return t.schema.empty() || t.schema == default_schema ? t.name : t.schema + "." + t.name;
}

// A person's own name column, not "product_name" or "shop_name": a
// Japanese header, or one of the usual English ones.
bool PersonNameColumn(std::string_view column) {
  if (std::any_of(column.begin(), column.end(),
                  [](char c) { return static_cast<unsigned char>(c) >= 0x80; })) {
    return true;
  }
  static constexpr std::string_view kNames[] = {
      "name",     "full_name",   "fullname", "first_name", "firstname", "last_name",
      "lastname", "family_name", "surname",  "given_name", "name_kana"};
  return std::any_of(std::begin(kNames), std::end(kNames),
                     [&](std::string_view n) { return EqualsIgnoreCase(n, column); });
}

// A table identifies people when one of its columns is a person's
// identifier; such a table is the root its rows' records end at.
bool IdentifiesPeople(const DbTable& t) {
  return std::any_of(t.columns.begin(), t.columns.end(), [](const std::string& c) {
    const std::optional<LabelKind> kind = ClassifyColumn(c);
    if (!kind) return false;
    switch (*kind) {
      case LabelKind::kName:
        return PersonNameColumn(c);
      case LabelKind::kEmail:
      case LabelKind::kMyNumber:
      case LabelKind::kBirthDate:
      case LabelKind::kPassport:
      case LabelKind::kDriversLicense:
        return true;
      default:
        return false;
    }
  });
}

// One step from a table to a parent: the child's columns holding the
// parent's primary key, in the key's order.
struct Link {
  size_t parent = 0;
  std::vector<std::string> columns;
};

std::optional<size_t> FindTable(const std::vector<DbTable>& tables, std::string_view schema,
                                std::string_view name) {
  for (size_t i = 0; i < tables.size(); ++i) {
    if (tables[i].schema == schema && tables[i].name == name) return i;
  }
  return std::nullopt;
}

// A declared foreign key, when it references the parent's primary key.
std::optional<Link> DeclaredLink(const std::vector<DbTable>& tables, size_t child,
                                 const DbForeignKey& fk) {
  const auto parent = FindTable(tables, fk.parent_schema, fk.parent_name);
  if (!parent || *parent == child) return std::nullopt;
  const std::vector<std::string>& pk = tables[*parent].primary_key;
  if (pk.empty() || fk.columns.size() != pk.size()) return std::nullopt;
  Link link{*parent, {}};
  for (const std::string& key_column : pk) {
    size_t at = 0;
    if (fk.parent_columns.empty()) {
      at = link.columns.size();
    } else {
      const auto it = std::find(fk.parent_columns.begin(), fk.parent_columns.end(), key_column);
      if (it == fk.parent_columns.end()) return std::nullopt;  // references a non-key unique column
      at = static_cast<size_t>(it - fk.parent_columns.begin());
    }
    link.columns.push_back(fk.columns[at]);
  }
  return link;
}

// "customers" -> customers_id, customer_id; "categories" -> category_id;
// "addresses" -> address_id.
bool NamesTable(std::string_view column, std::string_view table) {
  if (column.size() < 4 || !EqualsIgnoreCase(column.substr(column.size() - 3), "_id")) return false;
  const std::string_view stem = column.substr(0, column.size() - 3);
  std::string lower(table);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  const std::string_view t = lower;
  const auto drop = [&](size_t n) {
    return std::string(t.substr(0, t.size() - std::min(n, t.size())));
  };
  const bool s = t.ends_with("s"), es = t.ends_with("es"), ies = t.ends_with("ies");
  for (const std::string& singular :
       {std::string(t), s ? drop(1) : "", es ? drop(2) : "", ies ? drop(3) + "y" : ""}) {
    if (!singular.empty() && EqualsIgnoreCase(stem, singular)) return true;
  }
  return false;
}

// Declared links first, then "<table>_id" columns naming a table of the
// same schema with a one-column primary key.
std::vector<Link> CandidateLinks(const std::vector<DbTable>& tables, size_t child) {
  std::vector<Link> links;
  const DbTable& t = tables[child];
  for (const DbForeignKey& fk : t.foreign_keys) {
    if (auto link = DeclaredLink(tables, child, fk)) links.push_back(std::move(*link));
  }
  for (const std::string& column : t.columns) {
    const bool declared =
        std::any_of(t.foreign_keys.begin(), t.foreign_keys.end(), [&](const DbForeignKey& fk) {
          return std::find(fk.columns.begin(), fk.columns.end(), column) != fk.columns.end();
        });
    if (declared) continue;
    for (size_t p = 0; p < tables.size(); ++p) {
      if (p == child || tables[p].schema != t.schema || tables[p].primary_key.size() != 1) continue;
      if (NamesTable(column, tables[p].name)) {
        links.push_back({p, {column}});
        break;
      }
    }
  }
  return links;
}

// The links from `child` to the table identifying the person its rows
// describe; empty when the table is a root or reaches none.
std::vector<Link> PersonChain(const std::vector<DbTable>& tables, size_t child, int depth,
                              std::vector<size_t>& visiting) {
  if (IdentifiesPeople(tables[child]) || depth >= kMaxHops) return {};
  visiting.push_back(child);
  std::vector<Link> chain;
  for (Link& link : CandidateLinks(tables, child)) {
    if (std::find(visiting.begin(), visiting.end(), link.parent) != visiting.end()) continue;
    std::vector<Link> rest;
    if (!IdentifiesPeople(tables[link.parent])) {
      rest = PersonChain(tables, link.parent, depth + 1, visiting);
      if (rest.empty()) continue;
    }
    chain.push_back(std::move(link));
    chain.insert(chain.end(), rest.begin(), rest.end());
    break;
  }
  visiting.pop_back();
  return chain;
}

std::string Alias(size_t i) { return "t" + std::to_string(i); }

std::string JoinValues(std::span<const DbValue> v, size_t begin, size_t count) {
  std::string out;
  for (size_t i = begin; i < begin + count; ++i) {
    if (i > begin) out.push_back(',');
    out.append(v[i].text);
  }
  return out;
}

bool AllPresent(std::span<const DbValue> v, size_t begin, size_t count) {
  for (size_t i = begin; i < begin + count; ++i) {
    if (v[i].null) return false;
  }
  return count > 0;
}

// The row conditions selected for one table, OR-ed; nullopt when the table
// is not selected at all.
std::optional<std::string> SelectedWhere(const std::vector<TableSelection>& selections,
                                         const DbTable& t, const std::string& display) {
  if (selections.empty()) return std::string();
  std::optional<std::string> where;
  for (const TableSelection& s : selections) {
    if (!s.table.empty() && s.table != display && s.table != t.name) continue;
    if (s.where.empty()) return std::string();  // every row
    where = where ? *where + " OR (" + s.where + ")" : "(" + s.where + ")";
  }
  return where;
}

// A value reported as a cell (not a nested file, not too long for one).
bool IsCellValue(const DbValue& value) {
  return !value.null && !value.text.empty() && !(value.binary && !IsValidUtf8Prefix(value.text)) &&
         value.text.size() <= kMaxCellBytes;
}

// Which cells of a row can hold a finding: the row's cell values, one per
// line, are one question to the sink's record filter; a cell that none of
// the answer's spans touches, under a column whose kind does not matter,
// is quiet.
class RowFilter {
 public:
  RowFilter(ExtractSink& sink, std::span<const std::optional<LabelKind>> kinds) : sink_(sink) {
    for (const auto& kind : kinds) matters_.push_back(kind && sink.KindMatters(*kind));
  }

  void Ask(std::span<const DbValue> v) {
    text_.clear();
    spans_.assign(matters_.size(), {0, 0});
    for (size_t c = 0; c < matters_.size(); ++c) {
      if (matters_[c] || !IsCellValue(v[c])) continue;
      spans_[c] = {text_.size(), text_.size() + v[c].text.size()};
      text_.append(v[c].text).push_back('\n');
    }
    triggers_.clear();
    if (!text_.empty()) sink_.MayHoldFinding(text_, &triggers_);
  }

  bool Quiet(size_t c) const {
    return !matters_[c] && !Touched(triggers_, spans_[c].begin, spans_[c].end);
  }

 private:
  ExtractSink& sink_;
  std::vector<bool> matters_;
  std::string text_;
  std::vector<TextSpan> spans_, triggers_;
};

void ScanTable(Database& db, const TableQuery& query, ExtractSink& sink) {
  std::vector<std::optional<LabelKind>> kinds;
  for (const std::string& c : query.columns) kinds.push_back(ClassifyColumn(c));
  RowFilter filter(sink, kinds);
  uint64_t rows = 0;
  std::string key, record, stopped;
  const Status s = db.Select(query.sql, [&](std::span<const DbValue> v) {
    filter.Ask(v.first(query.columns.size()));
    ++rows;
    key = JoinValues(v, query.key_begin, query.key_count);
    record = query.display + ":" + key;
    for (const TableQuery::Hop& hop : query.hops) {
      if (!AllPresent(v, hop.begin, hop.count)) break;
      record = hop.table + ":" + JoinValues(v, hop.begin, hop.count);
    }
    for (size_t c = 0; c < query.columns.size(); ++c) {
      const DbValue& value = v[c];
      if (value.null || value.text.empty()) continue;
      if (value.binary && !IsValidUtf8Prefix(value.text)) {
        // A file kept in the database (a PDF, a zip, an image): an object of
        // its own, "<table>!/<key>/<column>", sniffed and scanned like a file.
        sink.Member(key + "/" + query.columns[c], value.text);
        continue;
      }
      if (value.text.size() > kMaxCellBytes) {
        StructuredLocation where;
        where.row = rows;
        where.column = query.columns[c];
        where.table = query.display;
        where.primary_key = key;
        where.record = record;
        EmitTextPieces(sink, value.text, where, std::nullopt);
        continue;
      }
      CellRef cell;
      cell.row = rows;
      cell.column = query.columns[c];
      cell.column_kind = kinds[c];
      cell.table = query.display;
      cell.primary_key = key;
      cell.record = record;
      cell.quiet = filter.Quiet(c);
      sink.Cell(value.text, cell);
    }
    if (rows % kBudgetCheckRows == 0) {
      if (Status expired = sink.budget().Expired(); !expired.ok()) {
        stopped = expired.message();
        return false;
      }
    }
    return true;
  });
  const std::string after = " after " + CountOf(rows, "row");
  if (!stopped.empty()) {
    sink.SetStatus(ObjectStatus::kIncomplete, stopped + after);
  } else if (!s.ok()) {
    sink.SetStatus(rows ? ObjectStatus::kIncomplete : ObjectStatus::kError,
                   rows ? s.message() + after : s.message());
  }
}

}  // namespace

std::string QuoteSql(std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) out.push_back(quote);
    out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

bool IsDatabaseUri(std::string_view input) {
  return input.starts_with("sqlite:") || input.starts_with("postgresql://") ||
         input.starts_with("postgres://");
}

std::string DisplayDatabaseUri(std::string_view uri) {
  if (uri.starts_with("sqlite:")) return std::string(uri);
  return RedactPostgresUri(uri);
}

Result<std::unique_ptr<Database>> OpenDatabaseUri(std::string_view uri, Budget& budget) {
  if (uri.starts_with("sqlite:")) return OpenSqliteFile(std::string(uri.substr(7)), budget);
  if (IsDatabaseUri(uri)) {
    const Result<const PostgresPlugin*> postgres = PostgresSupport();
    if (!postgres.ok()) return postgres.status();
    return (*postgres)->open_database(std::string(uri), budget);
  }
  return Status::InvalidArgument("not a database URI: " + DisplayDatabaseUri(uri));
}

TableQuery PlanTableQuery(const std::vector<DbTable>& tables, size_t index,
                          std::string_view default_schema, std::string_view row_id,
                          std::string_view where, uint64_t limit) {
  const DbTable& t = tables[index];
  TableQuery q;
  q.display = DisplayName(t, default_schema);
  q.columns = t.columns;
  std::string inner = "SELECT ";
  std::vector<std::string> keys = t.primary_key;
  if (keys.empty()) {
    inner += std::string(row_id) + " AS " + QuoteIdentifier(kRowIdAlias) + ", ";
    keys = {std::string(kRowIdAlias)};
  }
  inner += "* FROM " + Qualified(t);
  if (!where.empty()) inner += " WHERE (" + std::string(where) + ")";
  if (limit) inner += " LIMIT " + std::to_string(limit);

  std::string select;
  const auto add = [&](size_t alias, const std::string& column) {
    select += (select.empty() ? "" : ", ") + Alias(alias) + "." + QuoteIdentifier(column);
  };
  for (const std::string& c : t.columns) add(0, c);
  q.key_begin = t.columns.size();
  q.key_count = keys.size();
  for (const std::string& k : keys) add(0, k);

  std::string joins;
  std::vector<size_t> visiting;
  const std::vector<Link> chain = PersonChain(tables, index, 0, visiting);
  size_t result_columns = q.key_begin + q.key_count;
  for (size_t hop = 0; hop < chain.size(); ++hop) {
    const Link& link = chain[hop];
    const DbTable& parent = tables[link.parent];
    q.hops.push_back({DisplayName(parent, default_schema), result_columns, link.columns.size()});
    for (const std::string& c : link.columns) add(hop, c);
    result_columns += link.columns.size();
    if (hop + 1 == chain.size()) break;  // the root itself need not be joined
    joins += " LEFT JOIN " + Qualified(parent) + " AS " + Alias(hop + 1) + " ON ";
    for (size_t k = 0; k < link.columns.size(); ++k) {
      if (k) joins += " AND ";
      joins += Alias(hop + 1) + "." + QuoteIdentifier(parent.primary_key[k]) + " = " + Alias(hop) +
               "." + QuoteIdentifier(link.columns[k]);
    }
  }
  q.sql = "SELECT " + select + " FROM (" + inner + ") AS t0" + joins;
  return q;
}

void ScanDatabase(Database& db, const DatabaseScanOptions& options, ExtractSink& sink) {
  Result<std::vector<DbTable>> tables = db.Tables();
  if (!tables.ok()) {
    sink.SetStatus(ObjectStatus::kError, tables.status().message());
    return;
  }
  std::vector<bool> found(options.tables.size(), false);
  for (size_t i = 0; i < tables->size(); ++i) {
    const DbTable& t = (*tables)[i];
    const std::string display = DisplayName(t, db.DefaultSchema());
    const std::optional<std::string> where = SelectedWhere(options.tables, t, display);
    if (!where) continue;
    for (size_t s = 0; s < options.tables.size(); ++s) {
      const std::string& want = options.tables[s].table;
      if (want.empty() || want == display || want == t.name) found[s] = true;
    }
    const TableQuery query = PlanTableQuery(*tables, i, db.DefaultSchema(), db.RowIdExpression(),
                                            *where, options.sample_rows);
    sink.Nested(query.display, [&](ExtractSink& table) { ScanTable(db, query, table); });
  }
  for (size_t s = 0; s < options.tables.size(); ++s) {
    if (!found[s] && !options.tables[s].table.empty())
      sink.MemberStatus(options.tables[s].table, 0, ObjectStatus::kError, "no such table", false);
  }
}

}  // namespace mamori
