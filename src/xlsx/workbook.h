// The contents of an XLSX workbook as zhizao reads them: sheets in workbook order, each with
// its non-empty cells and merged ranges (ECMA-376 Part 1, SpreadsheetML).
#pragma once

#include <cstddef>
#include <cstdint>
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

// Bounds on what read_workbook reads and keeps, known in advance (docs/security.md, "Bounds on
// input"). An .xlsx is a ZIP of XML parts that may unpack a thousand times larger than the file,
// so every part is parsed as a stream and refused at the first bound it passes: the memory of a
// read follows the cells kept (at most max_cells of 64 bytes plus max_cell_text_bytes of text,
// and the shared strings), never what an attacker writes. The defaults admit any workbook a
// bureau fills by hand or exports from zhizao; national data come as CSV (data contract).
struct WorkbookLimits {
  // ZIP entries (a workbook has a dozen plus one or two per sheet); libzip keeps each in memory.
  uint64_t max_zip_entries = 10'000;
  // Unpacked bytes of one XML part: a sheet at max_cells is about 200 MB of XML, and "1 GB of
  // spaces in a 1 MB file" is refused after a quarter of it.
  uint64_t max_part_bytes = uint64_t{256} << 20;
  // Unpacked bytes of all the parts read, together.
  uint64_t max_workbook_bytes = uint64_t{1} << 30;
  // Elements of one part, comments and processing instructions included. A kept cell is two
  // (<c><v>), a row one: 16 Mi admits a sheet at max_cells with as many styled empty cells, and
  // refuses the "512 MiB of <x/>" bomb after 64 MiB.
  uint64_t max_part_elements = uint64_t{1} << 24;
  // Nesting depth of elements (SpreadsheetML nests fewer than 10).
  size_t max_depth = 256;
  // Bytes of one XML token: a tag with its attributes, a comment, a processing instruction. The
  // XML parser holds a token whole before it reports it; text is reported in pieces.
  size_t max_token_bytes = size_t{1} << 20;
  // Cells kept, in all sheets together: with max_cell_text_bytes, the bound on the memory.
  size_t max_cells = size_t{1} << 22;
  // Characters of one cell's text or one shared string: Excel's own limit (32,767).
  size_t max_cell_chars = 32'767;
  // Bytes of text kept in all cells together (a shared string is copied into every cell that
  // uses it, so this bounds what references to one long string could cost).
  uint64_t max_cell_text_bytes = uint64_t{256} << 20;
  // Shared strings: how many, and their bytes together.
  size_t max_shared_strings = size_t{1} << 21;
  uint64_t max_shared_string_bytes = uint64_t{128} << 20;
  // Sheets of the workbook; merged ranges of all sheets together.
  size_t max_sheets = 1024;
  size_t max_merged_ranges = size_t{1} << 18;
  // Relationships of one .rels part; custom number formats (Excel allows about 250); cell
  // formats (Excel allows 64,000).
  size_t max_relationships = 4096;
  size_t max_number_formats = 4096;
  size_t max_cell_formats = 65'536;
  // Bytes of a name kept from a metadata part: a sheet name, a relationship id or target, a
  // number format code.
  size_t max_name_bytes = 1024;
};

// Reads an .xlsx workbook from its bytes: xl/workbook.xml and its relationships, the shared
// strings (rich text runs joined, phonetic runs dropped), the styles (to tell dates) and every
// worksheet, each part parsed as a stream (expat) within `limits`. Chart sheets are left out.
// Errors: kInvalidData naming what is wrong ("not a ZIP archive", "not an XLSX workbook: no
// xl/workbook.xml", a malformed part) and where: the part, and the sheet, row and cell when
// known ("sheet 月报: xl/worksheets/sheet1.xml: C7: more than 32767 characters in a cell").
Result<Workbook> read_workbook(std::string_view bytes, const WorkbookLimits& limits);

// read_workbook with the default limits.
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
