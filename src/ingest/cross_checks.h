// The checks of an import that look beyond one row: duplicate keys (inside a file and across
// files of the same kind) and references to enterprises, projects, parks and chains, which must
// be stored already or come in the same import.
#pragma once

#include <vector>

#include "domain/dataset.h"
#include "ingest/parsed_file.h"
#include "store/stored_ids.h"

namespace zhizao::detail {

// Reports every row whose key an earlier row (same file, or an earlier file of the same kind)
// already has, naming that earlier row.
void check_duplicate_keys(std::vector<ParsedFile>& files);

// Reports every reference to an enterprise, project, park or chain that is neither in `stored`
// nor in one of `files`.
void check_references(std::vector<ParsedFile>& files, const StoredIds& stored);

}  // namespace zhizao::detail
