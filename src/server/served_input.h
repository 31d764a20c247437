// The data every reading endpoint computes from: the served database's ReportInput (its
// columnar snapshot, kept open between requests and checked against the data version on every
// one, so an answer never reads stale data). One place, so that no endpoint loads the 30 million
// SQLite records of a national database per request.
#pragma once

#include <optional>
#include <string>

#include "columnar/report_input.h"
#include "server/api_context.h"

namespace zhizao::server {

// Returns the current input of the database at `db_path` (`call.db` is a connection to it), or
// answers the error (500 for an unreadable snapshot or database) and returns nullopt.
// Thread-safe: one snapshot cache per database path, a rebuild done once while others wait.
std::optional<ReportInput> served_input(ApiCall& call, const std::string& db_path);

}  // namespace zhizao::server
