#include "ingest/file_kind.h"

#include <string>

#include "base/text.h"

namespace zhizao::detail {

std::string_view kind_name(FileKind kind) {
  switch (kind) {
    case FileKind::kChains:
      return "chains";
    case FileKind::kParks:
      return "parks";
    case FileKind::kRegionGroups:
      return "region_groups";
    case FileKind::kEnterprises:
      return "enterprises";
    case FileKind::kMonthly:
      return "monthly";
    case FileKind::kDeflators:
      return "deflators";
    case FileKind::kValueAddedRatios:
      return "va_ratios";
    case FileKind::kProjects:
      return "projects";
    case FileKind::kProjectProgress:
      return "project_progress";
    case FileKind::kElectricityDaily:
      return "electricity_daily";
    case FileKind::kCampaigns:
      return "campaigns";
    case FileKind::kProducts:
      return "products";
    case FileKind::kProductOutput:
      return "product_output";
    case FileKind::kTargets:
      return "targets";
    case FileKind::kAssignments:
      return "assignments";
    case FileKind::kVisits:
      return "visits";
    case FileKind::kCases:
      return "cases";
  }
  return "";
}

std::optional<FileKind> kind_from_file_name(std::string_view path) {
  size_t slash = path.find_last_of("/\\");
  std::string base = ascii_lower(slash == std::string_view::npos ? path : path.substr(slash + 1));
  std::optional<FileKind> best;
  size_t best_size = 0;
  for (FileKind kind : kKindsInDependencyOrder) {
    std::string_view stem = kind_name(kind);
    if (!std::string_view(base).starts_with(stem) || stem.size() <= best_size) continue;
    char after = base.size() > stem.size() ? base[stem.size()] : '.';
    bool letter = (after >= 'a' && after <= 'z');
    if (letter) continue;
    best = kind;
    best_size = stem.size();
  }
  return best;
}

}  // namespace zhizao::detail
