// The columns of each file kind with their English and Chinese header names, and the mapping of
// a file's header row onto them.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/file_kind.h"
#include "ingest/finding.h"

namespace zhizao::detail {

enum class Requirement { kOptional, kRequired };

struct ColumnSpec {
  std::string_view name;  // English name, as in the contract and in exported files
  Requirement requirement;
  std::string_view aliases;  // normalised Chinese names, separated by '|'
};

// Column indices of each kind, in the order of columns_of(kind).
namespace enterprise_col {
enum : int { kUscc, kName, kIndustry, kRegion, kPark, kChains, kKey };
}
namespace monthly_col {
enum : int {
  kUscc,
  kPeriod,
  kOutput,
  kValueAdded,
  kElectricity,
  kOutputPrev,
  kValueAddedPrev,
  kElectricityPrev,
  kInScope,
};
}
namespace deflator_col {
enum : int { kIndustry, kPeriod, kPpi };
}
namespace va_ratio_col {
enum : int { kIndustry, kYear, kRatio };
}
namespace park_col {
enum : int { kId, kName, kRegion, kCategory };
}
namespace chain_col {
enum : int { kId, kName };
}
namespace project_col {
enum : int {
  kId,
  kName,
  kRegion,
  kTotalInvestment,
  kIndustry,
  kChain,
  kPark,
  kYearPlanInvestment,
  kPlannedStart,
  kActualStart,
  kPlannedCompletion,
  kActualCompletion,
};
}
namespace progress_col {
enum : int { kId, kPeriod, kInvestment };
}
namespace region_group_col {
enum : int { kId, kName, kMembers };
}

// Returns the columns of `kind` (static data, thread-safe).
std::span<const ColumnSpec> columns_of(FileKind kind);

// Normalises a header cell for matching: trims spaces (also U+3000), drops a BOM, lower-cases
// ASCII and drops a trailing unit in brackets: "工业总产值(万元)" and "工业总产值（万元）" give
// "工业总产值", " Output [万元] " gives "output".
std::string normalise_header(std::string_view header);

// Where each column of a kind is in a file's records.
struct HeaderMap {
  std::vector<int> field_of_column;  // per column of columns_of(kind): field index, or -1
  std::vector<std::string> written;  // per field: the header as written (trimmed, no BOM)
  // Returns the header of `column` as written in the file, or its English name when absent.
  std::string_view column_header(FileKind kind, int column) const;
};

// Maps `header` onto the columns of `kind`. Unknown columns become warnings; a missing required
// column (named in English) and a column given twice become errors, all on line 1.
HeaderMap map_header(FileKind kind, const std::vector<std::string_view>& header,
                     Findings& findings);

// Tells the kind from a header row: of the kinds whose required columns are all present, the
// one that recognises most of the header; on a tie the one with fewer columns (chains before
// parks). Returns nullopt when no kind has all its required columns.
std::optional<FileKind> kind_from_header(const std::vector<std::string_view>& header);

}  // namespace zhizao::detail
