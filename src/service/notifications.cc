#include "service/notifications.h"

#include <algorithm>
#include <map>
#include <utility>

#include "core/calendar.h"
#include "core/period.h"
#include "core/task_status.h"
#include "core/timeliness.h"
#include "service/audit.h"
#include "service/import.h"
#include "service/permissions.h"
#include "service/plans.h"
#include "service/summary.h"

namespace dondoc::service {
namespace {

constexpr int kPageSize = 1000;
// Tasks whose deadline is this far ahead are looked at (7 days, moved back
// over a long holiday such as Tết).
constexpr int kLookAheadDays = 21;

std::string VietDate(core::Date day) {
  const std::string iso = core::FormatIsoDate(day);  // YYYY-MM-DD
  return iso.substr(8, 2) + "/" + iso.substr(5, 2) + "/" + iso.substr(0, 4);
}

// Adds `n` for its recipient (agency or office) unless its key exists.
class Writer {
 public:
  Writer(store::Transaction& tx, core::Timestamp now, ReminderRun& run)
      : tx_(tx), now_(now), run_(run) {}

  Status Add(core::Notification n, const std::string& key, std::optional<core::Id> agency) {
    n.agency_id = agency;
    n.key = key + (agency ? ":agency" + std::to_string(*agency) : std::string(":office"));
    n.created_at = now_;
    Result<std::optional<core::Id>> id = tx_.AddNotification(n);
    if (!id.ok()) return id.status();
    if (id->has_value()) {
      ++run_.created;
      run_.created_ids.push_back(**id);
    } else {
      ++run_.existing;
    }
    return Status::Ok();
  }

  // To the agency and to the office.
  Status AddBoth(const core::Notification& n, const std::string& key, core::Id agency) {
    if (Status s = Add(n, key, agency); !s.ok()) return s;
    return Add(n, key, std::nullopt);
  }

