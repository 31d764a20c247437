// write_import_template: blank workbooks laid out the way the bureau's own tables are (title,
// header, units, data), with one sample row each that imports cleanly.
#include <fmt/format.h>

#include "base/text.h"
#include "ingest/column_schema.h"
#include "ingest/daily_electricity_rows.h"
#include "ingest/sheet_columns.h"
#include "ingest/v2_sheet_rows.h"
#include "ingest/workbook_export.h"
#include "ingest/workbook_sheet.h"

namespace zhizao {
namespace {

using detail::CellValue;
using detail::FileKind;
using detail::SheetRow;

// The sample rows refer to each other: the monthly row to the sample enterprise, the progress
// row to the sample project. The enterprise's code passes the GB 32100-2015 check digit.
constexpr std::string_view kSampleUscc = "91410302MA400001XM";
constexpr std::string_view kSampleProject = "XM2021001";

SheetRow sample_row(FileKind kind) {
  using S = std::string;
  switch (kind) {
    case FileKind::kChains:
      return {S("C01"), S("新材料产业链")};
    case FileKind::kParks:
      return {S("P01"), S("示例高新技术产业园"), S("410302"), S("省级开发区")};
    case FileKind::kRegionGroups:
      return {S("G01"), S("示例分组"), S("410302;410303")};
    case FileKind::kEnterprises:
      return {S(kSampleUscc), S("示例机械制造有限公司"), S("3411"), S("410302"), S(), S(), 1.0};
    case FileKind::kMonthly:
      return {S(kSampleUscc), S("2021-04"), 1234.5, 345.6, 12.3, 1100.0, 310.2, 11.8, 1.0};
    case FileKind::kDeflators:
      return {S("34"), S("2021-04"), 101.2};
    case FileKind::kValueAddedRatios:
      return {S("34"), 2021.0, 0.28};
    case FileKind::kProjects:
      return {S(kSampleProject),
              S("示例智能装备产业园项目"),
              S("410302"),
              50000.0,
              S("34"),
              S(),
              S(),
              12000.0,
              CivilDate{2021, 3, 1},
              CivilDate{2021, 3, 15},
              CivilDate{2022, 12, 31},
              CellValue(),
              S()};
    case FileKind::kProjectProgress:
      return {S(kSampleProject), S("2021-04"), 1500.0};
    case FileKind::kElectricityDaily:
      return detail::daily_electricity_sample_row(kSampleUscc);
    case FileKind::kCampaigns:
    case FileKind::kProducts:
    case FileKind::kProductOutput:
    case FileKind::kTargets:
    case FileKind::kAssignments:
    case FileKind::kVisits:
    case FileKind::kCases:
      return detail::v2_sample_row(kind, kSampleUscc);
  }
  return {};
}

std::string column_note(FileKind kind, int column) {
  const detail::ColumnSpec& spec = detail::columns_of(kind)[static_cast<size_t>(column)];
  bool required = spec.requirement == detail::Requirement::kRequired;
  std::string note = fmt::format("{}{}", spec.name, required ? "（必填 required）" : "（可空）");
  std::string_view aliases = spec.aliases;
  if (aliases.find('|') != std::string_view::npos) {
    note += fmt::format("\n也可写作: {}", aliases.substr(aliases.find('|') + 1));
  }
  return note;
}

Status write_sheet(xlsx::WorkbookWriter& workbook, FileKind kind) {
  Result<xlsx::SheetWriter> sheet = workbook.add_sheet(detail::sheet_name_of(kind));
  if (!sheet) return sheet.error();
  int columns = static_cast<int>(detail::columns_of(kind).size());
  sheet->merge(0, 0, 0, columns - 1,
               fmt::format("{}（导入模板：表头勿改，示例行可删除）", detail::sheet_name_of(kind)),
               xlsx::CellStyle::kTitle);
  sheet->row_height(0, 24);
  bool has_units = false;
  for (int c = 0; c < columns; ++c) {
    sheet->text(1, c, detail::written_header(kind, c, false), xlsx::CellStyle::kHeader);
    sheet->note(1, c, column_note(kind, c));
    std::string_view unit = detail::unit_of_column(kind, c);
    if (!unit.empty()) has_units = true;
  }
  int next = 2;
  if (has_units) {
    for (int c = 0; c < columns; ++c) {
      std::string_view unit = detail::unit_of_column(kind, c);
      if (!unit.empty()) sheet->text(2, c, unit, xlsx::CellStyle::kUnit);
    }
    next = 3;
  }
  sheet->freeze(next, 0);
  std::vector<SheetRow> rows = {sample_row(kind)};
  detail::fit_columns(*sheet, kind, rows);
  detail::write_row(*sheet, next, rows.front());
  return Status::ok();
}

std::optional<std::vector<FileKind>> kinds_named(std::string_view name) {
  if (name == "all") {
    return std::vector<FileKind>(detail::kKindsInDependencyOrder.begin(),
                                 detail::kKindsInDependencyOrder.end());
  }
  for (FileKind kind : detail::kKindsInDependencyOrder) {
    if (name == detail::kind_name(kind)) return std::vector<FileKind>{kind};
  }
  return std::nullopt;
}

}  // namespace

std::string_view template_kinds_help() {
  // Every kind the importer knows, so that a kind added there has its template at once.
  static const std::string help = [] {
    std::string kinds;
    for (FileKind kind : detail::kKindsInDependencyOrder) {
      kinds += fmt::format("{}, ", detail::kind_name(kind));
    }
    return kinds + "all";
  }();
  return help;
}

Status write_import_template(std::string_view kind, const std::string& path) {
  std::optional<std::vector<FileKind>> kinds = kinds_named(ascii_lower(kind));
  if (!kinds) {
    return Status::usage(
        fmt::format("unknown kind \"{}\"; one of: {}", kind, template_kinds_help()));
  }
  Result<std::unique_ptr<xlsx::WorkbookWriter>> workbook = xlsx::WorkbookWriter::create(path);
  if (!workbook) return workbook.error();
  for (FileKind k : *kinds) ZHIZAO_RETURN_IF_ERROR(write_sheet(**workbook, k));
  return (*workbook)->close();
}

}  // namespace zhizao
