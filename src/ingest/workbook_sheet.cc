#include "ingest/workbook_sheet.h"

#include <fmt/format.h>

#include <algorithm>

#include "ingest/column_schema.h"
#include "ingest/csv_writer.h"
#include "ingest/sheet_columns.h"

namespace zhizao::detail {
namespace {

constexpr double kMaxWidth = 48;
constexpr size_t kRowsMeasured = 500;

xlsx::CellStyle style_of(ColumnRole role) {
  switch (role) {
    case ColumnRole::kText:
    case ColumnRole::kIndustryCode:
    case ColumnRole::kPeriod:
      return xlsx::CellStyle::kText;
    case ColumnRole::kDate:
      return xlsx::CellStyle::kDate;
    case ColumnRole::kYear:
    case ColumnRole::kFlag:
      return xlsx::CellStyle::kInteger;
    default:
      return xlsx::CellStyle::kNumber;
  }
}

std::string shown_text(const CellValue& value) {
  if (const std::string* text = std::get_if<std::string>(&value)) return *text;
  if (const double* number = std::get_if<double>(&value)) return plain_decimal(*number);
  if (std::holds_alternative<CivilDate>(value)) return "2021-01-01";
  return {};
}

}  // namespace

std::string_view unit_of_column(FileKind kind, int column) {
  switch (column_role(kind, column)) {
    case ColumnRole::kMoney:
      return "万元";
    case ColumnRole::kElectricity:
      return "万千瓦时";
    default:
      return {};
  }
}

std::string written_header(FileKind kind, int column, bool with_unit) {
  std::string_view unit = unit_of_column(kind, column);
  std::string_view name = chinese_header(kind, column);
  if (!with_unit || unit.empty()) return std::string(name);
  return fmt::format("{}({})", name, unit);
}

void write_row(xlsx::SheetWriter& sheet, int at, const SheetRow& row) {
  for (size_t column = 0; column < row.size(); ++column) {
    const CellValue& value = row[column];
    int c = static_cast<int>(column);
    if (const std::string* text = std::get_if<std::string>(&value)) {
      if (!text->empty()) sheet.text(at, c, *text, xlsx::CellStyle::kText);
    } else if (const double* number = std::get_if<double>(&value)) {
      sheet.number(at, c, *number);
    } else if (const CivilDate* date = std::get_if<CivilDate>(&value)) {
      sheet.date(at, c, *date);
    }
  }
}

void fit_columns(xlsx::SheetWriter& sheet, FileKind kind, const std::vector<SheetRow>& rows) {
  std::span<const ColumnSpec> columns = columns_of(kind);
  for (size_t column = 0; column < columns.size(); ++column) {
    int c = static_cast<int>(column);
    double width = xlsx::fitting_width(written_header(kind, c, true));
    for (size_t r = 0; r < rows.size() && r < kRowsMeasured; ++r) {
      if (column < rows[r].size()) {
        width = std::max(width, xlsx::fitting_width(shown_text(rows[r][column])));
      }
    }
    sheet.column_width(c, std::min(width, kMaxWidth), style_of(column_role(kind, c)));
  }
}

}  // namespace zhizao::detail
