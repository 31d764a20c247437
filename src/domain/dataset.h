// Dataset: every record of a database (or of one import batch) held in memory. A plain value:
// the store loads one, ingest builds one per batch, the demo generates one, the engine reads one.
#pragma once

#include <string>
#include <vector>

#include "domain/records.h"

namespace zhizao {

struct Dataset {
  std::vector<Enterprise> enterprises;
  std::vector<MonthlyRecord> monthly;
  std::vector<Deflator> deflators;
  std::vector<ValueAddedRatio> va_ratios;
  std::vector<Park> parks;
  std::vector<Chain> chains;
  std::vector<Project> projects;
  std::vector<ProjectProgress> project_progress;
  std::vector<RegionGroup> region_groups;
  // v2 additions of the data contract.
  std::vector<Product> products;
  std::vector<ProductOutput> product_output;
  std::vector<Target> targets;
  std::vector<Campaign> campaigns;
  std::vector<Assignment> assignments;
  std::vector<Visit> visits;
  std::vector<ServiceCase> cases;
  std::vector<DailyElectricity> electricity_daily;
  // The installation's area set by `zhizao settings area CODE` (GB/T 2260, "000000" for the
  // country; store/settings_store.h); empty for the default, the smallest region holding every
  // enterprise (area/installation_area.h). Loaded with the tables; an import batch's is ignored.
  std::string area_code;

  bool operator==(const Dataset&) const = default;
};

}  // namespace zhizao
