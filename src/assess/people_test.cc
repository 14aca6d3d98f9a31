#include "assess/people.h"

#include <gtest/gtest.h>

namespace mamori::assess {
namespace {

Finding Cell(DataType type, std::string value, uint64_t row, std::string record = "") {
  Finding f;
  f.type = type;
  f.value = std::move(value);
  f.where.row = row;
  f.where.record = std::move(record);
  return f;
}

Finding Text(DataType type, std::string value, uint64_t offset, uint64_t line) {
  Finding f;
  f.type = type;
  f.value = std::move(value);
  f.offset = offset;
  f.line = line;
  return f;
}

void Object(PeopleCollector& c, const std::string& path, const std::vector<Finding>& findings,
            ObjectStatus status = ObjectStatus::kOk) {
  c.OnFindings(path, findings);
  ObjectReport r;
  r.path = path;
  r.status = status;
  c.OnObject(r);
}

TEST(PeopleTest, TableRowsAreRecords) {
  PeopleCollector c;
  Object(c, "a.csv",
         {Cell(DataType::kPersonName, "佐藤 太郎", 1), Cell(DataType::kEmail, "a@example.jp", 1),
          Cell(DataType::kPersonName, "鈴木 花子", 2), Cell(DataType::kEmail, "b@example.jp", 2)});
  auto people = c.People();
  ASSERT_EQ(people.size(), 2u);
  EXPECT_TRUE(people[0].Has(DataType::kPersonName));
  EXPECT_EQ(*people[1].First(DataType::kEmail), "b@example.jp");
}

TEST(PeopleTest, DeduplicatesByEmailPhoneCardAndNameAddress) {
  PeopleCollector c;
  Object(c, "a.csv",
         {Cell(DataType::kEmail, "Taro@example.jp", 1), Cell(DataType::kPhone, "+81312345678", 1),
          Cell(DataType::kCardNumber, "4980000000005716", 2),
          Cell(DataType::kPersonName, "佐藤 太郎", 3),
          Cell(DataType::kAddress, "東京都 千代田区1-1", 3),
          Cell(DataType::kEmail, "other@example.jp", 4)});
  Object(c, "b.csv",
         {Cell(DataType::kEmail, "taro@example.jp", 1),        // row 1 of a.csv by email (case)
          Cell(DataType::kCardNumber, "4980000000005716", 1),  // and row 2 by card: a chain
          Cell(DataType::kPhone, "+81312345678", 2),           // row 1 by phone
          Cell(DataType::kPersonName, "佐藤\u3000太郎", 3),    // row 3 by name and address
          Cell(DataType::kAddress, "東京都千代田区1-1", 3),
          Cell(DataType::kPersonName, "佐藤 太郎", 4)});
  auto people = c.People();
  // {a1, a2, b1, b2}, {a3, b3}, {a4}, {b4: same name, no address: not merged}
  ASSERT_EQ(people.size(), 4u);
  EXPECT_TRUE(people[0].Has(DataType::kCardNumber) && people[0].Has(DataType::kPhone));
  EXPECT_TRUE(people[1].Has(DataType::kAddress));
}

TEST(PeopleTest, DatabaseRecordsJoinRowsOfOnePerson) {
  PeopleCollector c;
  c.BeginSource("sqlite:shop.db");
  Object(c, "sqlite:shop.db!/orders",
         {Cell(DataType::kCardNumber, "4980000000005716", 1, "customers:42"),
          Cell(DataType::kCardSecurityCode, "123", 1, "customers:42"),
          Cell(DataType::kCardExpiry, "0115", 2, "customers:42"),
          Cell(DataType::kCardNumber, "4980000079191959", 3, "customers:43")});
  c.BeginSource("sqlite:other.db");
  Object(c, "sqlite:other.db!/orders", {Cell(DataType::kCardExpiry, "0116", 1, "customers:42")});
  auto people = c.People();
  ASSERT_EQ(people.size(), 3u);  // customers:42 of another database is someone else
  EXPECT_TRUE(people[0].Has(DataType::kCardSecurityCode) && people[0].Has(DataType::kCardExpiry));
}

TEST(PeopleTest, FreeTextHasOnePersonPerIdentity) {
  PeopleCollector c;
  // Lines 1-2: an email and a phone of one person; line 3: another email
  // (the kind repeats); line 4: a birth date that belongs to the identity
  // before it; line 5: the first email again; line 9: a phone after a gap.
  Object(
      c, "mail.eml",
      {Text(DataType::kEmail, "a@example.jp", 0, 1), Text(DataType::kPhone, "+81312345678", 20, 2),
       Text(DataType::kEmail, "b@example.jp", 40, 3), Text(DataType::kBirthDate, "19800101", 60, 4),
       Text(DataType::kEmail, "a@example.jp", 80, 5),
       Text(DataType::kPhone, "+81398765432", 100, 9)});
  auto people = c.People();
  ASSERT_EQ(people.size(), 3u);
  EXPECT_TRUE(people[0].Has(DataType::kPhone));
  EXPECT_FALSE(people[0].Has(DataType::kBirthDate));
  EXPECT_TRUE(people[1].Has(DataType::kBirthDate));
  EXPECT_FALSE(people[1].Has(DataType::kPhone));
}

TEST(PeopleTest, ListOfEmailsIsOnePersonEach) {
  PeopleCollector c;
  std::vector<Finding> findings;
  for (int i = 0; i < 20; ++i) {
    findings.push_back(
        Text(DataType::kEmail, "u" + std::to_string(i) + "@example.jp", 30 * i, i + 1));
  }
  Object(c, "list.txt", findings);
  EXPECT_EQ(c.People().size(), 20u);
}

TEST(PeopleTest, TestCardsAreNobodyAndUnreadObjectsAreKept) {
  PeopleCollector c;
  Finding test_card = Cell(DataType::kCardNumber, "4111111111111111", 1);
  test_card.test = true;
  Object(c, "t.csv", {test_card});
  Object(c, "secret.zip", {}, ObjectStatus::kEncrypted);
  EXPECT_TRUE(c.People().empty());
  EXPECT_EQ(c.test_cards(), 1u);
  ASSERT_EQ(c.unread().size(), 1u);
  EXPECT_EQ(c.unread()[0].status, ObjectStatus::kEncrypted);
  EXPECT_EQ(c.objects(), 2u);
}

}  // namespace
}  // namespace mamori::assess
