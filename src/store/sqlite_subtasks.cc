// Sub-tasks in the SQLite store: the tasks delegated from a task, found by
// the tasks_parent index.
#include <vector>

#include "store/sqlite_transaction.h"

namespace dondoc::store::sqlite {

Result<std::vector<Id>> SqliteTransaction::ListSubtaskIds(Id parent_id) {
  STORE_ASSIGN_OR_RETURN(Stmt stmt,
                         db_.Prepare("SELECT id FROM tasks WHERE parent_id = ?1 ORDER BY id"));
  stmt.Bind(1, parent_id);
  std::vector<Id> ids;
  while (true) {
    STORE_ASSIGN_OR_RETURN(const bool row, stmt.Step());
    if (!row) return ids;
    ids.push_back(stmt.Int(0));
  }
}

}  // namespace dondoc::store::sqlite
