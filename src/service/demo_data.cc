#include "service/demo_data.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <ostream>
#include <random>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/period.h"
#include "service/demo_calendar.h"
#include "service/demo_vocabulary.h"

namespace dondoc::service {

namespace {

using core::Date;
using core::Id;
using core::Timestamp;
using std::chrono::days;
using std::chrono::hours;
using std::chrono::minutes;

// ---------------------------------------------------------------- helpers

// Uniform choices by modulo over mt19937_64, whose output the standard
// fixes: the same seed gives the same data with any standard library.
class Random {
 public:
  explicit Random(uint64_t seed) : engine_(seed) {}
  // 0 .. n-1 (n > 0).
  int64_t Below(int64_t n) { return static_cast<int64_t>(engine_() % static_cast<uint64_t>(n)); }
  // lo .. hi inclusive.
  int64_t Between(int64_t lo, int64_t hi) { return lo + Below(hi - lo + 1); }
  bool Permille(int p) { return Below(1000) < p; }
  bool Percent(int p) { return Below(100) < p; }
  template <typename T>
  const T& Pick(std::span<const T> items) {
    return items[static_cast<size_t>(Below(static_cast<int64_t>(items.size())))];
  }
  template <typename T>
  const T& Pick(const std::vector<T>& items) {
    return items[static_cast<size_t>(Below(static_cast<int64_t>(items.size())))];
  }

 private:
  std::mt19937_64 engine_;
};

Date Day(int year, int month, int day) {
  return std::chrono::sys_days(std::chrono::year(year) / month / day);
}

int64_t DaysBetween(Date from, Date to) { return (to - from).count(); }

// Joins strings without a temporary per '+'.
template <typename... Parts>
std::string Concat(const Parts&... parts) {
  std::string out;
  (out.append(parts), ...);
  return out;
}

std::string ReplaceAll(std::string_view text, std::string_view from, std::string_view to) {
  std::string out;
  size_t start = 0;
  while (true) {
    const size_t at = text.find(from, start);
    if (at == std::string_view::npos) break;
    out.append(text.substr(start, at - start)).append(to);
    start = at + from.size();
  }
  out.append(text.substr(start));
  return out;
}

// "30/6/2025"
std::string ShortDate(Date date) {
  return std::to_string(core::DayOf(date)) + "/" + std::to_string(core::MonthOf(date)) + "/" +
         std::to_string(core::YearOf(date));
}

// "10 tháng 10 năm 2025"
std::string LongDate(Date date) {
  return std::to_string(core::DayOf(date)) + " tháng " + std::to_string(core::MonthOf(date)) +
         " năm " + std::to_string(core::YearOf(date));
}

const char* RomanQuarter(int quarter) {
  static constexpr const char* kRoman[] = {"I", "II", "III", "IV"};
  return kRoman[quarter - 1];
}

// The working days (Monday to Friday, less the calendar's days off, plus
// its worked Saturdays) of the year.
class WorkingDays {
 public:
  WorkingDays(int year, const std::vector<core::CalendarDay>& exceptions) {
    std::map<Date, core::CalendarDayKind> by_date;
    for (const core::CalendarDay& day : exceptions) by_date[day.date] = day.kind;
    for (Date day = Day(year, 1, 1); day <= Day(year, 12, 31); day += days{1}) {
      bool working = core::IsoWeekday(day) <= 5;
      const auto it = by_date.find(day);
      if (it != by_date.end()) working = it->second == core::CalendarDayKind::kWorkingDay;
      if (working) days_.push_back(day);
    }
  }
  // A working day in [from, to] (the nearest one after `from` when none).
  Date Between(Random& random, Date from, Date to) const {
    const auto first = std::lower_bound(days_.begin(), days_.end(), from);
    const auto last = std::upper_bound(days_.begin(), days_.end(), to);
    if (first >= last) return first == days_.end() ? from : *first;
    return *(first + random.Below(last - first));
  }
  Date First() const { return days_.front(); }

 private:
  std::vector<Date> days_;
};

// A moment of office hours on `day` (local time, UTC+7), as UTC.
Timestamp OfficeTime(Random& random, Date day) {
  const auto local = std::chrono::sys_seconds(day) + hours{7} + minutes{30} +
                     minutes{random.Below(int64_t{9} * 60)};
  return local - core::kProvinceUtcOffset;
}

// ---------------------------------------------------------------- agencies

struct PlannedAgency {
  core::Agency agency;
  int parent = -1;    // index
  std::string code;   // issuer code in document numbers
  int district = -1;  // for district committees, offices and communes
};

struct AgencyPlan {
  std::vector<PlannedAgency> agencies;
  std::string province;
  int committee = 0;
  int office = 1;
  std::vector<int> provincial_pool_before;  // who can lead a provincial task
  std::vector<int> provincial_pool_after;
  std::vector<int> departments_before;  // who issues department documents
  std::vector<int> departments_after;
  std::vector<int> district_committees;
  std::vector<std::vector<int>> district_units;   // offices and communes
  std::vector<std::pair<int, int>> merger_links;  // predecessor, successor
  std::unordered_map<std::string, int> by_name;
};

bool ValidOn(const core::Agency& agency, Date day) {
  return agency.valid_from <= day && (!agency.valid_to || day < *agency.valid_to);
}

// Unique place names from two (or, once those run short, three) syllables.
class PlaceNames {
 public:
  std::string Next(Random& random) {
    for (int attempt = 0;; ++attempt) {
      const std::string_view first = random.Pick(demo::PlaceFirstSyllables());
      const std::string_view second = random.Pick(demo::PlaceSecondSyllables());
      if (first == second) continue;
      std::string name = std::string(first) + " " + std::string(second);
      if (attempt >= 20) name += " " + std::string(random.Pick(demo::PlaceSecondSyllables()));
      if (used_.insert(name).second) return name;
    }
  }

