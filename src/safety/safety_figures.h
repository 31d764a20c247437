// The flood-season safety figures and warnings (docs/safety.md "Figures" and "Warnings") from the
// safety records and the enterprises of enterprises.csv, and their place in a report. Pure
// functions of their arguments but attach_safety_figures, which reads the database; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/dataset.h"
#include "engine/engine.h"
#include "engine/report_data.h"
#include "safety/safety_records.h"
#include "store/database.h"

namespace zhizao {

struct SafetyFigureRequest {
  CivilDate as_of;         // D: hazards, checks and the roster count up to this day
  CivilDate window_first;  // plans whose season ends before this day are left out
  std::string scope;       // a region code of any level or a region group id; empty for all
};

// The request of a report: D = the last day of the period, the window's first day, its scope.
SafetyFigureRequest safety_request_of(const ReportData& report);

// Returns the figures of every plan whose season meets [window_first, as_of] (from ≤ as_of and
// to ≥ window_first), by id; nullopt when there is none. Enterprises are those of
// `tables.enterprises` (the first row of a code). Errors: kUsage for a scope that is neither a
// region nor a region group of `tables`.
Result<std::optional<SafetyFigures>> compute_safety_figures(const SafetyRegister& records,
                                                            const Dataset& tables,
                                                            const SafetyFigureRequest& request);

// The warnings of docs/safety.md for `figures`: the safety rules of the process's warning rules
// (active_warning_rules(); by default an overdue major hazard red, an overdue ordinary hazard
// orange, a plan past its end with enterprises unchecked orange, a running plan whose coverage is
// below its time progress yellow), evaluated by warnings/safety_rule_warnings.h; most severe
// first, then in plan and hazard order.
std::vector<Warning> safety_warnings(const SafetyFigures& figures);

// Sets report.safety from the safety records of `db` and merges their warnings into
// report.warnings (most severe first, the existing order kept within a level). Nothing, at the
// cost of four empty reads, when `db` has no safety plan meeting the report's window. `tables`
// are the data the report was computed from (ReportInput::tables()). Errors: as
// load_safety_register and compute_safety_figures.
Status attach_safety_figures(const Database& db, const Dataset& tables, ReportData& report);

}  // namespace zhizao
