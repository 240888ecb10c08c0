// DOCX and PDF fixtures built at test time (no binary files in the tree):
// zip archives with libzip, PDFs with cairo and the DejaVu Sans font.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <zip.h>

#include <cstdio>
#include <string>
#include <utility>
#include <vector>

namespace dondoc::testing {

// cairo's toy font API leaves fontconfig caches allocated; release them at
// exit so the leak checker of the sanitizer builds sees only our leaks.
struct FontCachesReleaser {
  ~FontCachesReleaser() {
    cairo_debug_reset_static_data();
    FcFini();
  }
};
inline FontCachesReleaser font_caches_releaser;

using ZipEntries = std::vector<std::pair<std::string, std::string>>;

// A zip archive of `entries` (name, content), in memory.
inline std::string MakeZip(const ZipEntries& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* zip = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(zip, content.data(), content.size(), 0);
    zip_file_add(zip, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(zip);
  std::string out;
  if (zip_source_open(buffer) == 0) {
    char chunk[4096];
    zip_int64_t n = 0;
    while ((n = zip_source_read(buffer, chunk, sizeof chunk)) > 0) {
      out.append(chunk, static_cast<size_t>(n));
    }
    zip_source_close(buffer);
  }
  zip_source_free(buffer);
  zip_error_fini(&error);
  return out;
}

constexpr const char* kWordNs =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

// <w:p> with one run per piece; "\t" pieces become <w:tab/>.
inline std::string WordParagraph(const std::vector<std::string>& pieces,
                                 const std::string& properties = "") {
  std::string p = "<w:p>" + properties;
  for (const std::string& piece : pieces) {
    if (piece == "\t") {
      p += "<w:r><w:tab/></w:r>";
    } else if (piece.rfind("<", 0) == 0) {
      p += piece;  // raw markup (a footnote reference)
    } else {
      p += "<w:r><w:t xml:space=\"preserve\">" + piece + "</w:t></w:r>";
    }
  }
  return p + "</w:p>";
}

inline std::string WordDocument(const std::string& body) {
  return std::string("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n") +
         "<w:document " + kWordNs + "><w:body>" + body + "<w:sectPr/></w:body></w:document>";
}

inline std::string WordFootnotes(const std::vector<std::pair<int, std::string>>& notes) {
  std::string x = std::string("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<w:footnotes ") +
                  kWordNs +
                  "><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/>"
                  "</w:r></w:p></w:footnote>";
  for (const auto& [id, text] : notes) {
    x += "<w:footnote w:id=\"" + std::to_string(id) +
         "\"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> " + text +
         "</w:t></w:r></w:p></w:footnote>";
  }
  return x + "</w:footnotes>";
}

inline std::string FootnoteReference(int id) {
  return "<w:r><w:footnoteReference w:id=\"" + std::to_string(id) + "\"/></w:r>";
}

inline cairo_status_t AppendToString(void* closure, const unsigned char* data,
                                     unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

constexpr double kA4Width = 595;  // points
constexpr double kA4Height = 842;

inline void DrawLines(cairo_t* cr, const std::vector<std::string>& lines, double size, double left,
                      double top, double leading) {
  cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size(cr, size);
  cairo_set_source_rgb(cr, 0, 0, 0);
  double y = top;
  for (const std::string& line : lines) {
    cairo_move_to(cr, left, y);
    cairo_show_text(cr, line.c_str());
    y += leading;
  }
}

// A PDF with a text layer: one A4 page per element of `pages`, 11 pt lines.
inline std::string MakeTextPdf(const std::vector<std::vector<std::string>>& pages) {
  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &out, kA4Width, kA4Height);
  cairo_t* cr = cairo_create(surface);
  for (const auto& lines : pages) {
    DrawLines(cr, lines, 11, 60, 80, 18);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  return out;
}

// A scanned page: the lines drawn into a 300 dpi grey image, and only that
// image painted into the PDF (no text layer).
inline std::string MakeImagePdf(const std::vector<std::string>& lines) {
  constexpr double kScale = 300.0 / 72;
  const int w = static_cast<int>(kA4Width * kScale);
  const int h = static_cast<int>(kA4Height * kScale);
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* ic = cairo_create(image);
  cairo_set_source_rgb(ic, 1, 1, 1);
  cairo_paint(ic);
  cairo_scale(ic, kScale, kScale);
  DrawLines(ic, lines, 12, 60, 90, 22);
  cairo_destroy(ic);
  cairo_surface_flush(image);

  std::string out;
  cairo_surface_t* surface =
      cairo_pdf_surface_create_for_stream(AppendToString, &out, kA4Width, kA4Height);
  cairo_t* cr = cairo_create(surface);
  cairo_scale(cr, 1 / kScale, 1 / kScale);
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_paint(cr);
  cairo_show_page(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  cairo_surface_destroy(surface);
  cairo_surface_destroy(image);
  return out;
}

// A PDF written by hand from its objects ("1 0 obj" ... numbered from 1),
// with a correct cross-reference table; `trailer` goes inside the trailer
// dictionary after /Size and /Root.
inline std::string MakeRawPdf(const std::vector<std::string>& objects,
                              const std::string& trailer = "") {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  const size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    char entry[24];
    std::snprintf(entry, sizeof entry, "%010zu 00000 n \n", o);
    pdf += entry;
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root 1 0 R " + trailer +
         " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace dondoc::testing
