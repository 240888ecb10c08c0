#include "core/agency_history.h"

#include <algorithm>
#include <string>
#include <unordered_set>

namespace dondoc::core {
namespace {

std::string ChainText(const std::vector<Id>& chain) {
  std::string text;
  for (const Id id : chain) {
    if (!text.empty()) text += " -> ";
    text += std::to_string(id);
  }
  return text;
}

}  // namespace

AgencyHistory::AgencyHistory(const std::vector<Succession>& successions) {
  for (const Succession& succession : successions) {
    if (!succession.inherits_open_tasks) continue;
    if (succession.predecessor_id == succession.successor_id) continue;
    by_predecessor_[succession.predecessor_id].push_back(succession);
  }
  for (auto& [predecessor, list] : by_predecessor_) {
    std::sort(list.begin(), list.end(), [](const Succession& a, const Succession& b) {
      if (a.effective != b.effective) return a.effective < b.effective;
      return a.successor_id < b.successor_id;
    });
  }
}

Status AgencyHistory::Validate(const std::vector<Succession>& successions) {
  std::unordered_map<Id, std::vector<Id>> edges;
  for (const Succession& succession : successions) {
    if (succession.predecessor_id == succession.successor_id) {
      return Status::InvalidInput("agency " + std::to_string(succession.predecessor_id) +
                                  " cannot succeed itself");
    }
    edges[succession.predecessor_id].push_back(succession.successor_id);
  }
  for (size_t i = 0; i < successions.size(); ++i) {
    const Succession& a = successions[i];
    if (!a.inherits_open_tasks) continue;
    for (size_t j = i + 1; j < successions.size(); ++j) {
      const Succession& b = successions[j];
      if (b.inherits_open_tasks && b.predecessor_id == a.predecessor_id &&
          b.effective == a.effective && b.successor_id != a.successor_id) {
        return Status::InvalidInput(
            "agency " + std::to_string(a.predecessor_id) + " passes its open tasks to both " +
            std::to_string(a.successor_id) + " and " + std::to_string(b.successor_id) + " on " +
            FormatIsoDate(a.effective) + " (a split must name one inheriting successor)");
      }
    }
  }
  // Depth-first search with colours: 1 = on the current path, 2 = done.
  std::unordered_map<Id, int> colour;
  std::vector<Id> path;
  struct Frame {
    Id node;
    size_t next_edge;
  };
  for (const auto& [start, unused] : edges) {
    if (colour[start] != 0) continue;
    std::vector<Frame> stack{{start, 0}};
    colour[start] = 1;
    path = {start};
    while (!stack.empty()) {
      Frame& frame = stack.back();
      const auto found = edges.find(frame.node);
      if (found == edges.end() || frame.next_edge >= found->second.size()) {
        colour[frame.node] = 2;
        stack.pop_back();
        path.pop_back();
        continue;
      }
      const Id next = found->second[frame.next_edge++];
      if (colour[next] == 1) {
        std::vector<Id> cycle(std::find(path.begin(), path.end(), next), path.end());
        cycle.push_back(next);
        return Status::InvalidInput("agency successions form a cycle: " + ChainText(cycle));
      }
      if (colour[next] == 0) {
        colour[next] = 1;
        path.push_back(next);
        stack.push_back({next, 0});
      }
    }
  }
  return Status::Ok();
}

const Succession* AgencyHistory::Next(Id agency, Date day) const {
  const auto found = by_predecessor_.find(agency);
  if (found == by_predecessor_.end()) return nullptr;
  const Succession& first = found->second.front();
  return first.effective <= day ? &first : nullptr;
}

Result<std::vector<Id>> AgencyHistory::Chain(Id agency, Date day) const {
  std::vector<Id> chain{agency};
  for (const Succession* next = Next(agency, day); next != nullptr;
       next = Next(chain.back(), day)) {
    if (std::find(chain.begin(), chain.end(), next->successor_id) != chain.end()) {
      chain.push_back(next->successor_id);
      return Status::InvalidInput("agency successions form a cycle as of " + FormatIsoDate(day) +
                                  ": " + ChainText(chain));
    }
    chain.push_back(next->successor_id);
  }
  return chain;
}

Result<Id> AgencyHistory::Resolve(Id agency, Date day) const {
  if (by_predecessor_.empty()) return agency;
  Result<std::vector<Id>> chain = Chain(agency, day);
  if (!chain.ok()) return chain.status();
  return chain->back();
}

Id AgencyHistory::ResolveOrLast(Id agency, Date day) const {
  if (by_predecessor_.empty()) return agency;
  std::vector<Id> chain{agency};
  for (const Succession* next = Next(agency, day); next != nullptr;
       next = Next(chain.back(), day)) {
    if (std::find(chain.begin(), chain.end(), next->successor_id) != chain.end()) break;
    chain.push_back(next->successor_id);
  }
  return chain.back();
}

std::vector<Date> AgencyHistory::ChangeDays(Id agency) const {
  std::vector<Date> days;
  if (by_predecessor_.empty()) return days;
  std::unordered_set<Id> seen{agency};
  std::vector<Id> pending{agency};
  while (!pending.empty()) {
    const Id current = pending.back();
    pending.pop_back();
    const auto found = by_predecessor_.find(current);
    if (found == by_predecessor_.end()) continue;
    for (const Succession& succession : found->second) {
      days.push_back(succession.effective);
      if (seen.insert(succession.successor_id).second) pending.push_back(succession.successor_id);
    }
  }
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  return days;
}

std::vector<Id> AgencyHistory::Predecessors(Id agency, Date day) const {
  std::vector<Id> result;
  for (const auto& [predecessor, list] : by_predecessor_) {
    if (predecessor == agency) continue;
    if (ResolveOrLast(predecessor, day) == agency) result.push_back(predecessor);
  }
  std::sort(result.begin(), result.end());
  return result;
}

std::vector<AgencyHistory::HeldSpan> AgencyHistory::HeldBy(Id holder) const {
  std::vector<Id> candidates{holder};
  for (const auto& [predecessor, list] : by_predecessor_) {
    if (predecessor != holder) candidates.push_back(predecessor);
  }
  std::sort(candidates.begin(), candidates.end());
  std::vector<HeldSpan> spans;
  for (const Id agency : candidates) {
    // The holder of `agency`'s work is constant between its change days.
    const std::vector<Date> days = ChangeDays(agency);
    for (size_t i = 0; i <= days.size(); ++i) {
      std::optional<Date> from;
      if (i > 0) from = days[i - 1];
      std::optional<Date> to;
      if (i < days.size()) to = days[i];
      // Any day of the stretch tells its holder: its first, or the day
      // before the first change.
      const Date probe = from ? *from : days.empty() ? Date{} : days[0] - std::chrono::days(1);
      if (ResolveOrLast(agency, probe) != holder) continue;
      if (!spans.empty() && spans.back().agency == agency && spans.back().to == from) {
        spans.back().to = to;  // adjacent: one span
      } else {
        spans.push_back({agency, from, to});
      }
    }
  }
  return spans;
}

}  // namespace dondoc::core
