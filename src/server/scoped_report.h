// The request of a report-shaped endpoint as GET /api/report reads it (docs/api.md, "Reading"):
// period, window and scope from the query, checked against the caller's role. Shared by the
// document, analysis and benchmark endpoints so that each answers exactly as /api/report does.
#pragma once

#include <optional>
#include <string>

#include "columnar/report_input.h"
#include "engine/engine.h"
#include "server/api_context.h"

namespace zhizao::server {

struct ScopedReport {
  ReportInput input;
  ReportRequest request;
};

// Loads the data and builds the request for the caller, or answers and returns std::nullopt:
// 403 for enterprise users and for a scope outside a county user's area (also for an unknown
// one); 400 without a well-formed `period`; 404 for a period (not a January) without records of
// its own month. January goes on to the engine, which refuses it (400).
// `wait`: which snapshot the input may be (server/served_input.h).
std::optional<ScopedReport> scoped_report(ApiCall& call, const std::string& db_path,
                                          SnapshotWait wait = SnapshotWait::kForCurrent);

// The report of `request` over `input` as `zhizao report` computes it: ReportInput::report, then
// the flood-season safety figures and warnings read from `db` (src/safety; the snapshot does not
// carry them), so that every endpoint answers what the command prints. Errors: those of
// ReportInput::report and of the safety tables.
Result<ReportData> complete_report(Database& db, const ReportInput& input,
                                   const ReportRequest& request);

}  // namespace zhizao::server
