#include "service/review.h"

#include <algorithm>
#include <charconv>
#include <utility>

#include "core/task_status.h"
#include "service/agency_names.h"
#include "service/audit.h"
#include "service/contract_json.h"
#include "service/import.h"
#include "service/permissions.h"
#include "text/vietnamese.h"

namespace dondoc::service {
namespace {

std::optional<core::Date> ToCoreDate(const std::optional<extract::Date>& d) {
  if (!d) return std::nullopt;
  Result<core::Date> date = core::MakeDate(d->year, d->month, d->day);
  if (!date.ok()) return std::nullopt;
  return *date;
}

core::SourceSpan ToCoreSpan(const extract::Span& s) {
  return core::SourceSpan{s.line_start, s.line_end, s.start, s.end};
}

core::Cadence ToCoreCadence(extract::Cadence c) {
  switch (c) {
    case extract::Cadence::kWeekly:
      return core::Cadence::kWeekly;
    case extract::Cadence::kMonthly:
      return core::Cadence::kMonthly;
    case extract::Cadence::kQuarterly:
      return core::Cadence::kQuarterly;
    case extract::Cadence::kHalfYearly:
      return core::Cadence::kHalfYearly;
    case extract::Cadence::kAnnual:
      return core::Cadence::kAnnual;
  }
  return core::Cadence::kMonthly;
}

core::Comparator ToCoreComparator(extract::Comparator c) {
  switch (c) {
    case extract::Comparator::kGe:
      return core::Comparator::kGe;
    case extract::Comparator::kLe:
      return core::Comparator::kLe;
    case extract::Comparator::kEq:
      return core::Comparator::kEq;
    case extract::Comparator::kGt:
      return core::Comparator::kGt;
    case extract::Comparator::kLt:
      return core::Comparator::kLt;
    case extract::Comparator::kRange:
      return core::Comparator::kRange;
    case extract::Comparator::kApprox:
      return core::Comparator::kApprox;
  }
  return core::Comparator::kEq;
}

bool ParseNumber(std::string_view s, int* out) {
  if (s.empty()) return false;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && end == s.data() + s.size();
}

// The day of the period a reporting rule names: "trước ngày 20 hằng tháng"
// -> 20. Digits right after the word "ngày".
std::optional<int> DueDay(std::string_view text) {
  const std::string key = text::SearchKey(text);
  size_t at = 0;
  while ((at = key.find("ngay ", at)) != std::string::npos) {
    at += 5;
    size_t end = at;
    while (end < key.size() && key[end] >= '0' && key[end] <= '9') ++end;
    int day = 0;
    if (ParseNumber(std::string_view(key).substr(at, end - at), &day) && day >= 1 && day <= 31) {
      return day;
    }
  }
  return std::nullopt;
}

Status AlreadyDecided(const core::Proposal& p) {
  std::string how = std::string(core::ProposalStateName(p.state));
  if (p.created_item_id) how += " (item " + std::to_string(*p.created_item_id) + ")";
  if (p.decided_at) how += " at " + core::FormatIsoTimestamp(*p.decided_at);
  if (!p.decision_note.empty()) how += ": " + p.decision_note;
  return Status::Conflict("proposal " + std::to_string(p.id) + " is already " + how +
                          " (đề xuất đã được xử lý)");
}

// The indicator named `name` with `unit`, created when new.
Result<core::Id> IndicatorFor(store::Transaction& tx, const std::string& name,
                              const std::string& unit, core::Direction direction) {
  if (name.empty()) return Status::InvalidInput("the item names no indicator");
  Result<std::vector<core::Indicator>> all = tx.ListIndicators();
  if (!all.ok()) return all.status();
  const std::string key = text::ComparisonKey(name);
  for (const core::Indicator& i : *all) {
    if (i.unit == unit && text::ComparisonKey(i.name) == key) return i.id;
  }
  core::Indicator indicator;
  indicator.name = name;
  indicator.unit = unit;
  indicator.direction = direction;
  return tx.AddIndicator(indicator);
}

// One confirmation inside its transaction.
class Confirmer {
 public:
  Confirmer(store::Transaction& tx, const core::Proposal& proposal, const core::Document& document,
            const ConfirmEdits& edits, const ReviewOptions& options, core::Timestamp now)
      : tx_(tx),
        proposal_(proposal),
        document_(document),
        edits_(edits),
        options_(options),
        now_(now),
        on_(document.date.value_or(core::LocalDay(now))) {}