 private:
  std::set<std::string> used_;
};

AgencyPlan PlanAgencies(Random& random, const DemoDataOptions& options, Date merger_day) {
  AgencyPlan plan;
  plan.province = std::string(random.Pick(demo::Provinces()));
  const Date founded = Day(options.year - 8, 1, 1);
  const auto provincial = demo::ProvincialAgencies();
  const int provincial_count = std::min(static_cast<int>(provincial.size()), options.agencies - 2);

  std::set<std::string_view> predecessors;
  for (const demo::Merger& merger : demo::Mergers()) predecessors.insert(merger.predecessor);

  for (int i = 0; i < provincial_count; ++i) {
    const demo::ProvincialAgency& row = provincial[static_cast<size_t>(i)];
    PlannedAgency planned;
    planned.agency.name = ReplaceAll(row.name, "{p}", plan.province);
    planned.agency.abbreviation = std::string(row.abbreviation);
    planned.agency.kind = row.kind;
    planned.agency.valid_from = founded;
    if (demo::CreatedByMerger(row.name)) planned.agency.valid_from = merger_day;
    if (predecessors.count(row.name) != 0) planned.agency.valid_to = merger_day;
    planned.parent = i == 0 ? -1 : 0;
    planned.code = std::string(row.code);
    plan.by_name[std::string(row.name)] = i;
    plan.agencies.push_back(std::move(planned));
  }

  // Districts share what is left; each has its committee, some offices
  // (about a third of its budget) and communes.
  PlaceNames places;
  const int local = options.agencies - provincial_count;
  const int district_count = std::max(1, (local + 17) / 35);
  for (int d = 0; d < district_count; ++d) {
    const int budget = local / district_count + (d < local % district_count ? 1 : 0);
    const std::string place = places.Next(random);
    const std::string level = d == 0 ? "thành phố" : (d % 7 == 6 ? "thị xã" : "huyện");
    const bool urban = level != "huyện";
    const int committee = static_cast<int>(plan.agencies.size());
    PlannedAgency district;
    district.agency.name = Concat("Ủy ban nhân dân ", level, " ", place);
    district.agency.abbreviation = Concat("UBND ", level, " ", place);
    district.agency.kind = core::AgencyKind::kDistrictCommittee;
    district.agency.valid_from = founded;
    district.parent = plan.committee;
    district.code = "UBND";
    district.district = d;
    plan.agencies.push_back(std::move(district));
    plan.district_committees.push_back(committee);
    plan.district_units.emplace_back();

    const int offices =
        std::min(static_cast<int>(demo::DistrictOffices().size()), (budget - 1) / 3);
    for (int k = 0; k < offices; ++k) {
      const demo::DistrictOffice& office = demo::DistrictOffices()[static_cast<size_t>(k)];
      PlannedAgency unit;
      unit.agency.name = Concat(office.name, " ", level, " ", place);
      unit.agency.abbreviation = Concat(office.abbreviation, " ", level, " ", place);
      unit.agency.kind = k == 0 ? core::AgencyKind::kOffice : core::AgencyKind::kOther;
      unit.agency.valid_from = founded;
      unit.parent = committee;
      unit.district = d;
      plan.district_units.back().push_back(static_cast<int>(plan.agencies.size()));
      plan.agencies.push_back(std::move(unit));
    }
    const int communes = budget - 1 - offices;
    for (int k = 0; k < communes; ++k) {
      std::string kind = "xã";
      if (urban && k < (communes + 1) / 2) kind = "phường";
      if (!urban && k == 0) kind = "thị trấn";
      const std::string name = places.Next(random);
      PlannedAgency unit;
      unit.agency.name = Concat("Ủy ban nhân dân ", kind, " ", name);
      unit.agency.abbreviation = Concat("UBND ", kind, " ", name);
      unit.agency.kind = core::AgencyKind::kCommuneCommittee;
      unit.agency.valid_from = founded;
      unit.parent = committee;
      unit.code = "UBND";
      unit.district = d;
      plan.district_units.back().push_back(static_cast<int>(plan.agencies.size()));
      plan.agencies.push_back(std::move(unit));
    }
  }

  for (const demo::Merger& merger : demo::Mergers()) {
    if (!merger.inherits_open_tasks) continue;
    plan.merger_links.emplace_back(plan.by_name.at(std::string(merger.predecessor)),
                                   plan.by_name.at(std::string(merger.successor)));
  }
  const Date before = merger_day - days{1};
  for (int i = 1; i < static_cast<int>(plan.agencies.size()); ++i) {
    const PlannedAgency& planned = plan.agencies[static_cast<size_t>(i)];
    const bool provincial_level =
        planned.district < 0 || planned.agency.kind == core::AgencyKind::kDistrictCommittee;
    if (!provincial_level) continue;
    const bool department = planned.agency.kind == core::AgencyKind::kDepartment;
    if (ValidOn(planned.agency, before)) {
      plan.provincial_pool_before.push_back(i);
      if (department) plan.departments_before.push_back(i);
    }
    if (ValidOn(planned.agency, merger_day)) {
      plan.provincial_pool_after.push_back(i);
      if (department) plan.departments_after.push_back(i);
    }
  }
  return plan;
}

// ---------------------------------------------------------------- documents

struct PlannedDocument {
  Date date{};
  int issuer = 0;
  int kind = 0;  // index into DocumentKinds()
  int topic = 0;
  int64_t tasks = 0;
  int64_t first_task = 0;  // global index of its first task
};

// Writes the number, title and text of a planned document.
core::Document ComposeDocument(Random& random, const PlannedDocument& planned, int number,
                               const AgencyPlan& plan, bool targets_decision, int year) {
  const demo::DocumentKind& kind = demo::DocumentKinds()[static_cast<size_t>(planned.kind)];
  const PlannedAgency& issuer = plan.agencies[static_cast<size_t>(planned.issuer)];
  const std::string topic(demo::Topics()[static_cast<size_t>(planned.topic)]);
  const std::string y = std::to_string(year);
  core::Document document;
  document.kind = std::string(kind.name);
  std::string code = issuer.code.empty() ? "UBND" : issuer.code;
  if (kind.code.empty()) {
    const std::string unit =
        planned.issuer == plan.committee ? std::string(random.Pick(demo::OfficeUnits())) : "VP";
    document.number = std::to_string(number) + "/" + code + "-" + unit;
  } else {
    document.number = std::to_string(number) + "/" + std::string(kind.code) + "-" + code;
  }
  document.date = planned.date;
  document.issuer_agency_id = issuer.agency.id;
  document.issuer_name = issuer.agency.name;
  if (targets_decision) {
    document.title =
        "Quyết định giao chỉ tiêu kế hoạch phát triển kinh tế - xã hội và dự toán "
        "ngân sách nhà nước năm " +
        y;
  } else if (kind.code == "KH") {
    document.title = "Kế hoạch thực hiện " + topic + " năm " + y;
  } else if (kind.code.empty()) {
    document.title = "Về việc triển khai " + topic;
  } else if (kind.code == "CTr") {
    document.title = "Chương trình hành động thực hiện Nghị quyết của Chính phủ về " + topic;
  } else if (kind.code == "QĐ") {
    document.title = "Quyết định ban hành Kế hoạch " + topic + " năm " + y;
  } else if (kind.code == "CT") {
    document.title = "Chỉ thị về tăng cường " + topic;
  } else if (kind.code == "TB") {
    document.title = "Thông báo kết luận tại cuộc họp về " + topic;
  } else {
    document.title = "Báo cáo tình hình thực hiện " + topic + " tháng " +
                     std::to_string(core::MonthOf(planned.date)) + " năm " + y;
  }
  document.cleaned_text = document.title + "\n\nCăn cứ chức năng, nhiệm vụ được giao; " +
                          issuer.agency.name + " đề nghị các cơ quan, đơn vị triển khai " + topic +
                          " như sau.\n";
  document.source_name = ReplaceAll(*document.number, "/", "-") + ".txt";
  document.source_format = "text";
  document.registered_at = OfficeTime(random, planned.date + days{random.Below(3)});
  return document;
}

// ---------------------------------------------------------------- tasks

struct PlannedEvent {
  core::TaskEvent event;
  int request = -1;  // index of the request it answers among the task's events
};

struct PlannedTask {
  core::Task task;
  int64_t parent = -1;  // global index of the parent task
  std::vector<core::Coordination> coordinations;
  std::vector<PlannedEvent> events;
};

struct Deadline {
  std::optional<Date> date;
  std::string text;
};

Deadline DrawDeadline(Random& random, Date assigned, int year) {
  Deadline deadline;
  const int64_t r = random.Below(100);
  if (r < 45) {
    Date day = assigned + days{random.Between(10, 150)};
    const int64_t style = random.Below(3);
    if (style == 0) {
      deadline.text = "trước ngày " + ShortDate(day);
    } else if (style == 1) {
      deadline.text = "trước ngày " + LongDate(day);
    } else {
      day = core::EndOfMonth(core::YearOf(day), core::MonthOf(day));
      deadline.text = "hoàn thành trong tháng " + std::to_string(core::MonthOf(day)) + "/" +
                      std::to_string(core::YearOf(day));
    }
    deadline.date = day;
  } else if (r < 70) {
    const Date within = assigned + days{random.Between(20, 100)};
    const core::Period quarter = core::PeriodContaining(core::PeriodKind::kQuarter, within);
    deadline.date = core::PeriodEnd(quarter);
    deadline.text = std::string(random.Percent(50) ? "trong quý " : "đến hết quý ") +
                    RomanQuarter(quarter.number) + " năm " + std::to_string(quarter.year);
  } else if (r < 80) {
    deadline.date = Day(year, 12, 31);
    deadline.text = "trong năm " + std::to_string(year);
  } else {
    deadline.text = std::string(random.Pick(demo::NoDeadlineTexts()));
  }
  return deadline;
}

std::string DrawTaskText(Random& random, int year) {
  std::string text(random.Pick(demo::TaskVerbs()));
  text += " ";
  text += random.Pick(demo::TaskObjects());
  const std::string qualifier =
      ReplaceAll(random.Pick(demo::TaskQualifiers()), "{y}", std::to_string(year));
  if (!qualifier.empty()) {
    if (qualifier[0] != ';') text += " ";
    text += qualifier;
  }
  return text;
}

// The day an event is entered: mostly the same day, sometimes days later.
Timestamp RecordedAt(Random& random, Date effective, bool may_lag) {
  int64_t lag = 0;
  if (may_lag) {
    const int64_t r = random.Below(100);
    if (r >= 75) lag = r < 95 ? random.Between(1, 3) : random.Between(4, 10);
  }
  return OfficeTime(random, effective + days{lag});
}

class TaskPlanner {
 public:
  TaskPlanner(Random& random, const AgencyPlan& plan, int year, Date merger_day)
      : random_(random),
        plan_(plan),
        year_(year),
        horizon_(Day(year, 12, 31)),
        merger_day_(merger_day),
        district_rings_(plan.district_committees.size()) {}

