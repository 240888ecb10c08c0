#include "extract/extract.h"

#include "extract/context.h"
#include "extract/dates.h"
#include "extract/steps.h"

namespace dondoc::extract {

Result<std::unique_ptr<Extractor>> Extractor::Create(const ExtractOptions& options) {
  auto agencies = Gazetteer::LoadDefault(options.province);
  if (!agencies.ok()) return agencies.status();
  return std::unique_ptr<Extractor>(new Extractor(std::move(agencies.value())));
}

Extraction Extractor::Run(const text::CleanedDocument& doc) const {
  DocumentContext ctx;
  ctx.doc = &doc;
  ctx.agencies = agencies_.get();
  ctx.outline = BuildOutline(doc.layout);

  Extraction out;
  out.document = ExtractHeader(ctx);
  ctx.date = out.document.date;
  out.references = ExtractReferences(ctx);
  out.tasks = ExtractTasks(ctx);
  out.targets = ExtractTargets(ctx);
  out.results = ExtractResults(ctx);
  out.task_stats = ExtractTaskStats(ctx);
  out.reporting_rules = ExtractReportingRules(ctx);
  return out;
}

}  // namespace dondoc::extract
