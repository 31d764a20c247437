// StoredIds: the ids that rows of an import may refer to (enterprises, projects, parks, chains,
// region groups, campaigns, products with their units),
// read with one SELECT of the key column each, so that the reference checks of an import need
// not load the stored records themselves (30 million monthly rows at national scale).
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "store/database.h"

namespace zhizao {

struct StoredIds {
  std::vector<std::string> enterprises;    // uscc
  std::vector<std::string> projects;       // id
  std::vector<std::string> parks;          // id
  std::vector<std::string> chains;         // id
  std::vector<std::string> region_groups;  // id
  std::vector<std::string> campaigns;      // id
  std::vector<Product> products;           // every stored product (a few hundred at most)
};

// Returns the stored ids, each list in key order, read in one read transaction (one snapshot).
// Errors: kIoError. Same thread rules as `db`.
Result<StoredIds> load_stored_ids(const Database& db);

}  // namespace zhizao
