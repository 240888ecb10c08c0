// Obligations, indicators, targets, figures, reporting regimes and the
// working calendar in the SQLite store.
#include <cstdio>
#include <string>

#include "core/period.h"
#include "store/sqlite_transaction.h"

namespace dondoc::store::sqlite {

namespace {

const char* DirectionName(core::Direction direction) {
  return direction == core::Direction::kLowerIsBetter ? "lower" : "higher";
}

Result<core::Direction> ParseDirection(std::string_view name) {
  if (name == "higher") return core::Direction::kHigherIsBetter;
  if (name == "lower") return core::Direction::kLowerIsBetter;
  return Status::Internal("bad indicator direction in the database: " + std::string(name));
}

std::string PeriodText(const core::Period& period) { return core::PeriodKey(period); }

}  // namespace

Result<Id> SqliteTransaction::AddObligation(const core::Obligation& obligation) {
  STORE_RETURN_IF_ERROR(RequireRow("agencies", obligation.agency_id, "agency"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", obligation.document_id, "document"));
  STORE_RETURN_IF_ERROR(
      RequireOptionalRow("reporting_regimes", obligation.regime_id, "reporting regime"));
  if (obligation.ends_on && *obligation.ends_on < obligation.starts_on) {
    return Status::InvalidInput("obligation ends on " + core::FormatIsoDate(*obligation.ends_on) +
                                ", before it starts on " +
                                core::FormatIsoDate(obligation.starts_on));
  }
  if (obligation.recurrence.day &&
      (*obligation.recurrence.day < 1 || *obligation.recurrence.day > 31)) {
    return Status::InvalidInput("recurrence day " + std::to_string(*obligation.recurrence.day) +
                                " is outside 1..31");
  }
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO obligations (document_id, agency_id, text, cadence, recurrence_day, "
                  "recurrence_text, starts_on, ends_on, regime_id) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  stmt.Bind(1, obligation.document_id)
      .Bind(2, obligation.agency_id)
      .Bind(3, obligation.text)
      .Bind(4, core::CadenceName(obligation.recurrence.cadence))
      .Bind(5, obligation.recurrence.day)
      .Bind(6, obligation.recurrence.text)
      .Bind(7, obligation.starts_on)
      .Bind(8, obligation.ends_on)
      .Bind(9, obligation.regime_id);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::Obligation>> SqliteTransaction::ListObligations() {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT id, document_id, agency_id, text, cadence, recurrence_day, "
                  "recurrence_text, starts_on, ends_on, regime_id FROM obligations ORDER BY id"));
  std::vector<core::Obligation> obligations;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return obligations;
    core::Obligation obligation;
    obligation.id = stmt.Int(0);
    obligation.document_id = stmt.OptInt(1);
    obligation.agency_id = stmt.Int(2);
    obligation.text = stmt.Text(3);
    STORE_ASSIGN_OR_RETURN(obligation.recurrence.cadence, core::ParseCadence(stmt.Text(4)));
    if (!stmt.IsNull(5)) obligation.recurrence.day = static_cast<int>(stmt.Int(5));
    obligation.recurrence.text = stmt.Text(6);
    STORE_ASSIGN_OR_RETURN(obligation.starts_on, stmt.DateAt(7));
    STORE_ASSIGN_OR_RETURN(obligation.ends_on, stmt.OptDate(8));
    obligation.regime_id = stmt.OptInt(9);
    obligations.push_back(std::move(obligation));
  }
}

Result<Id> SqliteTransaction::AddIndicator(const core::Indicator& indicator) {
  if (indicator.name.empty()) return Status::InvalidInput("an indicator needs a name");
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("INSERT INTO indicators (name, unit, direction) VALUES (?1, ?2, ?3)"));
  stmt.Bind(1, indicator.name).Bind(2, indicator.unit).Bind(3, DirectionName(indicator.direction));
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

namespace {

Result<core::Indicator> ReadIndicator(const Stmt& row) {
  core::Indicator indicator;
  indicator.id = row.Int(0);
  indicator.name = row.Text(1);
  indicator.unit = row.Text(2);
  STORE_ASSIGN_OR_RETURN(indicator.direction, ParseDirection(row.Text(3)));
  return indicator;
}

}  // namespace

Result<core::Indicator> SqliteTransaction::GetIndicator(Id id) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT id, name, unit, direction FROM indicators WHERE id = ?1"));
  stmt.Bind(1, id);
  STORE_ASSIGN_OR_RETURN(const bool found, stmt.Step());
  if (!found) return Status::NotFound("no indicator " + std::to_string(id));
  return ReadIndicator(stmt);
}

Result<std::vector<core::Indicator>> SqliteTransaction::ListIndicators() {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT id, name, unit, direction FROM indicators ORDER BY id"));
  std::vector<core::Indicator> indicators;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return indicators;
    STORE_ASSIGN_OR_RETURN(core::Indicator indicator, ReadIndicator(stmt));
    indicators.push_back(std::move(indicator));
  }
}