 private:
  store::Transaction& tx_;
  core::Timestamp now_;
  ReminderRun& run_;
};

Status ListAll(store::Transaction& tx, store::TaskFilter filter,
               std::vector<store::TaskView>& out) {
  filter.limit = kPageSize;
  while (true) {
    Result<std::vector<store::TaskView>> page = tx.ListTasks(filter);
    if (!page.ok()) return page.status();
    const bool full = static_cast<int>(page->size()) == kPageSize;
    for (store::TaskView& v : *page) out.push_back(std::move(v));
    if (!full) return Status::Ok();
    filter.after_id = out.back().task.id;
  }
}

Result<std::string> AgencyName(store::Transaction& tx, std::map<core::Id, std::string>& cache,
                               core::Id id) {
  auto it = cache.find(id);
  if (it != cache.end()) return it->second;
  Result<core::Agency> agency = tx.GetAgency(id);
  if (!agency.ok()) return agency.status();
  return cache[id] = agency->name;
}

Status TaskReminders(store::Transaction& tx, core::Date as_of,
                     const core::WorkingCalendar& calendar, Writer& writer,
                     std::map<core::Id, std::string>& names) {
  store::TaskFilter filter;
  filter.as_of = as_of;
  filter.status = core::TaskStatus::kOpenInTime;
  filter.due_from = as_of;
  filter.due_to = as_of + core::Date::duration(kLookAheadDays);
  std::vector<store::TaskView> views;
  if (Status s = ListAll(tx, filter, views); !s.ok()) return s;
  for (const store::TaskView& v : views) {
    if (!v.deadline) continue;
    const std::optional<int> n = core::ReminderDue(*v.deadline, as_of, calendar);
    if (!n) continue;
    Result<std::string> lead = AgencyName(tx, names, v.lead_agency_id);
    if (!lead.ok()) return lead.status();
    core::Notification note;
    note.kind = core::NotificationKind::kDueSoon;
    note.task_id = v.task.id;
    note.due_on = *v.deadline;
    const int64_t left = (*v.deadline - as_of).count();
    note.message = "Nhiệm vụ #" + std::to_string(v.task.id) + " (" + *lead + ") đến hạn ngày " +
                   VietDate(*v.deadline) + ", còn " + std::to_string(left) +
                   " ngày: " + CutText(v.task.text, 160);
    const std::string key = "task:" + std::to_string(v.task.id) + ":" +
                            core::FormatIsoDate(*v.deadline) + ":due" + std::to_string(*n);
    if (Status s = writer.AddBoth(note, key, v.lead_agency_id); !s.ok()) return s;
  }

  views.clear();
  filter.status = core::TaskStatus::kOpenOverdue;
  filter.due_from = as_of - core::Date::duration(core::kOverdueCatchUpDays);
  filter.due_to = as_of - core::Date::duration(1);
  if (Status s = ListAll(tx, filter, views); !s.ok()) return s;
  for (const store::TaskView& v : views) {
    if (!v.deadline || !core::OverdueNoticeDue(*v.deadline, as_of)) continue;
    Result<std::string> lead = AgencyName(tx, names, v.lead_agency_id);
    if (!lead.ok()) return lead.status();
    core::Notification note;
    note.kind = core::NotificationKind::kOverdue;
    note.task_id = v.task.id;
    note.due_on = *v.deadline;
    note.message = "Nhiệm vụ #" + std::to_string(v.task.id) + " (" + *lead + ") đã quá hạn (hạn " +
                   VietDate(*v.deadline) + "): " + CutText(v.task.text, 160);
    const std::string key =
        "task:" + std::to_string(v.task.id) + ":" + core::FormatIsoDate(*v.deadline) + ":overdue";
    if (Status s = writer.AddBoth(note, key, v.lead_agency_id); !s.ok()) return s;
  }
  return Status::Ok();
}

Status ReportReminders(store::Transaction& tx, core::Date as_of,
                       const core::WorkingCalendar& calendar, Writer& writer,
                       std::map<core::Id, std::string>& names) {
  Result<std::vector<core::ReportingRegime>> regimes = tx.ListReportingRegimes();
  if (!regimes.ok()) return regimes.status();
  if (regimes->empty()) return Status::Ok();
  Result<std::vector<core::Obligation>> obligations = tx.ListObligations();
  if (!obligations.ok()) return obligations.status();
  for (const core::ReportingRegime& regime : *regimes) {
    Result<std::vector<DuePeriod>> periods =
        PeriodsDueBetween(regime, as_of - core::Date::duration(core::kOverdueCatchUpDays),
                          as_of + core::Date::duration(kLookAheadDays));
    if (!periods.ok()) return periods.status();
    if (periods->empty()) continue;
    Result<std::vector<core::ReportSubmission>> submissions = tx.ListReportSubmissions(regime.id);
    if (!submissions.ok()) return submissions.status();
    for (const DuePeriod& due : *periods) {
      const std::optional<int> n = core::ReminderDue(due.due, as_of, calendar);
      const bool missing = core::OverdueNoticeDue(due.due, as_of);
      if (!n && !missing) continue;
      for (core::Id agency : ExpectedReporters(regime, *obligations, *submissions, due.due)) {
        const bool submitted =
            std::any_of(submissions->begin(), submissions->end(), [&](const auto& s) {
              return s.agency_id == agency && s.period == due.period &&
                     core::LocalDay(s.submitted_at) <= as_of;
            });
        if (submitted) continue;
        Result<std::string> name = AgencyName(tx, names, agency);
        if (!name.ok()) return name.status();
        core::Notification note;
        note.kind = n ? core::NotificationKind::kReportDue : core::NotificationKind::kReportMissing;
        note.regime_id = regime.id;
        note.period = due.period;
        note.due_on = due.due;
        const std::string what =
            "báo cáo \"" + regime.name + "\" kỳ " + core::PeriodKey(due.period) + " của " + *name;
        std::string key = "report:" + std::to_string(regime.id) + ":" +
                          core::PeriodKey(due.period) + ":" + std::to_string(agency);
        if (n) {
          note.message = "Hạn nộp " + what + " là ngày " + VietDate(due.due) + ", còn " +
                         std::to_string((due.due - as_of).count()) + " ngày.";
          key += ":due" + std::to_string(*n);
        } else {
          note.message = "Chưa nhận được " + what + " (hạn " + VietDate(due.due) + ").";
          key += ":missing";
        }
        if (Status s = writer.AddBoth(note, key, agency); !s.ok()) return s;
      }
    }
  }
  return Status::Ok();
}

// The recipients an actor reads: its agency, or the office; and itself.
store::NotificationFilter FilterOf(const Actor& actor) {
  store::NotificationFilter filter;
  if (actor.role == Role::kAgency) {
    filter.agency_id = actor.agency_id;
  } else {
    filter.office = true;
  }
  filter.user_id = actor.user_id;
  return filter;
}

bool AddressedTo(const core::Notification& n, const Actor& actor) {
  if (n.user_id) return actor.user_id && *n.user_id == *actor.user_id;
  if (actor.role == Role::kAgency) return n.agency_id && n.agency_id == actor.agency_id;
  return !n.agency_id;
}

}  // namespace

Result<ReminderRun> RunReminders(store::Store& store, const Actor& actor, core::Date as_of,
                                 core::Timestamp now) {
  // Following up is the office's work (the same right as reviewing).
  if (Status s = Check(actor, Action::kReview); !s.ok()) return s;
  ReminderRun run;
  run.as_of = as_of;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    run = ReminderRun{as_of, 0, 0, {}};
    std::vector<core::CalendarDay> days;
    for (int year = core::YearOf(as_of) - 1; year <= core::YearOf(as_of) + 1; ++year) {
      Result<std::vector<core::CalendarDay>> of_year = tx.ListCalendarDays(year);
      if (!of_year.ok()) return of_year.status();
      days.insert(days.end(), of_year->begin(), of_year->end());
    }
    const core::WorkingCalendar calendar(std::move(days));
    Writer writer(tx, now, run);
    std::map<core::Id, std::string> names;
    if (Status st = TaskReminders(tx, as_of, calendar, writer, names); !st.ok()) return st;
    return ReportReminders(tx, as_of, calendar, writer, names);
  });
  if (!s.ok()) return s;
  return run;
}

