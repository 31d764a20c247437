// export_contract_workbook: the Dataset as one workbook that import_sources reads back.
#include <fmt/format.h>

#include "ingest/case_export_check.h"
#include "ingest/column_schema.h"
#include "ingest/sheet_columns.h"
#include "ingest/v2_columns.h"
#include "ingest/v2_sheet_rows.h"
#include "ingest/workbook_export.h"
#include "ingest/workbook_rows.h"

namespace zhizao {
namespace {

using detail::FileKind;

// The region group every database starts with; like the CSV export, it is not exported.
constexpr std::string_view kDefaultRegionGroup = "luoyang-metro";

Status write_kind(xlsx::WorkbookWriter& workbook, FileKind kind,
                  const std::vector<detail::SheetRow>& rows) {
  Result<xlsx::SheetWriter> sheet = workbook.add_sheet(detail::sheet_name_of(kind));
  if (!sheet) return sheet.error();
  size_t columns = detail::exported_column_count(kind);
  for (size_t column = 0; column < columns; ++column) {
    int c = static_cast<int>(column);
    sheet->text(0, c, detail::written_header(kind, c, true), xlsx::CellStyle::kHeader);
  }
  sheet->freeze(1, 0);
  detail::fit_columns(*sheet, kind, rows);
  for (size_t r = 0; r < rows.size(); ++r)
    detail::write_row(*sheet, static_cast<int>(r) + 1, rows[r]);
  return Status::ok();
}

}  // namespace

Status export_contract_workbook(const Dataset& dataset, const std::string& path) {
  ZHIZAO_RETURN_IF_ERROR(check_cases_have_department(dataset));
  Result<std::unique_ptr<xlsx::WorkbookWriter>> workbook = xlsx::WorkbookWriter::create(path);
  if (!workbook) return workbook.error();
  for (FileKind kind : {FileKind::kChains, FileKind::kParks, FileKind::kEnterprises,
                        FileKind::kMonthly, FileKind::kDeflators, FileKind::kValueAddedRatios,
                        FileKind::kProjects, FileKind::kProjectProgress}) {
    ZHIZAO_RETURN_IF_ERROR(write_kind(**workbook, kind, detail::sheet_rows(dataset, kind)));
  }
  for (FileKind kind : detail::kKindsInDependencyOrder) {
    if (!detail::is_v2_kind(kind)) continue;
    std::vector<detail::SheetRow> rows = detail::v2_sheet_rows(dataset, kind);
    if (!rows.empty()) ZHIZAO_RETURN_IF_ERROR(write_kind(**workbook, kind, rows));
  }
  Dataset groups;
  for (const RegionGroup& g : dataset.region_groups) {
    if (g.id != kDefaultRegionGroup) groups.region_groups.push_back(g);
  }
  if (!groups.region_groups.empty()) {
    ZHIZAO_RETURN_IF_ERROR(write_kind(**workbook, FileKind::kRegionGroups,
                                      detail::sheet_rows(groups, FileKind::kRegionGroups)));
  }
  return (*workbook)->close();
}

}  // namespace zhizao
