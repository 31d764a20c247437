// The readers of the parts of a SpreadsheetML package that read_workbook puts together, each a
// streaming handler over xml_stream.h and each bounded by WorkbookLimits (ECMA-376 Part 1:
// 18.2 workbook, 18.3 worksheets, 18.4 shared strings, 18.8 styles; Part 2: relationships).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "xlsx/workbook.h"
#include "xlsx/xml_stream.h"
#include "xlsx/zip_reader.h"

namespace zhizao::xlsx::detail {

// What one read_workbook call has read and kept so far, against its WorkbookLimits.
struct ReadBudget {
  const WorkbookLimits& limits;
  UnpackedBytes unpacked;
  size_t cells = 0;
  uint64_t cell_text_bytes = 0;
  size_t merged_ranges = 0;
};

struct Relationship {
  std::string id;
  std::string type;    // the full type URI
  std::string target;  // resolved against the folder of the part that holds it
};

// The relationships of `part` (its "_rels/NAME.rels"); none when the .rels part is absent.
// Errors: kInvalidData for a malformed part or more than max_relationships of them.
Result<std::vector<Relationship>> read_relationships(const ZipReader& zip, std::string_view part,
                                                     ReadBudget& budget);

// A <sheet> of workbook.xml: its tab name, visibility and relationship id (r:id).
struct SheetEntry {
  std::string name;
  bool hidden = false;
  std::string relationship_id;
};

struct WorkbookPart {
  bool date1904 = false;
  std::vector<SheetEntry> sheets;  // in tab order
};

// Reads the workbook part. Errors: kInvalidData (malformed, more than max_sheets sheets).
Result<WorkbookPart> read_workbook_part(const ZipReader& zip, std::string_view part,
                                        ReadBudget& budget);

// The shared string table, held as one pool of text and the end of each string in it (a
// vector of strings cost 32 bytes of header per string).
class SharedStrings {
 public:
  size_t size() const { return ends_.size(); }
  std::string_view at(size_t index) const {
    size_t begin = index == 0 ? 0 : ends_[index - 1];
    return std::string_view(pool_).substr(begin, ends_[index] - begin);
  }
  void add(std::string_view text) {
    pool_.append(text);
    ends_.push_back(pool_.size());
  }
  size_t bytes() const { return pool_.size(); }

 private:
  std::string pool_;
  std::vector<size_t> ends_;
};

// Reads the shared strings (rich text runs joined, phonetic runs dropped); empty when `part` is
// empty or absent. Errors: kInvalidData (malformed, a string over max_cell_chars, more than
// max_shared_strings or max_shared_string_bytes).
Result<SharedStrings> read_shared_strings(const ZipReader& zip, const std::string& part,
                                          ReadBudget& budget);

// Per cellXfs index: whether that style shows a date.
using DateStyles = std::vector<bool>;

// Reads which cell formats of the styles part show dates; empty when `part` is empty or absent.
// Errors: kInvalidData (malformed, more than max_number_formats or max_cell_formats).
Result<DateStyles> read_date_styles(const ZipReader& zip, const std::string& part,
                                    ReadBudget& budget);

// Reads the cells and merged ranges of worksheet `part` into `sheet`. Errors: kInvalidData
// naming the cell ("C7: malformed number x"), or a bound of the budget passed.
Status read_sheet(const ZipReader& zip, const std::string& part, const SharedStrings& shared,
                  const DateStyles& dates, ReadBudget& budget, Sheet& sheet);

// Resolves a relationship target against the folder of the part that holds it ("xl/").
std::string resolve_target(std::string_view base_folder, std::string_view target);

// "xl/" for "xl/workbook.xml"; "" for a part at the root.
std::string folder_of(std::string_view part);

}  // namespace zhizao::xlsx::detail
