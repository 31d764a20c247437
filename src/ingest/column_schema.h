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
// Short names for the column tables.
inline constexpr Requirement kReq = Requirement::kRequired;
inline constexpr Requirement kOpt = Requirement::kOptional;

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
  kCampaign,
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

// What a header row tells of its file's kind (data contract: "the kind is known from the file
// name or header"; a kind is never guessed).
struct HeaderKinds {
  // Every kind whose required columns the header has, in dependency order.
  std::vector<FileKind> candidates;
  // The kind of the header when it fits exactly one: the only candidate, or else the only
  // candidate that knows every (non-empty) column of the header. "id, name" fits chains and
  // parks alike and has no kind; "id, name, from, to" has campaigns (chains and parks do not know
  // from and to); a monthly header with an unknown extra column is still monthly.
  std::optional<FileKind> kind;
};

// Tells the kind from a header row, as HeaderKinds says.
HeaderKinds kinds_from_header(const std::vector<std::string_view>& header);

// kinds_from_header(header).kind.
std::optional<FileKind> kind_from_header(const std::vector<std::string_view>& header);

// What was named: a CSV file, or a sheet of a workbook.
enum class NamedThing { kFile, kSheet };

// The reason a file (or sheet) whose name names no kind is refused: "cannot tell the file kind
// from its name or header" when its header fits no kind, else one naming the kinds it fits.
std::string unknown_kind_reason(const HeaderKinds& kinds, NamedThing thing = NamedThing::kFile);

}  // namespace zhizao::detail
