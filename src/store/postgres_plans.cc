// Obligations, indicators, targets, figures, reporting regimes and the
// working calendar in the PostgreSQL store (as sqlite_plans.cc).
#include <string>

#include "core/period.h"
#include "store/postgres_transaction.h"

namespace dondoc::store::pg {

namespace {

const char* DirectionName(core::Direction direction) {
  return direction == core::Direction::kLowerIsBetter ? "lower" : "higher";
}

Result<core::Direction> ParseDirection(std::string_view name) {
  if (name == "higher") return core::Direction::kHigherIsBetter;
  if (name == "lower") return core::Direction::kLowerIsBetter;
  return Status::Internal("bad indicator direction in the database: " + std::string(name));
}

Result<core::Indicator> ReadIndicator(const Rows& rows, int row) {
  core::Indicator indicator;
  indicator.id = rows.Int(row, 0);
  indicator.name = rows.Text(row, 1);
  indicator.unit = rows.Text(row, 2);
  PG_ASSIGN_OR_RETURN(indicator.direction, ParseDirection(rows.Text(row, 3)));
  return indicator;
}

}  // namespace

Result<Id> PgTransaction::AddObligation(const core::Obligation& obligation) {
  PG_RETURN_IF_ERROR(RequireRow("agencies", obligation.agency_id, "agency"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", obligation.document_id, "document"));
  PG_RETURN_IF_ERROR(
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
  return InsertReturningId(
      "INSERT INTO obligations (document_id, agency_id, text, cadence, recurrence_day, "
      "recurrence_text, starts_on, ends_on, regime_id) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id",
      Params()
          .Add(obligation.document_id)
          .Add(obligation.agency_id)
          .Add(obligation.text)
          .Add(core::CadenceName(obligation.recurrence.cadence))
          .Add(obligation.recurrence.day)
          .Add(obligation.recurrence.text)
          .Add(obligation.starts_on)
          .Add(obligation.ends_on)
          .Add(obligation.regime_id),
      "add obligation");
}

Result<std::vector<core::Obligation>> PgTransaction::ListObligations() {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, document_id, agency_id, text, cadence, recurrence_day, recurrence_text, "
            "starts_on, ends_on, regime_id FROM obligations ORDER BY id",
            Params(), "list obligations"));
  std::vector<core::Obligation> obligations;
  obligations.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Obligation obligation;
    obligation.id = rows.Int(row, 0);
    obligation.document_id = rows.OptInt(row, 1);
    obligation.agency_id = rows.Int(row, 2);
    obligation.text = rows.Text(row, 3);
    PG_ASSIGN_OR_RETURN(obligation.recurrence.cadence, core::ParseCadence(rows.Text(row, 4)));
    if (!rows.IsNull(row, 5)) obligation.recurrence.day = static_cast<int>(rows.Int(row, 5));
    obligation.recurrence.text = rows.Text(row, 6);
    obligation.starts_on = rows.DateAt(row, 7);
    obligation.ends_on = rows.OptDate(row, 8);
    obligation.regime_id = rows.OptInt(row, 9);
    obligations.push_back(std::move(obligation));
  }
  return obligations;
}

Result<Id> PgTransaction::AddIndicator(const core::Indicator& indicator) {
  if (indicator.name.empty()) return Status::InvalidInput("an indicator needs a name");
  return InsertReturningId(
      "INSERT INTO indicators (name, unit, direction) VALUES ($1, $2, $3) RETURNING id",
      Params().Add(indicator.name).Add(indicator.unit).Add(DirectionName(indicator.direction)),
      "add indicator");
}

Result<core::Indicator> PgTransaction::GetIndicator(Id id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT id, name, unit, direction FROM indicators WHERE id = $1",
                            Params().Add(id), "get indicator"));
  if (rows.empty()) return Status::NotFound("no indicator " + std::to_string(id));
  return ReadIndicator(rows, 0);
}

Result<std::vector<core::Indicator>> PgTransaction::ListIndicators() {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT id, name, unit, direction FROM indicators ORDER BY id",
                            Params(), "list indicators"));
  std::vector<core::Indicator> indicators;
  indicators.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    PG_ASSIGN_OR_RETURN(core::Indicator indicator, ReadIndicator(rows, row));
    indicators.push_back(std::move(indicator));
  }
  return indicators;
}

