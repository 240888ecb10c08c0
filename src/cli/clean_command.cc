// dondoc clean FILE [--format text|json] [--encoding NAME] [--no-repair] [--ocr MODE]
//                   [--rendition]

#include <boost/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "cli/cli.h"
#include "cli/document_input.h"
#include "text/clean.h"

namespace dondoc::cli {
namespace {

constexpr std::string_view kCleanHelp =
    "Usage: dondoc clean FILE [--format text|json] [--encoding NAME] [--no-repair]\n"
    "                         [--ocr auto|off|force] [--rendition]\n"
    "\n"
    "Reads FILE (plain text in UTF-8, UTF-16 or a legacy Vietnamese encoding, DOCX, or PDF,\n"
    "scanned pages read by OCR), repairs text damaged by\n"
    "broken PDF fonts, normalises it to NFC, joins hard-wrapped lines into paragraphs and\n"
    "pulls out footnotes.\n"
    "\n"
    "Options:\n"
    "  --format text   print the cleaned paragraphs, then the footnotes (default)\n"
    "  --format json   print paragraphs with their original line ranges and byte spans,\n"
    "                  footnotes linked to their markers, repairs and decoding issues\n"
    "  --encoding NAME auto (default), utf-8, utf-16le, utf-16be, tcvn3, vni, windows-1258\n"
    "  --no-repair     do not repair font damage\n"
    "  --ocr auto      OCR the PDF pages that have no text layer (default)\n"
    "  --ocr off       never OCR; --ocr force: OCR every PDF page\n"
    "  --rendition     print the text read from a DOCX or PDF, which the lines and byte\n"
    "                  offsets of --format json refer to (for plain text: the file)\n";

constexpr size_t kMaxIssuesOnStderr = 20;

struct CleanArgs {
  std::string file;
  bool json = false;
  bool rendition = false;
  text::CleanOptions options;
  document::ReadOptions read;
};

// Returns nullopt and writes the reason to `err` on a usage error.
std::optional<CleanArgs> ParseArgs(const std::vector<std::string>& args, std::ostream& err) {
  CleanArgs parsed;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    auto value = [&](std::string_view flag) -> std::optional<std::string> {
      if (i + 1 >= args.size()) {
        err << "dondoc clean: " << flag << " needs a value\n";
        return std::nullopt;
      }
      return args[++i];
    };
    if (a == "--format") {
      auto v = value(a);
      if (!v) return std::nullopt;
      if (*v != "text" && *v != "json") {
        err << "dondoc clean: --format must be 'text' or 'json', not '" << *v << "'\n";
        return std::nullopt;
      }
      parsed.json = (*v == "json");
    } else if (a == "--encoding") {
      auto v = value(a);
      if (!v) return std::nullopt;
      auto e = text::ParseEncodingName(*v);
      if (!e) {
        err << "dondoc clean: unknown encoding '" << *v
            << "' (auto, utf-8, utf-16le, utf-16be, tcvn3, vni, windows-1258)\n";
        return std::nullopt;
      }
      parsed.options.encoding = *e;
    } else if (a == "--no-repair") {
      parsed.options.repair = false;
    } else if (a == "--rendition") {
      parsed.rendition = true;
    } else if (a == "--ocr") {
      auto v = value(a);
      if (!v) return std::nullopt;
      auto mode = ParseOcrMode(*v);
      if (!mode) {
        err << "dondoc clean: --ocr must be 'auto', 'off' or 'force', not '" << *v << "'\n";
        return std::nullopt;
      }
      parsed.read.ocr = *mode;
    } else if (!a.empty() && a[0] == '-' && a != "-") {
      err << "dondoc clean: unknown option '" << a << "'\n";
      return std::nullopt;
    } else if (parsed.file.empty()) {
      parsed.file = a;
    } else {
      err << "dondoc clean: only one FILE, got '" << parsed.file << "' and '" << a << "'\n";
      return std::nullopt;
    }
  }
  if (parsed.file.empty()) {
    err << "dondoc clean: missing FILE\n";
    return std::nullopt;
  }
  return parsed;
}

boost::json::object SpanJson(const InputDocument& in, const text::MappedText& t, size_t begin,
                             size_t end) {
  const text::CleanedDocument& doc = in.cleaned;
  boost::json::object o;
  const text::SourceSpan span = doc.source.SpanOf(t, begin, end);
  const size_t line = doc.source.LineOf(span.start);
  o["line_start"] = line;
  o["line_end"] = doc.source.LineOf(span.end > span.start ? span.end - 1 : span.start);
  o["start"] = span.start;
  o["end"] = span.end;
  if (line >= 1 && line <= in.line_pages.size()) o["page"] = in.line_pages[line - 1];
  return o;
}

boost::json::object ToJson(const InputDocument& in, const std::string& path) {
  const text::CleanedDocument& doc = in.cleaned;
  boost::json::object root;
  boost::json::object source;
  source["path"] = path;
  source["format"] = document::FormatName(in.format);
  // For DOCX and PDF, bytes and lines are those of the rendition.
  source["bytes"] = doc.original->size();
  source["lines"] = doc.source.line_count();
  source["encoding"] = text::EncodingName(doc.encoding);
  source["bom"] = doc.had_bom;
  if (in.format == document::Format::kPdf) {
    source["pages"] = in.page_count;
    boost::json::array ocr;
    for (const uint32_t p : in.ocr_pages) ocr.emplace_back(p);
    source["ocr_pages"] = std::move(ocr);
  }
  root["source"] = std::move(source);

  boost::json::array paragraphs;
  for (const text::Paragraph& p : doc.layout.paragraphs) {
    boost::json::object o;
    o["text"] = p.text.text();
    if (!p.text.empty()) o["span"] = SpanJson(in, p.text, 0, p.text.size());
    paragraphs.push_back(std::move(o));
  }
  root["paragraphs"] = std::move(paragraphs);

  boost::json::array footnotes;
  for (const text::Footnote& f : doc.layout.footnotes) {
    boost::json::object o;
    o["marker"] = f.marker;
    o["text"] = f.text.text();
    if (!f.text.empty()) o["span"] = SpanJson(in, f.text, 0, f.text.size());
    if (f.paragraph < doc.layout.paragraphs.size()) {
      o["paragraph"] = f.paragraph;
      o["marker_offset"] = f.marker_offset;
    } else {
      o["paragraph"] = nullptr;
    }
    footnotes.push_back(std::move(o));
  }
  root["footnotes"] = std::move(footnotes);

  boost::json::array repairs;
  for (const text::Repair& r : doc.repairs) {
    boost::json::object o;
    o["original"] = r.original;
    o["replacement"] = r.replacement;
    o["confidence"] = r.confidence;
    o["line"] = doc.source.LineOf(r.origin);
    o["start"] = r.origin;
    // The repaired word's characters keep the origins of the damaged ones.
    const size_t end = r.offset + r.replacement.size();
    if (end <= doc.text.size() &&
        doc.text.text().compare(r.offset, r.replacement.size(), r.replacement) == 0) {
      o["end"] = doc.source.SpanOf(doc.text, r.offset, end).end;
    }
    repairs.push_back(std::move(o));
  }
  root["repairs"] = std::move(repairs);

  boost::json::array issues;
  for (const text::DecodeIssue& i : doc.decode_issues) {
    boost::json::object o;
    o["offset"] = i.offset;
    o["line"] = doc.source.LineOf(i.offset);
    o["message"] = i.message;
    issues.push_back(std::move(o));
  }
  root["issues"] = std::move(issues);
  return root;
}

}  // namespace

