// The division part of the nowcast (docs/methodology.md, "Daily electricity and the nowcast",
// "Divisions"): which enterprises make up each manufacturing division (GB/T 4754-2017 divisions
// 13–43, from enterprises.csv's industry code) and why a division has no estimate. Pure functions;
// thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "domain/records.h"
#include "signals/nowcast.h"

namespace zhizao {

// The enterprises of each manufacturing division among `enterprises` (by their `division`);
// divisions without an enterprise are absent. A uscc registered twice counts once, in the
// division of its first row (as the engine reads an enterprise).
DivisionMembers manufacturing_division_members(std::span<const Enterprise> enterprises);

// Why `division` (with its model) has no estimate, or DivisionGap::kNone when it has one.
DivisionGap division_gap(const DivisionNowcast& division, const NowcastOptions& options);

// The gap as the JSON's `reason` ("no_readings", "too_few_months", "no_electricity_growth",
// "no_fit"); empty for kNone.
std::string_view division_gap_key(DivisionGap gap);

}  // namespace zhizao
