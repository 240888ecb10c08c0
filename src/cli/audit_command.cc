// dondoc audit verify|head|trail [--db URL] [--head HASH] [--entity KIND --id ID]
//
// The audit trail (store/audit.h): check the hash chain, print its head for
// safekeeping elsewhere, print the records about one entity. The command
// line acts as the system.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/tracking_flags.h"
#include "service/audit.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kAuditHelp =
    "Usage: dondoc audit verify [--db URL] [--head HASH]\n"
    "       dondoc audit head [--db URL]\n"
    "       dondoc audit trail --entity KIND --id ID [--db URL]\n"
    "\n"
    "  verify  walk the audit chain (nhật ký thay đổi): every record's SHA-256 must match its\n"
    "          content and link to the record before, numbers must run without gaps, and the\n"
    "          chain must end where the head row says; exit 2 naming the first broken record\n"
    "  head    print the last record's number and hash; keep it somewhere the database's\n"
    "          administrators cannot write, and later pass it to verify --head\n"
    "  trail   the records about one entity as JSON, oldest first\n"
    "\n"
    "Options:\n"
    "  --db URL       sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --head HASH    verify: also require this earlier head hash to be in the chain\n"
    "  --entity KIND  trail: task, document, proposal, agency, target, figure, ...\n"
    "  --id ID        trail: the entity's id (a date for a calendar_day)\n";

std::string RecordJson(const store::AuditRecord& r) {
  namespace json = boost::json;
  auto parsed = [](const std::string& text) -> json::value {
    if (text.empty()) return nullptr;
    boost::system::error_code ec;
    json::value v = json::parse(text, ec);
    if (ec) return json::value(text);
    return v;
  };
  return json::serialize(
      json::object{{"seq", r.seq},
                   {"at", store::FormatAuditTime(r.at)},
                   {"actor_user_id", r.actor_user_id ? json::value(*r.actor_user_id) : nullptr},
                   {"actor", r.actor_name},
                   {"action", r.action},
                   {"entity", r.entity_kind},
                   {"entity_id", r.entity_id},
                   {"before", parsed(r.before)},
                   {"after", parsed(r.after)},
                   {"prev_hash", r.prev_hash},
                   {"hash", r.hash}});
}

}  // namespace

int RunAudit(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kAuditHelp;
    return kExitOk;
  }
  ArgWalker w("audit", args, err);
  std::string url(kDefaultDbUrl);
  std::string action;
  std::optional<std::string> head;
  std::optional<std::string> entity;
  std::optional<std::string> id;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--head") {
      head = w.Value(a);
    } else if (a == "--entity") {
      entity = w.Value(a);
    } else if (a == "--id") {
      id = w.Value(a);
    } else if (a.starts_with("-")) {
      w.Fail("unknown option '" + a + "'");
    } else if (action.empty()) {
      if (a != "verify" && a != "head" && a != "trail") {
        w.Fail("unknown action '" + a + "': expected verify, head or trail");
      }
      action = a;
    } else {
      w.Fail("unexpected argument '" + a + "'");
    }
  }
  if (w.ok() && action.empty()) w.Fail("missing action: verify, head or trail");
  if (w.ok() && head && action != "verify") w.Fail("--head applies to 'verify' only");
  if (w.ok() && action == "trail" && (!entity || !id)) w.Fail("trail needs --entity and --id");
  if (w.ok() && action != "trail" && (entity || id)) {
    w.Fail("--entity and --id apply to 'trail' only");
  }
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("audit", db.status(), err);
  store::Store& store = **db;
  const service::Actor system = service::Actor::System();
  if (action == "verify" || action == "head") {
    Result<store::AuditVerification> verified = service::VerifyAudit(store, system, head);
    if (!verified.ok()) return Fail("audit", verified.status(), err);
    if (action == "head") {
      out << verified->head.seq << " " << verified->head.hash << "\n";
    } else {
      out << "Audit chain of " << url << " is intact (nhật ký nguyên vẹn): " << verified->records
          << " records, head " << verified->head.seq << " " << verified->head.hash << "\n";
    }
  } else {
    Result<std::vector<store::AuditRecord>> trail =
        service::EntityAuditTrail(store, system, *entity, *id);
    if (!trail.ok()) return Fail("audit", trail.status(), err);
    out << "[";
    for (size_t i = 0; i < trail->size(); ++i)
      out << (i == 0 ? "\n" : ",\n") << RecordJson((*trail)[i]);
    out << (trail->empty() ? "]\n" : "\n]\n");
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
