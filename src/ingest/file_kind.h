// The kinds of input file of the data contract (plus user-defined region groups), and how a
// kind is told from a file name.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace zhizao::detail {

// In dependency order for the v1 kinds: a kind refers only to kinds before it (enterprises name
// parks and chains; monthly rows name enterprises; progress rows name projects). Product output
// names products; the service files name enterprises.
enum class FileKind {
  kChains,
  kParks,
  kRegionGroups,
  kEnterprises,
  kMonthly,
  kDeflators,
  kValueAddedRatios,
  kProjects,
  kProjectProgress,
  kElectricityDaily,  // ingest/daily_electricity_rows.h
  // v2 additions of the contract, ingest/v2_columns.h
  kCampaigns,
  kProducts,
  kProductOutput,
  kTargets,
  kAssignments,
  kVisits,
  kCases,
};

// The v2 kinds come after the v1 ones (so that a kind's index stays what it was: the fuzz seeds
// select kinds by index); projects name campaigns, but no check or write depends on the order of
// batches beyond that of the v1 kinds.
inline constexpr std::array<FileKind, 17> kKindsInDependencyOrder = {
    FileKind::kChains,           FileKind::kParks,     FileKind::kRegionGroups,
    FileKind::kEnterprises,      FileKind::kMonthly,   FileKind::kDeflators,
    FileKind::kValueAddedRatios, FileKind::kProjects,  FileKind::kProjectProgress,
    FileKind::kElectricityDaily, FileKind::kCampaigns, FileKind::kProducts,
    FileKind::kProductOutput,    FileKind::kTargets,   FileKind::kAssignments,
    FileKind::kVisits,           FileKind::kCases,
};

// Returns the kind's file stem as in the contract: "enterprises", "va_ratios", ...
std::string_view kind_name(FileKind kind);

// Tells the kind from a file name: the base name (any directory dropped, case ignored) must
// start with a kind's stem followed by nothing, '.', or a non-letter ("monthly_2021-04.csv").
// The longest stem wins, so "project_progress.csv" is not taken for projects.
// Returns nullopt when no stem fits.
std::optional<FileKind> kind_from_file_name(std::string_view path);

}  // namespace zhizao::detail
