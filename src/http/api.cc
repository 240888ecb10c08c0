#include "http/api.h"

namespace dondoc::http {

Status AddApiRoutes(Router& router, store::Store& store, const ApiOptions& options) {
  if (options.default_page_size < 1 || options.max_page_size < options.default_page_size) {
    return Status::InvalidInput("page sizes: need 1 <= default <= max");
  }
  if (!options.authenticate) return Status::InvalidInput("API routes need an authenticator");
  if (Status s = AddSystemRoutes(router, store, options); !s.ok()) return s;
  return AddTrackingRoutes(router, store, options);
}

}  // namespace dondoc::http
