// read_workbook: the parts of a SpreadsheetML package that carry values (ECMA-376 Part 1,
// 18.2 workbook, 18.3 worksheets, 18.4 shared strings, 18.8 styles), each read as a stream
// within WorkbookLimits (part_readers.h).
#include <fmt/format.h>

#include "xlsx/part_readers.h"
#include "xlsx/workbook.h"

namespace zhizao::xlsx {
namespace {

using detail::ReadBudget;
using detail::Relationship;

// The workbook part named by the package relationships, xl/workbook.xml by default.
Result<std::string> workbook_part(const ZipReader& zip, ReadBudget& budget) {
  Result<std::vector<Relationship>> package = detail::read_relationships(zip, "", budget);
  if (!package) return fail(package.error());
  for (const Relationship& relationship : *package) {
    if (relationship.type.ends_with("/officeDocument")) return relationship.target;
  }
  return std::string("xl/workbook.xml");
}

const std::string* target_of(const std::vector<Relationship>& relationships, std::string_view id,
                             std::string_view type_suffix) {
  for (const Relationship& relationship : relationships) {
    if ((id.empty() || relationship.id == id) && relationship.type.ends_with(type_suffix)) {
      return &relationship.target;
    }
  }
  return nullptr;
}

}  // namespace

Result<Workbook> read_workbook(std::string_view bytes) { return read_workbook(bytes, {}); }

Result<Workbook> read_workbook(std::string_view bytes, const WorkbookLimits& limits) {
  Result<ZipReader> zip = ZipReader::open(bytes, limits.max_zip_entries);
  if (!zip) return fail(zip.error());
  ReadBudget budget{limits, {}};
  Result<std::string> part = workbook_part(*zip, budget);
  if (!part) return fail(part.error());
  if (!zip->has(*part)) {
    return fail(Status::invalid_data(fmt::format("not an XLSX workbook: no {}", *part)));
  }
  Result<detail::WorkbookPart> workbook_part = detail::read_workbook_part(*zip, *part, budget);
  if (!workbook_part) return fail(workbook_part.error());
  Result<std::vector<Relationship>> relationships = detail::read_relationships(*zip, *part, budget);
  if (!relationships) return fail(relationships.error());

  const std::string* shared_part = target_of(*relationships, "", "/sharedStrings");
  const std::string* styles_part = target_of(*relationships, "", "/styles");
  Result<detail::SharedStrings> shared =
      detail::read_shared_strings(*zip, shared_part ? *shared_part : "", budget);
  if (!shared) return fail(shared.error());
  Result<detail::DateStyles> dates =
      detail::read_date_styles(*zip, styles_part ? *styles_part : "", budget);
  if (!dates) return fail(dates.error());

  Workbook workbook;
  workbook.date1904 = workbook_part->date1904;
  for (detail::SheetEntry& entry : workbook_part->sheets) {
    // A chart sheet or a dialog sheet has no worksheet relationship: no cells.
    const std::string* target =
        entry.relationship_id.empty()
            ? nullptr
            : target_of(*relationships, entry.relationship_id, "/worksheet");
    if (target == nullptr) continue;
    Sheet sheet;
    sheet.name = std::move(entry.name);
    sheet.hidden = entry.hidden;
    Status read = detail::read_sheet(*zip, *target, *shared, *dates, budget, sheet);
    if (!read.is_ok()) {
      return fail(Status::invalid_data(fmt::format("sheet {}: {}", sheet.name, read.message())));
    }
    workbook.sheets.push_back(std::move(sheet));
  }
  return workbook;
}

}  // namespace zhizao::xlsx
