#include "ingest/register_export.h"

#include <fmt/format.h>

#include <optional>

#include "base/text.h"
#include "ingest/file_kind.h"
#include "ingest/sheet_columns.h"
#include "ingest/v2_columns.h"
#include "ingest/v2_sheet_rows.h"
#include "ingest/workbook_rows.h"
#include "ingest/workbook_sheet.h"
#include "xlsx/workbook_writer.h"

namespace zhizao {
namespace {

using detail::FileKind;

std::optional<FileKind> register_kind(std::string_view name) {
  for (FileKind kind : detail::kKindsInDependencyOrder) {
    if (name == detail::kind_name(kind)) return kind;
  }
  return std::nullopt;
}

}  // namespace

Status export_register_workbook(const Dataset& dataset, std::string_view kind,
                                const std::string& path) {
  std::optional<FileKind> file_kind = register_kind(ascii_lower(kind));
  if (!file_kind) return Status::usage(fmt::format("no register \"{}\" to export", kind));
  // Unlike the contract's files, the register is what cadres read at a meeting: a case raised and
  // not yet assigned is there, with an empty department (its import refuses that row, naming the
  // column, as the contract requires a department; ingest/case_export_check.h).
  const std::vector<detail::SheetRow> rows = detail::is_v2_kind(*file_kind)
                                                 ? detail::v2_sheet_rows(dataset, *file_kind)
                                                 : detail::sheet_rows(dataset, *file_kind);
  Result<std::unique_ptr<xlsx::WorkbookWriter>> workbook = xlsx::WorkbookWriter::create(path);
  if (!workbook) return workbook.error();
  // The same sheet as export_contract_workbook's for this kind.
  Result<xlsx::SheetWriter> sheet = (*workbook)->add_sheet(detail::sheet_name_of(*file_kind));
  if (!sheet) return sheet.error();
  const size_t columns = detail::exported_column_count(*file_kind);
  for (size_t column = 0; column < columns; ++column) {
    const int c = static_cast<int>(column);
    sheet->text(0, c, detail::written_header(*file_kind, c, true), xlsx::CellStyle::kHeader);
  }
  sheet->freeze(1, 0);
  detail::fit_columns(*sheet, *file_kind, rows);
  for (size_t r = 0; r < rows.size(); ++r) {
    detail::write_row(*sheet, static_cast<int>(r) + 1, rows[r]);
  }
  return (*workbook)->close();
}

}  // namespace zhizao
