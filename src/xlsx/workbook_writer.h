// Small RAII helpers over libxlsxwriter's C API (https://libxlsxwriter.github.io) for writing
// .xlsx files: a workbook that closes itself, sheets addressed by 0-based row and column,
// a few named cell styles, and column widths that fit Chinese text.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/result.h"
#include "base/year_month.h"

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace zhizao::xlsx {

// The cell styles the helpers offer. Every workbook has all of them.
enum class CellStyle {
  kPlain,
  kHeader,   // bold, centred, light fill, thin border, wrapped
  kTitle,    // bold, larger, centred
  kUnit,     // italic grey, centred: a units row
  kText,     // number format "@": what is typed stays text ("06" keeps its zero)
  kInteger,  // "0"
  kDecimal,  // "#,##0.00" with thousands separators
  kNumber,   // "General": every digit of the stored value
  kPercent,  // "0.0" (a rate already in percent)
  kDate,     // "yyyy-mm-dd"
};

class WorkbookWriter;

// A worksheet of a WorkbookWriter; a cheap handle, valid while the workbook is open.
// Rows and columns are 0-based, as in libxlsxwriter. Writes past the sheet's limits and
// other libxlsxwriter errors are remembered and reported by WorkbookWriter::close().
class SheetWriter {
 public:
  void text(int row, int column, std::string_view value, CellStyle style = CellStyle::kPlain);
  void number(int row, int column, double value, CellStyle style = CellStyle::kNumber);
  void date(int row, int column, const CivilDate& value);
  void blank(int row, int column, CellStyle style);
  // Merges the inclusive range and writes `value` into it.
  void merge(int first_row, int first_column, int last_row, int last_column, std::string_view value,
             CellStyle style);
  // Adds a comment (a note shown on hover) to a cell.
  void note(int row, int column, std::string_view value);
  // Freezes the rows above `row` and the columns left of `column`.
  void freeze(int row, int column);
  // Sets the width of `column` in Excel's character units; `style` becomes its default style.
  void column_width(int column, double width, CellStyle style = CellStyle::kPlain);
  void row_height(int row, double height);

 private:
  friend class WorkbookWriter;
  SheetWriter(WorkbookWriter* owner, lxw_worksheet* sheet) : owner_(owner), sheet_(sheet) {}

  WorkbookWriter* owner_;
  lxw_worksheet* sheet_;
};

// An .xlsx file being written. It is written to PATH.tmp and renamed to PATH by close(), so a
// reader never sees half a file; destroying an unclosed writer removes the temporary file.
// Not thread-safe.
class WorkbookWriter {
 public:
  // Starts a workbook at `path`. Errors: kIoError when it cannot be created.
  static Result<std::unique_ptr<WorkbookWriter>> create(const std::string& path);
  ~WorkbookWriter();
  WorkbookWriter(const WorkbookWriter&) = delete;
  WorkbookWriter& operator=(const WorkbookWriter&) = delete;

  // Adds a sheet named `name` (at most 31 characters, none of []:*?/\, unique).
  // Errors: kInternal naming the rule broken.
  Result<SheetWriter> add_sheet(std::string_view name);

  // Writes the file. Errors: kIoError, or kInternal for a libxlsxwriter error remembered from
  // an earlier call. The writer can only be destroyed afterwards.
  Status close();

 private:
  friend class SheetWriter;
  WorkbookWriter(lxw_workbook* workbook, std::string path, std::string temp_path);
  lxw_format* format(CellStyle style) const;
  void remember(int error, std::string_view what);

  lxw_workbook* workbook_;
  std::string path_;
  std::string temp_path_;
  std::string first_error_;
  lxw_format* formats_[10] = {};
};

// Returns a column width (Excel character units) that fits `text`: CJK characters count two,
// plus a margin. Used to size columns of Chinese headers and names.
double fitting_width(std::string_view text);

}  // namespace zhizao::xlsx
