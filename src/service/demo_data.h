// Synthetic tracking data for demos, tests and benchmarks: a year in the
// life of a province's follow-up office.
//
// GenerateDemoData fills an EMPTY store with: the province's agencies with
// their real names and abbreviations (committee, office, ~20 departments,
// boards, sectors, mass organisations, district committees with their
// offices, communes whose names are built from syllables), the 2025-style
// department mergers on 1 March of the year (Sở Kế hoạch và Đầu tư into Sở
// Tài chính, ... ; open tasks pass to the successor), documents numbered per
// issuer ("123/KH-UBND") through the year, tasks composed from phrase lists
// with deadlines (dates, ends of quarter, none), coordinating agencies, and
// their history as events: progress, completions on time and late,
// extensions requested and approved (before and after the deadline) or
// refused, reopenings, reassignments, cancellations. Also indicators with
// plans and monthly figures, reporting regimes with submissions on time,
// late or missing, and the year's holidays.
//
// Reproducible: the same options give the same rows in the same order. All
// randomness comes from one std::mt19937_64 (its output is fixed by the
// standard) reduced by modulo, never from std:: distributions (which differ
// between standard libraries). The data are planned outside the store's
// transactions, so a retried transaction writes the same rows again.
#pragma once

#include <cstdint>
#include <iosfwd>

#include "common/status.h"
#include "core/model.h"
#include "store/store.h"

namespace dondoc::service {

// The committee, its office, the departments of the mergers, one district
// committee and one commune.
inline constexpr int kMinDemoAgencies = 16;
inline constexpr int kMaxDemoAgencies = 100000;
inline constexpr int64_t kMaxDemoTasks = 100000000;

struct DemoDataOptions {
  int64_t tasks = 1000;
  int agencies = 60;      // all of them, the merger's new department included
  int64_t documents = 0;  // 0: one per ten tasks (at least one)
  int year = 0;           // required; the CLI defaults it to the current year
  uint64_t seed = 1;
  int tasks_per_transaction = 10000;
  std::ostream* progress = nullptr;  // a line per transaction when set
};

struct DemoDataSummary {
  int64_t agencies = 0;
  int64_t successions = 0;
  int64_t documents = 0;
  int64_t tasks = 0;
  int64_t coordinations = 0;
  int64_t events = 0;
  int64_t indicators = 0;
  int64_t targets = 0;
  int64_t figures = 0;
  int64_t regimes = 0;
  int64_t submissions = 0;
  int64_t obligations = 0;
  int64_t calendar_days = 0;
  // The merger every demo has: Sở Kế hoạch và Đầu tư into Sở Tài chính.
  core::Date merger_day{};
  core::Id planning_department_id = 0;  // Sở Kế hoạch và Đầu tư
  core::Id finance_department_id = 0;   // Sở Tài chính
  core::Id province_committee_id = 0;
};

// InvalidInput naming the offending option.
Status ValidateDemoDataOptions(const DemoDataOptions& options);

// Refuses a store that already holds agencies (InvalidInput), so that the
// same seed always gives the same ids.
Result<DemoDataSummary> GenerateDemoData(store::Store& store, const DemoDataOptions& options);

}  // namespace dondoc::service