  Result<ConfirmResult> Run() {
    switch (proposal_.kind) {
      case core::ProposalKind::kTask:
        return Task();
      case core::ProposalKind::kTarget:
        return Target();
      case core::ProposalKind::kResult:
        return Figure();
      case core::ProposalKind::kReportingRule:
        return Regime();
      case core::ProposalKind::kReference:
        break;
    }
    return Status::InvalidInput("proposal " + std::to_string(proposal_.id) + " of kind " +
                                core::ProposalKindName(proposal_.kind) + " cannot be confirmed");
  }

 private:
  Result<ConfirmResult> Made(std::string kind, Result<core::Id> id) {
    if (!id.ok()) return id.status();
    ConfirmResult r;
    r.proposal_id = proposal_.id;
    r.kind = proposal_.kind;
    r.created_kind = std::move(kind);
    r.created_item_id = *id;
    return r;
  }

  Result<ConfirmResult> Task() {
    Result<extract::Task> t = ParseTaskJson(proposal_.payload_json);
    if (!t.ok()) return t.status();
    const std::optional<std::string> lead_name = edits_.lead ? edits_.lead : t->lead;
    if (!lead_name || lead_name->empty()) {
      return Status::InvalidInput("proposal " + std::to_string(proposal_.id) +
                                  " names no lead agency (chưa có cơ quan chủ trì): confirm it "
                                  "with a lead");
    }
    Result<core::Agency> lead = ResolveAgency(tx_, *lead_name, on_, options_.province);
    if (!lead.ok()) return lead.status();
    const std::string text = edits_.text.value_or(t->text);
    if (text.empty()) return Status::InvalidInput("the task has no text");

    if (t->recurrence) {
      if (edits_.deadline) {
        return Status::InvalidInput("proposal " + std::to_string(proposal_.id) +
                                    " is a recurring duty (" + t->recurrence->text +
                                    "): it has no single deadline to change");
      }
      core::Obligation o;
      o.document_id = document_.id;
      o.agency_id = lead->id;
      o.text = text;
      o.recurrence.cadence = ToCoreCadence(t->recurrence->rule);
      o.recurrence.day = t->recurrence->day;
      o.recurrence.text = t->recurrence->text;
      o.starts_on = on_;
      return Made("obligation", tx_.AddObligation(o));
    }

    std::vector<core::Coordination> coordinations;
    for (const std::string& name : edits_.coordinating.value_or(t->coordinating)) {
      Result<core::Agency> agency = ResolveAgency(tx_, name, on_, options_.province);
      if (!agency.ok()) return agency.status();
      if (agency->id == lead->id) continue;
      const bool seen =
          std::any_of(coordinations.begin(), coordinations.end(),
                      [&](const core::Coordination& c) { return c.agency_id == agency->id; });
      if (seen) continue;
      core::Coordination c;
      c.agency_id = agency->id;
      coordinations.push_back(c);
    }
    core::Task task;
    task.document_id = document_.id;
    task.span = ToCoreSpan(t->span);
    task.lead_agency_id = lead->id;
    task.text = text;
    task.assigned_on = on_;
    if (t->deadline) {
      task.deadline = ToCoreDate(t->deadline->date);
      task.deadline_text = t->deadline->text;
    }
    if (edits_.deadline) task.deadline = edits_.deadline;
    task.created_at = now_;
    return Made("task", tx_.AddTask(task, coordinations));
  }

