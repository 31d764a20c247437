// Region groups (区域组合, e.g. 洛阳都市圈): named sets of GB/T 2260 regions of any level. Groups
// are data (stored in the database, importable); this file knows the default one and the rules.
#pragma once

#include <string_view>

#include "base/status.h"
#include "domain/records.h"

namespace zhizao {

// Returns the default group 洛阳都市圈 (id "luoyang-metro"): 410300 洛阳市, 419001 济源市,
// 410800 焦作市, 410400 平顶山市, 411200 三门峡市, 410181 巩义市, in that order.
// Returns a new value each call; thread-safe.
RegionGroup luoyang_metropolitan_area();

// True if county-level code `county` lies within any member of `group` (see region_contains).
bool group_contains(const RegionGroup& group, std::string_view county);

// Checks a group: non-empty id and name, at least one member, every member a known GB/T 2260
// code of any level, no member twice. Errors: kInvalidData naming the group and the first fault.
Status check_region_group(const RegionGroup& group);

}  // namespace zhizao
