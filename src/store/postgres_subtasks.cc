// Sub-tasks in the PostgreSQL store: the tasks delegated from a task, found
// by the tasks_parent index.
#include <vector>

#include "store/postgres_transaction.h"

namespace dondoc::store::pg {

Result<std::vector<Id>> PgTransaction::ListSubtaskIds(Id parent_id) {
  PG_ASSIGN_OR_RETURN(const Rows rows,
                      Query("SELECT id FROM tasks WHERE parent_id = $1 ORDER BY id",
                            Params().Add(parent_id), "list sub-tasks"));
  std::vector<Id> ids;
  ids.reserve(rows.size());
  for (int row = 0; row < rows.size(); ++row) ids.push_back(rows.Int(row, 0));
  return ids;
}

}  // namespace dondoc::store::pg
