// "Am I affected?" without the raw data: salted SHA-256 of each person's
// normalized emails, phones and card numbers, with the kinds of data that
// leaked about them. The salt is random per assessment, so indexes of two
// incidents cannot be joined. (Phone numbers have few digits: anyone holding
// the index and the salt can test guesses, so keep it as private as a
// password file.)
#ifndef MAMORI_ASSESS_LOOKUP_INDEX_H_
#define MAMORI_ASSESS_LOOKUP_INDEX_H_

#include <ostream>
#include <string>
#include <vector>

#include "assess/people.h"
#include "mamori/status.h"

namespace mamori::assess {

enum class LookupKind { kEmail, kPhone, kCard };

// The key the index holds for a value as a person types it; an error when it
// is not an email, Japanese/international phone number or card number.
Result<std::string> LookupKey(LookupKind kind, const std::string& typed);

// Writes the index of these people, with a fresh random salt.
Status WriteLookupIndex(const std::vector<Person>& people, std::ostream& out);

// The data types (type names) that leaked for the person with this key;
// empty when the index does not know the person.
Result<std::vector<std::string>> QueryLookupIndex(const std::string& index_text,
                                                  const std::string& key);

}  // namespace mamori::assess

#endif  // MAMORI_ASSESS_LOOKUP_INDEX_H_
