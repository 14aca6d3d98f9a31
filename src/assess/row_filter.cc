#include "assess/row_filter.h"

#include "extract/database.h"

namespace mamori::assess {
namespace {

Result<std::string> QuoteText(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) {
    return Status::InvalidArgument("a NUL character cannot appear in SQL");
  }
  return QuoteSql(text, '\'');
}

}  // namespace

Result<std::string> QuoteLiteral(const SqlValue& value) {
  if (const auto* n = std::get_if<long long>(&value)) return std::to_string(*n);
  return QuoteText(std::get<std::string>(value));
}

Result<std::string> RowCondition(const std::vector<RowFilter>& filters,
                                 const std::string& raw_where) {
  std::vector<std::string> terms;
  if (!raw_where.empty()) terms.push_back(raw_where);
  for (const RowFilter& f : filters) {
    if (f.column.empty() || f.column.find('\0') != std::string::npos) {
      return Status::InvalidArgument("a filter's column must be a name");
    }
    const std::string c = QuoteIdentifier(f.column);
    // Dates as ISO text compare right for SQLite's text dates and are cast
    // by PostgreSQL to the column's date or timestamp type. The end of the
    // range is exclusive on the next day so the last day's times count.
    if (f.from) terms.push_back(c + " >= '" + FormatIsoDate(*f.from) + "'");
    if (f.to) terms.push_back(c + " < '" + FormatIsoDate(*f.to + std::chrono::days(1)) + "'");
    if (f.equal) {
      auto v = QuoteLiteral(*f.equal);
      if (!v.ok()) return v.status();
      terms.push_back(c + " = " + *v);
    }
    if (f.not_equal) {
      auto v = QuoteLiteral(*f.not_equal);
      if (!v.ok()) return v.status();
      // An exclusion keeps rows whose column is unknown: they may be affected.
      terms.push_back(c + " IS NULL OR " + c + " <> " + *v);
    }
  }
  std::string sql;
  for (const std::string& t : terms) {
    if (!sql.empty()) sql += " AND ";
    sql += "(" + t + ")";
  }
  return sql;
}

}  // namespace mamori::assess