  PlannedTask Plan(int64_t index, const PlannedDocument& document, Id document_id) {
    PlannedTask planned;
    core::Task& task = planned.task;
    task.document_id = document_id;
    task.assigned_on = document.date;
    task.created_at = OfficeTime(random_, document.date + days{random_.Below(3)});
    const PlannedAgency& issuer = plan_.agencies[static_cast<size_t>(document.issuer)];
    const std::vector<int>& pool = PoolFor(issuer, document.date);
    const int lead = random_.Pick(pool);
    task.lead_agency_id = plan_.agencies[static_cast<size_t>(lead)].agency.id;
    task.text = DrawTaskText(random_, year_);

    // Districts cascade provincial work to their offices and communes.
    Deadline deadline;
    if (issuer.agency.kind == core::AgencyKind::kDistrictCommittee) {
      const std::vector<Ring>::size_type d = static_cast<size_t>(issuer.district);
      if (!district_rings_[d].tasks.empty() && random_.Percent(50)) {
        const Ring::Entry& parent = random_.Pick(district_rings_[d].tasks);
        planned.parent = parent.index;
        task.text = parent.text + " tại địa phương";
        if (parent.deadline && *parent.deadline >= task.assigned_on) {
          Date day = *parent.deadline - days{random_.Below(15)};
          if (day < task.assigned_on) day = task.assigned_on;
          deadline.date = day;
          deadline.text = "trước ngày " + ShortDate(day);
        }
      }
    }
    if (!deadline.date && deadline.text.empty()) {
      deadline = DrawDeadline(random_, task.assigned_on, year_);
    }
    task.deadline = deadline.date;
    task.deadline_text = deadline.text;

    const PlannedAgency& lead_agency = plan_.agencies[static_cast<size_t>(lead)];
    if (lead_agency.agency.kind == core::AgencyKind::kDistrictCommittee) {
      district_rings_[static_cast<size_t>(lead_agency.district)].Add(
          {index, task.text, task.deadline});
    }
    DrawCoordinations(planned, pool, lead);
    DrawEvents(planned, pool, lead);
    return planned;
  }