Result<std::vector<core::Notification>> ListNotifications(store::Store& store, const Actor& actor,
                                                          const NotificationQuery& query) {
  if (actor.role == Role::kAgency && !actor.agency_id) return Check(actor, Action::kReadAllTasks);
  if (query.limit < 1 || query.limit > 1000) {
    return Status::InvalidInput("limit must be 1..1000, not " + std::to_string(query.limit));
  }
  store::NotificationFilter filter = FilterOf(actor);
  filter.unread_only = query.unread_only;
  filter.limit = query.limit;
  filter.before_id = query.before_id;
  std::vector<core::Notification> out;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Notification>> list = tx.ListNotifications(filter);
    if (!list.ok()) return list.status();
    out = std::move(list.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<core::Notification> MarkNotificationRead(store::Store& store, const Actor& actor,
                                                core::Id id, core::Timestamp now) {
  if (actor.role == Role::kAgency && !actor.agency_id) return Check(actor, Action::kReadAllTasks);
  core::Notification out;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Notification> n = tx.GetNotification(id);
    if (!n.ok()) return n.status();
    if (!AddressedTo(*n, actor)) return Status::NotFound("no notification " + std::to_string(id));
    if (Status st = tx.MarkNotificationRead(id, now); !st.ok()) return st;
    Result<core::Notification> read = tx.GetNotification(id);
    if (!read.ok()) return read.status();
    out = std::move(read.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

// ---------------------------------------------------------------- scheduler

ReminderScheduler::ReminderScheduler(store::Store& store, std::chrono::seconds interval, Log log)
    : store_(store), interval_(interval), log_(std::move(log)) {
  thread_ = std::thread([this] { Loop(); });
}

ReminderScheduler::~ReminderScheduler() { Stop(); }

void ReminderScheduler::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void ReminderScheduler::Loop() {
  // The first pass runs even when Stop() comes at once.
  std::unique_lock lock(mutex_);
  do {
    lock.unlock();
    const core::Timestamp now = NowUtc();
    Result<ReminderRun> run = RunReminders(store_, Actor::System(), core::LocalDay(now), now);
    if (!run.ok() && log_) log_("reminders: " + run.status().message());
    ++passes_;
    lock.lock();
    cv_.wait_for(lock, interval_, [this] { return stopping_; });
  } while (!stopping_);
}

}  // namespace dondoc::service
