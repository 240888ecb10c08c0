// The audit trail in the store conformance suite (store_suite.h): every
// mutating Transaction method records exactly one chained record naming the
// writer, a failed or rolled-back write records nothing, the chain stays
// linear under concurrent writers, and no mutating method of store.h is
// left out of these checks.
#include <atomic>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "store/audit.h"
#include "store/store_suite.h"

namespace dondoc::store::testing {
namespace {

using core::Date;

Date Day(std::string_view iso) { return *core::ParseIsoDate(iso); }

std::vector<AuditRecord> AllRecords(Store& store) {
  std::vector<AuditRecord> records;
  const Status status = store.Read([&](Transaction& tx) {
    Result<std::vector<AuditRecord>> page = tx.ListAuditRecords(0, 10000);
    if (!page.ok()) return page.status();
    records = std::move(page).value();
    return Status::Ok();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  return records;
}

// Ids of what the writes below refer to.
struct Fixture {
  Id agency = 0, other_agency = 0, document = 0, proposal = 0, task = 0, indicator = 0, regime = 0,
     notification = 0;
};

core::Task TaskFor(Id lead) {
  core::Task task;
  task.lead_agency_id = lead;
  task.text = "Rà soát hồ sơ đất đai";
  task.assigned_on = Day("2024-01-02");
  task.deadline = Day("2024-03-31");
  task.created_at = core::Timestamp(Day("2024-01-02"));
  return task;
}

core::Notification NoteFor(const Fixture& f) {
  core::Notification n;
  n.key = "due_soon:task:1:2024-03-31";
  n.kind = core::NotificationKind::kDueSoon;
  n.agency_id = f.agency;
  n.task_id = f.task;
  n.due_on = Day("2024-03-31");
  n.message = "Nhiệm vụ sắp đến hạn";
  n.created_at = core::Timestamp(Day("2024-03-24"));
  return n;
}

// One write per mutating Transaction method: its name in store.h, the
// call, and the action and entity kind its record must carry.
struct MutatingCall {
  std::string method;
  std::function<Status(Transaction&, Fixture&)> call;
  std::string action;  // of the last record it appends
  std::string entity_kind;
  int records = 1;  // how many it appends
};

std::vector<MutatingCall> MutatingCalls() {
  return {
      {"AddAgency",
       [](Transaction& tx, Fixture& f) {
         core::Agency a;
         a.name = "Sở Xây dựng";
         a.kind = core::AgencyKind::kDepartment;
         a.valid_from = Day("2000-01-01");
         auto id = tx.AddAgency(a);
         if (id.ok()) f.other_agency = *id;
         return id.status();
       },
       "agency.add", "agency"},
      {"AddSuccession",
       [](Transaction& tx, Fixture& f) {
         core::Succession s;
         s.predecessor_id = f.other_agency;
         s.successor_id = f.agency;
         s.effective = Day("2025-07-01");
         return tx.AddSuccession(s).status();
       },
       "succession.add", "succession"},
      {"AddDocument",
       [](Transaction& tx, Fixture& f) {
         core::Document d;
         d.kind = "Kế hoạch";
         d.number = "12/KH-UBND";
         d.title = "Kế hoạch kiểm tra";
         d.cleaned_text = "Giao Sở Tài chính chủ trì.";
         d.registered_at = core::Timestamp(Day("2024-01-02"));
         auto id = tx.AddDocument(d);
         if (id.ok()) f.document = *id;
         return id.status();
       },
       "document.add", "document"},
      {"AddDocumentLink",
       [](Transaction& tx, Fixture& f) {
         core::DocumentLink l;
         l.from_document_id = f.document;
         l.kind = "Quyết định";
         l.number = "5/QĐ-UBND";
         return tx.AddDocumentLink(l).status();
       },
       "document.link_added", "document"},
      {"AddProposal",
       [](Transaction& tx, Fixture& f) {
         core::Proposal p;
         p.document_id = f.document;
         p.summary = "Rà soát";
         p.payload_json = "{}";
         p.created_at = core::Timestamp(Day("2024-01-02"));
         auto id = tx.AddProposal(p);
         if (id.ok()) f.proposal = *id;
         return id.status();
       },
       "proposal.add", "proposal"},
      {"UpdateProposal",
       [](Transaction& tx, Fixture& f) {
         auto p = tx.GetProposal(f.proposal);
         if (!p.ok()) return p.status();
         p->state = core::ProposalState::kRejected;
         p->decision_note = "trùng";
         return tx.UpdateProposal(*p);
       },
       "proposal.rejected", "proposal"},
      {"AddTask",
       [](Transaction& tx, Fixture& f) {
         core::Coordination c;
         c.agency_id = f.other_agency;
         auto id = tx.AddTask(TaskFor(f.agency), {c});
         if (id.ok()) f.task = *id;
         return id.status();
       },
       "task.add", "task"},
      {"UpdateCoordination",
       [](Transaction& tx, Fixture& f) {
         core::Coordination c;
         c.task_id = f.task;
         c.agency_id = f.other_agency;
         c.acknowledged_on = Day("2024-01-05");
         return tx.UpdateCoordination(c);
       },
       "task.coordination_updated", "task"},
      {"AddTaskEvent",
       [](Transaction& tx, Fixture& f) {
         core::TaskEvent e;
         e.task_id = f.task;
         e.kind = core::TaskEventKind::kExtensionRequested;
         e.effective_on = Day("2024-03-01");
         e.recorded_at = core::Timestamp(Day("2024-03-01"));
         e.deadline = Day("2024-06-30");
         return tx.AddTaskEvent(e).status();
       },
       "task.extension_requested", "task"},
      {"AddObligation",
       [](Transaction& tx, Fixture& f) {
         core::Obligation o;
         o.agency_id = f.agency;
         o.text = "Báo cáo tháng";
         o.starts_on = Day("2024-01-01");
         return tx.AddObligation(o).status();
       },
       "obligation.add", "obligation"},
      {"AddIndicator",
       [](Transaction& tx, Fixture& f) {
         core::Indicator i;
         i.name = "Tỷ lệ hồ sơ đúng hạn";
         i.unit = "%";
         auto id = tx.AddIndicator(i);
         if (id.ok()) f.indicator = *id;
         return id.status();
       },
       "indicator.add", "indicator"},
      {"AddTarget",
       [](Transaction& tx, Fixture& f) {
         core::Target t;
         t.indicator_id = f.indicator;
         t.period = *core::ParsePeriodKey("2024");
         t.value = 95;
         return tx.AddTarget(t).status();
       },
       "target.add", "target"},
      {"AddFigure",
       [](Transaction& tx, Fixture& f) {
         core::Figure g;
         g.indicator_id = f.indicator;
         g.period = *core::ParsePeriodKey("2024-Q1");
         g.value = 91.5;
         g.submitted_at = core::Timestamp(Day("2024-04-10"));
         return tx.AddFigure(g).status();
       },
       "figure.add", "figure"},
      {"AddReportingRegime",
       [](Transaction& tx, Fixture& f) {
         core::ReportingRegime r;
         r.name = "Báo cáo quý";
         r.cadence = core::Cadence::kQuarterly;
         auto id = tx.AddReportingRegime(r);
         if (id.ok()) f.regime = *id;
         return id.status();
       },
       "reporting_regime.add", "reporting_regime"},
      {"AddReportSubmission",
       [](Transaction& tx, Fixture& f) {
         core::ReportSubmission s;
         s.regime_id = f.regime;
         s.agency_id = f.agency;
         s.period = *core::ParsePeriodKey("2024-Q1");
         s.submitted_at = core::Timestamp(Day("2024-04-15"));
         return tx.AddReportSubmission(s).status();
       },
       "report_submission.add", "report_submission"},
      {"AddTasksInBulk",
       [](Transaction& tx, Fixture& f) {
         NewTask t;
         t.task = TaskFor(f.agency);
         core::TaskEvent done;
         done.kind = core::TaskEventKind::kCompleted;
         done.effective_on = Day("2024-02-01");
         done.recorded_at = core::Timestamp(Day("2024-02-01"));
         t.events.push_back({done, std::nullopt});
         auto ids = tx.AddTasksInBulk({t});
         if (!ids.ok()) return ids.status();
         // The bulk load records two: the task, then its event.
         return ids->size() == 1 && ids->front().event_ids.size() == 1
                    ? Status::Ok()
                    : Status::Internal("unexpected ids");
       },
       "task.completed", "task", 2},
      {"RebuildStatusTotals", [](Transaction& tx, Fixture&) { return tx.RebuildStatusTotals(); },
       "status_totals.rebuilt", "status_totals"},
      {"PutCalendarDay",
       [](Transaction& tx, Fixture&) {
         core::CalendarDay d;
         d.date = Day("2024-04-29");
         d.kind = core::CalendarDayKind::kDayOff;
         d.name = "nghỉ bù";
         return tx.PutCalendarDay(d);
       },
       "calendar_day.put", "calendar_day"},
      {"AddNotification",
       [](Transaction& tx, Fixture& f) {
         auto id = tx.AddNotification(NoteFor(f));
         if (!id.ok()) return id.status();
         if (!id->has_value()) return Status::Internal("a new key was not stored");
         f.notification = **id;
         return Status::Ok();
       },
       "notification.add", "notification"},
      {"MarkNotificationRead",
       [](Transaction& tx, Fixture& f) {
         return tx.MarkNotificationRead(f.notification, core::Timestamp(Day("2024-03-25")));
       },
       "notification.read", "notification"},
      {"MarkNotificationEmailed",
       [](Transaction& tx, Fixture& f) {
         return tx.MarkNotificationEmailed(f.notification, core::Timestamp(Day("2024-03-25")));
       },
       "notification.emailed", "notification"},
  };
}

// Reads of store.h's Transaction: every other method must be a write
// listed in MutatingCalls().
bool IsReader(const std::string& method) {
  for (const char* prefix : {"Get", "List", "Find", "Search", "Count"}) {
    if (method.starts_with(prefix)) return true;
  }
  return false;
}

// The method names declared `virtual` in store.h's class Transaction.
std::vector<std::string> TransactionMethods() {
  std::ifstream in(std::string(DONDOC_SOURCE_DIR) + "/src/store/store.h");
  std::stringstream text;
  text << in.rdbuf();
  const std::string header = text.str();
  const size_t begin = header.find("class Transaction {");
  const size_t end = header.find("\n};", begin);
  EXPECT_NE(begin, std::string::npos) << "store.h has no class Transaction";
  std::vector<std::string> names;
  size_t at = begin;
  while ((at = header.find("virtual ", at)) != std::string::npos && at < end) {
    const size_t paren = header.find('(', at);
    size_t name_end = paren;
    size_t name_begin = header.find_last_of(" \n>&*", name_end - 1) + 1;
    const std::string name = header.substr(name_begin, name_end - name_begin);
    if (name != "~Transaction") names.push_back(name);
    at = paren;
  }
  return names;
}

TEST_P(StoreSuite, EveryMutatingMethodOfStoreHIsCheckedForItsAuditRecord) {
  std::set<std::string> checked;
  for (const MutatingCall& c : MutatingCalls()) checked.insert(c.method);
  const std::vector<std::string> methods = TransactionMethods();
  EXPECT_GT(methods.size(), 30u);
  for (const std::string& method : methods) {
    if (IsReader(method)) continue;
    EXPECT_TRUE(checked.contains(method))
        << "Transaction::" << method
        << " changes the store but tests/store/audit_suite.cc does not check that it records "
           "an audit record: add it to MutatingCalls() (and record it in "
           "store/audited_transaction.cc)";
  }
}

TEST_P(StoreSuite, EveryMutatingMethodAppendsOneRecordNamingTheWriter) {
  Fixture f;
  ASSERT_TRUE(store()
                  .Write([&](Transaction& tx) {
                    core::Agency a;
                    a.name = "Sở Tài chính";
                    a.kind = core::AgencyKind::kDepartment;
                    a.valid_from = Day("2000-01-01");
                    auto id = tx.AddAgency(a);
                    if (id.ok()) f.agency = *id;
                    return id.status();
                  })
                  .ok());
  const AuditActor alice{42, "Nguyễn Thị An"};
  size_t expected = 1;
  for (const MutatingCall& c : MutatingCalls()) {
    SCOPED_TRACE(c.method);
    const Status status = store().Write(alice, [&](Transaction& tx) { return c.call(tx, f); });
    ASSERT_TRUE(status.ok()) << status.message();
    expected += static_cast<size_t>(c.records);
    const std::vector<AuditRecord> records = AllRecords(store());
    ASSERT_EQ(records.size(), expected);
    const AuditRecord& r = records.back();
    EXPECT_EQ(r.action, c.action);
    EXPECT_EQ(r.entity_kind, c.entity_kind);
    EXPECT_FALSE(r.entity_id.empty());
    EXPECT_EQ(r.actor_user_id, std::optional<Id>(42));
    EXPECT_EQ(r.actor_name, "Nguyễn Thị An");
    EXPECT_FALSE(r.after.empty());
    EXPECT_EQ(r.seq, static_cast<int64_t>(expected));
    EXPECT_EQ(r.hash, AuditRecordHash(r));
    EXPECT_EQ(r.prev_hash, records[records.size() - 2].hash);
  }
  // The first write had no actor: the system.
  const std::vector<AuditRecord> records = AllRecords(store());
  EXPECT_EQ(records.front().actor_name, "system");
  EXPECT_FALSE(records.front().actor_user_id.has_value());
  EXPECT_EQ(records.front().prev_hash, kAuditGenesisHash);
  EXPECT_TRUE(records.front().before.empty());
  // Updates keep the value before.
  for (const AuditRecord& r : records) {
    if (r.action == "proposal.rejected") {
      EXPECT_NE(r.before.find("\"state\":\"proposed\""), std::string::npos) << r.before;
      EXPECT_NE(r.after.find("\"state\":\"rejected\""), std::string::npos) << r.after;
    }
    if (r.action == "notification.read") {
      EXPECT_NE(r.before.find("\"read_at\":null"), std::string::npos) << r.before;
      EXPECT_NE(r.after.find("\"read_at\":\"2024-03-25"), std::string::npos) << r.after;
    }
    if (r.action == "task.coordination_updated") {
      EXPECT_NE(r.before.find("\"acknowledged_on\":null"), std::string::npos) << r.before;
      EXPECT_NE(r.after.find("2024-01-05"), std::string::npos) << r.after;
    }
  }
  Result<AuditVerification> verified = VerifyAuditChain(store());
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_EQ(verified->records, static_cast<int64_t>(expected));
  EXPECT_EQ(verified->head.hash, records.back().hash);

  // Notification writes that change nothing record nothing: a key already
  // taken, a second read (the first time stays).
  const Status noop = store().Write(alice, [&](Transaction& tx) -> Status {
    Result<std::optional<Id>> id = tx.AddNotification(NoteFor(f));
    if (!id.ok()) return id.status();
    if (id->has_value()) return Status::Internal("a taken key was stored again");
    return tx.MarkNotificationRead(f.notification, core::Timestamp(Day("2024-03-26")));
  });
  ASSERT_TRUE(noop.ok()) << noop.message();
  EXPECT_EQ(AllRecords(store()).size(), expected);
}

TEST_P(StoreSuite, FailedAndRolledBackWritesLeaveNoRecordAndNoGap) {
  ASSERT_TRUE(store()
                  .Write([](Transaction& tx) {
                    core::Indicator i;
                    i.name = "GRDP";
                    return tx.AddIndicator(i).status();
                  })
                  .ok());
  // Refused by the store: nothing recorded.
  const Status refused = store().Write([](Transaction& tx) {
    core::Target t;
    t.indicator_id = 999;
    t.period = *core::ParsePeriodKey("2024");
    return tx.AddTarget(t).status();
  });
  EXPECT_EQ(refused.code(), StatusCode::kInvalidInput);
  // Written, then rolled back because `work` failed: the record goes too.
  const Status rolled_back = store().Write([](Transaction& tx) {
    core::Indicator i;
    i.name = "Thu ngân sách";
    if (auto id = tx.AddIndicator(i); !id.ok()) return id.status();
    return Status::InvalidInput("changed my mind");
  });
  EXPECT_FALSE(rolled_back.ok());
  ASSERT_TRUE(store()
                  .Write([](Transaction& tx) {
                    core::Indicator i;
                    i.name = "Vốn đầu tư";
                    return tx.AddIndicator(i).status();
                  })
                  .ok());
  const std::vector<AuditRecord> records = AllRecords(store());
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[1].seq, 2);
  EXPECT_NE(records[1].after.find("Vốn đầu tư"), std::string::npos);
  EXPECT_TRUE(VerifyAuditChain(store()).ok());
}

TEST_P(StoreSuite, TaskTrailHoldsItsCreationEventsAndCoordinationsOldestFirst) {
  Id lead = 0;
  Id task = 0;
  ASSERT_TRUE(store()
                  .Write([&](Transaction& tx) {
                    core::Agency a;
                    a.name = "Sở Nội vụ";
                    a.kind = core::AgencyKind::kDepartment;
                    a.valid_from = Day("2000-01-01");
                    auto id = tx.AddAgency(a);
                    if (!id.ok()) return id.status();
                    lead = *id;
                    auto t = tx.AddTask(TaskFor(lead), {});
                    if (!t.ok()) return t.status();
                    task = *t;
                    auto other = tx.AddTask(TaskFor(lead), {});
                    return other.status();
                  })
                  .ok());
  for (const core::TaskEventKind kind :
       {core::TaskEventKind::kExtensionRequested, core::TaskEventKind::kExtensionApproved}) {
    ASSERT_TRUE(store()
                    .Write(AuditActor{7, "Lãnh đạo"},
                           [&](Transaction& tx) {
                             core::TaskEvent e;
                             e.task_id = task;
                             e.kind = kind;
                             e.effective_on = Day("2024-03-10");
                             e.recorded_at = core::Timestamp(Day("2024-03-10"));
                             e.deadline = Day("2024-05-31");
                             return tx.AddTaskEvent(e).status();
                           })
                    .ok());
  }
  std::vector<AuditRecord> trail;
  ASSERT_TRUE(store()
                  .Read([&](Transaction& tx) {
                    auto found = tx.ListEntityAudit("task", std::to_string(task));
                    if (!found.ok()) return found.status();
                    trail = std::move(found).value();
                    return Status::Ok();
                  })
                  .ok());
  ASSERT_EQ(trail.size(), 3u);
  EXPECT_EQ(trail[0].action, "task.add");
  EXPECT_EQ(trail[1].action, "task.extension_requested");
  EXPECT_EQ(trail[2].action, "task.extension_approved");
  EXPECT_EQ(trail[2].actor_name, "Lãnh đạo");
  EXPECT_LT(trail[0].seq, trail[1].seq);
  EXPECT_NE(trail[2].after.find("2024-05-31"), std::string::npos) << trail[2].after;
}

TEST_P(StoreSuite, ConcurrentWritersKeepOneLinearChain) {
  constexpr int kThreads = 4;
  constexpr int kWritesEach = 15;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  std::atomic<int> failures{0};
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kWritesEach; ++i) {
        const Status s =
            store().Write(AuditActor{t + 1, "writer " + std::to_string(t)}, [&](Transaction& tx) {
              core::Indicator ind;
              ind.name = "chỉ tiêu " + std::to_string(t) + "-" + std::to_string(i);
              if (auto a = tx.AddIndicator(ind); !a.ok()) return a.status();
              ind.name += " bis";
              return tx.AddIndicator(ind).status();
            });
        if (!s.ok()) {
          ADD_FAILURE() << s.message();
          ++failures;
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  ASSERT_EQ(failures, 0);
  Result<AuditVerification> verified = VerifyAuditChain(store());
  ASSERT_TRUE(verified.ok()) << verified.status().message();
  EXPECT_EQ(verified->records, 2 * kThreads * kWritesEach);
  // Both records of one transaction are adjacent: transactions do not interleave.
  const std::vector<AuditRecord> records = AllRecords(store());
  for (size_t i = 0; i + 1 < records.size(); i += 2) {
    EXPECT_EQ(records[i].actor_name, records[i + 1].actor_name);
    EXPECT_EQ(records[i + 1].after.find(" bis") != std::string::npos, true);
  }
}

}  // namespace
}  // namespace dondoc::store::testing
