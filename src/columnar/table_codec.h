// The tables of a Dataset other than its monthly rows (enterprises, deflators, ratios, parks,
// chains, projects, their progress, region groups, and the v2 tables: products, product output,
// targets, campaigns, assignments, visits, cases) as bytes, for the columnar snapshot. Native
// byte order: the snapshot is a cache on this machine, checked by its header (snapshot_file.h).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"
#include "domain/dataset.h"

namespace zhizao::detail {

// Returns the bytes of every table of `tables` except `monthly` and `electricity_daily`, which
// are not written.
std::string encode_tables(const Dataset& tables);

// Returns the tables encoded by encode_tables (monthly empty). Errors: kCorruption when the
// bytes end early, run on, or hold an impossible length.
Result<Dataset> decode_tables(std::string_view bytes);

}  // namespace zhizao::detail
