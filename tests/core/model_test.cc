#include "core/model.h"

#include <gtest/gtest.h>

#include <string>

namespace dondoc::core {
namespace {

template <typename Enum, typename NameFn, typename ParseFn>
void ExpectRoundTrip(std::initializer_list<Enum> values, NameFn name, ParseFn parse) {
  for (const Enum value : values) {
    const std::string text = name(value);
    EXPECT_NE(text, "unknown");
    Result<Enum> parsed = parse(text);
    ASSERT_TRUE(parsed.ok()) << text;
    EXPECT_EQ(*parsed, value) << text;
  }
  Result<Enum> bad = parse("no such name");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(bad.status().message().find("no such name"), std::string::npos);
}

TEST(ModelTest, EnumNamesRoundTrip) {
  ExpectRoundTrip({AgencyKind::kProvincialCommittee, AgencyKind::kOffice, AgencyKind::kDepartment,
                   AgencyKind::kBoard, AgencyKind::kSector, AgencyKind::kDistrictCommittee,
                   AgencyKind::kCommuneCommittee, AgencyKind::kMassOrganisation,
                   AgencyKind::kCentral, AgencyKind::kOther},
                  AgencyKindName, ParseAgencyKind);
  ExpectRoundTrip({SuccessionKind::kMerge, SuccessionKind::kSplit, SuccessionKind::kRename,
                   SuccessionKind::kTransfer},
                  SuccessionKindName, ParseSuccessionKind);
  ExpectRoundTrip({ProposalKind::kTask, ProposalKind::kTarget, ProposalKind::kResult,
                   ProposalKind::kReportingRule, ProposalKind::kReference},
                  ProposalKindName, ParseProposalKind);
  ExpectRoundTrip({ProposalState::kProposed, ProposalState::kConfirmed, ProposalState::kRejected},
                  ProposalStateName, ParseProposalState);
  ExpectRoundTrip({Cadence::kWeekly, Cadence::kMonthly, Cadence::kQuarterly, Cadence::kHalfYearly,
                   Cadence::kAnnual},
                  CadenceName, ParseCadence);
  ExpectRoundTrip({TaskEventKind::kProgress, TaskEventKind::kCompleted, TaskEventKind::kReopened,
                   TaskEventKind::kExtensionRequested, TaskEventKind::kExtensionApproved,
                   TaskEventKind::kExtensionRefused, TaskEventKind::kReassigned,
                   TaskEventKind::kCancelled, TaskEventKind::kComment},
                  TaskEventKindName, ParseTaskEventKind);
  ExpectRoundTrip({Comparator::kGe, Comparator::kLe, Comparator::kEq, Comparator::kGt,
                   Comparator::kLt, Comparator::kRange, Comparator::kApprox},
                  ComparatorSymbol, ParseComparator);
  ExpectRoundTrip(
      {CalendarDayKind::kHoliday, CalendarDayKind::kDayOff, CalendarDayKind::kWorkingDay},
      CalendarDayKindName, ParseCalendarDayKind);
}

TEST(ModelTest, StableSpellings) {
  // These are stored in databases and JSON: changing one is a migration.
  EXPECT_STREQ(AgencyKindName(AgencyKind::kDepartment), "department");
  EXPECT_STREQ(CadenceName(Cadence::kHalfYearly), "6-month");
  EXPECT_STREQ(TaskEventKindName(TaskEventKind::kExtensionApproved), "extension_approved");
  EXPECT_STREQ(ComparatorSymbol(Comparator::kGe), ">=");
  EXPECT_STREQ(CalendarDayKindName(CalendarDayKind::kDayOff), "day_off");
}

}  // namespace
}  // namespace dondoc::core
