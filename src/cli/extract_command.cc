// dondoc extract FILE [--format json|text] [--province NAME] [--encoding NAME]
//
// Prints the extraction contract's JSON object (../shared/docs/
// extract-contract.md): document, references, tasks, targets, results,
// reporting_rules and task_stats, every item with its span in the original.

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/document_input.h"
#include "extract/extract.h"
#include "service/contract_json.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kExtractHelp =
    "Usage: dondoc extract FILE [--format json|text] [--province NAME] [--encoding NAME]\n"
    "\n"
    "Reads a directive or report and prints what it assigns and reports: tasks (lead and\n"
    "coordinating agencies, deadline, recurrence), targets, results, reporting rules, task\n"
    "statistics and cited documents. Every item carries the lines and byte offsets of the\n"
    "original file it was read from.\n"
    "\n"
    "Options:\n"
    "  --format json    the extraction contract's JSON object (default)\n"
    "  --format text    one line per item, for reading\n"
    "  --province NAME  the province the document belongs to (e.g. \"Kon Tum\"); by default\n"
    "                   agency names are matched for any province\n"
    "  --encoding NAME  auto (default), utf-8, utf-16le, utf-16be, tcvn3, vni, windows-1258\n"
    "  --ocr MODE       auto (default: OCR PDF pages without a text layer), off, force\n"
    "\n"
    "FILE may be plain text, DOCX or PDF. For DOCX and PDF, lines and byte offsets refer to\n"
    "the text read from it, which 'dondoc clean FILE --rendition' prints.\n";

struct ExtractArgs {
  std::string file;
  bool json = true;
  extract::ExtractOptions options;
  text::CleanOptions clean;
  document::ReadOptions read;
};

std::optional<ExtractArgs> ParseArgs(const std::vector<std::string>& args, std::ostream& err) {
  ExtractArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&]() -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        err << "dondoc extract: " << a << " needs a value\n";
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--format") {
      auto v = value();
      if (!v) return std::nullopt;
      if (*v != "text" && *v != "json") {
        err << "dondoc extract: --format must be 'json' or 'text', not '" << *v << "'\n";
        return std::nullopt;
      }
      parsed.json = (*v == "json");
    } else if (a == "--province") {
      auto v = value();
      if (!v) return std::nullopt;
      parsed.options.province = *v;
    } else if (a == "--ocr") {
      auto v = value();
      if (!v) return std::nullopt;
      auto mode = ParseOcrMode(*v);
      if (!mode) {
        err << "dondoc extract: --ocr must be 'auto', 'off' or 'force', not '" << *v << "'\n";
        return std::nullopt;
      }
      parsed.read.ocr = *mode;
    } else if (a == "--encoding") {
      auto v = value();
      if (!v) return std::nullopt;
      auto e = text::ParseEncodingName(*v);
      if (!e) {
        err << "dondoc extract: unknown encoding '" << *v << "'\n";
        return std::nullopt;
      }
      parsed.clean.encoding = *e;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      err << "dondoc extract: unknown option '" << a << "'\n";
      return std::nullopt;
    } else if (parsed.file.empty()) {
      parsed.file = a;
    } else {
      err << "dondoc extract: only one FILE, got '" << parsed.file << "' and '" << a << "'\n";
      return std::nullopt;
    }
  }
  if (parsed.file.empty()) {
    err << "dondoc extract: missing FILE\n";
    return std::nullopt;
  }
  return parsed;
}

void PrintText(const extract::Extraction& x, std::ostream& out) {
  const extract::DocumentInfo& d = x.document;
  out << "Văn bản: " << d.kind.value_or("?") << " " << d.number.value_or("(không số)");
  if (d.date) out << " ngày " << d.date->Iso();
  out << "\n";
  for (const extract::Task& t : x.tasks) {
    out << "[nhiệm vụ] dòng " << t.span.line_start << ": " << t.lead.value_or("(không rõ)");
    if (t.deadline) out << " | hạn: " << t.deadline->text;
    out << " | " << t.text << "\n";
  }
  for (const extract::Target& t : x.targets) {
    out << "[chỉ tiêu] dòng " << t.span.line_start << ": " << t.name << " "
        << extract::ComparatorSymbol(t.comparator) << " ";
    if (t.value) out << *t.value;
    if (t.low && t.high) out << *t.low << "-" << *t.high;
    out << " " << t.unit << "\n";
  }
  for (const extract::ResultItem& r : x.results) {
    out << "[kết quả] dòng " << r.span.line_start << ": " << r.indicator << " ";
    if (r.value) out << *r.value << " " << r.unit;
    if (r.pct_of_plan) out << " (" << *r.pct_of_plan << "% kế hoạch)";
    out << "\n";
  }
  for (const extract::Reference& r : x.references) {
    out << "[văn bản dẫn chiếu] dòng " << r.span.line_start << ": " << r.kind << " "
        << r.number.value_or("") << "\n";
  }
}

}  // namespace

int RunExtract(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      out << kExtractHelp;
      return kExitOk;
    }
  }
  std::optional<ExtractArgs> parsed = ParseArgs(args, err);
  if (!parsed) {
    err << "Run 'dondoc extract --help' for usage.\n";
    return kExitUsage;
  }
  Result<text::CleanedDocument> doc = ReadAndClean(parsed->file, parsed->clean, parsed->read);
  if (!doc.ok()) {
    err << "dondoc extract: " << doc.status().message() << "\n";
    return ExitCodeFor(doc.status());
  }
  auto extractor = extract::Extractor::Create(parsed->options);
  if (!extractor.ok()) {
    err << "dondoc extract: " << extractor.status().message() << "\n";
    return kExitInternal;
  }
  const extract::Extraction x = (*extractor)->Run(doc.value());
  if (parsed->json) {
    out << boost::json::serialize(service::ExtractionJson(x)) << "\n";
  } else {
    PrintText(x, out);
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
