// The four statuses on a hand-built history, pinned as of several days, and
// a property test against an independent day-by-day evaluation.
#include "core/task_status.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>
#include <string>

namespace dondoc::core {

// Readable failures (found by argument-dependent lookup).
void PrintTo(const StatusCounts& c, std::ostream* out) {
  *out << "{on_time " << c.done_on_time << ", late " << c.done_late << ", in_time "
       << c.open_in_time << ", overdue " << c.open_overdue << ", no_deadline " << c.no_deadline
       << ", total " << c.total << "}";
}

namespace {

Date D(const char* iso) {
  Result<Date> date = ParseIsoDate(iso);
  EXPECT_TRUE(date.ok()) << iso;
  return date.ok() ? *date : Date{};
}

Timestamp T(const char* iso) {
  Result<Timestamp> instant = ParseIsoTimestamp(iso);
  EXPECT_TRUE(instant.ok()) << iso;
  return instant.ok() ? *instant : Timestamp{};
}

// Agencies of the history: Sở KH&ĐT (1) merges into Sở Tài chính (2) on
// 1 March 2025; Sở Nội vụ (3) and Sở Xây dựng (4) do not change.
constexpr Id kPlanning = 1;
constexpr Id kFinance = 2;
constexpr Id kHomeAffairs = 3;
constexpr Id kConstruction = 4;

class HandBuiltHistory : public ::testing::Test {
 protected:
  void SetUp() override {
    Succession merger;
    merger.id = 1;
    merger.predecessor_id = kPlanning;
    merger.successor_id = kFinance;
    merger.effective = D("2025-03-01");
    successions_.push_back(merger);
    // 1: extension approved before the deadline (the approval names the
    // request, not the day).
    Add(1, kHomeAffairs, "2025-01-10", "2025-02-10",
        {Ev(101, TaskEventKind::kExtensionRequested, "2025-02-05", "2025-02-28"),
         Approval(102, "2025-02-07", 101), Ev(103, TaskEventKind::kCompleted, "2025-02-20")});
    // 2: extension approved after the deadline had passed.
    Add(2, kHomeAffairs, "2025-01-10", "2025-01-31",
        {Ev(201, TaskEventKind::kExtensionApproved, "2025-02-10", "2025-03-31")});
    // 3 and 4: completed on the deadline day, and the day after.
    Add(3, kHomeAffairs, "2025-03-01", "2025-03-15",
        {Ev(301, TaskEventKind::kCompleted, "2025-03-15")});
    Add(4, kHomeAffairs, "2025-03-01", "2025-03-15",
        {Ev(401, TaskEventKind::kCompleted, "2025-03-16")});
    // 5: completion on 1 June entered late in the evening of 4 June UTC,
    // which is already 5 June in Vietnam.
    TaskEvent late_entry = Ev(501, TaskEventKind::kCompleted, "2025-06-01");
    late_entry.recorded_at = T("2025-06-04T18:00:00Z");
    Add(5, kHomeAffairs, "2025-05-01", "2025-06-30", {late_entry});
    // 6: completed, reopened, completed again after the deadline.
    Add(6, kHomeAffairs, "2025-04-01", "2025-04-30",
        {Ev(601, TaskEventKind::kCompleted, "2025-04-10"),
         Ev(602, TaskEventKind::kReopened, "2025-04-20"),
         Ev(603, TaskEventKind::kCompleted, "2025-05-05")});
    // 7: reassigned.
    TaskEvent reassign = Ev(701, TaskEventKind::kReassigned, "2025-02-01");
    reassign.agency_id = kConstruction;
    Add(7, kHomeAffairs, "2025-01-05", "2025-12-31", {reassign});
    // 8: cancelled.
    Add(8, kHomeAffairs, "2025-01-05", "2025-02-28",
        {Ev(801, TaskEventKind::kCancelled, "2025-03-01")});
    // 9 and 10: the merged agency's open task moves, its completed one stays.
    Add(9, kPlanning, "2025-01-15", "2025-06-30", {});
    Add(10, kPlanning, "2025-01-15", "2025-02-28",
        {Ev(1001, TaskEventKind::kCompleted, "2025-02-20")});
    // 11 and 12: no deadline, open and completed.
    Add(11, kHomeAffairs, "2025-01-05", nullptr, {});
    Add(12, kHomeAffairs, "2025-01-05", nullptr,
        {Ev(1201, TaskEventKind::kCompleted, "2025-03-10")});
    for (const auto& [id, task] : tasks_) {
      timelines_[id] = BuildTimeline(task, events_[id], successions_);
    }
  }

