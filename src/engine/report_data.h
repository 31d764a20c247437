// ReportData: every figure of a monthly report, computed by the engine and rendered by `report`.
// Rates are in percent and unrounded; a rate without a denominator is nullopt (JSON null).
// Definitions: ../shared/data-contract.md "Indicator definitions" and docs/methodology.md.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "area/installation_area.h"
#include "base/year_month.h"
#include "engine/safety_figures.h"
#include "engine/v2_figures.h"

namespace zhizao {

// The window of a report period P = Y-M.
enum class WindowKind {
  kCumulative,  // months 1..M of year Y (累计), the default
  kMonthly,     // month M alone (当月); for February, January–February
};

// Sums over the comparable pairs of one measure for a set of enterprises.
struct ComparableSums {
  double current = 0;   // Σ current values (value added: at comparable prices, Σ cva)
  double previous = 0;  // Σ previous values (same months of the previous year)
  long pairs = 0;       // number of comparable (enterprise, month) pairs

  // 100 × (current / previous − 1); nullopt when there are no pairs or previous is 0.
  std::optional<double> growth() const;
  double increase() const { return current - previous; }
};

// The figures of one set S of enterprises: a division, region, park, chain, section or all.
struct SetFigures {
  std::string code;  // division code, region code, park/chain id, section key, group id
  std::string name;  // in the report language of the data (Chinese names from the standards)
  ComparableSums value_added;  // Σ cva vs Σ prev_va
  ComparableSums output;
  ComparableSums electricity;
  std::optional<double> value_added_growth;
  std::optional<double> output_growth;
  std::optional<double> electricity_growth;
  std::optional<double> contribution;  // 贡献率 to the industrial total, %
  std::optional<double> pull;          // 拉动 of the industrial total, percentage points
  // 两年平均增长: √((1+g_Y)(1+g_{Y−1})) − 1 in percent, over the same enterprise-months; nullopt
  // without two earlier years.
  std::optional<double> two_year_average_growth;
  long enterprises = 0;  // distinct enterprises in scope in at least one month of the window
  bool at_current_prices = false;  // some pair had no PPI: value added not deflated (ppi = 100)
};

// 行业增长面 over the 31 manufacturing divisions.
struct Breadth {
  int with_data = 0;            // manufacturing divisions with at least one comparable pair
  int growing = 0;              // G > 0
  int double_digit = 0;         // G ≥ 10
  std::optional<double> share;  // growing / with_data × 100
};

// One key enterprise (重点企业) and its own output growth g_e over its comparable pairs.
struct KeyEnterpriseFigures {
  std::string uscc;
  std::string name;
  std::string division;
  std::string region;
  ComparableSums output;
  std::optional<double> output_growth;  // g_e
  std::optional<double> pull;  // 100 × increase / Σ previous output of all key enterprises
};

struct KeyEnterprises {
  long count = 0;  // #{key = 1}
  ComparableSums output;
  std::optional<double> output_growth;
  long over_30 = 0;                               // #{g_e > 30}
  long over_50 = 0;                               // #{g_e > 50}
  long doubled = 0;                               // #{g_e ≥ 100}
  long growing = 0;                               // #{g_e > 0}
  long declining = 0;                             // #{g_e < 0}
  std::vector<KeyEnterpriseFigures> enterprises;  // by increase, largest first
};

// Projects, year to date: from 1 January of Y to the last day of M (also in monthly reports).
struct ProjectFigures {
  long projects = 0;      // projects in the data (all years)
  double investment = 0;  // Σ progress investment in Y-01..Y-M, 万元
  long planned_starts = 0;
  long actual_starts = 0;
  long year_planned_starts = 0;       // planned_start in year Y
  std::optional<double> start_share;  // 100 × actual_starts / year_planned_starts
  long planned_completions = 0;
  long actual_completions = 0;
  long year_planned_completions = 0;
  std::optional<double> completion_share;
  double year_plan_investment = 0;         // Σ year_plan_investment of projects active in Y
  std::optional<double> investment_share;  // 100 × investment / year_plan_investment
  std::optional<double> time_progress;  // 100 × days elapsed to end of M / days in Y (时间进度)
  // v2: projects lagging at the period's last day, by id (src/steering).
  std::vector<LaggingProject> lagging;
};

struct ReportData {
  YearMonth period;
  WindowKind window = WindowKind::kCumulative;
  YearMonth window_from;
  YearMonth window_to;
  std::string scope;  // region or group code the report is restricted to; empty for all data
  // The installation's area (area/installation_area.h): the smallest region holding every
  // enterprise of the data, whatever the scope; it names the report and its whole (全市, 全省).
  InstallationArea area;

  SetFigures industry;               // divisions 06–46
  SetFigures manufacturing;          // divisions 13–43
  std::vector<SetFigures> sections;  // mining, manufacturing, utilities (code "B", "C", "D")
  Breadth manufacturing_breadth;
  std::vector<SetFigures> divisions;  // every division with enterprises, in code order
  std::vector<SetFigures> regions;    // county-level units, in code order
  std::vector<SetFigures> cities;     // roll-ups to cities (xxxx00)
  std::vector<SetFigures> provinces;  // roll-ups to provinces (xx0000)
  std::vector<SetFigures> region_groups;
  std::vector<SetFigures> parks;
  std::vector<SetFigures> chains;
  KeyEnterprises key_enterprises;
  ProjectFigures projects;

  // The same figures for the previous period (cumulative 1..M−1, or month M−1; none when the
  // period is 1–2月), so the narrative can say how growth moved. Only headline fields are set.
  std::optional<double> previous_value_added_growth;
  std::optional<double> previous_manufacturing_growth;
  std::vector<std::string> divisions_at_current_prices;  // codes with pairs lacking a PPI

  // v2 additions (engine/v2_figures.h), filled by ReportInput::report.
  std::vector<ProductFigures> products;    // src/products, in product code order
  std::vector<TargetFigures> targets;      // src/steering, in the file's order
  std::vector<CampaignFigures> campaigns;  // src/steering, in the file's order
  std::vector<Warning> warnings;           // src/warnings, most severe first
  // Open data-quality findings of the window (src/quality), filled by the CLI and the server
  // where the report is made (they need the verification table); empty otherwise.
  std::vector<QualityFinding> quality_findings;
  // Enterprise service (五每, src/service); nullopt when there are no assignments and no cases.
  std::optional<ServiceFigures> service;
  // Flood-season safety checks (src/safety, docs/safety.md); nullopt when there are no plans.
  std::optional<SafetyFigures> safety;
};

}  // namespace zhizao
