// dondoc review [list] [--document ID] [--state S] [--format table|json|csv]
// dondoc review confirm ID [--lead A] [--coordinating A]... [--no-coordinating]
//                          [--deadline YYYY-MM-DD] [--text T] [--note N]
// dondoc review reject ID --note N
//
// The review queue from the command line (service/review.h).

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/table_output.h"
#include "cli/tracking_flags.h"
#include "service/review.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kReviewHelp =
    "Usage: dondoc review [list] [--document ID] [--state STATE] [--format table|json|csv]\n"
    "       dondoc review confirm ID [--lead AGENCY] [--coordinating AGENCY]...\n"
    "                                [--no-coordinating] [--deadline YYYY-MM-DD] [--text TEXT]\n"
    "                                [--note NOTE]\n"
    "       dondoc review reject ID --note NOTE\n"
    "\n"
    "Reviews what 'dondoc import' extracted (duyệt đề xuất). 'list' (the default) shows the\n"
    "proposals; 'confirm' turns one into tracked work: a task (or a recurring duty), a target,\n"
    "a reported figure or a reporting regime; 'reject' sets it aside with a reason. Agency\n"
    "names are matched against the database as of the document's date; an unknown name is\n"
    "refused with the closest known names.\n"
    "\n"
    "Options:\n"
    "  --db URL               sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --document ID          list: only this document's proposals\n"
    "  --state STATE          list: proposed (default), confirmed, rejected or all\n"
    "  --format FORMAT        list: table (default), json or csv\n"
    "  --lead AGENCY          confirm: the lead agency (a target's responsible agency)\n"
    "  --coordinating AGENCY  confirm: a coordinating agency (repeat for several; replaces\n"
    "                         the extracted list); --no-coordinating: none\n"
    "  --deadline DATE        confirm: the deadline, YYYY-MM-DD\n"
    "  --text TEXT            confirm: the task text (or indicator name) as corrected\n"
    "  --note NOTE            why (required to reject)\n"
    "  --province NAME        the province, to match agency names stored with it\n";

std::string SpanText(const std::optional<core::SourceSpan>& span) {
  if (!span) return "";
  if (span->line_start == span->line_end) return std::to_string(span->line_start);
  return std::to_string(span->line_start) + "-" + std::to_string(span->line_end);
}

void PrintProposals(const std::vector<core::Proposal>& proposals, OutputFormat format,
                    std::ostream& out) {
  if (format == OutputFormat::kJson) {
    boost::json::array list;
    for (const core::Proposal& p : proposals) {
      boost::system::error_code ec;
      boost::json::value payload = boost::json::parse(p.payload_json, ec);
      if (ec) payload = boost::json::string(p.payload_json);  // shown as stored
      boost::json::object o{{"id", p.id},
                            {"document_id", p.document_id},
                            {"kind", core::ProposalKindName(p.kind)},
                            {"state", core::ProposalStateName(p.state)},
                            {"summary", p.summary},
                            {"payload", std::move(payload)}};
      o["created_item_id"] = p.created_item_id ? boost::json::value(*p.created_item_id) : nullptr;
      o["decision_note"] = p.decision_note;
      list.push_back(std::move(o));
    }
    out << boost::json::serialize(list) << "\n";
    return;
  }
  const Row header{"id", "document", "kind", "state", "lines", "summary"};
  std::vector<Row> rows;
  rows.reserve(proposals.size());
  for (const core::Proposal& p : proposals) {
    rows.push_back({std::to_string(p.id), std::to_string(p.document_id),
                    core::ProposalKindName(p.kind), core::ProposalStateName(p.state),
                    SpanText(p.span), p.summary});
  }
  if (format == OutputFormat::kCsv) {
    WriteCsv(header, rows, out);
  } else {
    WriteTable(header, rows, out);
  }
}

}  // namespace

int RunReview(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kReviewHelp;
    return kExitOk;
  }
  ArgWalker w("review", args, err);
  std::string url(kDefaultDbUrl);
  std::string action;
  std::optional<core::Id> id;
  std::optional<core::Id> document_id;
  std::optional<core::ProposalState> state = core::ProposalState::kProposed;
  OutputFormat format = OutputFormat::kTable;
  service::ConfirmEdits edits;
  service::ReviewOptions options;
  bool has_note = false;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--document") {
      document_id = w.IdValue(a);
    } else if (a == "--state") {
      if (auto v = w.Value(a)) {
        if (*v == "all") {
          state.reset();
        } else if (auto s = core::ParseProposalState(*v); s.ok()) {
          state = *s;
        } else {
          w.Fail("--state must be proposed, confirmed, rejected or all, not '" + *v + "'");
        }
      }
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a)) format = *f;
    } else if (a == "--lead") {
      if (auto v = w.Value(a)) edits.lead = *v;
    } else if (a == "--coordinating") {
      if (auto v = w.Value(a)) {
        if (!edits.coordinating) edits.coordinating.emplace();
        edits.coordinating->push_back(*v);
      }
    } else if (a == "--no-coordinating") {
      edits.coordinating.emplace();
    } else if (a == "--deadline") {
      edits.deadline = w.DateValue(a);
    } else if (a == "--text") {
      if (auto v = w.Value(a)) edits.text = *v;
    } else if (a == "--note") {
      if (auto v = w.Value(a)) {
        edits.note = *v;
        has_note = true;
      }
    } else if (a == "--province") {
      if (auto v = w.Value(a)) options.province = *v;
    } else if (!a.empty() && a[0] == '-') {
      w.Fail("unknown option '" + a + "'");
    } else if (action.empty()) {
      if (a != "list" && a != "confirm" && a != "reject") {
        w.Fail("unknown action '" + a + "': expected list, confirm or reject");
      }
      action = a;
    } else if (!id && action != "list") {
      id = w.ParseId("proposal ID", a);
    } else {
      w.Fail("unexpected argument '" + a + "'");
    }
  }
  if (action.empty()) action = "list";
  const bool edited = edits.lead || edits.coordinating || edits.deadline || edits.text;
  if (w.ok() && action != "list" && !id) w.Fail("missing proposal ID after '" + action + "'");
  if (w.ok() && action == "reject" && (!has_note || edits.note.empty())) {
    w.Fail("reject needs --note saying why (lý do)");
  }
  if (w.ok() && action != "confirm" && edited) {
    w.Fail("--lead, --coordinating, --deadline and --text apply to 'confirm' only");
  }
  if (!w.ok()) return kExitUsage;

  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("review", db.status(), err);
  const service::Actor actor = service::Actor::System();
  if (action == "list") {
    auto proposals = service::ListProposals(**db, actor, document_id, state);
    if (!proposals.ok()) return Fail("review", proposals.status(), err);
    PrintProposals(*proposals, format, out);
  } else if (action == "confirm") {
    auto r = service::ConfirmProposal(**db, actor, *id, edits, options);
    if (!r.ok()) return Fail("review", r.status(), err);
    out << "Confirmed proposal " << r->proposal_id << " as " << r->created_kind << " "
        << r->created_item_id << "\n";
  } else {
    Status s = service::RejectProposal(**db, actor, *id, edits.note, options);
    if (!s.ok()) return Fail("review", s, err);
    out << "Rejected proposal " << *id << "\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