 private:
  // Recent tasks led by a district committee, to cascade from.
  struct Ring {
    struct Entry {
      int64_t index;
      std::string text;
      std::optional<Date> deadline;
    };
    std::vector<Entry> tasks;
    size_t next = 0;
    void Add(Entry entry) {
      if (tasks.size() < 32) {
        tasks.push_back(std::move(entry));
      } else {
        tasks[next] = std::move(entry);
        next = (next + 1) % tasks.size();
      }
    }
  };

  const std::vector<int>& PoolFor(const PlannedAgency& issuer, Date day) const {
    if (issuer.agency.kind == core::AgencyKind::kDistrictCommittee) {
      const std::vector<int>& units = plan_.district_units[static_cast<size_t>(issuer.district)];
      if (!units.empty()) return units;
    }
    return day < merger_day_ ? plan_.provincial_pool_before : plan_.provincial_pool_after;
  }

  void DrawCoordinations(PlannedTask& planned, const std::vector<int>& pool, int lead) {
    const int64_t r = random_.Below(100);
    const int wanted = r < 35 ? 0 : (r < 65 ? 1 : (r < 85 ? 2 : 3));
    std::set<int> chosen;
    for (int attempt = 0; attempt < 2 * wanted && static_cast<int>(chosen.size()) < wanted;
         ++attempt) {
      const int agency = random_.Pick(pool);
      if (agency == lead || !chosen.insert(agency).second) continue;
      core::Coordination coordination;
      coordination.agency_id = plan_.agencies[static_cast<size_t>(agency)].agency.id;
      if (random_.Percent(70)) {
        coordination.acknowledged_on = planned.task.assigned_on + days{random_.Between(1, 10)};
      }
      if (random_.Percent(40)) {
        coordination.contribution = std::string(random_.Pick(demo::Contributions()));
      }
      planned.coordinations.push_back(std::move(coordination));
    }
    std::sort(planned.coordinations.begin(), planned.coordinations.end(),
              [](const core::Coordination& a, const core::Coordination& b) {
                return a.agency_id < b.agency_id;
              });
  }

  int Add(PlannedTask& planned, core::TaskEventKind kind, Date day, bool may_lag,
          std::string note = {}) {
    PlannedEvent event;
    event.event.kind = kind;
    event.event.effective_on = day;
    event.event.recorded_at = RecordedAt(random_, day, may_lag);
    event.event.note = std::move(note);
    planned.events.push_back(std::move(event));
    return static_cast<int>(planned.events.size()) - 1;
  }

  void DrawEvents(PlannedTask& planned, const std::vector<int>& pool, int lead) {
    const core::Task& task = planned.task;
    const Date assigned = task.assigned_on;
    std::optional<Date> cancelled;
    if (random_.Permille(15)) {
      const Date day = assigned + days{random_.Between(10, 150)};
      if (day <= horizon_) cancelled = day;
    }
    const Date stop = cancelled ? *cancelled : horizon_;

    // Extensions: asked before the deadline mostly, sometimes after it.
    std::optional<Date> deadline = task.deadline;
    if (deadline && random_.Permille(120)) {
      const bool before = random_.Percent(70);
      Date asked_on =
          before ? *deadline - days{random_.Below(11)} : *deadline + days{random_.Between(1, 20)};
      if (asked_on < assigned) asked_on = assigned;
      if (asked_on < stop) {
        const Date asked = std::max(*deadline, asked_on) + days{random_.Between(30, 90)};
        const int request = Add(planned, core::TaskEventKind::kExtensionRequested, asked_on, false,
                                std::string(random_.Pick(demo::ExtensionReasons())));
        planned.events[static_cast<size_t>(request)].event.deadline = asked;
        const int64_t outcome = random_.Below(100);
        const Date answered = asked_on + days{random_.Between(1, 7)};
        if (outcome < 90 && answered < stop) {
          const bool approved = outcome < 70;
          const int answer =
              Add(planned,
                  approved ? core::TaskEventKind::kExtensionApproved
                           : core::TaskEventKind::kExtensionRefused,
                  answered, false,
                  approved ? std::string() : std::string(random_.Pick(demo::RefusalNotes())));
          PlannedEvent& event = planned.events[static_cast<size_t>(answer)];
          event.request = request;
          // An approval without a day of its own grants the day asked for.
          if (approved && random_.Percent(70)) event.event.deadline = asked;
          if (approved) deadline = asked;
        }
      }
    }

    // Completion, on time or late against the deadline finally in force.
    std::optional<Date> completed;
    if (random_.Percent(72)) {
      Date day;
      if (deadline) {
        if (random_.Percent(72)) {
          day = random_.Permille(80)
                    ? *deadline
                    : assigned + days{random_.Below(DaysBetween(assigned, *deadline) + 1)};
        } else {
          day = *deadline + days{random_.Between(1, 75)};
        }
      } else {
        day = assigned + days{random_.Between(5, 200)};
      }
      if (day < stop) completed = day;
    }
    const Date end = completed ? *completed : stop;

    // Progress reports before the end.
    const int64_t reports = random_.Below(4);
    if (DaysBetween(assigned, end) > 2) {
      std::vector<Date> report_days;
      for (int64_t i = 0; i < reports; ++i) {
        report_days.push_back(assigned + days{random_.Between(1, DaysBetween(assigned, end) - 1)});
      }
      std::sort(report_days.begin(), report_days.end());
      int percent = 0;
      for (const Date day : report_days) {
        percent = std::min(95, percent + static_cast<int>(random_.Between(10, 35)));
        const int event =
            Add(planned, core::TaskEventKind::kProgress, day, true,
                "Đã triển khai, đạt khoảng " + std::to_string(percent) + "% khối lượng công việc");
        planned.events[static_cast<size_t>(event)].event.progress_percent = percent;
      }
    }

    // A reassignment to another agency while the task is open.
    if (random_.Permille(20)) {
      const Date day = assigned + days{random_.Between(3, 60)};
      const std::vector<int>& now_pool =
          (day >= merger_day_ && &pool == &plan_.provincial_pool_before)
              ? plan_.provincial_pool_after
              : pool;
      const int agency = random_.Pick(now_pool);
      if (day < end && agency != lead) {
        const int event = Add(planned, core::TaskEventKind::kReassigned, day, true,
                              std::string(random_.Pick(demo::ReassignNotes())));
        planned.events[static_cast<size_t>(event)].event.agency_id =
            plan_.agencies[static_cast<size_t>(agency)].agency.id;
      }
    }

    if (completed) {
      Add(planned, core::TaskEventKind::kCompleted, *completed, true,
          std::string(random_.Pick(demo::CompletionNotes())));
      // A completion found wanting, reopened and perhaps completed again.
      if (random_.Permille(25)) {
        const Date reopened = *completed + days{random_.Between(3, 30)};
        if (reopened <= horizon_) {
          Add(planned, core::TaskEventKind::kReopened, reopened, false,
              std::string(random_.Pick(demo::ReopenNotes())));
          const Date again = reopened + days{random_.Between(5, 45)};
          if (random_.Percent(60) && again <= horizon_) {
            Add(planned, core::TaskEventKind::kCompleted, again, true,
                std::string(random_.Pick(demo::CompletionNotes())));
          }
        }
      }
    }
    if (cancelled && !completed) {
      Add(planned, core::TaskEventKind::kCancelled, *cancelled, false,
          std::string(random_.Pick(demo::CancelNotes())));
    }
    if (random_.Percent(4)) {
      Add(planned, core::TaskEventKind::kComment,
          assigned + days{random_.Below(std::max<int64_t>(1, DaysBetween(assigned, horizon_)))},
          false, std::string(random_.Pick(demo::Comments())));
    }
    // In the order they happened; a request always precedes its answer.
    std::vector<int> order(planned.events.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) {
      return planned.events[static_cast<size_t>(a)].event.effective_on <
             planned.events[static_cast<size_t>(b)].event.effective_on;
    });
    std::vector<int> position(order.size());
    std::vector<PlannedEvent> sorted;
    sorted.reserve(order.size());
    for (size_t i = 0; i < order.size(); ++i) {
      position[static_cast<size_t>(order[i])] = static_cast<int>(i);
      sorted.push_back(std::move(planned.events[static_cast<size_t>(order[i])]));
    }
    for (PlannedEvent& event : sorted) {
      if (event.request >= 0) event.request = position[static_cast<size_t>(event.request)];
    }
    planned.events = std::move(sorted);
  }

