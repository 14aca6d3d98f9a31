// Person names in free text, Japanese and romanized.
//
// A name is only looked for where context points at one, so most text costs
// nothing beyond the finder's pass and MeCab runs on a few dozen bytes per
// trigger:
//   - an honorific after it (山田様, 陽翔くん is not: 君, さん, 氏, 殿, ちゃん, 様);
//     the span is the name without the honorific;
//   - a name label before it (氏名：, お名前, 宛名, 契約者, 申込者, 担当, お客様,
//     Name:), or the unit's key / column header (a JSON "name" value);
//   - a reading in brackets right after a found name: 山田 太郎（ヤマダ タロウ）;
//   - on a line that also holds an email or a phone number, a full name
//     whose surname and given name are both in the name lists (山田 太郎,
//     ヤマダ タロウ, Taro Yamada).
// What decides is the words themselves: IPADIC's person-name tags and
// ENAMDICT (name_dict.h) are signals; a word MeCab does not know counts for
// a name after an honorific or label, so rare surnames and modern given
// names are found; common nouns (皆様, ユーザー様), places (石川県), company
// and font names are not names.
#ifndef MAMORI_DETECTORS_NAME_H_
#define MAMORI_DETECTORS_NAME_H_

#include <memory>

#include "detectors/detector.h"

namespace mamori {

std::unique_ptr<Detector> MakeNameDetector();

}  // namespace mamori

#endif  // MAMORI_DETECTORS_NAME_H_