  static TaskEvent Ev(Id id, TaskEventKind kind, const char* effective,
                      const char* deadline = nullptr) {
    TaskEvent event;
    event.id = id;
    event.kind = kind;
    event.effective_on = D(effective);
    if (deadline != nullptr) event.deadline = D(deadline);
    return event;
  }

  static TaskEvent Approval(Id id, const char* effective, Id request) {
    TaskEvent event = Ev(id, TaskEventKind::kExtensionApproved, effective);
    event.request_event_id = request;
    return event;
  }

  void Add(Id id, Id lead, const char* assigned, const char* deadline,
           std::vector<TaskEvent> events) {
    Task task;
    task.id = id;
    task.lead_agency_id = lead;
    task.assigned_on = D(assigned);
    if (deadline != nullptr) task.deadline = D(deadline);
    for (TaskEvent& event : events) event.task_id = id;
    tasks_[id] = task;
    events_[id] = std::move(events);
  }

  std::optional<TaskStatus> Status(Id task, const char* day) const {
    return TimelineStatusOn(timelines_.at(task), D(day));
  }

  Id Lead(Id task, const char* day) const {
    const TaskState* state = StateOn(timelines_.at(task), D(day));
    return state == nullptr ? 0 : state->lead_agency_id;
  }

  // Four-way counts per lead agency, as the stores compute them.
  std::map<Id, StatusCounts> CountsOn(const char* day) const {
    std::map<Id, StatusCounts> counts;
    for (const auto& [id, timeline] : timelines_) {
      const TaskState* state = StateOn(timeline, D(day));
      if (state == nullptr || state->cancelled) continue;
      counts[state->lead_agency_id].Add(StatusOn(*state, D(day)), state->deadline.has_value());
    }
    return counts;
  }

  static StatusCounts Make(int on_time, int late, int in_time, int overdue, int no_deadline) {
    StatusCounts counts;
    counts.done_on_time = on_time;
    counts.done_late = late;
    counts.open_in_time = in_time;
    counts.open_overdue = overdue;
    counts.no_deadline = no_deadline;
    counts.total = on_time + late + in_time + overdue;
    return counts;
  }

