// Assignment grammar: the small hand scanners that ExtractTasks (tasks.cc)
// uses to read who is assigned what in one paragraph.
//
// An assignment names its lead agencies at the start of a clause, after an
// optional verb of assignment and an optional introductory phrase:
//
//   [Giao | Đề nghị | Yêu cầu] LEADS [chủ trì][, phối hợp (với) COORDS][:] WORK
//   LEADS: WORK                        (a target responsibility)
//   Căn cứ ..., LEADS WORK             (Trong phạm vi ..., Trên cơ sở ..., ...)
//   ... do LEADS chủ trì ...
//
// LEADS and COORDS are agency mentions joined by ",", ";", "và" or "cùng".
// A clause whose leads are followed by "đã", "được", "là", ... describes
// rather than assigns, and is no assignment. Every scanner is linear in the
// length of its text.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/agencies.h"
#include "text/case.h"

namespace dondoc::extract::tasks {

// Lower-casing that keeps byte offsets (defined in the text layer).
using text::LowerSameLength;

// True when `lower` has the lowercase word(s) `word` at `pos`, ending at a
// word boundary.
bool WordAt(std::string_view lower, size_t pos, std::string_view word);

// Position of the first non-space byte at or after `pos`.
size_t SkipSpaces(std::string_view text, size_t pos);

// The numbering in front of a paragraph, ranked from the outermost level.
enum class Marker { kPart, kRoman, kArabic, kDecimal, kLetter, kDash, kPlus, kNone };

struct MarkerInfo {
  Marker kind = Marker::kNone;
  int rank = 100;         // lower is outer; kNone is body text (100)
  std::string label;      // "II", "1", "1.2", "a" ("" for dashes and body text)
  size_t text_begin = 0;  // first byte after the marker and its spaces
};

MarkerInfo ReadMarker(std::string_view text);

// The lead clause of an assignment.
struct LeadClause {
  std::vector<AgencyMention> leads;
  std::vector<AgencyMention> coordinating;  // named in the clause itself
  size_t begin = 0;                         // start of the clause (the verb of assignment, if any)
  size_t work_begin = 0;                    // where the work text starts
  bool has_work = false;                    // some work text follows the agencies
  bool leads_only = false;  // nothing but agencies and punctuation (a recipient line or heading)
  bool chu_tri = false;     // "chủ trì" follows the leads
  bool colon = false;       // the leads are followed by ":"
  bool prefixed = false;    // "Giao", "Đề nghị", "Yêu cầu", ...
};

// Reads the lead clause that starts at `pos` (after spaces), or nullopt
// when no assignment starts there. `mentions` are the agency mentions of
// `text`, in order; `lower` is LowerSameLength(text).
std::optional<LeadClause> ParseLeadClause(std::string_view text, std::string_view lower,
                                          const std::vector<AgencyMention>& mentions, size_t pos);

// Lead clauses inside the paragraph after `from`: "do LEADS chủ trì" and
// sentences or clauses that begin with "Giao", "Đề nghị" or "Yêu cầu".
std::vector<LeadClause> FindInnerClauses(std::string_view text, std::string_view lower,
                                         const std::vector<AgencyMention>& mentions, size_t from);

// Agencies named after "phối hợp (chặt chẽ) (với)" in [from, to). From
// `strict_from` on, only where "phối hợp" opens a clause (after ". ; : -").
// Without kCoordinateVerb in `lower` there are none, whatever `mentions` is.
inline constexpr std::string_view kCoordinateVerb = "phối hợp";
std::vector<AgencyMention> FindCoordinators(std::string_view lower,
                                            const std::vector<AgencyMention>& mentions, size_t from,
                                            size_t to, size_t strict_from = std::string_view::npos);

// True when a heading announces a list of separate tasks ("... các nhiệm
// vụ sau:", "một số nhiệm vụ trọng tâm sau đây:").
bool AnnouncesTaskList(std::string_view lower);

// True for a collective that stands for "the units and localities" already
// named by an enclosing heading ("Các đơn vị, địa phương").
bool IsAnaphoricAgency(const AgencyMention& m);

// Longest sentence the scanners look through, in bytes.
inline constexpr size_t kMaxSentence = 2000;

// End of the sentence that contains `pos`: after the next ". " / ";", at the
// end of the text, or kMaxSentence bytes on.
size_t SentenceEnd(std::string_view text, size_t pos);

}  // namespace dondoc::extract::tasks