  Random& random_;
  const AgencyPlan& plan_;
  int year_;
  Date horizon_;
  Date merger_day_;
  std::vector<Ring> district_rings_;
};

// ---------------------------------------------------------------- the run

class Generator {
 public:
  Generator(store::Store& store, const DemoDataOptions& options)
      : store_(store),
        options_(options),
        random_(options.seed),
        merger_day_(Day(options.year, 3, 1)),
        calendar_(demo::HolidayCalendar(options.year)),
        working_days_(options.year, calendar_),
        started_(std::chrono::steady_clock::now()) {}

  Result<DemoDataSummary> Run() {
    DemoDataSummary summary;
    summary.merger_day = merger_day_;
    Status status = CheckEmpty();
    if (!status.ok()) return status;
    plan_ = PlanAgencies(random_, options_, merger_day_);
    if (status = WriteSetup(summary); !status.ok()) return status;
    if (status = WriteDocuments(summary); !status.ok()) return status;
    if (status = WritePlansAndReports(summary); !status.ok()) return status;
    if (status = WriteTasks(summary); !status.ok()) return status;
    summary.planning_department_id = IdOf("Sở Kế hoạch và Đầu tư");
    summary.finance_department_id = IdOf("Sở Tài chính");
    summary.province_committee_id = plan_.agencies[0].agency.id;
    Progress("done");
    return summary;
  }

 private:
  Id IdOf(const std::string& name) const {
    return plan_.agencies[static_cast<size_t>(plan_.by_name.at(name))].agency.id;
  }

