#include "ingest/v2_sheet_rows.h"

#include <string>

#include "domain/target_indicator.h"
#include "ingest/column_schema.h"
#include "ingest/v2_columns.h"

namespace zhizao::detail {
namespace {

CellValue number(const std::optional<double>& value) {
  return value ? CellValue(*value) : CellValue();
}
template <typename Integer>
CellValue count(const std::optional<Integer>& value) {
  return value ? CellValue(static_cast<double>(*value)) : CellValue();
}
CellValue date(const std::optional<CivilDate>& value) {
  return value ? CellValue(*value) : CellValue();
}

SheetRow row_of(const Product& p) { return {p.code, p.name, p.unit, p.division}; }
SheetRow row_of(const ProductOutput& o) {
  return {o.uscc, o.period.to_string(), o.product, o.quantity, number(o.quantity_prev)};
}
SheetRow row_of(const Target& t) {
  return {t.id,
          t.name,
          std::string(target_indicator_name(t.indicator)),
          t.scope,
          static_cast<double>(t.year),
          t.value,
          number(t.threshold)};
}
SheetRow row_of(const Campaign& c) {
  return {c.id,
          c.name,
          c.from,
          c.to,
          count(c.planned_starts),
          count(c.planned_completions),
          number(c.planned_investment)};
}
SheetRow row_of(const Assignment& a) { return {a.uscc, a.cadre, a.department}; }
SheetRow row_of(const Visit& v) { return {v.uscc, v.date, v.cadre, v.findings}; }
SheetRow row_of(const ServiceCase& s) {
  return {s.id,         s.uscc,     s.raised,         s.category,
          s.department, s.deadline, date(s.resolved), count(s.rating)};
}

template <typename Record>
std::vector<SheetRow> rows_of(const std::vector<Record>& records) {
  std::vector<SheetRow> rows;
  rows.reserve(records.size());
  for (const Record& r : records) rows.push_back(row_of(r));
  return rows;
}

}  // namespace

std::vector<SheetRow> v2_sheet_rows(const Dataset& d, FileKind kind) {
  switch (kind) {
    case FileKind::kProducts:
      return rows_of(d.products);
    case FileKind::kProductOutput:
      return rows_of(d.product_output);
    case FileKind::kTargets:
      return rows_of(d.targets);
    case FileKind::kCampaigns:
      return rows_of(d.campaigns);
    case FileKind::kAssignments:
      return rows_of(d.assignments);
    case FileKind::kVisits:
      return rows_of(d.visits);
    case FileKind::kCases:
      return rows_of(d.cases);
    default:
      return {};
  }
}

SheetRow v2_sample_row(FileKind kind, std::string_view sample_uscc) {
  using S = std::string;
  S uscc(sample_uscc);
  switch (kind) {
    case FileKind::kProducts:
      return {S("P001"), S("示例产品（滚动轴承）"), S("套"), S("34")};
    case FileKind::kProductOutput:
      return {uscc, S("2021-04"), S("P001"), 1200.0, 1100.0, S("套")};
    case FileKind::kTargets:
      return {
          S("T2025-01"), S("示例目标：规上工业总产值"), S("output"), S("all"), 2025.0, 50000000.0,
          CellValue()};
    case FileKind::kCampaigns:
      return {S("CP2021-01"),
              S("示例百日攻坚行动"),
              CivilDate{2021, 4, 1},
              CivilDate{2021, 7, 9},
              10.0,
              2.0,
              50000.0};
    case FileKind::kAssignments:
      return {uscc, S("张示例"), S("市工业和信息化局")};
    case FileKind::kVisits:
      return {uscc, CivilDate{2021, 4, 8}, S("张示例"), S("用工需求已对接")};
    case FileKind::kCases:
      return {S("SQ2021-001"),        uscc,
              CivilDate{2021, 4, 8},  S("用工"),
              S("市人社局"),          CivilDate{2021, 5, 8},
              CivilDate{2021, 4, 30}, 5.0};
    default:
      return {};
  }
}

size_t exported_column_count(FileKind kind) {
  size_t columns = columns_of(kind).size();
  return kind == FileKind::kProductOutput ? columns - 1 : columns;
}

}  // namespace zhizao::detail
