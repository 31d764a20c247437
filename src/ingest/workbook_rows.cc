#include "ingest/workbook_rows.h"

#include "ingest/daily_electricity_rows.h"
#include "ingest/v2_sheet_rows.h"

namespace zhizao::detail {
namespace {

CellValue number(const std::optional<double>& value) {
  return value ? CellValue(*value) : CellValue();
}
CellValue date(const std::optional<CivilDate>& value) {
  return value ? CellValue(*value) : CellValue();
}
CellValue flag(bool value) { return CellValue(value ? 1.0 : 0.0); }

std::string join_ids(const std::vector<std::string>& ids) {
  std::string joined;
  for (const std::string& id : ids) {
    if (!joined.empty()) joined.push_back(';');
    joined += id;
  }
  return joined;
}

SheetRow row_of(const Enterprise& e) {
  return {e.uscc, e.name, e.industry, e.region, e.park, join_ids(e.chains), flag(e.key)};
}
SheetRow row_of(const MonthlyRecord& m) {
  return {m.uscc,
          m.period.to_string(),
          m.output,
          number(m.value_added),
          number(m.electricity),
          number(m.output_prev),
          number(m.value_added_prev),
          number(m.electricity_prev),
          flag(m.in_scope)};
}
SheetRow row_of(const Deflator& d) { return {d.division, d.period.to_string(), d.ppi}; }
SheetRow row_of(const ValueAddedRatio& r) {
  return {r.division, static_cast<double>(r.year), r.ratio};
}
SheetRow row_of(const Park& p) { return {p.id, p.name, p.region, p.category}; }
SheetRow row_of(const Chain& c) { return {c.id, c.name}; }
SheetRow row_of(const Project& p) {
  return {p.id,
          p.name,
          p.region,
          p.total_investment,
          p.industry,
          p.chain,
          p.park,
          number(p.year_plan_investment),
          date(p.planned_start),
          date(p.actual_start),
          date(p.planned_completion),
          date(p.actual_completion),
          p.campaign};
}
SheetRow row_of(const ProjectProgress& p) {
  return {p.project_id, p.period.to_string(), p.investment};
}
SheetRow row_of(const RegionGroup& g) { return {g.id, g.name, join_ids(g.members)}; }
SheetRow row_of(const DailyElectricity& r) { return daily_electricity_sheet_row(r); }

template <typename Record>
std::vector<SheetRow> rows_of(const std::vector<Record>& records) {
  std::vector<SheetRow> rows;
  rows.reserve(records.size());
  for (const Record& r : records) rows.push_back(row_of(r));
  return rows;
}

}  // namespace

std::vector<SheetRow> sheet_rows(const Dataset& d, FileKind kind) {
  switch (kind) {
    case FileKind::kEnterprises:
      return rows_of(d.enterprises);
    case FileKind::kMonthly:
      return rows_of(d.monthly);
    case FileKind::kDeflators:
      return rows_of(d.deflators);
    case FileKind::kValueAddedRatios:
      return rows_of(d.va_ratios);
    case FileKind::kParks:
      return rows_of(d.parks);
    case FileKind::kChains:
      return rows_of(d.chains);
    case FileKind::kProjects:
      return rows_of(d.projects);
    case FileKind::kProjectProgress:
      return rows_of(d.project_progress);
    case FileKind::kRegionGroups:
      return rows_of(d.region_groups);
    case FileKind::kElectricityDaily:
      return rows_of(d.electricity_daily);
    case FileKind::kCampaigns:
    case FileKind::kProducts:
    case FileKind::kProductOutput:
    case FileKind::kTargets:
    case FileKind::kAssignments:
    case FileKind::kVisits:
    case FileKind::kCases:
      return v2_sheet_rows(d, kind);
  }
  return {};
}

}  // namespace zhizao::detail