Result<Id> PgTransaction::AddTarget(const core::Target& target) {
  PG_RETURN_IF_ERROR(RequireRow("indicators", target.indicator_id, "indicator"));
  PG_RETURN_IF_ERROR(core::ValidatePeriod(target.period));
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", target.agency_id, "agency"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", target.document_id, "document"));
  if (target.comparator == core::Comparator::kRange) {
    if (!target.low || !target.high || *target.low > *target.high) {
      return Status::InvalidInput("a range target needs low <= high (indicator " +
                                  std::to_string(target.indicator_id) + ")");
    }
  } else if (!target.value) {
    return Status::InvalidInput("a target needs a value (indicator " +
                                std::to_string(target.indicator_id) + ")");
  }
  Params params;
  params.Add(target.indicator_id)
      .Add(core::PeriodKey(target.period))
      .Add(target.agency_id)
      .Add(target.value)
      .Add(target.low)
      .Add(target.high)
      .Add(core::ComparatorSymbol(target.comparator))
      .Add(target.plan_source)
      .Add(target.document_id);
  AddSpan(params, target.span);
  return InsertReturningId(
      "INSERT INTO targets (indicator_id, period, agency_id, value, low, high, comparator, "
      "plan_source, document_id, span_line_start, span_line_end, span_start, span_end) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
      params, "add target");
}

Result<std::vector<core::Target>> PgTransaction::ListTargets(std::optional<Id> indicator_id) {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, indicator_id, period, agency_id, value, low, high, comparator, "
            "plan_source, document_id, span_line_start, span_line_end, span_start, span_end "
            "FROM targets WHERE $1::bigint IS NULL OR indicator_id = $1 ORDER BY id",
            Params().Add(indicator_id), "list targets"));
  std::vector<core::Target> targets;
  targets.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Target target;
    target.id = rows.Int(row, 0);
    target.indicator_id = rows.Int(row, 1);
    PG_ASSIGN_OR_RETURN(target.period, PeriodAt(rows, row, 2));
    target.agency_id = rows.OptInt(row, 3);
    target.value = rows.OptReal(row, 4);
    target.low = rows.OptReal(row, 5);
    target.high = rows.OptReal(row, 6);
    PG_ASSIGN_OR_RETURN(target.comparator, core::ParseComparator(rows.Text(row, 7)));
    target.plan_source = rows.Text(row, 8);
    target.document_id = rows.OptInt(row, 9);
    target.span = SpanAt(rows, row, 10);
    targets.push_back(std::move(target));
  }
  return targets;
}

Result<Id> PgTransaction::AddFigure(const core::Figure& figure) {
  PG_RETURN_IF_ERROR(RequireRow("indicators", figure.indicator_id, "indicator"));
  PG_RETURN_IF_ERROR(core::ValidatePeriod(figure.period));
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", figure.agency_id, "agency"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", figure.document_id, "document"));
  return InsertReturningId(
      "INSERT INTO figures (indicator_id, agency_id, period, value, estimate, submitted_at, "
      "submitted_by, document_id, note) "
      "VALUES ($1, $2, $3, $4, $5, to_timestamp($6), $7, $8, $9) RETURNING id",
      Params()
          .Add(figure.indicator_id)
          .Add(figure.agency_id)
          .Add(core::PeriodKey(figure.period))
          .Add(figure.value)
          .Add(figure.estimate)
          .AddTimestamp(figure.submitted_at)
          .Add(figure.submitted_by)
          .Add(figure.document_id)
          .Add(figure.note),
      "add figure");
}

Result<std::vector<core::Figure>> PgTransaction::ListFigures(std::optional<Id> indicator_id) {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, indicator_id, agency_id, period, value, estimate, " PG_EPOCH(
                "submitted_at") ", submitted_by, document_id, note FROM figures "
                                "WHERE $1::bigint IS NULL OR indicator_id = $1 ORDER BY id",
            Params().Add(indicator_id), "list figures"));
  std::vector<core::Figure> figures;
  figures.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::Figure figure;
    figure.id = rows.Int(row, 0);
    figure.indicator_id = rows.Int(row, 1);
    figure.agency_id = rows.OptInt(row, 2);
    PG_ASSIGN_OR_RETURN(figure.period, PeriodAt(rows, row, 3));
    figure.value = rows.Real(row, 4);
    figure.estimate = rows.Bool(row, 5);
    figure.submitted_at = rows.TimestampAt(row, 6);
    figure.submitted_by = rows.OptInt(row, 7);
    figure.document_id = rows.OptInt(row, 8);
    figure.note = rows.Text(row, 9);
    figures.push_back(std::move(figure));
  }
  return figures;
}

Result<Id> PgTransaction::AddReportingRegime(const core::ReportingRegime& regime) {
  if (regime.name.empty()) return Status::InvalidInput("a reporting regime needs a name");
  if (regime.due_day < 1 || regime.due_day > 31) {
    return Status::InvalidInput("due day " + std::to_string(regime.due_day) + " is outside 1..31");
  }
  if (regime.due_month_offset < 0 || regime.due_month_offset > 12) {
    return Status::InvalidInput("due month offset " + std::to_string(regime.due_month_offset) +
                                " is outside 0..12");
  }
  PG_RETURN_IF_ERROR(
      RequireOptionalRow("agencies", regime.recipient_agency_id, "recipient agency"));
  PG_RETURN_IF_ERROR(RequireOptionalRow("agencies", regime.via_agency_id, "via agency"));
  return InsertReturningId(
      "INSERT INTO reporting_regimes (name, cadence, due_month_offset, due_day, "
      "recipient_agency_id, via_agency_id) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
      Params()
          .Add(regime.name)
          .Add(core::CadenceName(regime.cadence))
          .Add(regime.due_month_offset)
          .Add(regime.due_day)
          .Add(regime.recipient_agency_id)
          .Add(regime.via_agency_id),
      "add reporting regime");
}

