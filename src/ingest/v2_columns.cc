#include "ingest/v2_columns.h"

#include <array>

namespace zhizao::detail {
namespace {

// The first alias of each column is the Chinese name the contract gives (written in templates
// and exports); the others are names the bureau's own tables use.
constexpr std::array kProductColumns = {
    ColumnSpec{"code", kReq, "产品代码|产品编码"},
    ColumnSpec{"name", kReq, "产品名称"},
    ColumnSpec{"unit", kReq, "计量单位|单位"},
    ColumnSpec{"division", kOpt, "行业大类|行业代码"},
};
constexpr std::array kProductOutputColumns = {
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"period", kReq, "时期|期别|月份"},
    ColumnSpec{"product", kReq, "产品代码|产品编码"},
    ColumnSpec{"quantity", kReq, "产量|本期产量"},
    ColumnSpec{"quantity_prev", kOpt, "上年同期产量"},
    ColumnSpec{"unit", kOpt, "计量单位|单位"},
};
constexpr std::array kTargetColumns = {
    ColumnSpec{"id", kReq, "目标编号|编号"},        ColumnSpec{"name", kReq, "目标名称"},
    ColumnSpec{"indicator", kReq, "指标|目标指标"}, ColumnSpec{"scope", kReq, "范围|目标范围"},
    ColumnSpec{"year", kReq, "目标年份|年份"},      ColumnSpec{"value", kReq, "目标值"},
    ColumnSpec{"threshold", kOpt, "规模门槛|门槛"},
};
constexpr std::array kCampaignColumns = {
    ColumnSpec{"id", kReq, "行动编号|编号"},
    ColumnSpec{"name", kReq, "攻坚行动|行动名称"},
    ColumnSpec{"from", kReq, "开始日期"},
    ColumnSpec{"to", kReq, "结束日期"},
    ColumnSpec{"planned_starts", kOpt, "计划开工项目数|计划开工"},
    ColumnSpec{"planned_completions", kOpt, "计划竣工项目数|计划竣工"},
    ColumnSpec{"planned_investment", kOpt, "计划投资|计划完成投资"},
};
constexpr std::array kAssignmentColumns = {
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"cadre", kReq, "包联干部"},
    ColumnSpec{"department", kReq, "责任部门"},
};
constexpr std::array kVisitColumns = {
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"date", kReq, "走访日期"},
    ColumnSpec{"cadre", kReq, "包联干部|走访干部"},
    ColumnSpec{"findings", kOpt, "走访情况"},
};
constexpr std::array kCaseColumns = {
    ColumnSpec{"id", kReq, "诉求编号"},
    ColumnSpec{"uscc", kReq, "统一社会信用代码|信用代码"},
    ColumnSpec{"raised", kReq, "提出日期"},
    ColumnSpec{"category", kReq, "类别|诉求类别"},
    ColumnSpec{"department", kReq, "责任部门"},
    ColumnSpec{"deadline", kReq, "办结时限"},
    ColumnSpec{"resolved", kOpt, "办结日期"},
    ColumnSpec{"rating", kOpt, "满意度"},
};

}  // namespace

bool is_v2_kind(FileKind kind) { return !v2_columns(kind).empty(); }

std::span<const ColumnSpec> v2_columns(FileKind kind) {
  switch (kind) {
    case FileKind::kProducts:
      return kProductColumns;
    case FileKind::kProductOutput:
      return kProductOutputColumns;
    case FileKind::kTargets:
      return kTargetColumns;
    case FileKind::kCampaigns:
      return kCampaignColumns;
    case FileKind::kAssignments:
      return kAssignmentColumns;
    case FileKind::kVisits:
      return kVisitColumns;
    case FileKind::kCases:
      return kCaseColumns;
    default:
      return {};
  }
}

ColumnRole v2_column_role(FileKind kind, int column) {
  switch (kind) {
    case FileKind::kProducts:
      return column == product_col::kDivision ? ColumnRole::kIndustryCode : ColumnRole::kText;
    case FileKind::kProductOutput:
      if (column == product_output_col::kPeriod) return ColumnRole::kPeriod;
      if (column == product_output_col::kQuantity || column == product_output_col::kQuantityPrev) {
        return ColumnRole::kNumber;
      }
      return ColumnRole::kText;
    case FileKind::kTargets:
      if (column == target_col::kYear) return ColumnRole::kYear;
      if (column == target_col::kValue) return ColumnRole::kNumber;
      if (column == target_col::kThreshold) return ColumnRole::kMoney;
      return ColumnRole::kText;
    case FileKind::kCampaigns:
      if (column == campaign_col::kFrom || column == campaign_col::kTo) return ColumnRole::kDate;
      if (column == campaign_col::kPlannedInvestment) return ColumnRole::kMoney;
      if (column == campaign_col::kPlannedStarts || column == campaign_col::kPlannedCompletions) {
        return ColumnRole::kNumber;
      }
      return ColumnRole::kText;
    case FileKind::kVisits:
      return column == visit_col::kDate ? ColumnRole::kDate : ColumnRole::kText;
    case FileKind::kCases:
      if (column == case_col::kRaised || column == case_col::kDeadline ||
          column == case_col::kResolved) {
        return ColumnRole::kDate;
      }
      return column == case_col::kRating ? ColumnRole::kNumber : ColumnRole::kText;
    default:
      return ColumnRole::kText;
  }
}

}  // namespace zhizao::detail
