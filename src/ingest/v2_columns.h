// The columns of the data contract's v2 input files ("v2 additions", "Input files"): products,
// product_output, targets, campaigns, assignments, visits and cases, with their English and
// Chinese header names and how a workbook cell of each is read. Registered with one line in
// each of ingest's tables over the file kinds (column_schema.cc, sheet_columns.cc).
#pragma once

#include <span>

#include "ingest/column_schema.h"
#include "ingest/file_kind.h"
#include "ingest/sheet_columns.h"

namespace zhizao::detail {

// Column indices of each kind, in the order of v2_columns(kind).
namespace product_col {
enum : int { kCode, kName, kUnit, kDivision };
}
namespace product_output_col {
// `unit` is not in the contract's list: when given, it must be the product's unit (a quantity
// in another unit is refused rather than converted).
enum : int { kUscc, kPeriod, kProduct, kQuantity, kQuantityPrev, kUnit };
}  // namespace product_output_col
namespace target_col {
enum : int { kId, kName, kIndicator, kScope, kYear, kValue, kThreshold };
}
namespace campaign_col {
enum : int { kId, kName, kFrom, kTo, kPlannedStarts, kPlannedCompletions, kPlannedInvestment };
}
namespace assignment_col {
enum : int { kUscc, kCadre, kDepartment };
}
namespace visit_col {
enum : int { kUscc, kDate, kCadre, kFindings };
}
namespace case_col {
enum : int { kId, kUscc, kRaised, kCategory, kDepartment, kDeadline, kResolved, kRating };
}

// True for the v2 kinds this file describes (not electricity_daily, which has its own).
bool is_v2_kind(FileKind kind);

// The columns of a v2 kind; empty for other kinds. Static data, thread-safe.
std::span<const ColumnSpec> v2_columns(FileKind kind);

// How a workbook cell of `column` of a v2 kind is read: dates as dates, periods as periods, the
// year as a year, money (threshold, planned_investment) in 万元, quantities and counts as plain
// numbers, the rest as text.
ColumnRole v2_column_role(FileKind kind, int column);

}  // namespace zhizao::detail
