#include "assess/appi.h"

#include <gtest/gtest.h>

namespace mamori::assess {
namespace {

Incident MakeIncident(Cause cause, bool encrypted = false) {
  Incident in;
  in.discovered_on = *ParseIsoDate("2013-04-23");
  in.cause = cause;
  in.encrypted = encrypted;
  return in;
}

Counts With(uint64_t people, std::initializer_list<DataType> types) {
  Counts c;
  c.people = people;
  for (DataType t : types) c.by_type[static_cast<size_t>(t)] = people;
  return c;
}

std::vector<std::string> Names(const AppiDecision& d) {
  std::vector<std::string> out;
  for (Trigger t : d.triggers) out.emplace_back(TriggerName(t));
  return out;
}

TEST(AppiTest, RentalCaseIsReportableWithSixtyDays) {
  auto d = DecideAppi(MakeIncident(Cause::kUnauthorizedAccess),
                      With(109112, {DataType::kCardNumber, DataType::kCardSecurityCode}));
  EXPECT_TRUE(d.reportable);
  EXPECT_EQ(Names(d), (std::vector<std::string>{"financial", "wrongful_purpose", "over_1000"}));
  EXPECT_EQ(FormatIsoDate(d.preliminary_earliest), "2013-04-26");
  EXPECT_EQ(FormatIsoDate(d.preliminary_latest), "2013-04-28");
  EXPECT_EQ(d.final_days, 60);
  EXPECT_EQ(FormatIsoDate(d.final_due.due), "2013-06-24");
}

TEST(AppiTest, MisdeliveryOverAThousandHasThirtyDays) {
  auto d = DecideAppi(MakeIncident(Cause::kMisdelivery),
                      With(3385, {DataType::kEmail, DataType::kPersonName}));
  EXPECT_EQ(Names(d), (std::vector<std::string>{"over_1000"}));
  EXPECT_EQ(d.final_days, 30);
  EXPECT_EQ(FormatIsoDate(d.final_due.due), "2013-05-23");
}

TEST(AppiTest, ThousandIsNotOverAThousand) {
  EXPECT_FALSE(
      DecideAppi(MakeIncident(Cause::kMisdelivery), With(1000, {DataType::kEmail})).reportable);
  EXPECT_TRUE(
      DecideAppi(MakeIncident(Cause::kMisdelivery), With(1001, {DataType::kEmail})).reportable);
}

TEST(AppiTest, FiveCardNumbersAreReportable) {
  auto d = DecideAppi(MakeIncident(Cause::kMisdelivery), With(5, {DataType::kCardNumber}));
  EXPECT_TRUE(d.reportable);
  EXPECT_EQ(Names(d), (std::vector<std::string>{"financial"}));
}

TEST(AppiTest, EncryptionExempts) {
  auto d = DecideAppi(MakeIncident(Cause::kLoss, /*encrypted=*/true),
                      With(2000, {DataType::kEmail, DataType::kCardNumber}));
  EXPECT_TRUE(d.exempt_encrypted);
  EXPECT_FALSE(d.reportable);
  EXPECT_EQ(Names(d), (std::vector<std::string>{"financial", "over_1000"}));  // shown, but exempt
  EXPECT_EQ(d.final_days, 0);
}

TEST(AppiTest, SmallLossOfEmailsIsNotReportable) {
  auto d = DecideAppi(MakeIncident(Cause::kLoss), With(20, {DataType::kEmail, DataType::kPhone}));
  EXPECT_FALSE(d.reportable);
  EXPECT_TRUE(d.triggers.empty());
}

TEST(AppiTest, DeclaredSensitiveAndFinancialData) {
  Incident in = MakeIncident(Cause::kMisconfiguration);
  in.sensitive = true;
  in.financial = true;
  EXPECT_EQ(Names(DecideAppi(in, With(1, {DataType::kEmail}))),
            (std::vector<std::string>{"sensitive", "financial"}));
}

TEST(AppiTest, InsiderIsWrongfulPurpose) {
  auto d = DecideAppi(MakeIncident(Cause::kInsider), With(3, {DataType::kEmail}));
  EXPECT_EQ(Names(d), (std::vector<std::string>{"wrongful_purpose"}));
  EXPECT_EQ(d.final_days, 60);
}

TEST(AppiTest, MyNumberOverAHundredPeople) {
  EXPECT_FALSE(DecideAppi(MakeIncident(Cause::kLoss), With(100, {DataType::kMyNumber}))
                   .my_number_reportable);
  auto d = DecideAppi(MakeIncident(Cause::kLoss), With(101, {DataType::kMyNumber}));
  EXPECT_TRUE(d.my_number_reportable);
  EXPECT_FALSE(d.reportable);
  EXPECT_EQ(d.final_days, 30);
}

TEST(AppiTest, PciFlags) {
  EXPECT_EQ(PciViolations(With(3, {DataType::kCardNumber, DataType::kCardSecurityCode})),
            (std::vector<std::string>{"3.3.1", "3.5.1"}));
  EXPECT_EQ(PciViolations(With(3, {DataType::kCardTrack})), (std::vector<std::string>{"3.3.1"}));
  EXPECT_TRUE(PciViolations(With(3, {DataType::kEmail})).empty());
}

}  // namespace
}  // namespace mamori::assess
