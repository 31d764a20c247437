// The demo's flood-season safety checks (汛期安全检查, issue 14, docs/safety.md): a plan for the
// tailings dams (尾矿库) of the mining divisions 08–10 from June to September 2021, June's checks
// of most of those enterprises, hazards open and closed (one major hazard past its deadline at the
// end of June, one rectification that failed its re-inspection), and June's duty roster with a
// day nobody is on duty. All of it invented and marked 演示; no v1 or v2 figure of the article
// reads it. Internal to the demo module and `zhizao demo`.
#pragma once

#include <vector>

#include "domain/dataset.h"
#include "ingest/importer.h"

namespace zhizao::detail {

// The safety files (safety_plans.csv, safety_checks.csv, safety_hazards.csv, duty_roster.csv) for
// the enterprises of `dataset` in divisions 08–10, by code order. Deterministic (no random draw);
// empty when the dataset has no such enterprise. `zhizao demo` imports them through src/safety.
std::vector<SourceFile> demo_safety_files(const Dataset& dataset);

}  // namespace zhizao::detail
