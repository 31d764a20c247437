// The checks of the v2 input files that look beyond one row: duplicate keys (inside a file and
// across files of the same kind) and references — product output to products (and their
// units), targets' scopes, projects' campaigns, and the enterprises that product output,
// assignments, visits and cases name — to rows stored already or coming in the same import.
#pragma once

#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/parsed_file.h"
#include "store/stored_ids.h"

namespace zhizao::detail {

// Reports every v2 row whose key an earlier row (same file, or an earlier file of the same kind)
// already has, naming that earlier row. Keys: products by code; product output by (uscc,
// period, product); targets, campaigns, cases by id; assignments by (uscc, cadre, department);
// visits by (uscc, date, cadre).
void check_v2_duplicate_keys(std::vector<ParsedFile>& files);

// The ids of the import and the database that v2 rows may name, besides those in StoredIds.
struct KnownIds {
  const std::unordered_set<std::string_view>& enterprises;
  const std::unordered_set<std::string_view>& parks;
  const std::unordered_set<std::string_view>& chains;
};

// Reports every reference of a v2 row (and of a project's campaign) that is neither stored nor
// in one of `files`: "unknown product", "unknown enterprise", "unknown campaign", a target's
// scope that is no region code, region group, park, chain or "all", and a product output row
// whose stated unit is not its product's unit ("unit mismatch").
void check_v2_references(std::vector<ParsedFile>& files, const StoredIds& stored,
                         const KnownIds& known);

}  // namespace zhizao::detail
