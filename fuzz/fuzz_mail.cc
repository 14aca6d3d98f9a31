// The mail extractors on arbitrary bytes: GMime parsing, part walking,
// transfer and charset decoding, the HTML stripper, the mbox splitter and
// the envelope reader. Checks that every text unit is valid UTF-8 and that
// mbox members are slices of the input. Attached messages are extracted
// once more, as the engine would.
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "engine/encoding.h"
#include "extract/mail.h"

namespace {

void Check(bool ok) {
  if (!ok) std::abort();
}

bool ValidUtf8(std::string_view s) {
  // A prefix check that allows a cut sequence at the end; a final ASCII
  // byte makes it strict.
  return mamori::IsValidUtf8Prefix(std::string(s) + "x");
}

class FuzzSink : public mamori::ExtractSink {
 public:
  FuzzSink(std::string_view input, int depth, bool mbox)
      : budget_(Small()), input_(input), depth_(depth), mbox_(mbox) {}

  void Text(std::string_view utf8, const mamori::StructuredLocation&, uint64_t) override {
    Check(ValidUtf8(utf8));
  }
  void Cell(std::string_view utf8, const mamori::CellRef&) override { Check(ValidUtf8(utf8)); }
  // A body in its own bytes must be a slice of the message, at its offset.
  void RawText(std::string_view bytes, std::string_view, const mamori::StructuredLocation&,
               uint64_t offset, uint64_t line) override {
    Check(line >= 1 && offset <= input_.size() && bytes.size() <= input_.size() - offset);
    Check(input_.substr(offset, bytes.size()) == bytes);
  }
  void Member(std::string_view name, std::string_view bytes) override {
    Check(!name.empty());
    if (mbox_) {  // mbox members are slices of the input
      Check(bytes.data() >= input_.data() &&
            bytes.data() + bytes.size() <= input_.data() + input_.size());
    }
    if (depth_ < 1 && (mbox_ || name.ends_with(".eml"))) {
      FuzzSink inner(bytes, depth_ + 1, false);
      (void)mamori::ExtractMail(bytes, inner);
    }
  }
  void MemberStatus(std::string_view name, uint64_t, mamori::ObjectStatus, std::string_view reason,
                    bool) override {
    Check(!name.empty() && !reason.empty());
  }
  void SetStatus(mamori::ObjectStatus, std::string_view reason) override { Check(!reason.empty()); }
  mamori::Budget& budget() override { return budget_; }

 private:
  static mamori::Limits Small() {
    mamori::Limits limits;
    limits.max_member_bytes = 1 << 20;
    limits.max_total_bytes = 4 << 20;
    limits.max_members = 64;
    return limits;
  }
  mamori::Budget budget_;
  std::string_view input_;
  int depth_;
  bool mbox_;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  {
    FuzzSink sink(bytes, 0, false);
    (void)mamori::ExtractMail(bytes, sink);
  }
  {
    FuzzSink sink(bytes, 0, true);
    (void)mamori::ExtractMbox(bytes, sink);
  }
  const mamori::Result<mamori::MailEnvelope> envelope = mamori::ReadEnvelope(bytes);
  if (envelope.ok()) {
    for (const std::string& a : envelope->to) Check(!a.empty());
  }
  if (ValidUtf8(bytes)) Check(ValidUtf8(mamori::HtmlToText(bytes)));
  return 0;
}
