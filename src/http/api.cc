#include "http/api.h"

#include <utility>

namespace dondoc::http {

Status AddApiRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  if (options.default_page_size < 1 || options.max_page_size < options.default_page_size) {
    return Status::InvalidInput("page sizes: need 1 <= default <= max");
  }
  if (!options.authenticate) return Status::InvalidInput("API routes need an authenticator");
  ApiOptions with_imports = options;
  if (!with_imports.imports) {
    service::ImportJobsOptions jobs;
    jobs.import.province = options.province;
    auto made = service::ImportJobs::Create(store, jobs);
    if (!made.ok()) return made.status();
    with_imports.imports = std::move(made.value());
  }
  if (Status s = AddSystemRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddTrackingRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddDocumentRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddReviewRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddAgencyRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddAuditRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddTaskRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddDashboardRoutes(router, store, with_imports); !s.ok()) return s;
  if (Status s = AddPlanRoutes(router, store, with_imports); !s.ok()) return s;
  return AddNotificationRoutes(router, store, with_imports);
}

}  // namespace dondoc::http