Result<Id> SqliteTransaction::AddTarget(const core::Target& target) {
  STORE_RETURN_IF_ERROR(RequireRow("indicators", target.indicator_id, "indicator"));
  STORE_RETURN_IF_ERROR(core::ValidatePeriod(target.period));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", target.agency_id, "agency"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", target.document_id, "document"));
  if (target.comparator == core::Comparator::kRange) {
    if (!target.low || !target.high || *target.low > *target.high) {
      return Status::InvalidInput("a range target needs low <= high (indicator " +
                                  std::to_string(target.indicator_id) + ")");
    }
  } else if (!target.value) {
    return Status::InvalidInput("a target needs a value (indicator " +
                                std::to_string(target.indicator_id) + ")");
  }
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO targets (indicator_id, period, agency_id, value, low, high, "
                  "comparator, plan_source, document_id, span_line_start, span_line_end, "
                  "span_start, span_end) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"));
  stmt.Bind(1, target.indicator_id)
      .Bind(2, PeriodText(target.period))
      .Bind(3, target.agency_id)
      .Bind(4, target.value)
      .Bind(5, target.low)
      .Bind(6, target.high)
      .Bind(7, core::ComparatorSymbol(target.comparator))
      .Bind(8, target.plan_source)
      .Bind(9, target.document_id);
  BindSpan(stmt, 10, target.span);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::Target>> SqliteTransaction::ListTargets(std::optional<Id> indicator_id) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("SELECT id, indicator_id, period, agency_id, value, low, high, comparator, "
                  "plan_source, document_id, span_line_start, span_line_end, span_start, span_end "
                  "FROM targets WHERE ?1 IS NULL OR indicator_id = ?1 ORDER BY id"));
  stmt.Bind(1, indicator_id);
  std::vector<core::Target> targets;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return targets;
    core::Target target;
    target.id = stmt.Int(0);
    target.indicator_id = stmt.Int(1);
    STORE_ASSIGN_OR_RETURN(target.period, PeriodAt(stmt, 2));
    target.agency_id = stmt.OptInt(3);
    target.value = stmt.OptDouble(4);
    target.low = stmt.OptDouble(5);
    target.high = stmt.OptDouble(6);
    STORE_ASSIGN_OR_RETURN(target.comparator, core::ParseComparator(stmt.Text(7)));
    target.plan_source = stmt.Text(8);
    target.document_id = stmt.OptInt(9);
    target.span = SpanAt(stmt, 10);
    targets.push_back(std::move(target));
  }
}

Result<Id> SqliteTransaction::AddFigure(const core::Figure& figure) {
  STORE_RETURN_IF_ERROR(RequireRow("indicators", figure.indicator_id, "indicator"));
  STORE_RETURN_IF_ERROR(core::ValidatePeriod(figure.period));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", figure.agency_id, "agency"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", figure.document_id, "document"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO figures (indicator_id, agency_id, period, value, estimate, "
                  "submitted_at, submitted_by, document_id, note) "
                  "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"));
  stmt.Bind(1, figure.indicator_id)
      .Bind(2, figure.agency_id)
      .Bind(3, PeriodText(figure.period))
      .Bind(4, figure.value)
      .Bind(5, figure.estimate)
      .Bind(6, figure.submitted_at)
      .Bind(7, figure.submitted_by)
      .Bind(8, figure.document_id)
      .Bind(9, figure.note);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::Figure>> SqliteTransaction::ListFigures(std::optional<Id> indicator_id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT id, indicator_id, agency_id, period, value, estimate, "
                                     "submitted_at, submitted_by, document_id, note FROM figures "
                                     "WHERE ?1 IS NULL OR indicator_id = ?1 ORDER BY id"));
  stmt.Bind(1, indicator_id);
  std::vector<core::Figure> figures;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return figures;
    core::Figure figure;
    figure.id = stmt.Int(0);
    figure.indicator_id = stmt.Int(1);
    figure.agency_id = stmt.OptInt(2);
    STORE_ASSIGN_OR_RETURN(figure.period, PeriodAt(stmt, 3));
    figure.value = stmt.Double(4);
    figure.estimate = stmt.Int(5) != 0;
    STORE_ASSIGN_OR_RETURN(figure.submitted_at, stmt.TimestampAt(6));
    figure.submitted_by = stmt.OptInt(7);
    figure.document_id = stmt.OptInt(8);
    figure.note = stmt.Text(9);
    figures.push_back(std::move(figure));
  }
}