  Result<ConfirmResult> Target() {
    Result<extract::Target> t = ParseTargetJson(proposal_.payload_json);
    if (!t.ok()) return t.status();
    Result<core::Period> period = PeriodFromLabel(t->period, document_.date);
    if (!period.ok()) return period.status();
    Result<core::Id> indicator = IndicatorFor(
        tx_, edits_.text.value_or(t->name), t->unit,
        t->decrease ? core::Direction::kLowerIsBetter : core::Direction::kHigherIsBetter);
    if (!indicator.ok()) return indicator.status();
    core::Target target;
    target.indicator_id = *indicator;
    target.period = *period;
    const std::optional<std::string> responsible = edits_.lead ? edits_.lead : t->responsible;
    if (responsible) {
      Result<core::Agency> agency = ResolveAgency(tx_, *responsible, on_, options_.province);
      if (!agency.ok()) return agency.status();
      target.agency_id = agency->id;
    }
    target.value = t->value;
    target.low = t->low;
    target.high = t->high;
    target.comparator = ToCoreComparator(t->comparator);
    if (!target.value && !(target.low && target.high)) {
      return Status::InvalidInput("target \"" + t->name + "\" has no value");
    }
    target.plan_source = document_.number.value_or("province");
    target.document_id = document_.id;
    target.span = ToCoreSpan(t->span);
    return Made("target", tx_.AddTarget(target));
  }

  Result<ConfirmResult> Figure() {
    Result<extract::ResultItem> x = ParseResultJson(proposal_.payload_json);
    if (!x.ok()) return x.status();
    if (!x->value) {
      return Status::InvalidInput("result \"" + x->indicator +
                                  "\" has no value to record (only percentages)");
    }
    Result<core::Period> period = PeriodFromLabel(x->period, document_.date);
    if (!period.ok()) return period.status();
    Result<core::Id> indicator = IndicatorFor(tx_, edits_.text.value_or(x->indicator), x->unit,
                                              core::Direction::kHigherIsBetter);
    if (!indicator.ok()) return indicator.status();
    core::Figure f;
    f.indicator_id = *indicator;
    if (edits_.lead) {
      Result<core::Agency> agency = ResolveAgency(tx_, *edits_.lead, on_, options_.province);
      if (!agency.ok()) return agency.status();
      f.agency_id = agency->id;
    }
    f.period = *period;
    f.value = *x->value;
    f.estimate = x->estimate;
    f.submitted_at = now_;
    f.document_id = document_.id;
    f.note = edits_.note;
    return Made("figure", tx_.AddFigure(f));
  }

  Result<ConfirmResult> Regime() {
    Result<extract::ReportingRule> rule = ParseReportingRuleJson(proposal_.payload_json);
    if (!rule.ok()) return rule.status();
    if (!rule->cadence) {
      return Status::InvalidInput("reporting rule \"" + proposal_.summary +
                                  "\" names no cadence (hằng tháng, quý, ...)");
    }
    core::ReportingRegime regime;
    regime.name = edits_.text.value_or(proposal_.summary);
    regime.cadence = ToCoreCadence(*rule->cadence);
    const std::optional<int> day = DueDay(rule->deadline_text);
    if (!day) {
      return Status::InvalidInput("reporting rule \"" + proposal_.summary +
                                  "\" names no submission day (\"trước ngày N\")");
    }
    regime.due_day = *day;
    regime.due_month_offset = 0;
    // Recipients are linked when the store knows them; the name stays in
    // the regime's name either way.
    for (auto [name, slot] : {std::pair{&rule->to, &regime.recipient_agency_id},
                              std::pair{&rule->via, &regime.via_agency_id}}) {
      if (!*name) continue;
      auto agency = FindAgencyByName(tx_, **name, on_, options_.province);
      if (!agency.ok()) return agency.status();
      if (agency->has_value()) *slot = (*agency)->id;
    }
    return Made("reporting_regime", tx_.AddReportingRegime(regime));
  }

