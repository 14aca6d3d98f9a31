// The words of the reports in Japanese and English.
#ifndef MAMORI_ASSESS_TEXTS_H_
#define MAMORI_ASSESS_TEXTS_H_

#include <string>
#include <string_view>

#include "assess/appi.h"
#include "assess/incident.h"
#include "mamori/types.h"

namespace mamori::assess {

enum class Lang { kJa, kEn };

// Picks the text of the language.
inline const char* Say(Lang lang, const char* ja, const char* en) {
  return lang == Lang::kJa ? ja : en;
}

std::string_view KindLabel(DataType type, Lang lang);
std::string_view CauseLabel(Cause cause, Lang lang);
std::string_view TriggerLabel(Trigger trigger, Lang lang);

// What leaked about one person, masked: "カード番号 (490123******0128)、…".
std::string LeakedSummary(const Person& person, Lang lang);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_TEXTS_H_
