#include "core/agency_history.h"

#include <gtest/gtest.h>

namespace dondoc::core {
namespace {

Date D(int y, int m, int d) { return *MakeDate(y, m, d); }

Succession Link(Id from, Id to, Date effective, bool inherits = true,
                SuccessionKind kind = SuccessionKind::kMerge) {
  Succession s;
  s.predecessor_id = from;
  s.successor_id = to;
  s.effective = effective;
  s.inherits_open_tasks = inherits;
  s.kind = kind;
  return s;
}

TEST(AgencyHistoryTest, FollowsAChainAsOfADay) {
  const AgencyHistory history(
      {Link(1, 2, D(2025, 3, 1)), Link(2, 3, D(2025, 7, 1), true, SuccessionKind::kRename)});
  EXPECT_EQ(*history.Resolve(1, D(2025, 2, 28)), 1);
  EXPECT_EQ(*history.Resolve(1, D(2025, 3, 1)), 2);
  EXPECT_EQ(*history.Resolve(1, D(2025, 8, 1)), 3);
  EXPECT_EQ(*history.Resolve(2, D(2025, 8, 1)), 3);
  EXPECT_EQ(*history.Resolve(9, D(2025, 8, 1)), 9);
  EXPECT_EQ(*history.Chain(1, D(2025, 8, 1)), (std::vector<Id>{1, 2, 3}));
  EXPECT_EQ(history.ChangeDays(1), (std::vector<Date>{D(2025, 3, 1), D(2025, 7, 1)}));
  EXPECT_EQ(history.ChangeDays(3), std::vector<Date>{});
  EXPECT_EQ(history.Predecessors(3, D(2025, 8, 1)), (std::vector<Id>{1, 2}));
  EXPECT_EQ(history.Predecessors(3, D(2025, 6, 1)), std::vector<Id>{});
}

TEST(AgencyHistoryTest, FutureSuccessionsAreIgnored) {
  const AgencyHistory history({Link(1, 2, D(2030, 1, 1))});
  EXPECT_EQ(*history.Resolve(1, D(2025, 1, 1)), 1);
  EXPECT_EQ(*history.Resolve(1, D(2030, 1, 1)), 2);
}

TEST(AgencyHistoryTest, SplitFollowsTheInheritingSuccessor) {
  const std::vector<Succession> split = {
      Link(1, 2, D(2025, 3, 1), false, SuccessionKind::kSplit),
      Link(1, 3, D(2025, 3, 1), true, SuccessionKind::kSplit),
      Link(1, 4, D(2025, 3, 1), false, SuccessionKind::kSplit),
  };
  EXPECT_TRUE(AgencyHistory::Validate(split).ok());
  EXPECT_EQ(*AgencyHistory(split).Resolve(1, D(2025, 3, 2)), 3);
  // Nobody inherits: the work stays with the original agency.
  const AgencyHistory none({Link(1, 2, D(2025, 3, 1), false)});
  EXPECT_EQ(*none.Resolve(1, D(2025, 3, 2)), 1);
  // Two inheriting successors on one day cannot be resolved.
  Status twice = AgencyHistory::Validate({Link(1, 2, D(2025, 3, 1)), Link(1, 3, D(2025, 3, 1))});
  EXPECT_EQ(twice.code(), StatusCode::kInvalidInput);
}

TEST(AgencyHistoryTest, CyclesAreRefused) {
  const std::vector<Succession> cycle = {Link(1, 2, D(2025, 3, 1)), Link(2, 3, D(2025, 4, 1)),
                                         Link(3, 1, D(2025, 5, 1))};
  Status valid = AgencyHistory::Validate(cycle);
  ASSERT_FALSE(valid.ok());
  EXPECT_NE(valid.message().find("cycle"), std::string::npos) << valid.message();
  const AgencyHistory history(cycle);
  // Before the loop closes the chain resolves.
  EXPECT_EQ(*history.Resolve(1, D(2025, 4, 15)), 3);
  Result<Id> looped = history.Resolve(1, D(2025, 6, 1));
  ASSERT_FALSE(looped.ok());
  EXPECT_EQ(looped.status().code(), StatusCode::kInvalidInput);
  EXPECT_NE(looped.status().message().find("1 -> 2 -> 3 -> 1"), std::string::npos)
      << looped.status().message();
  EXPECT_EQ(history.ResolveOrLast(1, D(2025, 6, 1)), 3);
  EXPECT_FALSE(AgencyHistory::Validate({Link(5, 5, D(2025, 1, 1))}).ok());
  EXPECT_TRUE(AgencyHistory::Validate({Link(1, 2, D(2025, 3, 1)), Link(2, 3, D(2025, 7, 1))}).ok());
}

}  // namespace
}  // namespace dondoc::core
