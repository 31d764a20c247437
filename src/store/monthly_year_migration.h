// Migration 5's data step: the monthly records move from table `monthly` (one row per month)
// into year blocks (table monthly_year, month_block.h), and `monthly` becomes a view.
#pragma once

#include <sqlite3.h>

#include "base/status.h"

namespace zhizao::detail {

// Inside the migration's transaction: reads every row of table `monthly` in key order, writes
// one monthly_year row per (uscc, year), drops the table and creates the view `monthly`
// (monthly_view_sql). Errors: kIoError, kCorruption.
Status move_monthly_to_year_blocks(sqlite3* db);

}  // namespace zhizao::detail
