// The JSON shapes of tracked values in API responses, shared by the
// dashboard, plan and notification routes: one place decides how a task, a
// target or a figure looks on the wire.
#pragma once

#include <boost/json/object.hpp>

#include "core/model.h"
#include "core/reminders.h"
#include "core/task_status.h"
#include "service/tracking.h"

namespace dondoc::http {

boost::json::object CountsJson(const core::StatusCounts& counts);
boost::json::object TaskRowJson(const service::TaskRow& row);
boost::json::object IndicatorJson(const core::Indicator& indicator);
boost::json::object TargetJson(const core::Target& target);
boost::json::object FigureJson(const core::Figure& figure);
boost::json::object RegimeJson(const core::ReportingRegime& regime);
boost::json::object SubmissionJson(const core::ReportSubmission& submission);
boost::json::object NotificationJson(const core::Notification& notification);

// "higher" / "lower".
const char* DirectionName(core::Direction direction);

}  // namespace dondoc::http
