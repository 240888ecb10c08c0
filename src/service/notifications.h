// Notifications: the reminder pass that creates them, and each user's list.
//
// RunReminders (one pass, as of a day) creates, by the rules of
// core/reminders.h (7, 3 and 1 calendar days before a deadline, moved back
// to a working day; overdue the day after):
//   - for each open task due within the next two weeks or overdue since at
//     most a week: a reminder to its lead agency on that day and one to the
//     office;
//   - for each report due under a reporting regime from an agency that owes
//     it (service/plans.h: ExpectedReporters) and has not submitted it: a
//     reminder before the due day and a "missing" notice after it, to that
//     agency and to the office.
// Every notification has a unique key: a second pass on the same day (or a
// later one within the same reminder) creates nothing. Only the office and
// admin (and the system's scheduler) run a pass.
//
// Who sees what: agency staff the notifications of their agency, every
// other role the office's; and, once users have accounts, those addressed
// to the user. Marking one read marks it for its recipient (an agency's
// notification read by one of its staff is read for the agency).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "common/status.h"
#include "core/reminders.h"
#include "service/actor.h"
#include "store/store.h"

namespace dondoc::service {

struct ReminderRun {
  core::Date as_of{};
  int64_t created = 0;   // new notifications
  int64_t existing = 0;  // already there from an earlier pass
  std::vector<core::Id> created_ids;
};

Result<ReminderRun> RunReminders(store::Store& store, const Actor& actor, core::Date as_of,
                                 core::Timestamp now);

struct NotificationQuery {
  bool unread_only = false;
  int limit = 50;  // 1..1000
  std::optional<core::Id> before_id;
};

Result<std::vector<core::Notification>> ListNotifications(store::Store& store, const Actor& actor,
                                                          const NotificationQuery& query);

// NotFound for an id that is not addressed to the actor (as for no id).
Result<core::Notification> MarkNotificationRead(store::Store& store, const Actor& actor,
                                                core::Id id, core::Timestamp now);

// Runs RunReminders as the system on a thread: once when started, then
// every `interval`, as of the province's local day. Errors go to `log`.
// Stop() (and the destructor) wakes the thread and joins it.
class ReminderScheduler {
 public:
  using Log = std::function<void(const std::string&)>;
  ReminderScheduler(store::Store& store, std::chrono::seconds interval, Log log);
  ~ReminderScheduler();
  ReminderScheduler(const ReminderScheduler&) = delete;
  ReminderScheduler& operator=(const ReminderScheduler&) = delete;

  void Stop();
  int64_t passes() const { return passes_; }

 private:
  void Loop();

  store::Store& store_;
  std::chrono::seconds interval_;
  Log log_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopping_ = false;
  std::atomic<int64_t> passes_{0};
  std::thread thread_;
};

}  // namespace dondoc::service