  double Elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started_).count();
  }

  void Progress(const std::string& what) {
    if (options_.progress == nullptr) return;
    char seconds[32];
    std::snprintf(seconds, sizeof(seconds), "%.1f", Elapsed());
    *options_.progress << "demo-data: " << what << " (" << seconds << " s)\n" << std::flush;
  }

  Status CheckEmpty() {
    return store_.Read([](store::Transaction& tx) -> Status {
      auto agencies = tx.ListAgencies(std::nullopt);
      if (!agencies.ok()) return agencies.status();
      if (!agencies->empty()) {
        return Status::InvalidInput("the database already holds " +
                                    std::to_string(agencies->size()) +
                                    " agencies; demo data needs an empty database");
      }
      return Status::Ok();
    });
  }

  // Agencies, successions, the calendar, indicators and regimes.
  Status WriteSetup(DemoDataSummary& summary) {
    std::vector<Id> ids;
    Status status = store_.Write([&](store::Transaction& tx) -> Status {
      ids.clear();
      for (const PlannedAgency& planned : plan_.agencies) {
        core::Agency agency = planned.agency;
        if (planned.parent >= 0) agency.parent_id = ids[static_cast<size_t>(planned.parent)];
        auto id = tx.AddAgency(agency);
        if (!id.ok()) return id.status();
        ids.push_back(*id);
      }
      for (const demo::Merger& merger : demo::Mergers()) {
        core::Succession succession;
        succession.predecessor_id =
            ids[static_cast<size_t>(plan_.by_name.at(std::string(merger.predecessor)))];
        succession.successor_id =
            ids[static_cast<size_t>(plan_.by_name.at(std::string(merger.successor)))];
        succession.effective = merger_day_;
        succession.kind = merger.kind;
        succession.inherits_open_tasks = merger.inherits_open_tasks;
        succession.note = std::string(merger.note);
        auto id = tx.AddSuccession(succession);
        if (!id.ok()) return id.status();
      }
      for (const core::CalendarDay& day : calendar_) {
        if (Status s = tx.PutCalendarDay(day); !s.ok()) return s;
      }
      return Status::Ok();
    });
    if (!status.ok()) return status;
    for (size_t i = 0; i < ids.size(); ++i) plan_.agencies[i].agency.id = ids[i];
    summary.agencies = static_cast<int64_t>(ids.size());
    summary.successions = static_cast<int64_t>(demo::Mergers().size());
    summary.calendar_days = static_cast<int64_t>(calendar_.size());
    Progress("agencies " + std::to_string(ids.size()) + " in tỉnh " + plan_.province);
    return Status::Ok();
  }

  int PickIssuer(Date date) {
    const int64_t r = random_.Below(100);
    if (r < 5) return plan_.office;
    const std::vector<int>& departments =
        date < merger_day_ ? plan_.departments_before : plan_.departments_after;
    if (r < 25 && !departments.empty()) return random_.Pick(departments);
    if (r < 45 && !plan_.district_committees.empty()) {
      return random_.Pick(plan_.district_committees);
    }
    return plan_.committee;
  }

  int PickKind(int issuer) {
    const auto kinds = demo::DocumentKinds();
    int total = 0;
    for (const demo::DocumentKind& kind : kinds) total += kind.frequency;
    for (int attempt = 0;; ++attempt) {
      int64_t r = random_.Below(total);
      int chosen = 0;
      while (r >= kinds[static_cast<size_t>(chosen)].frequency) {
        r -= kinds[static_cast<size_t>(chosen)].frequency;
        ++chosen;
      }
      // Only the committee issues action programmes and directives; the
      // office writes letters and conclusions.
      const std::string_view code = kinds[static_cast<size_t>(chosen)].code;
      const bool committee = issuer == plan_.committee;
      if (!committee && (code == "CTr" || code == "CT") && attempt < 10) continue;
      if (issuer == plan_.office && !code.empty() && code != "TB" && attempt < 10) continue;
      return chosen;
    }
  }

  Status WriteDocuments(DemoDataSummary& summary) {
    const int64_t count =
        options_.documents > 0 ? options_.documents : std::max<int64_t>(1, options_.tasks / 10);
    documents_.resize(static_cast<size_t>(count));
    // The first is the decision that sets the year's targets.
    documents_[0].date = working_days_.First();
    documents_[0].issuer = plan_.committee;
    documents_[0].kind = 3;  // Quyết định
    const Date last = Day(options_.year, 12, 20);
    for (size_t i = 1; i < documents_.size(); ++i) {
      PlannedDocument& document = documents_[i];
      document.date = working_days_.Between(random_, Day(options_.year, 1, 2), last);
      document.issuer = PickIssuer(document.date);
      document.kind = PickKind(document.issuer);
      document.topic = static_cast<int>(random_.Below(static_cast<int64_t>(demo::Topics().size())));
    }
    std::stable_sort(
        documents_.begin() + 1, documents_.end(),
        [](const PlannedDocument& a, const PlannedDocument& b) { return a.date < b.date; });
    AllocateTasks();

    std::unordered_map<int, int> next_number;
    document_ids_.reserve(documents_.size());
    const size_t batch = static_cast<size_t>(std::max(1, options_.tasks_per_transaction));
    for (size_t start = 0; start < documents_.size(); start += batch) {
      const size_t end = std::min(documents_.size(), start + batch);
      std::vector<core::Document> composed;
      for (size_t i = start; i < end; ++i) {
        const int number = ++next_number[documents_[i].issuer];
        composed.push_back(
            ComposeDocument(random_, documents_[i], number, plan_, i == 0, options_.year));
      }
      std::vector<Id> ids;
      Status status = store_.Write([&](store::Transaction& tx) -> Status {
        ids.clear();
        for (const core::Document& document : composed) {
          auto id = tx.AddDocument(document);
          if (!id.ok()) return id.status();
          ids.push_back(*id);
        }
        return Status::Ok();
      });
      if (!status.ok()) return status;
      document_ids_.insert(document_ids_.end(), ids.begin(), ids.end());
      Progress("documents " + std::to_string(end) + "/" + std::to_string(documents_.size()));
    }
    summary.documents = static_cast<int64_t>(documents_.size());
    return Status::Ok();
  }

  // Shares the tasks among documents by kind (plans assign many, letters
  // few, reports none), exactly options_.tasks in all.
  void AllocateTasks() {
    std::vector<int64_t> weights(documents_.size());
    int64_t total = 0;
    for (size_t i = 0; i < documents_.size(); ++i) {
      const int base = demo::DocumentKinds()[static_cast<size_t>(documents_[i].kind)].task_weight;
      weights[i] = base * random_.Between(50, 150);
      total += weights[i];
    }
    if (total == 0) {
      weights[0] = 1;
      total = 1;
    }
    int64_t given = 0;
    for (size_t i = 0; i < documents_.size(); ++i) {
      // At most 1e8 tasks times a weight below 4000: no overflow.
      documents_[i].tasks = options_.tasks * weights[i] / total;
      given += documents_[i].tasks;
    }
    for (size_t i = 0; given < options_.tasks; i = (i + 1) % documents_.size()) {
      if (weights[i] == 0) continue;
      ++documents_[i].tasks;
      ++given;
    }
    int64_t first = 0;
    for (PlannedDocument& document : documents_) {
      document.first_task = first;
      first += document.tasks;
    }
  }

  // Targets and monthly figures of each indicator, the reporting regimes
  // with their submissions and obligations.
  Status WritePlansAndReports(DemoDataSummary& summary) {
    const int year = options_.year;
    const Id decision = document_ids_[0];
    std::unordered_map<Id, Id> successor;  // predecessor -> inheriting successor
    for (const auto& [from, to] : plan_.merger_links) {
      successor[plan_.agencies[static_cast<size_t>(from)].agency.id] =
          plan_.agencies[static_cast<size_t>(to)].agency.id;
    }
    auto holder = [&](Id agency, Date day) {
      const auto it = successor.find(agency);
      return it != successor.end() && day >= merger_day_ ? it->second : agency;
    };

    struct PlannedFigure {
      size_t indicator;
      core::Figure figure;
    };
    std::vector<core::Indicator> indicators;
    std::vector<std::vector<core::Target>> targets;
    std::vector<PlannedFigure> figures;
    for (size_t i = 0; i < demo::Indicators().size(); ++i) {
      const demo::DemoIndicator& row = demo::Indicators()[i];
      core::Indicator indicator;
      indicator.name = std::string(row.name);
      indicator.unit = std::string(row.unit);
      indicator.direction = row.direction;
      indicators.push_back(indicator);
      // In a small demo the accountable agency may be missing: the committee.
      const auto found = plan_.by_name.find(std::string(row.accountable));
      const Id accountable = found == plan_.by_name.end()
                                 ? plan_.agencies[0].agency.id
                                 : plan_.agencies[static_cast<size_t>(found->second)].agency.id;
      targets.emplace_back();
      core::Target target;
      target.period = core::Period{core::PeriodKind::kYear, year, 0};
      target.agency_id = accountable;
      target.plan_source = "province";
      target.document_id = decision;
      if (row.plan_high > 0) {
        target.comparator = core::Comparator::kRange;
        target.low = row.plan;
        target.high = row.plan_high;
      } else {
        target.comparator = row.direction == core::Direction::kLowerIsBetter
                                ? core::Comparator::kLe
                                : core::Comparator::kGe;
        target.value = row.plan;
      }
      targets.back().push_back(target);
      if (row.central_plan > 0) {
        target.value = row.central_plan;
        target.plan_source = "central";
        targets.back().push_back(target);
      }
      const double plan = row.plan_high > 0 ? (row.plan + row.plan_high) / 2 : row.plan;
      for (int month = 1; month <= 12; ++month) {
        core::Figure figure;
        const Date submitted = Day(year, month, 20) - days{random_.Below(4)};
        figure.agency_id = holder(accountable, submitted);
        figure.estimate = true;
        figure.submitted_at = OfficeTime(random_, submitted);
        const double noise = static_cast<double>(random_.Between(-60, 40)) / 1000.0;
        if (row.cumulative) {
          figure.period = core::Period{core::PeriodKind::kMonthsToDate, year, month};
          figure.value = plan * month / 12.0 * (1.0 + noise * 2);
        } else {
          figure.period = core::Period{core::PeriodKind::kMonth, year, month};
          figure.value = plan * (1.0 + noise / 2);
        }
        figure.value = std::round(figure.value * 100) / 100;
        figure.note = "Số liệu ước thực hiện";
        figures.push_back({i, figure});
      }
    }

    // Who reports: departments, boards and district committees.
    std::vector<int> reporters;
    for (size_t i = 1; i < plan_.agencies.size() && reporters.size() < 200; ++i) {
      const core::AgencyKind kind = plan_.agencies[i].agency.kind;
      if (kind == core::AgencyKind::kDepartment || kind == core::AgencyKind::kBoard ||
          kind == core::AgencyKind::kDistrictCommittee) {
        reporters.push_back(static_cast<int>(i));
      }
    }
    struct PlannedSubmission {
      size_t regime;
      core::ReportSubmission submission;
    };
    std::vector<PlannedSubmission> submissions;
    for (size_t r = 0; r < demo::Regimes().size(); ++r) {
      const demo::DemoRegime& regime = demo::Regimes()[r];
      const int periods = regime.cadence == core::Cadence::kMonthly      ? 12
                          : regime.cadence == core::Cadence::kQuarterly  ? 4
                          : regime.cadence == core::Cadence::kHalfYearly ? 2
                                                                         : 1;
      for (int p = 1; p <= periods; ++p) {
        core::Period period{core::PeriodKind::kYear, year, 0};
        int last_month = 12;
        if (regime.cadence == core::Cadence::kMonthly) {
          period = {core::PeriodKind::kMonth, year, p};
          last_month = p;
        } else if (regime.cadence == core::Cadence::kQuarterly) {
          period = {core::PeriodKind::kQuarter, year, p};
          last_month = 3 * p;
        } else if (regime.cadence == core::Cadence::kHalfYearly) {
          period = {core::PeriodKind::kHalfYear, year, p};
          last_month = 6 * p;
        }
        const Date due = Day(year, last_month, regime.due_day);
        for (const int reporter : reporters) {
          const core::Agency& agency = plan_.agencies[static_cast<size_t>(reporter)].agency;
          if (!ValidOn(agency, due)) continue;
          const int64_t outcome = random_.Below(100);
          if (outcome >= 88) continue;  // missing
          const Date day =
              outcome < 72 ? due - days{random_.Below(5)} : due + days{random_.Between(1, 12)};
          core::ReportSubmission submission;
          submission.agency_id = agency.id;
          submission.period = period;
          submission.submitted_at = OfficeTime(random_, day);
          submissions.push_back({r, submission});
        }
      }
    }

    std::vector<Id> regime_ids;
    Status status = store_.Write([&](store::Transaction& tx) -> Status {
      regime_ids.clear();
      std::vector<Id> indicator_ids;
      for (size_t i = 0; i < indicators.size(); ++i) {
        auto id = tx.AddIndicator(indicators[i]);
        if (!id.ok()) return id.status();
        indicator_ids.push_back(*id);
        for (core::Target target : targets[i]) {
          target.indicator_id = *id;
          auto target_id = tx.AddTarget(target);
          if (!target_id.ok()) return target_id.status();
        }
      }
      for (const PlannedFigure& planned : figures) {
        core::Figure figure = planned.figure;
        figure.indicator_id = indicator_ids[planned.indicator];
        auto id = tx.AddFigure(figure);
        if (!id.ok()) return id.status();
      }
      for (const demo::DemoRegime& row : demo::Regimes()) {
        core::ReportingRegime regime;
        regime.name = std::string(row.name);
        regime.cadence = row.cadence;
        regime.due_month_offset = row.due_month_offset;
        regime.due_day = row.due_day;
        regime.recipient_agency_id = plan_.agencies[0].agency.id;
        regime.via_agency_id = IdOf("Sở Tài chính");
        auto id = tx.AddReportingRegime(regime);
        if (!id.ok()) return id.status();
        regime_ids.push_back(*id);
      }
      for (const PlannedSubmission& planned : submissions) {
        core::ReportSubmission submission = planned.submission;
        submission.regime_id = regime_ids[planned.regime];
        auto id = tx.AddReportSubmission(submission);
        if (!id.ok()) return id.status();
      }
      // The monthly duty of every reporter, as the decision states it.
      for (const int reporter : reporters) {
        const core::Agency& agency = plan_.agencies[static_cast<size_t>(reporter)].agency;
        core::Obligation obligation;
        obligation.document_id = decision;
        obligation.agency_id = agency.id;
        obligation.text = "Báo cáo tình hình thực hiện nhiệm vụ phát triển kinh tế - xã hội";
        obligation.recurrence.cadence = core::Cadence::kMonthly;
        obligation.recurrence.day = 20;
        obligation.recurrence.text = "trước ngày 20 hằng tháng";
        obligation.starts_on = std::max(agency.valid_from, Day(year, 1, 1));
        obligation.ends_on = agency.valid_to;
        obligation.regime_id = regime_ids[0];
        auto id = tx.AddObligation(obligation);
        if (!id.ok()) return id.status();
      }
      return Status::Ok();
    });
    if (!status.ok()) return status;
    summary.indicators = static_cast<int64_t>(indicators.size());
    for (const auto& list : targets) summary.targets += static_cast<int64_t>(list.size());
    summary.figures = static_cast<int64_t>(figures.size());
    summary.regimes = static_cast<int64_t>(regime_ids.size());
    summary.submissions = static_cast<int64_t>(submissions.size());
    summary.obligations = static_cast<int64_t>(reporters.size());
    Progress("indicators, targets, figures and report submissions");
    return Status::Ok();
  }

  Status WriteTasks(DemoDataSummary& summary) {
    TaskPlanner planner(random_, plan_, options_.year, merger_day_);
    std::vector<Id> task_ids;
    task_ids.reserve(static_cast<size_t>(options_.tasks));
    const int64_t batch = std::max(1, options_.tasks_per_transaction);
    size_t document = 0;
    for (int64_t start = 0; start < options_.tasks; start += batch) {
      const int64_t end = std::min(options_.tasks, start + batch);
      std::vector<PlannedTask> planned;
      planned.reserve(static_cast<size_t>(end - start));
      for (int64_t index = start; index < end; ++index) {
        while (index >= documents_[document].first_task + documents_[document].tasks) {
          ++document;
        }
        planned.push_back(planner.Plan(index, documents_[document], document_ids_[document]));
      }
      // One bulk call per transaction: each timeline built once, the rows
      // in big statements; the running counts are rebuilt at the end.
      std::vector<store::NewTask> bulk;
      bulk.reserve(planned.size());
      int64_t events = 0;
      int64_t coordinations = 0;
      for (const PlannedTask& item : planned) {
        store::NewTask& task = bulk.emplace_back();
        task.task = item.task;
        if (item.parent >= 0) {
          if (item.parent < start) {
            task.task.parent_id = task_ids[static_cast<size_t>(item.parent)];
          } else {
            task.parent_index = static_cast<size_t>(item.parent - start);
          }
        }
        task.coordinating = item.coordinations;
        coordinations += static_cast<int64_t>(item.coordinations.size());
        for (const PlannedEvent& planned_event : item.events) {
          store::NewTask::Event& event = task.events.emplace_back();
          event.event = planned_event.event;
          if (planned_event.request >= 0) {
            event.request_index = static_cast<size_t>(planned_event.request);
          }
          ++events;
        }
      }
      std::vector<Id> ids;
      Status status = store_.Write([&](store::Transaction& tx) -> Status {
        ids.clear();
        auto added = tx.AddTasksInBulk(bulk);
        if (!added.ok()) return added.status();
        for (const store::NewTaskIds& task : *added) ids.push_back(task.task_id);
        return Status::Ok();
      });
      if (!status.ok()) return status;
      task_ids.insert(task_ids.end(), ids.begin(), ids.end());
      summary.events += events;
      summary.coordinations += coordinations;
      summary.tasks = end;
      Progress("tasks " + std::to_string(end) + "/" + std::to_string(options_.tasks) + ", " +
               std::to_string(summary.events) + " events");
    }
    Status status =
        store_.Write([](store::Transaction& tx) -> Status { return tx.RebuildStatusTotals(); });
    if (!status.ok()) return status;
    Progress("status totals");
    return Status::Ok();
  }

  store::Store& store_;
  const DemoDataOptions& options_;
  Random random_;
  Date merger_day_;
  std::vector<core::CalendarDay> calendar_;
  WorkingDays working_days_;
  std::chrono::steady_clock::time_point started_;
  AgencyPlan plan_;
  std::vector<PlannedDocument> documents_;
  std::vector<Id> document_ids_;
};

}  // namespace

