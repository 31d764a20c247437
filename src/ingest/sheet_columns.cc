#include "ingest/sheet_columns.h"

#include <algorithm>
#include <array>
#include <string>

#include "base/text.h"
#include "ingest/daily_electricity_rows.h"
#include "ingest/v2_columns.h"

namespace zhizao::detail {
namespace {

struct SheetName {
  FileKind kind;
  std::string_view name;  // the first one of a kind is the one written
};

constexpr std::array kSheetNames = {
    SheetName{FileKind::kEnterprises, "企业名录"},
    SheetName{FileKind::kEnterprises, "企业"},
    SheetName{FileKind::kEnterprises, "企业基本信息"},
    SheetName{FileKind::kMonthly, "月报"},
    SheetName{FileKind::kMonthly, "月度数据"},
    SheetName{FileKind::kMonthly, "企业月报"},
    SheetName{FileKind::kDeflators, "价格指数"},
    SheetName{FileKind::kDeflators, "出厂价格指数"},
    SheetName{FileKind::kValueAddedRatios, "增加值率"},
    SheetName{FileKind::kParks, "园区"},
    SheetName{FileKind::kChains, "产业链"},
    SheetName{FileKind::kProjects, "项目"},
    SheetName{FileKind::kProjects, "项目库"},
    SheetName{FileKind::kProjectProgress, "项目进度"},
    SheetName{FileKind::kProjectProgress, "项目月度投资"},
    SheetName{FileKind::kRegionGroups, "区域分组"},
    SheetName{FileKind::kElectricityDaily, "日用电量"},
    SheetName{FileKind::kProducts, "产品目录"},
    SheetName{FileKind::kProducts, "重点产品"},
    SheetName{FileKind::kProductOutput, "产品产量"},
    SheetName{FileKind::kTargets, "发展目标"},
    SheetName{FileKind::kTargets, "目标"},
    SheetName{FileKind::kCampaigns, "攻坚行动"},
    SheetName{FileKind::kAssignments, "包联"},
    SheetName{FileKind::kAssignments, "包联干部"},
    SheetName{FileKind::kVisits, "走访记录"},
    SheetName{FileKind::kVisits, "走访"},
    SheetName{FileKind::kCases, "企业诉求"},
    SheetName{FileKind::kCases, "诉求"},
};

std::string compact(std::string_view text) {
  std::string out;
  constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";
  for (size_t i = 0; i < text.size(); ++i) {
    if (text.substr(i).starts_with(kIdeographicSpace)) {
      i += kIdeographicSpace.size() - 1;
    } else if (text[i] != ' ' && text[i] != '\t' && text[i] != '\n' && text[i] != '\r') {
      out.push_back(text[i]);
    }
  }
  return out;
}

}  // namespace

ColumnRole column_role(FileKind kind, int column) {
  switch (kind) {
    case FileKind::kEnterprises:
      if (column == enterprise_col::kIndustry) return ColumnRole::kIndustryCode;
      if (column == enterprise_col::kKey) return ColumnRole::kFlag;
      return ColumnRole::kText;
    case FileKind::kMonthly:
      switch (column) {
        case monthly_col::kUscc:
          return ColumnRole::kText;
        case monthly_col::kPeriod:
          return ColumnRole::kPeriod;
        case monthly_col::kElectricity:
        case monthly_col::kElectricityPrev:
          return ColumnRole::kElectricity;
        case monthly_col::kInScope:
          return ColumnRole::kFlag;
        default:
          return ColumnRole::kMoney;
      }
    case FileKind::kDeflators:
      if (column == deflator_col::kIndustry) return ColumnRole::kIndustryCode;
      if (column == deflator_col::kPeriod) return ColumnRole::kPeriod;
      return ColumnRole::kNumber;
    case FileKind::kValueAddedRatios:
      if (column == va_ratio_col::kIndustry) return ColumnRole::kIndustryCode;
      if (column == va_ratio_col::kYear) return ColumnRole::kYear;
      return ColumnRole::kNumber;
    case FileKind::kParks:
    case FileKind::kChains:
    case FileKind::kRegionGroups:
      return ColumnRole::kText;
    case FileKind::kProjects:
      switch (column) {
        case project_col::kTotalInvestment:
        case project_col::kYearPlanInvestment:
          return ColumnRole::kMoney;
        case project_col::kIndustry:
          return ColumnRole::kIndustryCode;
        case project_col::kPlannedStart:
        case project_col::kActualStart:
        case project_col::kPlannedCompletion:
        case project_col::kActualCompletion:
          return ColumnRole::kDate;
        default:
          return ColumnRole::kText;
      }
    case FileKind::kProjectProgress:
      if (column == progress_col::kPeriod) return ColumnRole::kPeriod;
      if (column == progress_col::kInvestment) return ColumnRole::kMoney;
      return ColumnRole::kText;
    case FileKind::kElectricityDaily:
      return daily_electricity_column_role(column);
    case FileKind::kCampaigns:
    case FileKind::kProducts:
    case FileKind::kProductOutput:
    case FileKind::kTargets:
    case FileKind::kAssignments:
    case FileKind::kVisits:
    case FileKind::kCases:
      return v2_column_role(kind, column);
  }
  return ColumnRole::kText;
}

std::string_view sheet_name_of(FileKind kind) {
  for (const SheetName& s : kSheetNames) {
    if (s.kind == kind) return s.name;
  }
  return kind_name(kind);
}

std::string_view chinese_header(FileKind kind, int column) {
  std::string_view aliases = columns_of(kind)[static_cast<size_t>(column)].aliases;
  return aliases.substr(0, aliases.find('|'));
}

std::vector<FileKind> kinds_from_sheet_name(std::string_view sheet_name) {
  std::string name = compact(sheet_name);
  std::vector<FileKind> kinds;
  auto add = [&](FileKind kind) {
    if (std::find(kinds.begin(), kinds.end(), kind) == kinds.end()) kinds.push_back(kind);
  };
  std::string lower = ascii_lower(name);
  for (FileKind kind : kKindsInDependencyOrder) {
    if (lower == kind_name(kind)) add(kind);
  }
  for (const SheetName& s : kSheetNames) {
    if (name == s.name) add(s.kind);
  }
  if (std::optional<FileKind> stem = kind_from_file_name(lower)) add(*stem);
  std::vector<SheetName> contained;
  for (const SheetName& s : kSheetNames) {
    if (name.find(s.name) != std::string::npos) contained.push_back(s);
  }
  std::stable_sort(contained.begin(), contained.end(), [](const SheetName& a, const SheetName& b) {
    return a.name.size() > b.name.size();
  });
  for (const SheetName& s : contained) add(s.kind);
  return kinds;
}

bool match_column(FileKind kind, std::string_view normalised, int& column) {
  std::span<const ColumnSpec> columns = columns_of(kind);
  for (size_t i = 0; i < columns.size(); ++i) {
    bool found = normalised == columns[i].name;
    for (std::string_view alias : split(columns[i].aliases, '|'))
      found = found || normalised == alias;
    if (found) {
      column = static_cast<int>(i);
      return true;
    }
  }
  return false;
}

}  // namespace zhizao::detail
