// Every table of a Dataset except the monthly records, read in one place: Database::load and the
// columnar snapshot's rebuild (src/columnar/snapshot_rebuild.cc) both need these tables and read
// the monthly records each in their own way.
#pragma once

#include <sqlite3.h>

#include "base/status.h"
#include "domain/dataset.h"

namespace zhizao::detail {

// Appends to `dataset` every stored row of every table but the monthly one: the enterprises
// (each with its chains, in position order), deflators, value-added ratios, parks, chains,
// projects, project progress, region groups, and the v2 tables (products, product output,
// targets, campaigns, assignments, visits, cases), each in key order, and the area setting
// (Dataset::area_code); `dataset.monthly` and
// `dataset.electricity_daily` are left alone. Opens no transaction: the caller holds a read
// transaction on `db`, so that these tables and the monthly records come from the same state.
// Errors: kIoError, kCorruption (an unreadable value); `dataset` may then hold part of the rows.
// Not thread-safe; `db` must stay open.
Status load_all_but_monthly(sqlite3* db, Dataset& dataset);

}  // namespace zhizao::detail
