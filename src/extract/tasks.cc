// ExtractTasks: one task per (assignment, lead agency).
//
// The document is walked paragraph by paragraph with a stack of open
// headings (numbered parts, letters, dashes). A paragraph whose lead clause
// (tasks_grammar.h) names agencies is a task for each of them. What follows
// it one level deeper belongs to that task: the bullets under "a) Giám đốc
// Sở X chủ trì, phối hợp với Y" are the work of X, not tasks of their own.
// A heading that announces a list ("... các nhiệm vụ sau:") instead hands
// its leads to each item under it, which becomes a task of its own. A task
// without its own deadline inherits the nearest heading's horizon
// ("đến hết quý II năm 2024").
#include <algorithm>
#include <string>

#include "extract/dates.h"
#include "extract/steps.h"
#include "extract/tasks_grammar.h"

namespace dondoc::extract {
namespace {

using tasks::LeadClause;
using tasks::Marker;

// A byte range of one paragraph that a task was read from.
struct Part {
  size_t paragraph = 0;
  size_t begin = 0;
  size_t end = 0;
};

struct Draft {
  AgencyMention lead;
  std::vector<AgencyMention> coordinating;  // named by an enclosing heading
  std::vector<Part> parts;
  std::optional<Deadline> horizon;
  std::string section;
};

enum class Mode {
  kPlain,     // a heading without agencies
  kAbsorb,    // a task: what lies under it is its work
  kUmbrella,  // leads for a list of tasks under it
};

struct Scope {
  int rank = 0;
  Mode mode = Mode::kPlain;
  std::string label;
  std::optional<Deadline> deadline;
  std::vector<AgencyMention> leads;
  std::vector<AgencyMention> coordinating;
  std::vector<size_t> drafts;      // kAbsorb: the tasks to extend
  std::vector<size_t> last_child;  // kUmbrella: the tasks of the last item
};

// Marker ranks times ten, so that an unnumbered heading can sit between
// its numbered parent and that parent's dashes.
int RankOf(const tasks::MarkerInfo& marker, const std::vector<Scope>& stack) {
  if (marker.kind != Marker::kNone) return marker.rank * 10;
  return stack.empty() ? 5 : stack.back().rank + 5;
}

bool AllAnaphoric(const std::vector<AgencyMention>& leads) {
  return std::all_of(leads.begin(), leads.end(),
                     [](const AgencyMention& m) { return tasks::IsAnaphoricAgency(m); });
}

// The province's people's committee or council, or the party committee,
// named as a bare subject ("Ủy ban nhân dân tỉnh báo để ..."), is the
// issuer speaking, not an assignee.
bool IsIssuer(const AgencyMention& m) {
  const std::string c = tasks::LowerSameLength(m.canonical);
  return c == "ủy ban nhân dân tỉnh" || c == "hội đồng nhân dân tỉnh" || c == "tỉnh ủy" ||
         c == "ban thường vụ tỉnh ủy" || c == "chủ tịch ủy ban nhân dân tỉnh";
}

std::optional<LeadClause> FilterLeads(std::optional<LeadClause> clause) {
  if (!clause) return clause;
  if (!clause->prefixed) {
    std::erase_if(clause->leads, [](const AgencyMention& m) { return IsIssuer(m); });
  }
  if (clause->leads.empty()) return std::nullopt;
  return clause;
}

// True when a paragraph breaks off inside an agency list: it ends with a
// comma, "và", "với", "phối hợp" or a title that must be followed by its agency.
bool EndsDangling(std::string_view lower) {
  size_t end = lower.size();
  while (end > 0 && (lower[end - 1] == ' ' || lower[end - 1] == '\n')) --end;
  const std::string_view s = lower.substr(0, end);
  if (s.ends_with(",")) return true;
  for (std::string_view w : {" và", " với", " phối hợp", " giám đốc", " chủ tịch", " thủ trưởng",
                             " trưởng ban", " chánh văn phòng", " tổng biên tập", " các"}) {
    if (s.ends_with(w)) return true;
  }
  return false;
}

// The closing formula of a letter or decision ends with "./.".
bool EndsDocument(std::string_view lower) {
  size_t end = lower.size();
  while (end > 0 && (lower[end - 1] == ' ' || lower[end - 1] == '\n')) --end;
  return lower.substr(0, end).ends_with("./.");
}

// True when byte `pos` of `text` starts a character (or is its end).
bool AtCharBoundary(std::string_view text, size_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

size_t SentenceStart(std::string_view text, size_t pos) {
  const size_t limit = pos > tasks::kMaxSentence ? pos - tasks::kMaxSentence : 0;
  while (pos > limit) {
    const char c = text[pos - 1];
    if (c == ';' || (c == '.' && pos < text.size() && text[pos] == ' ')) break;
    --pos;
  }
  return tasks::SkipSpaces(text, pos);
}

class TaskWalker {
 public:
  explicit TaskWalker(const DocumentContext& ctx) : ctx_(ctx) {}

  std::vector<Task> Run() {
    for (size_t i = 0; i < ctx_.paragraphs().size(); ++i) Visit(i);
    std::vector<Task> out;
    out.reserve(drafts_.size());
    for (const Draft& d : drafts_) out.push_back(Finish(d));
    return out;
  }

 private:
  void Visit(size_t i) {
    const std::string_view text = ctx_.ParagraphText(i);
    const tasks::MarkerInfo marker = tasks::ReadMarker(text);
    if (marker.text_begin >= text.size()) return;
    const std::string_view lower = ctx_.ParagraphLower(i);
    // A heading broken over two paragraphs ("phối hợp với Giám đốc" /
    // "Công an tỉnh, ...:") goes on in the next one.
    const bool continues = dangling_ && marker.kind == Marker::kNone && !last_drafts_.empty();
    dangling_ = EndsDangling(lower);
    if (continues) {
      for (size_t d : last_drafts_) drafts_[d].parts.push_back(Part{i, 0, text.size()});
      return;
    }
    closing_ = EndsDocument(lower);
    last_drafts_ = Place(i, text, lower, marker);
    if (closing_) stack_.clear();
  }

  // Files paragraph `i` under the open headings; returns the tasks it went to.
  std::vector<size_t> Place(size_t i, std::string_view text, std::string_view lower,
                            const tasks::MarkerInfo& marker) {
    const size_t body = marker.text_begin;
    // Recipient lists ("Kính gửi:", "Nơi nhận:") name agencies but assign
    // nothing; the closing formula ("... biết, thực hiện./.") ends the body.
    if (tasks::WordAt(lower, body, "kính gửi") || tasks::WordAt(lower, body, "nơi nhận")) {
      in_recipients_ = true;
      stack_.clear();
      return {};
    }
    if (in_recipients_) {
      if (marker.kind == Marker::kDash || marker.kind == Marker::kPlus) return {};
      in_recipients_ = false;
    }
    if (marker.kind != Marker::kNone) {
      const int rank = marker.rank * 10;
      while (!stack_.empty() && stack_.back().rank >= rank) stack_.pop_back();
    }
    const int rank = RankOf(marker, stack_);
    const std::vector<AgencyMention>& mentions = ctx_.ParagraphMentions(i);
    std::optional<LeadClause> clause =
        FilterLeads(tasks::ParseLeadClause(text, lower, mentions, body));
    // A line of agencies alone under a dash or in body text is a list, not a heading.
    if (clause && clause->leads_only && !clause->colon &&
        (marker.kind == Marker::kNone || marker.kind == Marker::kDash ||
         marker.kind == Marker::kPlus)) {
      clause.reset();
    }
    const bool own_leads = clause && !AllAnaphoric(clause->leads);
    const Part whole{i, 0, text.size()};

    // The closing formula assigns nothing unless it names its own lead.
    if (closing_ && !own_leads) return {};
    if (!stack_.empty() && stack_.back().mode == Mode::kAbsorb && !own_leads) {
      for (size_t d : stack_.back().drafts) drafts_[d].parts.push_back(whole);
      return stack_.back().drafts;
    }
    if (!stack_.empty() && stack_.back().mode == Mode::kUmbrella && !own_leads) {
      Scope& umbrella = stack_.back();
      if (marker.kind == Marker::kNone && !umbrella.last_child.empty()) {
        for (size_t d : umbrella.last_child) drafts_[d].parts.push_back(whole);
        return umbrella.last_child;
      }
      std::vector<size_t> ids;
      for (const AgencyMention& lead : umbrella.leads) {
        ids.push_back(NewDraft(lead, umbrella.coordinating, whole, SectionOf(i, marker)));
      }
      umbrella.last_child = ids;
      if (marker.kind != Marker::kNone) Push(rank, Mode::kAbsorb, marker, i, {}, {}, ids);
      return ids;
    }
    if (clause) {
      if (tasks::AnnouncesTaskList(lower)) {
        Push(rank, Mode::kUmbrella, marker, i, clause->leads, clause->coordinating, {});
        return {};
      }
      std::vector<size_t> ids;
      for (const AgencyMention& lead : clause->leads) {
        ids.push_back(NewDraft(lead, {}, whole, SectionOf(i, marker)));
      }
      if (marker.kind != Marker::kNone || !clause->has_work) {
        Push(rank, Mode::kAbsorb, marker, i, {}, {}, ids);
      }
      return ids;
    }
    for (const LeadClause& inner : tasks::FindInnerClauses(text, lower, mentions, body)) {
      const size_t begin = SentenceStart(text, inner.begin);
      const Part part{i, begin, tasks::SentenceEnd(text, std::max(inner.work_begin, begin))};
      for (const AgencyMention& lead : inner.leads) {
        if (!inner.prefixed && IsIssuer(lead)) continue;
        NewDraft(lead, {}, part, SectionOf(i, marker));
      }
    }
    if (marker.kind != Marker::kNone) Push(rank, Mode::kPlain, marker, i, {}, {}, {});
    return {};
  }

  void Push(int rank, Mode mode, const tasks::MarkerInfo& marker, size_t paragraph,
            std::vector<AgencyMention> leads, std::vector<AgencyMention> coordinating,
            std::vector<size_t> drafts) {
    Scope s;
    s.rank = rank;
    s.mode = mode;
    s.label = marker.label;
    auto deadlines = FindDeadlines(ctx_.ParagraphText(paragraph), ctx_.ParagraphLower(paragraph),
                                   ctx_.DateOrNull());
    if (!deadlines.empty()) s.deadline = std::move(deadlines.front().deadline);
    s.leads = std::move(leads);
    s.coordinating = std::move(coordinating);
    s.drafts = std::move(drafts);
    stack_.push_back(std::move(s));
  }

  size_t NewDraft(const AgencyMention& lead, std::vector<AgencyMention> coordinating, Part part,
                  std::string section) {
    Draft d;
    d.lead = lead;
    d.coordinating = std::move(coordinating);
    d.parts.push_back(part);
    d.section = std::move(section);
    for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
      if (it->deadline) {
        d.horizon = it->deadline;
        break;
      }
    }
    drafts_.push_back(std::move(d));
    return drafts_.size() - 1;
  }

  std::string SectionOf(size_t i, const tasks::MarkerInfo& marker) const {
    if (i < ctx_.outline.size() && !ctx_.outline[i].path.empty()) return ctx_.outline[i].path;
    std::string path;
    for (const Scope& s : stack_) {
      if (s.label.empty()) continue;
      if (!path.empty()) path += '.';
      path += s.label;
    }
    if (!marker.label.empty()) {
      if (!path.empty()) path += '.';
      path += marker.label;
    }
    return path;
  }

  Task Finish(const Draft& d) const {
    Task t;
    t.lead = d.lead.canonical;
    t.lead_as_written = d.lead.as_written;
    t.section = d.section;
    // The parts' text joined by spaces, lower-cased from the paragraphs'
    // copies (a part cut inside a character is lowered on its own).
    std::string joined;
    std::string lower;
    size_t strict_from = std::string::npos;  // where the paragraphs after the first start
    for (const Part& p : d.parts) {
      const std::string_view s = ctx_.ParagraphText(p.paragraph).substr(p.begin, p.end - p.begin);
      if (!joined.empty()) {
        joined += ' ';
        lower += ' ';
        if (strict_from == std::string::npos) strict_from = joined.size();
      }
      joined += s;
      if (AtCharBoundary(ctx_.ParagraphText(p.paragraph), p.begin) &&
          AtCharBoundary(ctx_.ParagraphText(p.paragraph), p.end)) {
        lower += ctx_.ParagraphLower(p.paragraph).substr(p.begin, s.size());
      } else {
        lower += tasks::LowerSameLength(s);
      }
      t.span = DocumentContext::Union(t.span, ctx_.SpanOf(p.paragraph, p.begin, p.end));
    }
    // Coordinators are only read after "phối hợp", so without it the
    // agencies need not be searched; a task read from one whole paragraph
    // has that paragraph's mentions.
    const bool whole = d.parts.size() == 1 && d.parts[0].begin == 0 &&
                       d.parts[0].end == ctx_.ParagraphText(d.parts[0].paragraph).size();
    const bool coordinated = lower.find(tasks::kCoordinateVerb) != std::string::npos;
    std::vector<AgencyMention> found;
    if (coordinated && !whole) found = ctx_.agencies->Find(joined);
    const std::vector<AgencyMention>& mentions =
        coordinated && whole ? ctx_.ParagraphMentions(d.parts[0].paragraph) : found;
    std::vector<AgencyMention> coordinating = d.coordinating;
    for (AgencyMention& m :
         tasks::FindCoordinators(lower, mentions, 0, joined.size(), strict_from)) {
      coordinating.push_back(std::move(m));
    }
    for (const AgencyMention& m : coordinating) {
      if (m.canonical == d.lead.canonical) continue;
      if (std::find(t.coordinating.begin(), t.coordinating.end(), m.canonical) !=
          t.coordinating.end()) {
        continue;
      }
      t.coordinating.push_back(m.canonical);
    }
    auto deadlines = FindDeadlines(joined, lower, ctx_.DateOrNull());
    if (!deadlines.empty()) {
      t.deadline = std::move(deadlines.front().deadline);
    } else {
      t.deadline = d.horizon;
    }
    auto recurrences = FindRecurrences(joined, lower);
    if (!recurrences.empty()) t.recurrence = std::move(recurrences.front().recurrence);
    t.text = std::move(joined);
    return t;
  }

  const DocumentContext& ctx_;
  std::vector<Scope> stack_;
  std::vector<Draft> drafts_;
  bool in_recipients_ = false;
  bool closing_ = false;             // the paragraph ends the body ("./.")
  bool dangling_ = false;            // the last paragraph broke off mid-phrase
  std::vector<size_t> last_drafts_;  // the tasks the last paragraph went to
};

}  // namespace

std::vector<Task> ExtractTasks(const DocumentContext& ctx) {
  if (ctx.doc == nullptr || ctx.agencies == nullptr) return {};
  return TaskWalker(ctx).Run();
}

}  // namespace dondoc::extract
