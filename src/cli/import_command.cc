// dondoc import FILE [--db URL] [--province NAME] [--format text|json]
//
// Registers one document and queues what was extracted from it for review
// (service/import.h). Nothing becomes a tracked task until confirmed with
// 'dondoc review confirm'.

#include <boost/json.hpp>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/document_input.h"
#include "cli/file_input.h"
#include "cli/tracking_flags.h"
#include "service/import.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kImportHelp =
    "Usage: dondoc import FILE [--db URL] [--province NAME] [--format text|json]\n"
    "\n"
    "Registers a document (nhập văn bản): reads it (plain text, DOCX or PDF), extracts its\n"
    "tasks, targets, results and reporting rules, and stores the document, the documents it\n"
    "cites, and one proposal per item for review. Nothing is tracked until a proposal is\n"
    "confirmed with 'dondoc review confirm ID'. The same file cannot be imported twice.\n"
    "\n"
    "Options:\n"
    "  --db URL         sqlite:PATH (default sqlite:./dondoc.db) or postgresql://...\n"
    "  --province NAME  the province the document belongs to (e.g. \"Kon Tum\")\n"
    "  --format text    a summary for reading (default); json: the counts as an object\n"
    "  --encoding NAME  auto (default), utf-8, utf-16le, utf-16be, tcvn3, vni, windows-1258\n"
    "  --ocr MODE       auto (default), off, force\n";

}  // namespace

int RunImport(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  if (WantsHelp(args)) {
    out << kImportHelp;
    return kExitOk;
  }
  ArgWalker w("import", args, err);
  std::string url(kDefaultDbUrl);
  std::string file;
  OutputFormat format = OutputFormat::kTable;
  service::ImportOptions options;
  while (!w.Done()) {
    const std::string& a = w.Next();
    if (a == "--db") {
      if (auto v = w.Value(a)) url = *v;
    } else if (a == "--province") {
      if (auto v = w.Value(a)) options.province = *v;
    } else if (a == "--format") {
      if (auto f = w.FormatValue(a, /*allow_table=*/false)) format = *f;
    } else if (a == "--encoding") {
      if (auto v = w.Value(a)) {
        auto e = text::ParseEncodingName(*v);
        if (!e) {
          w.Fail("unknown encoding '" + *v + "'");
        } else {
          options.clean.encoding = *e;
        }
      }
    } else if (a == "--ocr") {
      if (auto v = w.Value(a)) {
        auto mode = ParseOcrMode(*v);
        if (!mode) {
          w.Fail("--ocr must be 'auto', 'off' or 'force', not '" + *v + "'");
        } else {
          options.read.ocr = *mode;
        }
      }
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      w.Fail("unknown option '" + a + "'");
    } else if (file.empty()) {
      file = a;
    } else {
      w.Fail(std::string("only one FILE, got '").append(file).append("' and '").append(a) + "'");
    }
  }
  if (w.ok() && file.empty()) w.Fail("missing FILE");
  if (!w.ok()) return kExitUsage;

  Result<std::string> bytes = ReadInputFile(file);
  if (!bytes.ok()) return Fail("import", bytes.status(), err);
  auto db = OpenDatabase(url, /*for_migration=*/false);
  if (!db.ok()) return Fail("import", db.status(), err);
  extract::ExtractOptions extract_options;
  extract_options.province = options.province;
  auto extractor = extract::Extractor::Create(extract_options);
  if (!extractor.ok()) return Fail("import", extractor.status(), err);

  Result<service::ImportResult> r = service::ImportDocument(
      **db, service::Actor::System(), std::move(bytes.value()), file, **extractor, options);
  if (!r.ok()) return Fail("import", r.status(), err);
  if (format == OutputFormat::kJson) {
    boost::json::object o{
        {"document_id", r->document_id},
        {"sha256", r->sha256},
        {"format", r->format},
        {"number", r->number ? boost::json::value(*r->number) : nullptr},
        {"issuer_agency_id",
         r->issuer_agency_id ? boost::json::value(*r->issuer_agency_id) : nullptr},
        {"references", r->references},
        {"references_linked", r->references_linked},
        {"tasks", r->tasks},
        {"targets", r->targets},
        {"results", r->results},
        {"reporting_rules", r->reporting_rules},
        {"proposals", r->proposals()}};
    out << boost::json::serialize(o) << "\n";
  } else {
    out << "Imported " << file << " as document " << r->document_id;
    if (r->number) out << " (số " << *r->number << ")";
    out << ": " << r->proposals() << " proposals to review (" << r->tasks << " tasks, "
        << r->targets << " targets, " << r->results << " results, " << r->reporting_rules
        << " reporting rules); " << r->references << " cited documents (" << r->references_linked
        << " already stored).\n"
        << "Review them: dondoc review --db " << url << " --document " << r->document_id << "\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
