#include "service/import.h"

#include <array>
#include <boost/json.hpp>
#include <chrono>
#include <utility>
#include <vector>

#include "service/agency_names.h"
#include "service/audit.h"
#include "service/contract_json.h"
#include "service/input_document.h"
#include "service/permissions.h"
#include "service/summary.h"
#include "text/vietnamese.h"

namespace dondoc::service {
namespace {

constexpr int kPageSize = 1000;

std::optional<core::Date> ToCoreDate(const std::optional<extract::Date>& d) {
  if (!d) return std::nullopt;
  Result<core::Date> date = core::MakeDate(d->year, d->month, d->day);
  if (!date.ok()) return std::nullopt;
  return *date;
}

core::SourceSpan ToCoreSpan(const extract::Span& s) {
  return core::SourceSpan{s.line_start, s.line_end, s.start, s.end};
}

Status NamingFile(std::string_view file_name, const Status& s) {
  const std::string message = std::string(file_name) + ": " + s.message();
  switch (s.code()) {
    case StatusCode::kInvalidInput:
      return Status::InvalidInput(message);
    case StatusCode::kNotFound:
      return Status::NotFound(message);
    case StatusCode::kIoError:
      return Status::IoError(message);
    case StatusCode::kPermissionDenied:
      return Status::PermissionDenied(message);
    case StatusCode::kConflict:
      return Status::Conflict(message);
    default:
      return Status::Internal(message);
  }
}

// Documents matching `filter` for which `match` holds, page by page (the
// store narrows by the filter; the check here keeps the answer right
// whatever it narrows).
template <typename Match>
Result<std::optional<core::Document>> FindDocument(store::Transaction& tx,
                                                   store::DocumentFilter filter, Match match) {
  filter.limit = kPageSize;
  while (true) {
    Result<std::vector<core::Document>> page = tx.ListDocuments(filter);
    if (!page.ok()) return page.status();
    for (core::Document& d : *page) {
      if (match(d)) return std::optional<core::Document>(std::move(d));
    }
    if (static_cast<int>(page->size()) < kPageSize) return std::optional<core::Document>();
    filter.before_id = page->back().id;
  }
}

// The stored document a citation names: same number, and the same issuer
// (the resolved agency, or the same issuer name when either is unknown).
Result<std::optional<core::Id>> FindCited(store::Transaction& tx, const extract::Reference& ref,
                                          std::optional<core::Id> issuer_id) {
  if (!ref.number) return std::optional<core::Id>();
  store::DocumentFilter filter;
  filter.number = *ref.number;
  filter.issuer_agency_id = issuer_id;
  const std::string issuer_key = text::SearchKey(ref.issuer.value_or(""));
  auto found = FindDocument(tx, filter, [&](const core::Document& d) {
    if (d.number != ref.number) return false;
    if (issuer_id) return d.issuer_agency_id == issuer_id;
    return issuer_key.empty() || text::SearchKey(d.issuer_name) == issuer_key;
  });
  if (!found.ok()) return found.status();
  if (!found->has_value()) return std::optional<core::Id>();
  return std::optional<core::Id>((*found)->id);
}

std::string Serialize(const boost::json::object& o) { return boost::json::serialize(o); }

}  // namespace

core::Timestamp NowUtc() {
  return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
}

Result<ImportResult> ImportDocument(store::Store& store, const Actor& actor, std::string bytes,
                                    std::string_view file_name, const extract::Extractor& extractor,
                                    const ImportOptions& options) {
  if (Status s = Check(actor, Action::kImport); !s.ok()) return s;
  const core::Timestamp now = options.now.value_or(NowUtc());
  ImportResult result;
  result.sha256 = Sha256Hex(bytes);

  auto step = [&](ImportStep s) {
    if (options.on_step) options.on_step(s);
  };
  step(ImportStep::kReading);
  Result<InputDocument> input = ReadAndCleanBytes(std::move(bytes), options.clean, options.read);
  if (!input.ok()) return NamingFile(file_name, input.status());
  step(ImportStep::kExtracting);
  const extract::Extraction x = extractor.Run(input->cleaned);
  result.format = std::string(document::FormatName(input->format));

  core::Document doc;
  doc.kind = x.document.kind.value_or("");
  doc.number = x.document.number;
  doc.date = ToCoreDate(x.document.date);
  doc.issuer_name = x.document.issuer.value_or("");
  doc.title = x.document.title.value_or("");
  doc.source_name = std::string(file_name);
  doc.source_format = result.format;
  doc.source_sha256 = result.sha256;
  doc.cleaned_text = input->cleaned.JoinedText();
  doc.registered_at = now;
  // Names are resolved as of the document's day (agencies change).
  const core::Date on = doc.date.value_or(core::LocalDay(now));
  step(ImportStep::kStoring);

  const Status written = store.Write(AuditActorOf(actor), [&](store::Transaction& tx) -> Status {
    // Write() may retry: start from a clean result each time.
    ImportResult r;
    r.sha256 = result.sha256;
    r.format = result.format;
    r.number = doc.number;

    store::DocumentFilter same_bytes;
    same_bytes.source_sha256 = r.sha256;
    auto earlier = FindDocument(
        tx, same_bytes, [&](const core::Document& d) { return d.source_sha256 == r.sha256; });
    if (!earlier.ok()) return earlier.status();
    if (earlier->has_value()) {
      return Status::InvalidInput("already imported as document " + std::to_string((*earlier)->id) +
                                  " (" + (*earlier)->source_name + ", sha256 " + r.sha256 +
                                  "; văn bản đã được nhập)");
    }

    core::Document stored = doc;
    if (!stored.issuer_name.empty()) {
      auto issuer = FindAgencyByName(tx, stored.issuer_name, on, options.province);
      if (!issuer.ok()) return issuer.status();
      if (issuer->has_value()) stored.issuer_agency_id = (*issuer)->id;
    }
    r.issuer_agency_id = stored.issuer_agency_id;
    Result<core::Id> id = tx.AddDocument(stored);
    if (!id.ok()) return id.status();
    r.document_id = *id;

    for (const extract::Reference& ref : x.references) {
      core::DocumentLink link;
      link.from_document_id = r.document_id;
      link.kind = ref.kind;
      link.number = ref.number;
      link.date = ToCoreDate(ref.date);
      link.issuer_name = ref.issuer.value_or("");
      link.title = ref.title.value_or("");
      link.span = ToCoreSpan(ref.span);
      std::optional<core::Id> ref_issuer;
      if (!link.issuer_name.empty()) {
        auto agency =
            FindAgencyByName(tx, link.issuer_name, link.date.value_or(on), options.province);
        if (!agency.ok()) return agency.status();
        if (agency->has_value()) ref_issuer = (*agency)->id;
      }
      auto cited = FindCited(tx, ref, ref_issuer);
      if (!cited.ok()) return cited.status();
      link.to_document_id = *cited;
      if (link.to_document_id == r.document_id) link.to_document_id.reset();
      if (link.to_document_id) ++r.references_linked;
      if (Result<core::Id> l = tx.AddDocumentLink(link); !l.ok()) return l.status();
      ++r.references;
    }

    auto propose = [&](core::ProposalKind kind, std::string summary, std::string payload,
                       const extract::Span& span) -> Status {
      core::Proposal p;
      p.document_id = r.document_id;
      p.kind = kind;
      p.state = core::ProposalState::kProposed;
      p.summary = std::move(summary);
      p.payload_json = std::move(payload);
      p.span = ToCoreSpan(span);
      p.created_at = now;
      Result<core::Id> pid = tx.AddProposal(p);
      return pid.ok() ? Status::Ok() : pid.status();
    };
    for (const extract::Task& t : x.tasks) {
      if (Status s =
              propose(core::ProposalKind::kTask, TaskSummary(t), Serialize(TaskJson(t)), t.span);
          !s.ok()) {
        return s;
      }
      ++r.tasks;
    }
    for (const extract::Target& t : x.targets) {
      if (Status s = propose(core::ProposalKind::kTarget, TargetSummary(t),
                             Serialize(TargetJson(t)), t.span);
          !s.ok()) {
        return s;
      }
      ++r.targets;
    }
    for (const extract::ResultItem& item : x.results) {
      if (Status s = propose(core::ProposalKind::kResult, ResultSummary(item),
                             Serialize(ResultJson(item)), item.span);
          !s.ok()) {
        return s;
      }
      ++r.results;
    }
    for (const extract::ReportingRule& rule : x.reporting_rules) {
      if (Status s = propose(core::ProposalKind::kReportingRule, ReportingRuleSummary(rule),
                             Serialize(ReportingRuleJson(rule)), rule.span);
          !s.ok()) {
        return s;
      }
      ++r.reporting_rules;
    }
    result = std::move(r);
    return Status::Ok();
  });
  if (!written.ok()) return NamingFile(file_name, written);
  return result;
}

}  // namespace dondoc::service
