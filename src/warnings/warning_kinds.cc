#include "warnings/warning_kinds.h"

#include <array>

namespace zhizao::detail {
namespace {

using std::string_view_literals::operator""sv;

constexpr std::array kEnterprise = {"enterprise"sv};
constexpr std::array kDivisionOrRegion = {"division"sv, "region"sv};
constexpr std::array kSetBehind = {"region"sv, "park"sv, "chain"sv};
constexpr std::array kProject = {"project"sv};
constexpr std::array kTarget = {"target"sv};
constexpr std::array kCampaign = {"campaign"sv};
constexpr std::array kCase = {"case"sv};

constexpr std::array kFallingParameters = {
    ParameterSpec{"months", ParameterType::kCount, std::nullopt, 1.0,
                  "the months in a row, at least 1"},
    ParameterSpec{"below", ParameterType::kNumber, 0.0, std::nullopt,
                  "the growth (%) each month stays below"},
    ParameterSpec{"min_output", ParameterType::kNumber, 0.0, 0.0,
                  "the least output of the period's month (万元)"},
    ParameterSpec{"key_only", ParameterType::kFlag, 0.0, std::nullopt, "key enterprises only"},
};
constexpr std::array kFallingFigures = {"months"sv, "growth"sv, "output"sv, "output_prev"sv};

constexpr std::array kBandParameters = {
    ParameterSpec{"below", ParameterType::kNumber, std::nullopt, std::nullopt,
                  "the output growth (%) the enterprise is below"},
};
constexpr std::array kBandFigures = {"growth"sv, "months"sv};

constexpr std::array kPullParameters = {
    ParameterSpec{"beyond", ParameterType::kNumber, std::nullopt, 0.0,
                  "the negative pull (points) it goes beyond, at least 0"},
};
constexpr std::array kPullFigures = {"pull"sv, "growth"sv, "months"sv};

constexpr std::array kBehindParameters = {
    ParameterSpec{"points", ParameterType::kNumber, std::nullopt, 0.0,
                  "the points it grows slower than the whole, at least 0"},
};
constexpr std::array kBehindFigures = {"growth"sv, "city_growth"sv, "gap"sv, "months"sv};

constexpr std::array kLaggingParameters = {
    ParameterSpec{"days", ParameterType::kCount, std::nullopt, 0.0, "the days late it goes beyond"},
};
constexpr std::array kLaggingFigures = {"days_late"sv};

constexpr std::array kPaceParameters = {
    ParameterSpec{"factor", ParameterType::kNumber, 2.0, 0.0,
                  "how many times the achieved pace the needed one exceeds"},
};
constexpr std::array kPaceFigures = {"pace_needed"sv, "pace_achieved"sv, "progress"sv};

constexpr std::array kDivergingParameters = {
    ParameterSpec{"electricity_below", ParameterType::kNumber, 0.0, std::nullopt,
                  "the electricity growth (%) it is below"},
    ParameterSpec{"output_above", ParameterType::kNumber, 0.0, std::nullopt,
                  "the output growth (%) it is above"},
};
constexpr std::array kDivergingFigures = {"electricity_growth"sv, "output_growth"sv, "months"sv};

constexpr std::array kCampaignParameters = {
    ParameterSpec{"points", ParameterType::kNumber, std::nullopt, 0.0,
                  "the points behind time progress it goes beyond, at least 0"},
};
constexpr std::array kCampaignFigures = {"investment_progress"sv, "time_progress"sv, "gap"sv};

constexpr std::array kCaseParameters = {
    ParameterSpec{"days", ParameterType::kCount, std::nullopt, 0.0,
                  "the days past its deadline it goes beyond"},
};
constexpr std::array kCaseFigures = {"days_overdue"sv};

constexpr std::array kSafetyPlan = {"safety_plan"sv};

// The safety kinds quote texts besides their figures (docs/rules.md of the warnings, safety):
// the hazard's id, deadline and level, "N days" / "N天"; the plan's dates and unchecked count.
constexpr std::array kSafetyHazardParameters = {
    ParameterSpec{"days", ParameterType::kCount, 0.0, 0.0,
                  "the days past its deadline it goes beyond"},
    ParameterSpec{"major", ParameterType::kFlag, 1.0, std::nullopt, "applies to major hazards"},
    ParameterSpec{"ordinary", ParameterType::kFlag, 1.0, std::nullopt,
                  "applies to ordinary hazards"},
};
constexpr std::array kSafetyHazardFigures = {"days_overdue"sv, "hazard"sv, "deadline"sv, "level"sv,
                                             "overdue"sv};

constexpr std::array kSafetyUnfinishedParameters = {
    ParameterSpec{"coverage_below", ParameterType::kNumber, 100.0, 0.0,
                  "the coverage (%) at the plan's end it is below"},
};
constexpr std::array kSafetyBehindParameters = {
    ParameterSpec{"points", ParameterType::kNumber, 0.0, 0.0,
                  "the points coverage is behind time progress beyond, at least 0"},
};
constexpr std::array kSafetyPlanFigures = {
    "enterprises"sv, "checked"sv, "coverage"sv,  "time_progress"sv,         "gap"sv,
    "from"sv,        "to"sv,      "unchecked"sv, "unchecked_enterprises"sv,
};

constexpr std::array kSpecs = {
    KindSpec{WarningKind::kOutputFalling, "output_falling", kEnterprise, kFallingParameters,
             kFallingFigures},
    KindSpec{WarningKind::kKeyBelowBand, "key_below_band", kEnterprise, kBandParameters,
             kBandFigures},
    KindSpec{WarningKind::kNegativePull, "negative_pull", kDivisionOrRegion, kPullParameters,
             kPullFigures},
    KindSpec{WarningKind::kBehindCity, "behind_city", kSetBehind, kBehindParameters,
             kBehindFigures},
    KindSpec{WarningKind::kProjectLagging, "project_lagging", kProject, kLaggingParameters,
             kLaggingFigures},
    KindSpec{WarningKind::kTargetPace, "target_pace", kTarget, kPaceParameters, kPaceFigures},
    KindSpec{WarningKind::kElectricityDiverging, "electricity_diverging", kDivisionOrRegion,
             kDivergingParameters, kDivergingFigures},
    KindSpec{WarningKind::kCampaignBehind, "campaign_behind", kCampaign, kCampaignParameters,
             kCampaignFigures},
    KindSpec{WarningKind::kCaseOverdue, "case_overdue", kCase, kCaseParameters, kCaseFigures},
    KindSpec{WarningKind::kSafetyHazardOverdue, "safety_hazard_overdue", kEnterprise,
             kSafetyHazardParameters, kSafetyHazardFigures},
    KindSpec{WarningKind::kSafetyPlanUnfinished, "safety_plan_unfinished", kSafetyPlan,
             kSafetyUnfinishedParameters, kSafetyPlanFigures},
    KindSpec{WarningKind::kSafetyPlanBehind, "safety_plan_behind", kSafetyPlan,
             kSafetyBehindParameters, kSafetyPlanFigures},
};

}  // namespace

std::span<const KindSpec> warning_kind_specs() { return kSpecs; }

const KindSpec* find_kind_spec(std::string_view name) {
  for (const KindSpec& spec : kSpecs) {
    if (spec.name == name) return &spec;
  }
  return nullptr;
}

const KindSpec& kind_spec(WarningKind kind) { return kSpecs[static_cast<std::size_t>(kind)]; }

bool is_count_figure(std::string_view figure) {
  return figure == "months" || figure == "days_late" || figure == "days" ||
         figure == "days_overdue" || figure == "enterprises" || figure == "checked";
}

}  // namespace zhizao::detail