Result<Id> SqliteTransaction::AddReportingRegime(const core::ReportingRegime& regime) {
  if (regime.name.empty()) return Status::InvalidInput("a reporting regime needs a name");
  if (regime.due_day < 1 || regime.due_day > 31) {
    return Status::InvalidInput("due day " + std::to_string(regime.due_day) + " is outside 1..31");
  }
  if (regime.due_month_offset < 0 || regime.due_month_offset > 12) {
    return Status::InvalidInput("due month offset " + std::to_string(regime.due_month_offset) +
                                " is outside 0..12");
  }
  STORE_RETURN_IF_ERROR(
      RequireOptionalRow("agencies", regime.recipient_agency_id, "recipient agency"));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("agencies", regime.via_agency_id, "via agency"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO reporting_regimes (name, cadence, due_month_offset, due_day, "
                  "recipient_agency_id, via_agency_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  stmt.Bind(1, regime.name)
      .Bind(2, core::CadenceName(regime.cadence))
      .Bind(3, regime.due_month_offset)
      .Bind(4, regime.due_day)
      .Bind(5, regime.recipient_agency_id)
      .Bind(6, regime.via_agency_id);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::ReportingRegime>> SqliteTransaction::ListReportingRegimes() {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT id, name, cadence, due_month_offset, due_day, "
                                     "recipient_agency_id, via_agency_id FROM reporting_regimes "
                                     "ORDER BY id"));
  std::vector<core::ReportingRegime> regimes;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return regimes;
    core::ReportingRegime regime;
    regime.id = stmt.Int(0);
    regime.name = stmt.Text(1);
    STORE_ASSIGN_OR_RETURN(regime.cadence, core::ParseCadence(stmt.Text(2)));
    regime.due_month_offset = static_cast<int>(stmt.Int(3));
    regime.due_day = static_cast<int>(stmt.Int(4));
    regime.recipient_agency_id = stmt.OptInt(5);
    regime.via_agency_id = stmt.OptInt(6);
    regimes.push_back(std::move(regime));
  }
}

Result<Id> SqliteTransaction::AddReportSubmission(const core::ReportSubmission& submission) {
  STORE_RETURN_IF_ERROR(RequireRow("reporting_regimes", submission.regime_id, "reporting regime"));
  STORE_RETURN_IF_ERROR(RequireRow("agencies", submission.agency_id, "agency"));
  STORE_RETURN_IF_ERROR(core::ValidatePeriod(submission.period));
  STORE_RETURN_IF_ERROR(RequireOptionalRow("documents", submission.document_id, "document"));
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt,
      db_.Prepare("INSERT INTO report_submissions (regime_id, agency_id, period, submitted_at, "
                  "document_id) VALUES (?1, ?2, ?3, ?4, ?5)"));
  stmt.Bind(1, submission.regime_id)
      .Bind(2, submission.agency_id)
      .Bind(3, PeriodText(submission.period))
      .Bind(4, submission.submitted_at)
      .Bind(5, submission.document_id);
  STORE_RETURN_IF_ERROR(stmt.Run());
  return db_.LastInsertId();
}

Result<std::vector<core::ReportSubmission>> SqliteTransaction::ListReportSubmissions(Id regime_id) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("SELECT id, regime_id, agency_id, period, submitted_at, document_id "
                             "FROM report_submissions WHERE regime_id = ?1 ORDER BY id"));
  stmt.Bind(1, regime_id);
  std::vector<core::ReportSubmission> submissions;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return submissions;
    core::ReportSubmission submission;
    submission.id = stmt.Int(0);
    submission.regime_id = stmt.Int(1);
    submission.agency_id = stmt.Int(2);
    STORE_ASSIGN_OR_RETURN(submission.period, PeriodAt(stmt, 3));
    STORE_ASSIGN_OR_RETURN(submission.submitted_at, stmt.TimestampAt(4));
    submission.document_id = stmt.OptInt(5);
    submissions.push_back(submission);
  }
}

Status SqliteTransaction::PutCalendarDay(const core::CalendarDay& day) {
  STORE_ASSIGN_OR_RETURN(
      Stmt stmt, db_.Prepare("INSERT INTO calendar_days (date, kind, name) VALUES (?1, ?2, ?3) "
                             "ON CONFLICT (date) DO UPDATE SET kind = ?2, name = ?3"));
  stmt.Bind(1, day.date).Bind(2, core::CalendarDayKindName(day.kind)).Bind(3, day.name);
  return stmt.Run();
}

Result<std::vector<core::CalendarDay>> SqliteTransaction::ListCalendarDays(int year) {
  char first[16];
  char last[16];
  std::snprintf(first, sizeof(first), "%04d-01-01", year);
  std::snprintf(last, sizeof(last), "%04d-12-31", year);
  STORE_ASSIGN_OR_RETURN(Stmt stmt, db_.Prepare("SELECT date, kind, name FROM calendar_days "
                                                "WHERE date BETWEEN ?1 AND ?2 ORDER BY date"));
  stmt.Bind(1, first).Bind(2, last);
  std::vector<core::CalendarDay> days;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return days;
    core::CalendarDay day;
    STORE_ASSIGN_OR_RETURN(day.date, stmt.DateAt(0));
    STORE_ASSIGN_OR_RETURN(day.kind, core::ParseCalendarDayKind(stmt.Text(1)));
    day.name = stmt.Text(2);
    days.push_back(std::move(day));
  }
}

}  // namespace dondoc::store::sqlite
