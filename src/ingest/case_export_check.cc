#include "ingest/case_export_check.h"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

namespace zhizao {

Status check_cases_have_department(const Dataset& dataset) {
  std::vector<const ServiceCase*> without;
  for (const ServiceCase& service_case : dataset.cases) {
    if (service_case.department.empty()) without.push_back(&service_case);
  }
  if (without.empty()) return Status::ok();
  std::sort(without.begin(), without.end(),
            [](const ServiceCase* a, const ServiceCase* b) { return a->id < b->id; });
  std::string listed;
  const size_t shown = std::min(without.size(), size_t{kMaxListedCasesWithoutDepartment});
  for (size_t i = 0; i < shown; ++i) {
    const ServiceCase& c = *without[i];
    listed +=
        fmt::format("{}{} ({}, raised {})", i == 0 ? "" : ", ", c.id, c.uscc, c.raised.to_string());
  }
  if (without.size() > shown) listed += fmt::format(" and {} more", without.size() - shown);
  return Status::invalid_data(fmt::format(
      "cases.csv needs a department (责任部门) in every row (data contract, v2 input files); "
      "{} case(s) raised but not yet assigned to a department cannot be exported: {}. Assign "
      "them first (POST /api/cases/ID/assign, or the dashboard's case page)",
      without.size(), listed));
}

}  // namespace zhizao