  std::vector<Succession> successions_;
  std::map<Id, Task> tasks_;
  std::map<Id, std::vector<TaskEvent>> events_;
  std::map<Id, std::vector<TaskState>> timelines_;
};

TEST_F(HandBuiltHistory, ExtensionApprovedBeforeTheDeadline) {
  EXPECT_EQ(Status(1, "2025-02-06"), TaskStatus::kOpenInTime);
  // Past the first deadline, but the extension is in force.
  EXPECT_EQ(Status(1, "2025-02-15"), TaskStatus::kOpenInTime);
  EXPECT_EQ(StateOn(timelines_.at(1), D("2025-02-15"))->deadline, D("2025-02-28"));
  EXPECT_EQ(Status(1, "2025-02-20"), TaskStatus::kDoneOnTime);
}

TEST_F(HandBuiltHistory, ExtensionApprovedAfterTheDeadline) {
  EXPECT_EQ(Status(2, "2025-01-31"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(2, "2025-02-01"), TaskStatus::kOpenOverdue);
  EXPECT_EQ(Status(2, "2025-02-09"), TaskStatus::kOpenOverdue);
  EXPECT_EQ(Status(2, "2025-02-10"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(2, "2025-03-31"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(2, "2025-04-01"), TaskStatus::kOpenOverdue);
}

TEST_F(HandBuiltHistory, CompletionOnTheDeadlineDayIsOnTime) {
  EXPECT_EQ(Status(3, "2025-03-15"), TaskStatus::kDoneOnTime);
  EXPECT_EQ(Status(4, "2025-03-15"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(4, "2025-03-16"), TaskStatus::kDoneLate);
}

TEST_F(HandBuiltHistory, LateEntryLeavesTheTaskOpenUntilRecorded) {
  EXPECT_EQ(Status(5, "2025-06-01"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(5, "2025-06-04"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(5, "2025-06-05"), TaskStatus::kDoneOnTime);
  EXPECT_EQ(StateOn(timelines_.at(5), D("2025-06-05"))->completed_on, D("2025-06-01"));
}

TEST_F(HandBuiltHistory, Reopened) {
  EXPECT_EQ(Status(6, "2025-04-15"), TaskStatus::kDoneOnTime);
  EXPECT_EQ(Status(6, "2025-04-25"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(6, "2025-05-01"), TaskStatus::kOpenOverdue);
  EXPECT_EQ(Status(6, "2025-05-05"), TaskStatus::kDoneLate);
}

TEST_F(HandBuiltHistory, ReassignedAndCancelled) {
  EXPECT_EQ(Lead(7, "2025-01-31"), kHomeAffairs);
  EXPECT_EQ(Lead(7, "2025-02-01"), kConstruction);
  EXPECT_EQ(Status(8, "2025-02-28"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(8, "2025-03-01"), std::nullopt);
  EXPECT_EQ(Status(8, "2025-01-04"), std::nullopt);  // before assignment
}

TEST_F(HandBuiltHistory, MergedAgencyPassesOnlyOpenWork) {
  EXPECT_EQ(Lead(9, "2025-02-28"), kPlanning);
  EXPECT_EQ(Lead(9, "2025-03-01"), kFinance);
  EXPECT_EQ(Lead(10, "2025-02-28"), kPlanning);
  EXPECT_EQ(Lead(10, "2025-03-01"), kPlanning);
  EXPECT_EQ(Lead(10, "2025-12-31"), kPlanning);
  // The original assignment is history, untouched.
  EXPECT_EQ(tasks_.at(9).lead_agency_id, kPlanning);
}

TEST_F(HandBuiltHistory, NoDeadline) {
  EXPECT_EQ(Status(11, "2030-01-01"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(12, "2025-03-09"), TaskStatus::kOpenInTime);
  EXPECT_EQ(Status(12, "2025-03-10"), TaskStatus::kDoneOnTime);
}

TEST_F(HandBuiltHistory, CountsAsOfSeveralDays) {
  using Counts = std::map<Id, StatusCounts>;
  EXPECT_EQ(CountsOn("2025-01-01"), Counts{});
  EXPECT_EQ(CountsOn("2025-02-15"), (Counts{{kPlanning, Make(0, 0, 2, 0, 0)},
                                            {kHomeAffairs, Make(0, 0, 5, 0, 2)},
                                            {kConstruction, Make(0, 0, 1, 0, 0)}}));
  EXPECT_EQ(CountsOn("2025-03-16"), (Counts{{kPlanning, Make(1, 0, 0, 0, 0)},
                                            {kFinance, Make(0, 0, 1, 0, 0)},
                                            {kHomeAffairs, Make(3, 1, 2, 0, 1)},
                                            {kConstruction, Make(0, 0, 1, 0, 0)}}));
  EXPECT_EQ(CountsOn("2025-06-03"), (Counts{{kPlanning, Make(1, 0, 0, 0, 0)},
                                            {kFinance, Make(0, 0, 1, 0, 0)},
                                            {kHomeAffairs, Make(3, 2, 2, 1, 1)},
                                            {kConstruction, Make(0, 0, 1, 0, 0)}}));
  EXPECT_EQ(CountsOn("2025-06-05"), (Counts{{kPlanning, Make(1, 0, 0, 0, 0)},
                                            {kFinance, Make(0, 0, 1, 0, 0)},
                                            {kHomeAffairs, Make(4, 2, 1, 1, 1)},
                                            {kConstruction, Make(0, 0, 1, 0, 0)}}));
  EXPECT_EQ(CountsOn("2025-07-01"), (Counts{{kPlanning, Make(1, 0, 0, 0, 0)},
                                            {kFinance, Make(0, 0, 0, 1, 0)},
                                            {kHomeAffairs, Make(4, 2, 1, 1, 1)},
                                            {kConstruction, Make(0, 0, 1, 0, 0)}}));
}

TEST_F(HandBuiltHistory, AdjacentStretchesDiffer) {
  for (const auto& [id, timeline] : timelines_) {
    ASSERT_FALSE(timeline.empty());
    EXPECT_EQ(timeline.front().from, tasks_.at(id).assigned_on);
    EXPECT_FALSE(timeline.back().to.has_value());
    for (size_t i = 1; i < timeline.size(); ++i) {
      EXPECT_EQ(timeline[i - 1].to, timeline[i].from) << "task " << id;
      EXPECT_FALSE(timeline[i - 1].SameStateAs(timeline[i])) << "task " << id;
    }
  }
}

TEST(TaskStatusTest, NamesRoundTrip) {
  for (TaskStatus status : {TaskStatus::kDoneOnTime, TaskStatus::kDoneLate, TaskStatus::kOpenInTime,
                            TaskStatus::kOpenOverdue}) {
    Result<TaskStatus> parsed = ParseTaskStatus(TaskStatusName(status));
    ASSERT_TRUE(parsed.ok());
    EXPECT_EQ(*parsed, status);
  }
  EXPECT_EQ(std::string(TaskStatusName(TaskStatus::kOpenOverdue)), "open_overdue");
  EXPECT_FALSE(ParseTaskStatus("overdue").ok());
}

TEST(TaskStatusTest, CountsKeepNoDeadlineInsideOpenInTime) {
  StatusCounts counts;
  counts.Add(TaskStatus::kOpenInTime, false);
  counts.Add(TaskStatus::kOpenInTime, true);
  counts.Add(TaskStatus::kDoneOnTime, false);
  EXPECT_EQ(counts.open_in_time, 2);
  EXPECT_EQ(counts.no_deadline, 1);
  EXPECT_EQ(counts.done_on_time, 1);
  EXPECT_EQ(counts.total, 3);
}

TEST(TaskStatusTest, EventsBeforeAssignmentActFromAssignment) {
  Task task;
  task.lead_agency_id = 1;
  task.assigned_on = D("2025-03-01");
  task.deadline = D("2025-03-10");
  TaskEvent done;
  done.kind = TaskEventKind::kCompleted;
  done.effective_on = D("2025-02-20");
  const std::vector<TaskState> timeline = BuildTimeline(task, {done}, {});
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].from, D("2025-03-01"));
  EXPECT_EQ(StateOn(timeline, D("2025-02-28")), nullptr);
  EXPECT_EQ(TimelineStatusOn(timeline, D("2025-03-01")), TaskStatus::kDoneOnTime);
}

// ------------------------------------------------------------ property test

// Day-by-day evaluation written from the rules, sharing no code with
// BuildTimeline: for each day, replay the events visible on that day.
struct Expected {
  bool counted = false;
  TaskStatus status = TaskStatus::kOpenInTime;
  Id lead = 0;
};

Date VisibleFrom(const Task& task, const TaskEvent& event) {
  Date from = std::chrono::floor<std::chrono::days>(event.recorded_at + std::chrono::hours{7});
  if (event.effective_on > from) from = event.effective_on;
  if (task.assigned_on > from) from = task.assigned_on;
  return from;
}

Id NaiveResolve(Id agency, Date as_of, const std::vector<Succession>& successions) {
  for (int step = 0; step < 100; ++step) {
    const Succession* best = nullptr;
    for (const Succession& s : successions) {
      if (s.predecessor_id != agency || !s.inherits_open_tasks || s.effective > as_of) continue;
      if (best == nullptr || s.effective < best->effective ||
          (s.effective == best->effective && s.successor_id < best->successor_id)) {
        best = &s;
      }
    }
    if (best == nullptr) return agency;
    agency = best->successor_id;
  }
  return agency;
}

Expected Evaluate(const Task& task, std::vector<TaskEvent> events,
                  const std::vector<Succession>& successions, Date day) {
  Expected expected;
  if (day < task.assigned_on) return expected;
  std::vector<TaskEvent> visible;
  for (const TaskEvent& e : events) {
    if (VisibleFrom(task, e) <= day) visible.push_back(e);
  }
  std::sort(visible.begin(), visible.end(), [&](const TaskEvent& a, const TaskEvent& b) {
    const Date fa = VisibleFrom(task, a);
    const Date fb = VisibleFrom(task, b);
    if (fa != fb) return fa < fb;
    if (a.recorded_at != b.recorded_at) return a.recorded_at < b.recorded_at;
    return a.id < b.id;
  });
  // Plain flags rather than optionals: a different shape from the code under
  // test (and GCC 12 warns about optionals here).
  bool has_deadline = task.deadline.has_value();
  Date deadline = task.deadline.value_or(Date{});
  bool completed = false;
  Date completed_on{};
  Id lead = task.lead_agency_id;
  for (const TaskEvent& e : visible) {
    if (e.kind == TaskEventKind::kCancelled) return expected;
    if (e.kind == TaskEventKind::kCompleted && !completed) {
      completed = true;
      completed_on = e.effective_on;
    }
    if (e.kind == TaskEventKind::kReopened) completed = false;
    if (e.kind == TaskEventKind::kExtensionApproved && e.deadline) {
      has_deadline = true;
      deadline = *e.deadline;
    }
    if (e.kind == TaskEventKind::kReassigned && e.agency_id) lead = *e.agency_id;
  }
  expected.counted = true;
  expected.lead = NaiveResolve(lead, completed ? completed_on : day, successions);
  if (completed) {
    expected.status =
        !has_deadline || completed_on <= deadline ? TaskStatus::kDoneOnTime : TaskStatus::kDoneLate;
  } else {
    expected.status =
        !has_deadline || deadline >= day ? TaskStatus::kOpenInTime : TaskStatus::kOpenOverdue;
  }
  return expected;
}

TEST(TaskStatusPropertyTest, TimelineAgreesWithDayByDayEvaluation) {
  std::mt19937 random(20250301);
  const Date year_start = D("2025-01-01");
  auto day_in = [&](int from, int to) {
    return year_start + std::chrono::days{std::uniform_int_distribution<int>(from, to)(random)};
  };
  const TaskEventKind kinds[] = {TaskEventKind::kCompleted,  TaskEventKind::kCompleted,
                                 TaskEventKind::kReopened,   TaskEventKind::kExtensionApproved,
                                 TaskEventKind::kReassigned, TaskEventKind::kCancelled,
                                 TaskEventKind::kProgress,   TaskEventKind::kComment};
  for (int round = 0; round < 300; ++round) {
    // Successions only from a lower id to a higher one: no cycles.
    std::vector<Succession> successions;
    const int succession_count = std::uniform_int_distribution<int>(0, 4)(random);
    for (int i = 0; i < succession_count; ++i) {
      Succession s;
      s.id = i + 1;
      s.predecessor_id = std::uniform_int_distribution<int>(1, 4)(random);
      s.successor_id = s.predecessor_id + std::uniform_int_distribution<int>(1, 2)(random);
      s.effective = day_in(0, 200);
      s.inherits_open_tasks = std::uniform_int_distribution<int>(0, 3)(random) != 0;
      successions.push_back(s);
    }
    Task task;
    task.id = round + 1;
    task.lead_agency_id = std::uniform_int_distribution<int>(1, 5)(random);
    task.assigned_on = day_in(0, 100);
    if (std::uniform_int_distribution<int>(0, 4)(random) != 0) {
      task.deadline =
          task.assigned_on + std::chrono::days{std::uniform_int_distribution<int>(0, 60)(random)};
    }
    std::vector<TaskEvent> events;
    const int event_count = std::uniform_int_distribution<int>(0, 7)(random);
    for (int i = 0; i < event_count; ++i) {
      TaskEvent e;
      e.id = 1000 + i;
      e.task_id = task.id;
      e.kind = kinds[std::uniform_int_distribution<int>(0, 7)(random)];
      if (e.kind == TaskEventKind::kCancelled &&
          std::uniform_int_distribution<int>(0, 2)(random) != 0) {
        e.kind = TaskEventKind::kComment;  // keep most tasks alive
      }
      e.effective_on = day_in(-10, 200);
      const int delay_hours = std::uniform_int_distribution<int>(-24, 24 * 8)(random);
      e.recorded_at = std::chrono::sys_seconds{e.effective_on} + std::chrono::hours{delay_hours};
      if (e.kind == TaskEventKind::kExtensionApproved) e.deadline = day_in(0, 250);
      if (e.kind == TaskEventKind::kReassigned) {
        e.agency_id = std::uniform_int_distribution<int>(1, 6)(random);
      }
      events.push_back(e);
    }
    // Any order in, same answer out.
    std::shuffle(events.begin(), events.end(), random);
    const std::vector<TaskState> timeline = BuildTimeline(task, events, successions);
    for (Date day = year_start - std::chrono::days{5}; day <= D("2025-12-31");
         day += std::chrono::days{1}) {
      const Expected expected = Evaluate(task, events, successions, day);
      const TaskState* state = StateOn(timeline, day);
      const std::string where = "round " + std::to_string(round) + " day " + FormatIsoDate(day);
      if (day < task.assigned_on) {
        ASSERT_EQ(state, nullptr) << where;
        continue;
      }
      ASSERT_NE(state, nullptr) << where;
      ASSERT_EQ(!state->cancelled, expected.counted) << where;
      if (!expected.counted) continue;
      ASSERT_EQ(StatusOn(*state, day), expected.status) << where;
      ASSERT_EQ(state->lead_agency_id, expected.lead) << where;
    }
    for (size_t i = 1; i < timeline.size(); ++i) {
      ASSERT_FALSE(timeline[i - 1].SameStateAs(timeline[i])) << "round " << round;
    }
  }
}

}  // namespace
}  // namespace dondoc::core
