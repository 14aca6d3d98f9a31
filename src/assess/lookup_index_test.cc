#include "assess/lookup_index.h"

#include <gtest/gtest.h>

#include <optional>
#include <sstream>

namespace mamori::assess {
namespace {

std::vector<Person> OnePerson() {
  Person p;
  p.kinds = (1u << static_cast<int>(DataType::kEmail)) |
            (1u << static_cast<int>(DataType::kPhone)) |
            (1u << static_cast<int>(DataType::kCardNumber)) |
            (1u << static_cast<int>(DataType::kAddress));
  p.values = {{DataType::kEmail, "Taro@example.jp"},
              {DataType::kPhone, "+81312345678"},
              {DataType::kCardNumber, "4980000000005716"},
              {DataType::kAddress, "東京都千代田区1-1"}};
  return {p};
}

std::optional<std::string> Index(const std::vector<Person>& people) {
  std::ostringstream out;
  if (!WriteLookupIndex(people, out).ok()) return std::nullopt;
  return out.str();
}

TEST(LookupIndexTest, AnswersForEmailPhoneAndCard) {
  auto index = Index(OnePerson());
  ASSERT_TRUE(index);
  EXPECT_EQ(index->find("example.jp"), std::string::npos);  // hashes only
  EXPECT_EQ(index->find("4980000000005716"), std::string::npos);
  const std::vector<std::string> leaked = {"card_number", "email", "phone", "address"};
  EXPECT_EQ(*QueryLookupIndex(*index, *LookupKey(LookupKind::kEmail, "taro@EXAMPLE.jp")), leaked);
  EXPECT_EQ(*QueryLookupIndex(*index, *LookupKey(LookupKind::kPhone, "03-1234-5678")), leaked);
  EXPECT_EQ(*QueryLookupIndex(*index, *LookupKey(LookupKind::kCard, "4980 0000 0000 5716")),
            leaked);
  EXPECT_TRUE(
      QueryLookupIndex(*index, *LookupKey(LookupKind::kEmail, "hanako@example.jp"))->empty());
}

TEST(LookupIndexTest, SaltIsFreshPerIndex) { EXPECT_NE(*Index(OnePerson()), *Index(OnePerson())); }

TEST(LookupIndexTest, RejectsWhatIsNotAnIdentity) {
  EXPECT_FALSE(LookupKey(LookupKind::kEmail, "not an address").ok());
  EXPECT_FALSE(LookupKey(LookupKind::kPhone, "12").ok());
  EXPECT_FALSE(LookupKey(LookupKind::kCard, "4980-abc").ok());
  EXPECT_FALSE(QueryLookupIndex("garbage\n", "e:x").ok());
}

}  // namespace
}  // namespace mamori::assess
