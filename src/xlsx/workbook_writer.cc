#include "xlsx/workbook_writer.h"

#include <fmt/format.h>
#include <xlsxwriter.h>

#include <cstdio>
#include <filesystem>

#include "base/text.h"

namespace zhizao::xlsx {
namespace {

lxw_row_t row_of(int row) { return static_cast<lxw_row_t>(row); }
lxw_col_t column_of(int column) { return static_cast<lxw_col_t>(column); }

}  // namespace

void SheetWriter::text(int row, int column, std::string_view value, CellStyle style) {
  std::string copy(value);
  owner_->remember(worksheet_write_string(sheet_, row_of(row), column_of(column), copy.c_str(),
                                          owner_->format(style)),
                   "write a string");
}

void SheetWriter::number(int row, int column, double value, CellStyle style) {
  owner_->remember(
      worksheet_write_number(sheet_, row_of(row), column_of(column), value, owner_->format(style)),
      "write a number");
}

void SheetWriter::date(int row, int column, const CivilDate& value) {
  lxw_datetime datetime = {value.year, value.month, value.day, 0, 0, 0.0};
  owner_->remember(worksheet_write_datetime(sheet_, row_of(row), column_of(column), &datetime,
                                            owner_->format(CellStyle::kDate)),
                   "write a date");
}

void SheetWriter::blank(int row, int column, CellStyle style) {
  owner_->remember(
      worksheet_write_blank(sheet_, row_of(row), column_of(column), owner_->format(style)),
      "write a blank cell");
}

void SheetWriter::merge(int first_row, int first_column, int last_row, int last_column,
                        std::string_view value, CellStyle style) {
  std::string copy(value);
  owner_->remember(
      worksheet_merge_range(sheet_, row_of(first_row), column_of(first_column), row_of(last_row),
                            column_of(last_column), copy.c_str(), owner_->format(style)),
      "merge cells");
}

void SheetWriter::note(int row, int column, std::string_view value) {
  std::string copy(value);
  owner_->remember(worksheet_write_comment(sheet_, row_of(row), column_of(column), copy.c_str()),
                   "write a comment");
}

void SheetWriter::freeze(int row, int column) {
  worksheet_freeze_panes(sheet_, row_of(row), column_of(column));
}

void SheetWriter::column_width(int column, double width, CellStyle style) {
  owner_->remember(worksheet_set_column(sheet_, column_of(column), column_of(column), width,
                                        owner_->format(style)),
                   "set a column width");
}

void SheetWriter::row_height(int row, double height) {
  owner_->remember(worksheet_set_row(sheet_, row_of(row), height, nullptr), "set a row height");
}

WorkbookWriter::WorkbookWriter(lxw_workbook* workbook, std::string path, std::string temp_path)
    : workbook_(workbook), path_(std::move(path)), temp_path_(std::move(temp_path)) {
  auto add = [&](CellStyle style) {
    lxw_format* f = workbook_add_format(workbook_);
    formats_[static_cast<int>(style)] = f;
    return f;
  };
  add(CellStyle::kPlain);
  lxw_format* header = add(CellStyle::kHeader);
  format_set_bold(header);
  format_set_align(header, LXW_ALIGN_CENTER);
  format_set_align(header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_text_wrap(header);
  format_set_bg_color(header, 0xDDEBF7);
  format_set_border(header, LXW_BORDER_THIN);
  lxw_format* title = add(CellStyle::kTitle);
  format_set_bold(title);
  format_set_font_size(title, 14);
  format_set_align(title, LXW_ALIGN_CENTER);
  format_set_align(title, LXW_ALIGN_VERTICAL_CENTER);
  lxw_format* unit = add(CellStyle::kUnit);
  format_set_italic(unit);
  format_set_font_color(unit, 0x595959);
  format_set_align(unit, LXW_ALIGN_CENTER);
  format_set_num_format(add(CellStyle::kText), "@");
  format_set_num_format(add(CellStyle::kInteger), "0");
  format_set_num_format(add(CellStyle::kDecimal), "#,##0.00");
  format_set_num_format(add(CellStyle::kNumber), "General");
  format_set_num_format(add(CellStyle::kPercent), "0.0");
  format_set_num_format(add(CellStyle::kDate), "yyyy-mm-dd");
}

Result<std::unique_ptr<WorkbookWriter>> WorkbookWriter::create(const std::string& path) {
  std::string temp_path = path + ".tmp";
  // libxlsxwriter only opens the file when closing; find out now whether it can be written.
  if (std::FILE* probe = std::fopen(temp_path.c_str(), "wb")) {
    std::fclose(probe);
  } else {
    return fail(Status::io_error(fmt::format("cannot write {}", path)));
  }
  lxw_workbook* workbook = workbook_new(temp_path.c_str());
  if (workbook == nullptr) {
    std::remove(temp_path.c_str());
    return fail(Status::io_error(fmt::format("cannot create workbook {}", path)));
  }
  return std::unique_ptr<WorkbookWriter>(new WorkbookWriter(workbook, path, temp_path));
}

WorkbookWriter::~WorkbookWriter() {
  if (workbook_ == nullptr) return;
  workbook_close(workbook_);
  std::remove(temp_path_.c_str());
}

Result<SheetWriter> WorkbookWriter::add_sheet(std::string_view name) {
  std::string copy(name);
  lxw_error valid = workbook_validate_sheet_name(workbook_, copy.c_str());
  if (valid != LXW_NO_ERROR) {
    return fail(Status::internal(fmt::format("sheet name \"{}\": {}", name, lxw_strerror(valid))));
  }
  lxw_worksheet* sheet = workbook_add_worksheet(workbook_, copy.c_str());
  if (sheet == nullptr) {
    return fail(Status::internal(fmt::format("cannot add sheet \"{}\"", name)));
  }
  return SheetWriter(this, sheet);
}

Status WorkbookWriter::close() {
  lxw_error closed = workbook_close(workbook_);
  workbook_ = nullptr;
  if (closed != LXW_NO_ERROR) {
    std::remove(temp_path_.c_str());
    return Status::io_error(fmt::format("cannot write {}: {}", path_, lxw_strerror(closed)));
  }
  if (!first_error_.empty()) {
    std::remove(temp_path_.c_str());
    return Status::internal(fmt::format("writing {}: {}", path_, first_error_));
  }
  std::error_code error;
  std::filesystem::rename(temp_path_, path_, error);
  if (error) {
    std::remove(temp_path_.c_str());
    return Status::io_error(
        fmt::format("cannot rename {} to {}: {}", temp_path_, path_, error.message()));
  }
  return Status::ok();
}

lxw_format* WorkbookWriter::format(CellStyle style) const {
  return formats_[static_cast<int>(style)];
}

void WorkbookWriter::remember(int error, std::string_view what) {
  if (error == LXW_NO_ERROR || !first_error_.empty()) return;
  first_error_ = fmt::format("cannot {}: {}", what, lxw_strerror(static_cast<lxw_error>(error)));
}

double fitting_width(std::string_view text) {
  int widest = 0;
  for (std::string_view line : split(text, '\n')) widest = std::max(widest, display_width(line));
  return static_cast<double>(widest) * 1.1 + 2.0;
}

}  // namespace zhizao::xlsx
