// Mail files through GMime 3: one RFC 5322 message (.eml) or an mbox.
//
// What is scanned: the decoded Subject (as "Subject: ..."), text/plain and
// text/html bodies (charset converted to UTF-8, HTML reduced to text). What
// is not: address headers (From/To/Cc/Bcc/Reply-To/Sender are the message's
// routing, read by ReadEnvelope for the mail gate) and all other headers.
// Attachments, non-text parts and attached messages (message/rfc822) become
// Members that the engine sniffs and scans on their own.
#ifndef MAMORI_EXTRACT_MAIL_H_
#define MAMORI_EXTRACT_MAIL_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/extractor.h"
#include "mamori/status.h"

namespace mamori {

// One message. Each body part is one sink.Text unit (a body whose text,
// white space aside, repeats an earlier one, as the plain and HTML
// alternatives often do, is sent once). Each attachment is
// sink.Member(name, decoded bytes), named by its filename (path parts
// dropped; without one "part-N" plus an extension from the content type:
// .csv, .txt, .eml for an attached message, .bin for unknown types; a
// repeated name gets a "part-N-" prefix), where N counts the leaf parts in
// document order. Encrypted parts (S/MIME enveloped-data, PGP/MIME,
// inline PGP) -> MemberStatus(kEncrypted) or, for inline PGP, SetStatus.
// A message GMime reports as truncated or damaged -> what it could parse,
// plus kIncomplete. The returned Status is not ok only when nothing could
// be parsed at all; the sink hears about that too.
Status ExtractMail(std::string_view bytes, ExtractSink& sink);

// An mbox: each message (without its "From " separator line) becomes
// sink.Member("message-N", bytes), N from 1, so the engine scans it as its
// own object "box.mbox!/message-3". A message starts at a line beginning
// with "From " that opens the file or follows an empty line (the mboxo and
// mboxrd writers escape other "From " lines in bodies as ">From ").
Status ExtractMbox(std::string_view bytes, ExtractSink& sink);

// The routing of one message, for the mail gate: addresses lower-cased,
// display names dropped, groups expanded. `from` is the first From mailbox.
struct MailEnvelope {
  std::vector<std::string> to, cc;
  std::string from;
};
Result<MailEnvelope> ReadEnvelope(std::string_view bytes);

// HTML to text for scanning: tags dropped, <script>/<style>/comments dropped
// with their contents, common entities decoded, whitespace runs collapsed,
// and one line break at <br>, </p>, </td>, </tr> and the other block tags,
// so a label and its value stay within one line of each other.
std::string HtmlToText(std::string_view html);

}  // namespace mamori

#endif  // MAMORI_EXTRACT_MAIL_H_
