// The figures of the data contract's v2 additions (../shared/data-contract.md, "v2 additions",
// "Figures"), as plain data carried in ReportData. Each is computed by its own module above the
// engine (src/products, src/steering, src/warnings, src/quality) and filled in by
// ReportInput::report (src/columnar/report_input.h), so that every reader of a report (the
// CLI, the server, the office documents) sees the same figures. Rates in percent, unrounded;
// nullopt where the contract says null.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "base/year_month.h"

namespace zhizao {

// "Products": one key product over the report window.
struct ProductFigures {
  std::string code;
  std::string name;
  std::string unit;
  double quantity = 0;           // Σ quantity over the window's in-scope rows
  std::optional<double> growth;  // 100 × (Σ quantity / Σ prev − 1) over comparable pairs
  double daily_average = 0;      // quantity / calendar days of the window
  long enterprises = 0;          // distinct enterprises with a row in the window
};

// "Targets": one row of targets.csv at the report period.
struct TargetFigures {
  std::string id;
  std::string name;
  std::string indicator;  // the contract's indicator name, e.g. "manufacturing_output"
  std::string scope;
  int year = 0;
  double value = 0;
  std::optional<double> threshold;
  double current = 0;                   // the indicator over the 12 months ending at the period
  std::optional<double> progress;       // 100 × current / value
  std::optional<double> pace_needed;    // yearly growth still needed, % (null for counts)
  std::optional<double> pace_achieved;  // the scope's output growth over those 12 months, %
};

// Why a project lags at the period's last day D ("Projects, lagging").
enum class LagKind { kStart, kCompletion, kStartAndCompletion };

struct LaggingProject {
  std::string id;
  std::string name;
  std::string region;
  std::string park;
  std::string chain;
  std::string industry;
  std::string campaign;
  LagKind kind = LagKind::kStart;
  long days_late = 0;  // D − the earliest planned date missed, in days
};

// "Campaigns": one campaign's window from `from` to min(to, D).
struct CampaignFigures {
  std::string id;
  std::string name;
  CivilDate from;
  CivilDate to;
  long projects = 0;  // projects with this campaign
  double investment = 0;
  long actual_starts = 0;
  long actual_completions = 0;
  double time_progress = 0;
  std::optional<long> planned_starts;
  std::optional<long> planned_completions;
  std::optional<double> planned_investment;
  std::optional<double> investment_progress;  // 100 × investment / planned_investment
};

// The national warning scheme's four levels, most severe first.
enum class WarningLevel { kRed, kOrange, kYellow, kBlue };

// One early warning ("Warnings"): which rule raised it, about what, why, and since when.
struct Warning {
  WarningLevel level = WarningLevel::kBlue;
  std::string rule;          // the rule's id in the rules file
  std::string subject_kind;  // enterprise, division, region, park, chain, project, target
  std::string subject_id;
  std::string subject_name;
  std::string reason;     // one sentence in Chinese, the bureau's register
  std::string reason_en;  // the same in English
  std::vector<std::pair<std::string, double>> figures;  // the figures behind it, in order
  std::optional<YearMonth> since;  // the first month of the run the rule counted (连续N个月)
};

// "Data quality": one figure or pattern of an enterprise to verify before publishing (src/quality,
// docs/methodology.md "Data quality"). Worded as something to verify, never as an accusation.
enum class QualityStatus { kOpen, kVerified };

// A named series of evidence, one value per month of QualityFinding::months (nullopt = none).
struct QualitySeries {
  std::string name;  // e.g. "output", "output_last_year"
  std::vector<std::optional<double>> values;
};

struct QualityFinding {
  std::string uscc;
  std::string name;               // the enterprise's name
  std::string region;             // its county
  std::string division;           // its 2-digit division
  std::string check;              // the check's id (docs/methodology.md), e.g. "copied_last_year"
  std::vector<YearMonth> months;  // the months concerned, oldest first
  std::vector<std::pair<std::string, double>> figures;      // scalar evidence, in order
  std::vector<std::pair<std::string, std::string>> labels;  // textual evidence (measure, rule)
  std::vector<QualitySeries> series;                        // per-month evidence
  std::string reason;     // one sentence in Chinese ending with 请核实
  std::string reason_en;  // the same in English, ending with "please verify"
  QualityStatus status = QualityStatus::kOpen;
  std::string verified_by;  // when verified: who, when and the reviewer's note
  std::string verified_at;
  std::string note;
};

// "Enterprise service" (五每): the contract's figures over one group of enterprises and cases — the
// city, a cadre, a department or a county (src/service, docs/methodology.md "Enterprise service").
struct ServiceGroupFigures {
  std::string key;                       // cadre, department or county code; empty for the city
  std::string name;                      // the county's name; the key otherwise
  long assigned = 0;                     // #{assigned enterprises of the group}
  long visited = 0;                      // of them, visited in month M
  std::optional<double> visit_coverage;  // 100 × visited / assigned
  std::vector<std::string> unvisited;    // sorted codes of the assigned without a visit in M
  long cases_resolved = 0;               // resolved in the window's months
  long resolved_on_time = 0;             // of them, resolved ≤ deadline
  std::optional<double> on_time_rate;    // 100 × resolved_on_time / cases_resolved
  std::optional<double> median_days;     // median of resolved − raised, days
  std::optional<double> mean_rating;     // mean of the ratings given
  long ratings = 0;                      // ratings given among cases_resolved
  long open_overdue = 0;                 // raised ≤ D, not resolved on or before D, deadline < D
};

// A case open and overdue at D, for the report's list (每会必评).
struct OverdueCase {
  std::string id;
  std::string uscc;
  std::string name;    // the enterprise's name, empty when unknown
  std::string region;  // its county
  std::string category;
  std::string department;
  CivilDate raised;
  CivilDate deadline;
  long days_overdue = 0;  // D − deadline
};

struct ServiceFigures {
  ServiceGroupFigures city;
  std::vector<ServiceGroupFigures> cadres;       // visit figures only (cases name no cadre)
  std::vector<ServiceGroupFigures> departments;  // by assignments.csv and cases.csv department
  std::vector<ServiceGroupFigures> counties;     // by the enterprise's county, in code order
  std::vector<OverdueCase> overdue;              // most days overdue first, then by id
  std::vector<std::string> unvisited_names;      // names of city.unvisited, same order ("" unknown)
};

}  // namespace zhizao
