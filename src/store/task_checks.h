// The checks on a new task and a new event that need no database, shared by
// both stores' bulk path (Transaction::AddTasksInBulk). Messages as in
// AddTask / AddTaskEvent: InvalidInput naming the offending value.
#pragma once

#include <set>
#include <vector>

#include "common/status.h"
#include "core/model.h"
#include "store/store.h"

namespace dondoc::store {

// Text, deadline not before assignment, a valid period, coordinating
// agencies neither the lead nor listed twice.
Status CheckNewTask(const core::Task& task, const std::vector<core::Coordination>& coordinating);

// Progress within 0..100, deadline not before the task's assignment, what
// each kind needs (an extension request its deadline, an approval a
// deadline or its request, a reassignment the new lead). `has_request`: the
// event answers a request of the same task.
Status CheckNewEvent(const core::Task& task, const core::TaskEvent& event, bool has_request);

// The ids a bulk load refers to, which the store must find.
struct BulkReferences {
  std::set<core::Id> agencies;
  std::set<core::Id> documents;
  std::set<core::Id> obligations;
  std::set<core::Id> tasks;  // stored parents
};

// CheckNewTask and CheckNewEvent over every task of a bulk load, and the
// indexes (a parent or a request must come earlier); errors name the task's
// index ("bulk task 12: ...").
Result<BulkReferences> CheckBulk(const std::vector<NewTask>& tasks);

}  // namespace dondoc::store