Result<std::vector<core::ReportingRegime>> PgTransaction::ListReportingRegimes() {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, name, cadence, due_month_offset, due_day, recipient_agency_id, "
            "via_agency_id FROM reporting_regimes ORDER BY id",
            Params(), "list reporting regimes"));
  std::vector<core::ReportingRegime> regimes;
  regimes.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::ReportingRegime regime;
    regime.id = rows.Int(row, 0);
    regime.name = rows.Text(row, 1);
    PG_ASSIGN_OR_RETURN(regime.cadence, core::ParseCadence(rows.Text(row, 2)));
    regime.due_month_offset = static_cast<int>(rows.Int(row, 3));
    regime.due_day = static_cast<int>(rows.Int(row, 4));
    regime.recipient_agency_id = rows.OptInt(row, 5);
    regime.via_agency_id = rows.OptInt(row, 6);
    regimes.push_back(std::move(regime));
  }
  return regimes;
}

Result<Id> PgTransaction::AddReportSubmission(const core::ReportSubmission& submission) {
  PG_RETURN_IF_ERROR(RequireRow("reporting_regimes", submission.regime_id, "reporting regime"));
  PG_RETURN_IF_ERROR(RequireRow("agencies", submission.agency_id, "agency"));
  PG_RETURN_IF_ERROR(core::ValidatePeriod(submission.period));
  PG_RETURN_IF_ERROR(RequireOptionalRow("documents", submission.document_id, "document"));
  return InsertReturningId(
      "INSERT INTO report_submissions (regime_id, agency_id, period, submitted_at, document_id) "
      "VALUES ($1, $2, $3, to_timestamp($4), $5) RETURNING id",
      Params()
          .Add(submission.regime_id)
          .Add(submission.agency_id)
          .Add(core::PeriodKey(submission.period))
          .AddTimestamp(submission.submitted_at)
          .Add(submission.document_id),
      "add report submission");
}

Result<std::vector<core::ReportSubmission>> PgTransaction::ListReportSubmissions(Id regime_id) {
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT id, regime_id, agency_id, period, " PG_EPOCH(
                "submitted_at") ", document_id FROM report_submissions WHERE regime_id = $1 "
                                "ORDER BY id",
            Params().Add(regime_id), "list report submissions"));
  std::vector<core::ReportSubmission> submissions;
  submissions.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::ReportSubmission submission;
    submission.id = rows.Int(row, 0);
    submission.regime_id = rows.Int(row, 1);
    submission.agency_id = rows.Int(row, 2);
    PG_ASSIGN_OR_RETURN(submission.period, PeriodAt(rows, row, 3));
    submission.submitted_at = rows.TimestampAt(row, 4);
    submission.document_id = rows.OptInt(row, 5);
    submissions.push_back(submission);
  }
  return submissions;
}

Status PgTransaction::PutCalendarDay(const core::CalendarDay& day) {
  return Query(
             "INSERT INTO calendar_days (date, kind, name) VALUES ($1, $2, $3) "
             "ON CONFLICT (date) DO UPDATE SET kind = $2, name = $3",
             Params().Add(day.date).Add(core::CalendarDayKindName(day.kind)).Add(day.name),
             "put calendar day")
      .status();
}

Result<std::vector<core::CalendarDay>> PgTransaction::ListCalendarDays(int year) {
  std::vector<core::CalendarDay> days;
  // make_date refuses years outside 1..9999 (and would abort the
  // transaction); no stored day is in them anyway.
  if (year < 1 || year > 9999) return days;
  PG_ASSIGN_OR_RETURN(
      const Rows rows,
      Query("SELECT date, kind, name FROM calendar_days WHERE date BETWEEN make_date($1, 1, 1) "
            "AND make_date($1, 12, 31) ORDER BY date",
            Params().Add(year), "list calendar days"));
  days.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) {
    core::CalendarDay day;
    day.date = rows.DateAt(row, 0);
    PG_ASSIGN_OR_RETURN(day.kind, core::ParseCalendarDayKind(rows.Text(row, 1)));
    day.name = rows.Text(row, 2);
    days.push_back(std::move(day));
  }
  return days;
}

}  // namespace dondoc::store::pg
