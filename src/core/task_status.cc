#include "core/task_status.h"

#include <algorithm>
#include <unordered_map>

namespace dondoc::core {
namespace {

// An event with the first day it acts on the task.
struct Pending {
  Date from;
  const TaskEvent* event;
};

}  // namespace

Date LocalDay(Timestamp instant, std::chrono::minutes utc_offset) {
  return std::chrono::floor<std::chrono::days>(instant + utc_offset);
}

bool TaskState::SameStateAs(const TaskState& other) const {
  return lead_agency_id == other.lead_agency_id && deadline == other.deadline &&
         completed_on == other.completed_on && cancelled == other.cancelled;
}

TaskStatus StatusOn(const TaskState& state, Date day) {
  if (state.completed_on) {
    if (!state.deadline || *state.completed_on <= *state.deadline) return TaskStatus::kDoneOnTime;
    return TaskStatus::kDoneLate;
  }
  if (!state.deadline || *state.deadline >= day) return TaskStatus::kOpenInTime;
  return TaskStatus::kOpenOverdue;
}

std::vector<TaskState> BuildTimeline(const Task& task, const std::vector<TaskEvent>& events,
                                     const std::vector<Succession>& successions) {
  return BuildTimelineWithHistory(task, events, AgencyHistory(successions));
}

std::vector<TaskState> BuildTimelineWithHistory(const Task& task,
                                                const std::vector<TaskEvent>& events,
                                                const AgencyHistory& history) {
  std::vector<Pending> pending;
  pending.reserve(events.size());
  std::unordered_map<Id, const TaskEvent*> by_id;
  std::vector<Id> leads{task.lead_agency_id};
  for (const TaskEvent& event : events) {
    const Date from = std::max({event.effective_on, LocalDay(event.recorded_at), task.assigned_on});
    pending.push_back({from, &event});
    if (event.id != 0) by_id.emplace(event.id, &event);
    if (event.kind == TaskEventKind::kReassigned && event.agency_id) {
      leads.push_back(*event.agency_id);
    }
  }
  std::stable_sort(pending.begin(), pending.end(), [](const Pending& a, const Pending& b) {
    if (a.from != b.from) return a.from < b.from;
    if (a.event->recorded_at != b.event->recorded_at) {
      return a.event->recorded_at < b.event->recorded_at;
    }
    return a.event->id < b.event->id;
  });

  // The days on which anything can change.
  std::vector<Date> days{task.assigned_on};
  for (const Pending& p : pending) days.push_back(p.from);
  if (!history.empty()) {
    std::sort(leads.begin(), leads.end());
    leads.erase(std::unique(leads.begin(), leads.end()), leads.end());
    for (const Id lead : leads) {
      for (const Date day : history.ChangeDays(lead)) {
        if (day > task.assigned_on) days.push_back(day);
      }
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());

  Id lead = task.lead_agency_id;
  std::optional<Date> deadline = task.deadline;
  std::optional<Date> completed_on;
  bool cancelled = false;
  size_t next = 0;
  std::vector<TaskState> timeline;
  for (const Date day : days) {
    for (; next < pending.size() && pending[next].from <= day; ++next) {
      const TaskEvent& event = *pending[next].event;
      switch (event.kind) {
        case TaskEventKind::kCompleted:
          if (!completed_on) completed_on = event.effective_on;
          break;
        case TaskEventKind::kReopened:
          completed_on.reset();
          break;
        case TaskEventKind::kExtensionApproved: {
          std::optional<Date> granted = event.deadline;
          if (!granted && event.request_event_id) {
            const auto request = by_id.find(*event.request_event_id);
            if (request != by_id.end()) granted = request->second->deadline;
          }
          if (granted) deadline = granted;
          break;
        }
        case TaskEventKind::kReassigned:
          if (event.agency_id) lead = *event.agency_id;
          break;
        case TaskEventKind::kCancelled:
          cancelled = true;
          break;
        case TaskEventKind::kProgress:
        case TaskEventKind::kExtensionRequested:
        case TaskEventKind::kExtensionRefused:
        case TaskEventKind::kComment:
          break;
      }
    }
    TaskState state;
    state.from = day;
    state.lead_agency_id = history.ResolveOrLast(lead, completed_on ? *completed_on : day);
    state.deadline = deadline;
    state.completed_on = completed_on;
    state.cancelled = cancelled;
    if (!timeline.empty() && timeline.back().SameStateAs(state)) continue;
    if (!timeline.empty()) timeline.back().to = day;
    timeline.push_back(state);
  }
  return timeline;
}

const TaskState* StateOn(const std::vector<TaskState>& timeline, Date day) {
  auto after = std::upper_bound(timeline.begin(), timeline.end(), day,
                                [](Date d, const TaskState& state) { return d < state.from; });
  if (after == timeline.begin()) return nullptr;
  const TaskState& state = *(after - 1);
  if (state.to && day >= *state.to) return nullptr;
  return &state;
}

std::optional<TaskStatus> TimelineStatusOn(const std::vector<TaskState>& timeline, Date day) {
  const TaskState* state = StateOn(timeline, day);
  if (state == nullptr || state->cancelled) return std::nullopt;
  return StatusOn(*state, day);
}

void StatusCounts::Add(TaskStatus status, bool has_deadline) {
  switch (status) {
    case TaskStatus::kDoneOnTime:
      ++done_on_time;
      break;
    case TaskStatus::kDoneLate:
      ++done_late;
      break;
    case TaskStatus::kOpenInTime:
      ++open_in_time;
      if (!has_deadline) ++no_deadline;
      break;
    case TaskStatus::kOpenOverdue:
      ++open_overdue;
      break;
  }
  ++total;
}

}  // namespace dondoc::core