Status ValidateDemoDataOptions(const DemoDataOptions& options) {
  if (options.tasks < 1 || options.tasks > kMaxDemoTasks) {
    return Status::InvalidInput("the number of tasks must be 1.." + std::to_string(kMaxDemoTasks) +
                                ", not " + std::to_string(options.tasks));
  }
  if (options.agencies < kMinDemoAgencies || options.agencies > kMaxDemoAgencies) {
    return Status::InvalidInput(
        "the number of agencies must be " + std::to_string(kMinDemoAgencies) + ".." +
        std::to_string(kMaxDemoAgencies) + ", not " + std::to_string(options.agencies));
  }
  if (options.documents < 0 || options.documents > options.tasks * 10 + 10) {
    return Status::InvalidInput("the number of documents must be 0 (one per ten tasks) .. " +
                                std::to_string(options.tasks * 10 + 10) + ", not " +
                                std::to_string(options.documents));
  }
  if (options.year < 1990 || options.year > 2100) {
    return Status::InvalidInput("the year must be 1990..2100, not " + std::to_string(options.year));
  }
  if (options.tasks_per_transaction < 1) {
    return Status::InvalidInput("tasks per transaction must be at least 1");
  }
  return Status::Ok();
}

Result<DemoDataSummary> GenerateDemoData(store::Store& store, const DemoDataOptions& options) {
  if (Status status = ValidateDemoDataOptions(options); !status.ok()) return status;
  Generator generator(store, options);
  return generator.Run();
}

}  // namespace dondoc::service
