// The demo's daily electricity readings (electricity_daily.csv, data contract "v2 additions"):
// invented, marked synthetic like the rest of the demo (docs/demo.md, docs/methodology.md).
// Generated as year blocks straight into the store by `zhizao demo`, not into the demo's Dataset:
// 1.5 million readings as DailyElectricity rows (a string each) made every test that generates
// the demo seconds slower and the demo command 13 s instead of 0.6 s (debug build).
#pragma once

#include <cstdint>
#include <vector>

#include "domain/dataset.h"
#include "store/daily_electricity_store.h"

namespace zhizao::detail {

// A reading for every day of every month in which an enterprise of `demo` reports electricity:
// the month's 万千瓦时 × 10^4 kWh spread over its days (January and February together for a
// February row that holds both), less on weekends and around the Spring Festival, with a little
// noise. The days of a month sum to its monthly figure exactly, in tenths of a kWh. By (uscc,
// year). Deterministic in `seed`; draws from a generator of its own, so the article's figures do
// not move.
std::vector<DailyElectricityYear> demo_daily_electricity(const Dataset& demo, uint64_t seed);

// Generates them and writes them into `db` (store's write_daily_years). Errors: kIoError.
Status store_demo_daily_electricity(Database& db, const Dataset& demo, uint64_t seed);

}  // namespace zhizao::detail
