// The demo's enterprise service (五每, data contract v2 "Enterprise service"; issue 14): cadres
// and departments assigned to the key enterprises, visits of January–June 2021 with gaps, and
// sixteen cases of 2021 in every state — resolved on time and late, rated well and badly, open
// and overdue at the end of April (escalated to the city), one resolved only after it. All of it
// invented and marked 演示 (docs/demo.md). Internal to the demo module and `zhizao demo`.
#pragma once

#include "base/status.h"
#include "domain/dataset.h"
#include "store/database.h"

namespace zhizao::detail {

// Adds assignments, visits and cases (the contract's rows) for the key enterprises of `dataset`.
// Deterministic (no random draw); no v1 figure reads these tables. Precondition: the demo's
// enterprises are generated.
void add_demo_service(Dataset& dataset);

// Takes the demo's cases, already stored in `db` by an apply of the demo dataset, into the case
// workflow of the API (store/case_store.h) with their designed states, assignees and
// escalations, one revision each (action "import", user "demo"). Errors: the store's; kInternal
// when a case was not stored first.
Status add_demo_case_workflow(Database& db);

}  // namespace zhizao::detail
