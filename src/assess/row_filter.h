// Row filters of an incident's database source, written as SQL that is safe
// to pass on: identifiers (QuoteIdentifier of extract/database.h) and
// literals quoted, never pasted.
#ifndef MAMORI_ASSESS_ROW_FILTER_H_
#define MAMORI_ASSESS_ROW_FILTER_H_

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "assess/calendar.h"
#include "mamori/status.h"

namespace mamori::assess {

// A value compared with a column: text or an integer.
using SqlValue = std::variant<std::string, long long>;

struct RowFilter {
  std::string column;
  std::optional<Date> from;  // rows on or after this day
  std::optional<Date> to;    // rows on or before this day (the whole day)
  std::optional<SqlValue> equal;
  std::optional<SqlValue> not_equal;  // rows with NULL in the column are kept
};

// 'text' with embedded quotes doubled, or the integer; an error for NUL.
Result<std::string> QuoteLiteral(const SqlValue& value);

// The filters and a raw condition joined with AND, each in parentheses;
// empty when there is nothing to filter.
Result<std::string> RowCondition(const std::vector<RowFilter>& filters,
                                 const std::string& raw_where);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_ROW_FILTER_H_
