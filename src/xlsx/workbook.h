// The contents of an XLSX workbook as zhizao reads them: sheets in workbook order, each with
// its non-empty cells and merged ranges (ECMA-376 Part 1, SpreadsheetML).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "base/year_month.h"

namespace zhizao::xlsx {

enum class CellType {
  kText,     // a shared, inline or formula string
  kNumber,   // a number; `date` tells whether its number format shows a date
  kBoolean,  // number is 0 or 1
  kError,    // "#N/A", "#DIV/0!", ... in `text`
};

struct Cell {
  int row = 0;     // 1-based
  int column = 0;  // 1-based: A = 1
  CellType type = CellType::kText;
  std::string text;   // kText and kError
  double number = 0;  // kNumber and kBoolean
  bool date = false;  // kNumber with a date number format (a serial day number)
};

// An inclusive range of cells merged into one; its value is that of the top-left cell.
struct MergedRange {
  int first_row = 0;
  int first_column = 0;
  int last_row = 0;
  int last_column = 0;

  bool contains(int row, int column) const {
    return row >= first_row && row <= last_row && column >= first_column && column <= last_column;
  }
};

struct Sheet {
  std::string name;
  bool hidden = false;
  std::vector<Cell> cells;  // in row-major order, empty cells left out
  std::vector<MergedRange> merges;
};

struct Workbook {
  std::vector<Sheet> sheets;  // in the order of the workbook's tabs
  bool date1904 = false;      // serial numbers count from 1904-01-01 (old Mac Excel)
};

// Reads an .xlsx workbook from its bytes: xl/workbook.xml and its relationships, the shared
// strings (rich text runs joined, phonetic runs dropped), the styles (to tell dates) and every
// worksheet. Chart sheets are left out. Errors: kInvalidData naming what is wrong ("not a ZIP
// archive", "not an XLSX workbook: no xl/workbook.xml", a malformed part).
Result<Workbook> read_workbook(std::string_view bytes);

// Returns the A1 reference of a cell: (17, 4) gives "D17".
std::string cell_reference(int row, int column);

// Returns the column letters of a 1-based column: 1 gives "A", 27 gives "AA".
std::string column_letters(int column);

// Parses an A1 reference ("D17", also "$D$17") into (row, column). Returns false when malformed.
bool parse_cell_reference(std::string_view reference, int& row, int& column);

// Returns the calendar date of an Excel serial day number (the time of day dropped). In the
// 1900 system serial 1 is 1900-01-01 and 60 is Excel's fictitious 1900-02-29 (refused); in the
// 1904 system serial 0 is 1904-01-01.
// Errors: kInvalidData `not a date: 60` for serials before day 1, 60 itself, or after 9999.
Result<CivilDate> date_from_serial(double serial, bool date1904);

// Returns the 1900-system serial day number of `date` (the inverse of date_from_serial).
double serial_from_date(const CivilDate& date);

// True when number format `id` with format code `code` (empty for built-in ids) shows a date:
// built-in ids 14–22 and the East Asian date ids 27–36 and 50–58, and custom codes that hold
// y, d or m (outside quoted text, escapes and [..] sections) without being a time only.
bool is_date_format(int id, std::string_view code);

}  // namespace zhizao::xlsx
