// The conformance suite, notifications (store.h): unique keys make a second
// insert a no-op on both stores, lists per recipient newest first with
// paging and the unread filter, read and e-mailed marks.
#include <gtest/gtest.h>

#include "core/period.h"
#include "store/store_suite.h"

namespace dondoc::store::testing {
namespace {

core::Date Day(std::string_view iso) { return *core::ParseIsoDate(iso); }
core::Timestamp Instant(std::string_view iso) { return *core::ParseIsoTimestamp(iso); }

core::Notification Note(std::string key, std::optional<Id> agency) {
  core::Notification n;
  n.key = std::move(key);
  n.kind = core::NotificationKind::kDueSoon;
  n.agency_id = agency;
  n.due_on = Day("2024-03-28");
  n.message = "Nhiệm vụ đến hạn ngày 28/03/2024";
  n.created_at = Instant("2024-03-21T01:00:00Z");
  return n;
}

TEST_P(StoreSuite, NotificationsAreUniqueByKeyAndListedPerRecipient) {
  Id agency = 0, other = 0, regime = 0;
  Status s = store().Write([&](Transaction& tx) -> Status {
    core::Agency a;
    a.name = "Sở Tài chính";
    a.valid_from = Day("2000-01-01");
    Result<Id> id = tx.AddAgency(a);
    if (!id.ok()) return id.status();
    agency = *id;
    a.name = "Sở Y tế";
    id = tx.AddAgency(a);
    if (!id.ok()) return id.status();
    other = *id;
    core::ReportingRegime r;
    r.name = "Báo cáo tháng";
    id = tx.AddReportingRegime(r);
    if (!id.ok()) return id.status();
    regime = *id;
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();

  std::vector<Id> ids;
  s = store().Write([&](Transaction& tx) -> Status {
    for (const auto& [key, to] : std::vector<std::pair<std::string, std::optional<Id>>>{
             {"a:1", agency}, {"a:2", agency}, {"o:1", std::nullopt}, {"y:1", other}}) {
      core::Notification n = Note(key, to);
      if (key == "o:1") {
        n.kind = core::NotificationKind::kReportMissing;
        n.regime_id = regime;
        n.period = core::Period{core::PeriodKind::kMonth, 2024, 2};
      }
      Result<std::optional<Id>> id = tx.AddNotification(n);
      if (!id.ok()) return id.status();
      if (!id->has_value()) return Status::Internal("a new key was not stored");
      ids.push_back(**id);
    }
    // The same key again, even with other content, stores nothing.
    core::Notification again = Note("a:1", other);
    again.message = "khác";
    Result<std::optional<Id>> id = tx.AddNotification(again);
    if (!id.ok()) return id.status();
    if (id->has_value()) return Status::Internal("a taken key was stored again");
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();

  // Bad data: no key, unknown agency, unknown task; nothing written.
  s = store().Write([&](Transaction& tx) -> Status {
    EXPECT_EQ(tx.AddNotification(Note("", agency)).status().code(), StatusCode::kInvalidInput);
    EXPECT_EQ(tx.AddNotification(Note("b:1", 9999)).status().code(), StatusCode::kInvalidInput);
    core::Notification n = Note("b:2", agency);
    n.task_id = 9999;
    EXPECT_EQ(tx.AddNotification(n).status().code(), StatusCode::kInvalidInput);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();

  s = store().Write([&](Transaction& tx) -> Status {
    NotificationFilter f;
    f.agency_id = agency;
    Result<std::vector<core::Notification>> list = tx.ListNotifications(f);
    if (!list.ok()) return list.status();
    EXPECT_EQ(list->size(), 2U);
    if (list->size() == 2) {
      EXPECT_EQ((*list)[0].id, ids[1]);  // newest first
      EXPECT_EQ((*list)[1].key, "a:1");
      EXPECT_EQ((*list)[1].message, "Nhiệm vụ đến hạn ngày 28/03/2024");
      EXPECT_EQ((*list)[1].due_on, Day("2024-03-28"));
      EXPECT_EQ((*list)[1].created_at, Instant("2024-03-21T01:00:00Z"));
      EXPECT_FALSE((*list)[1].read_at.has_value());
    }
    f.limit = 1;
    f.before_id = ids[1];
    list = tx.ListNotifications(f);
    if (!list.ok()) return list.status();
    EXPECT_EQ(list->size(), 1U);
    if (!list->empty()) {
      EXPECT_EQ((*list)[0].id, ids[0]);
    }

    NotificationFilter office;
    office.office = true;
    list = tx.ListNotifications(office);
    if (!list.ok()) return list.status();
    EXPECT_EQ(list->size(), 1U);
    if (!list->empty()) {
      EXPECT_EQ((*list)[0].kind, core::NotificationKind::kReportMissing);
      EXPECT_EQ((*list)[0].regime_id, regime);
      EXPECT_TRUE((*list)[0].period.has_value());
      if ((*list)[0].period) {
        EXPECT_EQ(core::PeriodKey(*(*list)[0].period), "2024-M02");
      }
    }
    list = tx.ListNotifications(NotificationFilter{});
    if (!list.ok()) return list.status();
    EXPECT_TRUE(list->empty());  // no recipient named: nothing
    f.limit = 0;
    EXPECT_EQ(tx.ListNotifications(f).status().code(), StatusCode::kInvalidInput);

    // Read once: the first time stays; unread_only leaves it out.
    if (Status st = tx.MarkNotificationRead(ids[0], Instant("2024-03-22T02:00:00Z")); !st.ok()) {
      return st;
    }
    if (Status st = tx.MarkNotificationRead(ids[0], Instant("2024-03-23T02:00:00Z")); !st.ok()) {
      return st;
    }
    Result<core::Notification> read = tx.GetNotification(ids[0]);
    if (!read.ok()) return read.status();
    EXPECT_EQ(read->read_at, Instant("2024-03-22T02:00:00Z"));
    NotificationFilter unread;
    unread.agency_id = agency;
    unread.unread_only = true;
    list = tx.ListNotifications(unread);
    if (!list.ok()) return list.status();
    EXPECT_EQ(list->size(), 1U);
    EXPECT_EQ(tx.MarkNotificationRead(9999, Instant("2024-03-22T02:00:00Z")).code(),
              StatusCode::kNotFound);
    EXPECT_EQ(tx.GetNotification(9999).status().code(), StatusCode::kNotFound);

    // E-mail: oldest unsent first; once marked, no longer listed.
    Result<std::vector<core::Notification>> unsent = tx.ListUnsentNotifications(10);
    if (!unsent.ok()) return unsent.status();
    EXPECT_EQ(unsent->size(), 4U);
    if (!unsent->empty()) {
      EXPECT_EQ((*unsent)[0].id, ids[0]);
    }
    if (Status st = tx.MarkNotificationEmailed(ids[0], Instant("2024-03-22T03:00:00Z")); !st.ok()) {
      return st;
    }
    unsent = tx.ListUnsentNotifications(10);
    if (!unsent.ok()) return unsent.status();
    EXPECT_EQ(unsent->size(), 3U);
    EXPECT_EQ(tx.MarkNotificationEmailed(9999, Instant("2024-03-22T03:00:00Z")).code(),
              StatusCode::kNotFound);
    return Status::Ok();
  });
  ASSERT_TRUE(s.ok()) << s.message();
}

}  // namespace
}  // namespace dondoc::store::testing