int RunClean(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  for (const std::string& a : args) {
    if (a == "--help" || a == "-h") {
      out << kCleanHelp;
      return kExitOk;
    }
  }
  std::optional<CleanArgs> parsed = ParseArgs(args, err);
  if (!parsed) {
    err << "Run 'dondoc clean --help' for usage.\n";
    return kExitUsage;
  }
  Result<InputDocument> input = ReadDocumentAndClean(parsed->file, parsed->options, parsed->read);
  if (!input.ok()) {
    err << "dondoc clean: " << input.status().message() << "\n";
    return ExitCodeFor(input.status());
  }
  if (parsed->rendition) {
    out << *input->cleaned.original;
    return out.good() ? kExitOk : kExitInternal;
  }
  const text::CleanedDocument* doc = &input->cleaned;

  if (!parsed->json) {
    size_t shown = 0;
    for (const text::DecodeIssue& i : doc->decode_issues) {
      if (shown++ == kMaxIssuesOnStderr) {
        err << "dondoc clean: " << parsed->file << ": ... and "
            << doc->decode_issues.size() - kMaxIssuesOnStderr << " more decoding issues\n";
        break;
      }
      err << "dondoc clean: " << parsed->file << ":" << doc->source.LineOf(i.offset)
          << ": byte offset " << i.offset << ": " << i.message << "\n";
    }
    out << doc->JoinedText();
    if (!doc->layout.paragraphs.empty()) out << "\n";
    if (!doc->layout.footnotes.empty()) {
      out << "\n---\n";
      for (const text::Footnote& f : doc->layout.footnotes) {
        // "(1)" is printed as written; a bare "1" is bracketed to stand out.
        if (!f.marker.empty() && f.marker.front() == '(') {
          out << f.marker << " " << f.text.text() << "\n";
        } else {
          out << "[" << f.marker << "] " << f.text.text() << "\n";
        }
      }
    }
  } else {
    out << boost::json::serialize(ToJson(input.value(), parsed->file)) << "\n";
  }
  return out.good() ? kExitOk : kExitInternal;
}

}  // namespace dondoc::cli
