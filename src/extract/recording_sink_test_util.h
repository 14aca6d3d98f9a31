// A fake ExtractSink for extractor tests: records every call so tests can
// assert on texts, cells, members and statuses.
#ifndef MAMORI_EXTRACT_RECORDING_SINK_TEST_UTIL_H_
#define MAMORI_EXTRACT_RECORDING_SINK_TEST_UTIL_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"

namespace mamori {

class RecordingSink : public ExtractSink {
 public:
  struct TextCall {
    std::string text;
    StructuredLocation where;
    uint64_t offset = 0;
    uint64_t line = 0;  // RawText's; 0 from Text
  };
  struct CellCall {
    std::string text;
    uint64_t row = 0;
    std::string column;
    std::optional<LabelKind> column_kind;
    std::string sheet;
    std::string cell;
    std::optional<uint64_t> offset;
    uint64_t line = 0;
    std::string raw;  // the cell's own bytes, when not UTF-8
  };
  struct MemberCall {
    std::string name;
    std::string bytes;
  };
  struct MemberStatusCall {
    std::string name;
    uint64_t bytes = 0;
    ObjectStatus status = ObjectStatus::kOk;
    std::string reason;
    bool encrypted = false;
  };
  struct StatusCall {
    ObjectStatus status;
    std::string reason;
  };

  explicit RecordingSink(const Limits& limits = Limits{}) : budget_(limits) {}

  // Raw text is recorded as the engine would see it: decoded to UTF-8.
  void RawText(std::string_view bytes, std::string_view charset, const StructuredLocation& where,
               uint64_t offset, uint64_t line) override;

  void Text(std::string_view utf8, const StructuredLocation& where, uint64_t offset) override {
    texts.push_back({std::string(utf8), where, offset});
  }
  void Cell(std::string_view utf8, const CellRef& cell) override {
    cells.push_back({std::string(utf8), cell.row, std::string(cell.column), cell.column_kind,
                     std::string(cell.sheet), std::string(cell.cell), cell.offset, cell.line,
                     std::string(cell.raw)});
  }
  void Member(std::string_view name, std::string_view bytes) override {
    members.push_back({std::string(name), std::string(bytes)});
  }
  void MemberStatus(std::string_view name, uint64_t bytes, ObjectStatus status,
                    std::string_view reason, bool encrypted) override {
    member_statuses.push_back({std::string(name), bytes, status, std::string(reason), encrypted});
  }
  void SetStatus(ObjectStatus s, std::string_view reason) override {
    statuses.push_back({s, std::string(reason)});
    if (static_cast<int>(s) > static_cast<int>(status)) {
      status = s;
      this->reason = std::string(reason);
    }
  }
  Budget& budget() override { return budget_; }

  // All text units joined by '\n'.
  std::string AllText() const;
  // Cells as "row|column|text" lines, for whole-table comparisons.
  std::string CellDump() const;
  // The cells whose column is `column`, in order.
  std::vector<CellCall> CellsIn(std::string_view column) const;
  // The first cell with exactly this text, or nullptr.
  const CellCall* FindCell(std::string_view text) const;

  std::vector<TextCall> texts;
  std::vector<CellCall> cells;
  std::vector<MemberCall> members;
  std::vector<MemberStatusCall> member_statuses;
  std::vector<StatusCall> statuses;
  ObjectStatus status = ObjectStatus::kOk;  // the most severe so far
  std::string reason;                       // the reason given with `status`

 private:
  Budget budget_;
};

}  // namespace mamori

#endif  // MAMORI_EXTRACT_RECORDING_SINK_TEST_UTIL_H_