  store::Transaction& tx_;
  const core::Proposal& proposal_;
  const core::Document& document_;
  const ConfirmEdits& edits_;
  const ReviewOptions& options_;
  core::Timestamp now_;
  core::Date on_;
};

std::string EditedFields(const ConfirmEdits& edits) {
  std::string fields;
  auto add = [&](bool set, const char* name) {
    if (!set) return;
    if (!fields.empty()) fields += ", ";
    fields += name;
  };
  add(edits.lead.has_value(), "lead");
  add(edits.coordinating.has_value(), "coordinating");
  add(edits.deadline.has_value(), "deadline");
  add(edits.text.has_value(), "text");
  return fields;
}

}  // namespace

Result<core::Period> PeriodFromLabel(const std::optional<std::string>& label,
                                     std::optional<core::Date> fallback) {
  if (!label || label->empty()) {
    if (!fallback) {
      return Status::InvalidInput("the item names no period and its document has no date");
    }
    return core::Period{core::PeriodKind::kYear, core::YearOf(*fallback), 0};
  }
  Result<core::Period> key = core::ParsePeriodKey(*label);
  if (key.ok()) return key;
  // "2024-M1-11": months 1 to 11 (cumulative) or one month ("2024-M3-3").
  const std::string_view s = *label;
  const size_t m = s.find("-M");
  const size_t dash = m == std::string_view::npos ? m : s.find('-', m + 2);
  int year = 0;
  int first = 0;
  int last = 0;
  if (dash != std::string_view::npos && ParseNumber(s.substr(0, m), &year) &&
      ParseNumber(s.substr(m + 2, dash - m - 2), &first) &&
      ParseNumber(s.substr(dash + 1), &last)) {
    core::Period p{core::PeriodKind::kMonthsToDate, year, last};
    if (first == last) p = core::Period{core::PeriodKind::kMonth, year, last};
    if (first == 1 || first == last) {
      if (Status v = core::ValidatePeriod(p); !v.ok()) return v;
      return p;
    }
  }
  return Status::InvalidInput("unknown period \"" + *label + "\"");
}

Result<std::vector<core::Proposal>> ListProposals(store::Store& store, const Actor& actor,
                                                  std::optional<core::Id> document_id,
                                                  std::optional<core::ProposalState> state) {
  if (Status s = Check(actor, Action::kReview); !s.ok()) return s;
  std::vector<core::Proposal> proposals;
  Status s = store.Read([&](store::Transaction& tx) -> Status {
    Result<std::vector<core::Proposal>> list = tx.ListProposals(document_id, state);
    if (!list.ok()) return list.status();
    proposals = std::move(list.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return proposals;
}

Result<ConfirmResult> ConfirmProposal(store::Store& store, const Actor& actor, core::Id proposal_id,
                                      const ConfirmEdits& edits, const ReviewOptions& options) {
  if (Status s = Check(actor, Action::kReview); !s.ok()) return s;
  const core::Timestamp now = options.now.value_or(NowUtc());
  ConfirmResult result;
  Status s = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Proposal> proposal = tx.GetProposal(proposal_id);
    if (!proposal.ok()) return proposal.status();
    if (proposal->state != core::ProposalState::kProposed) return AlreadyDecided(*proposal);
    Result<core::Document> document = tx.GetDocument(proposal->document_id);
    if (!document.ok()) return document.status();
    Result<ConfirmResult> made = Confirmer(tx, *proposal, *document, edits, options, now).Run();
    if (!made.ok()) return made.status();
    core::Proposal decided = *proposal;
    decided.state = core::ProposalState::kConfirmed;
    decided.decided_at = now;
    decided.decided_by = actor.user_id;
    decided.created_item_id = made->created_item_id;
    decided.decision_note = edits.note;
    const std::string edited = EditedFields(edits);
    if (!edited.empty()) {
      if (!decided.decision_note.empty()) decided.decision_note += ' ';
      decided.decision_note.append("(edited: ").append(edited).append(")");
    }
    if (Status u = tx.UpdateProposal(decided); !u.ok()) return u;
    result = std::move(made.value());
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return result;
}

Status RejectProposal(store::Store& store, const Actor& actor, core::Id proposal_id,
                      const std::string& note, const ReviewOptions& options) {
  if (Status s = Check(actor, Action::kReview); !s.ok()) return s;
  if (note.empty()) {
    return Status::InvalidInput("rejecting proposal " + std::to_string(proposal_id) +
                                " needs a note saying why (lý do)");
  }
  const core::Timestamp now = options.now.value_or(NowUtc());
  return store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    Result<core::Proposal> proposal = tx.GetProposal(proposal_id);
    if (!proposal.ok()) return proposal.status();
    if (proposal->state != core::ProposalState::kProposed) return AlreadyDecided(*proposal);
    core::Proposal decided = *proposal;
    decided.state = core::ProposalState::kRejected;
    decided.decided_at = now;
    decided.decided_by = actor.user_id;
    decided.decision_note = note;
    return tx.UpdateProposal(decided);
  });
}

}  // namespace dondoc::service
