// The /api/v1 routes over the service layer. Handlers run on the server's
// worker pool; each parses its parameters (400 naming the bad one), calls a
// service use case and turns the result or its Status into JSON.
//
//   GET /api/v1/health        the process is up: {"status":"ok","version":...}
//   GET /api/v1/ready         the store answers a read at this build's schema
//                             version: 200, else 503
//   GET /api/v1/openapi.json  the OpenAPI 3.0 document of every route
//   GET /api/v1/tasks         tracked tasks as of a day (paged)
//   GET /api/v1/status        four-way counts by lead agency as of a day
//   documents and import jobs (document_routes.cc), the review queue
//   (review_routes.cc), agencies (agency_routes.cc)
//   GET /api/v1/tasks/{id}/audit, /api/v1/audit  audit trails (audit_routes.cc)
//   /api/v1/tasks/{id}...     a task's detail and every change to it
//                             (http/task_routes.cc)
//   GET /api/v1/dashboard/... counts, due lists, achievement, timeliness, trend
//   /api/v1/indicators, targets, figures, reports/{regime}/submissions
//   /api/v1/notifications     the user's reminders; POST .../{id}/read
//
// Every route but health, ready, openapi.json and login authenticates the
// request first with ApiOptions::authenticate (http/auth.h).
#pragma once

#include <memory>
#include <string>

#include "common/status.h"
#include "http/auth.h"
#include "http/router.h"
#include "service/import_jobs.h"
#include "store/store.h"

namespace dondoc::http {

struct ApiOptions {
  std::string version = "0.1.0";
  std::string province;  // helps match agency names in filters
  int default_page_size = 50;
  int max_page_size = 500;
  // Runs uploads' imports in the background (service/import_jobs.h).
  // AddApiRoutes makes one (province from above) when unset; the owner
  // calls Shutdown() after the server stops.
  std::shared_ptr<service::ImportJobs> imports;
  // Who makes each request (http/auth.h); required: AddApiRoutes refuses
  // options without one.
  Authenticator authenticate;
};

// Adds every route to `router`. `store` and `router` must outlive the
// server; the OpenAPI route describes whatever `router` holds when it is
// requested.
Status AddApiRoutes(Router& router, store::Store& store, const ApiOptions& options);

// Split by area, each adding its routes.
Status AddSystemRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddTrackingRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddDocumentRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddReviewRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddAgencyRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddAuditRoutes(Router& router, store::Store& store, const ApiOptions& options);
Status AddTaskRoutes(Router& router, store::Store& store, const ApiOptions& options);
// GET /api/v1/dashboard/{status,due,achievement,timeliness,trend}
Status AddDashboardRoutes(Router& router, store::Store& store, const ApiOptions& options);
// /api/v1/indicators, targets, figures, reports and report submissions
Status AddPlanRoutes(Router& router, store::Store& store, const ApiOptions& options);
// /api/v1/notifications and marking one read
Status AddNotificationRoutes(Router& router, store::Store& store, const ApiOptions& options);

}  // namespace dondoc::http
