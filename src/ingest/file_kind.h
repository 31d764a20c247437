// The kinds of input file of the data contract (plus user-defined region groups), and how a
// kind is told from a file name.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace zhizao::detail {

// In dependency order: a kind refers only to kinds before it (enterprises name parks and
// chains; monthly rows name enterprises; progress rows name projects).
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
};

inline constexpr std::array<FileKind, 9> kKindsInDependencyOrder = {
    FileKind::kChains,           FileKind::kParks,    FileKind::kRegionGroups,
    FileKind::kEnterprises,      FileKind::kMonthly,  FileKind::kDeflators,
    FileKind::kValueAddedRatios, FileKind::kProjects, FileKind::kProjectProgress,
};

// Returns the kind's file stem as in the contract: "enterprises", "va_ratios", ...
std::string_view kind_name(FileKind kind);

// Tells the kind from a file name: the base name (any directory dropped, case ignored) must
// start with a kind's stem followed by nothing, '.', or a non-letter ("monthly_2021-04.csv").
// The longest stem wins, so "project_progress.csv" is not taken for projects.
// Returns nullopt when no stem fits.
std::optional<FileKind> kind_from_file_name(std::string_view path);

}  // namespace zhizao::detail
