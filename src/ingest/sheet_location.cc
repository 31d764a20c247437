#include "ingest/sheet_location.h"

#include <fmt/format.h>

#include <algorithm>

#include "xlsx/workbook.h"

namespace zhizao::detail {

std::string format_sheet_finding(const SheetLocation& where, const HeaderMap& header,
                                 const Finding& finding) {
  std::string reason = shown_reason(finding.reason);
  if (finding.line <= 0) return fmt::format("{}: {}", where.label, reason);
  int row = static_cast<int>(finding.line);
  const std::vector<std::string>& written = header.written;
  auto field = std::find(written.begin(), written.end(), finding.column);
  if (!finding.column.empty() && field != written.end()) {
    int column = static_cast<int>(field - written.begin()) + 1;
    return fmt::format("{}!{}: {}", where.label, xlsx::cell_reference(row, column), reason);
  }
  if (finding.column.empty() || finding.column.starts_with('(')) {
    return fmt::format("{}!{}: {}", where.label, xlsx::cell_reference(row, 1), reason);
  }
  return fmt::format("{}!{}: {}: {}", where.label, xlsx::cell_reference(row, 1),
                     shown_column(finding.column), reason);
}

}  // namespace zhizao::detail
