// The records of the data contract (../shared/data-contract.md, "Input files"), one struct per
// file kind, after parsing and validation. Money in 万元, electricity in 万千瓦时.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/year_month.h"

namespace zhizao {

// A row of enterprises.csv. `division` is derived from `industry` (GB/T 4754-2017).
struct Enterprise {
  std::string uscc;  // GB 32100-2015 unified social credit code, upper case
  std::string name;
  std::string industry;             // as given: 4-digit class or 2-digit division
  std::string division;             // the 2-digit division (06–46) that `industry` belongs to
  std::string region;               // GB/T 2260 county-level code, retired codes already mapped
  std::string park;                 // park id, empty when none
  std::vector<std::string> chains;  // chain ids, in the order given
  bool key = false;                 // 重点企业

  bool operator==(const Enterprise&) const = default;
};

// A row of monthly.csv: one enterprise, one month (or January–February folded into February).
struct MonthlyRecord {
  std::string uscc;
  YearMonth period;
  double output = 0;                  // 工业总产值, current prices
  std::optional<double> value_added;  // 工业增加值, current prices
  std::optional<double> electricity;  // 用电量
  std::optional<double> output_prev;  // same month of the previous year, as reported
  std::optional<double> value_added_prev;
  std::optional<double> electricity_prev;
  bool in_scope = true;  // 规上 in this month

  bool operator==(const MonthlyRecord&) const = default;
};

// A row of deflators.csv: the division's PPI, same month of the previous year = 100.
struct Deflator {
  std::string division;
  YearMonth period;
  double ppi = 100;

  bool operator==(const Deflator&) const = default;
};

// A row of va_ratios.csv: value added / gross output for a division and year, 0 < ratio ≤ 1.
struct ValueAddedRatio {
  std::string division;
  int year = 0;
  double ratio = 0;

  bool operator==(const ValueAddedRatio&) const = default;
};

struct Park {
  std::string id;
  std::string name;
  std::string region;    // GB/T 2260 code of any level, empty when none
  std::string category;  // e.g. the "6+3+X" tier

  bool operator==(const Park&) const = default;
};

struct Chain {
  std::string id;
  std::string name;

  bool operator==(const Chain&) const = default;
};

struct Project {
  std::string id;
  std::string name;
  std::string region;  // GB/T 2260 county-level code
  double total_investment = 0;
  std::string industry;  // 2- or 4-digit code, empty when none
  std::string chain;     // chain id, empty when none
  std::string park;      // park id, empty when none
  std::optional<double> year_plan_investment;
  std::optional<CivilDate> planned_start;
  std::optional<CivilDate> actual_start;
  std::optional<CivilDate> planned_completion;
  std::optional<CivilDate> actual_completion;
  std::string campaign;  // campaign id (v2, campaigns.csv), empty when none

  bool operator==(const Project&) const = default;
};

// A row of project_progress.csv: investment completed in one month.
struct ProjectProgress {
  std::string project_id;
  YearMonth period;
  double investment = 0;

  bool operator==(const ProjectProgress&) const = default;
};

// A named set of regions of any level (e.g. 洛阳都市圈). Groups are data, not code.
struct RegionGroup {
  std::string id;
  std::string name;
  std::vector<std::string> members;  // GB/T 2260 codes: counties, cities (xxxx00) or provinces

  bool operator==(const RegionGroup&) const = default;
};

// ---- v2 additions of the data contract ("v2 additions", December 2026) ----

// A row of products.csv: a key product the bureau counts in its own unit.
struct Product {
  std::string code;      // the bureau's product code (统计用产品分类目录)
  std::string name;      // 产品名称
  std::string unit;      // 计量单位, e.g. 台, 吨, 辆, 万千瓦
  std::string division;  // 2-digit division, empty when none

  bool operator==(const Product&) const = default;
};

// A row of product_output.csv: one enterprise's quantity of one product in one month.
struct ProductOutput {
  std::string uscc;
  YearMonth period;
  std::string product;                  // Product::code
  double quantity = 0;                  // in the product's unit, ≥ 0
  std::optional<double> quantity_prev;  // same month of the previous year, as reported

  bool operator==(const ProductOutput&) const = default;
};

// The indicator a target counts (data contract v2, "Targets").
enum class TargetIndicator {
  kOutput,                        // output
  kManufacturingOutput,           // manufacturing_output
  kEnterprisesOver,               // enterprises_over
  kManufacturingEnterprisesOver,  // manufacturing_enterprises_over
};

// A row of targets.csv: a plan-period target (e.g. the 14th five-year plan's for 2025).
struct Target {
  std::string id;
  std::string name;
  TargetIndicator indicator = TargetIndicator::kOutput;
  std::string scope;  // region code of any level, region group id, park id, chain id, or "all"
  int year = 0;
  double value = 0;
  std::optional<double> threshold;  // 万元, for the counts of enterprises

  bool operator==(const Target&) const = default;
};

// A row of campaigns.csv: e.g. a hundred-day campaign (百日攻坚) with its own plan.
struct Campaign {
  std::string id;
  std::string name;
  CivilDate from;
  CivilDate to;
  std::optional<long> planned_starts;
  std::optional<long> planned_completions;
  std::optional<double> planned_investment;  // 万元

  bool operator==(const Campaign&) const = default;
};

// A row of electricity_daily.csv: one enterprise's consumption on one day, in kWh.
struct DailyElectricity {
  std::string uscc;
  CivilDate date;
  double kwh = 0;

  bool operator==(const DailyElectricity&) const = default;
};

// A row of assignments.csv: a cadre (包联干部) and department responsible for an enterprise.
struct Assignment {
  std::string uscc;
  std::string cadre;
  std::string department;

  bool operator==(const Assignment&) const = default;
};

// A row of visits.csv: a cadre's visit to an enterprise (每月必访).
struct Visit {
  std::string uscc;
  CivilDate date;
  std::string cadre;
  std::string findings;

  bool operator==(const Visit&) const = default;
};

// A row of cases.csv: a problem an enterprise raised (诉求) and how it was handled.
struct ServiceCase {
  std::string id;
  std::string uscc;
  CivilDate raised;
  std::string category;
  std::string department;
  CivilDate deadline;
  std::optional<CivilDate> resolved;
  std::optional<int> rating;  // 1–5

  bool operator==(const ServiceCase&) const = default;
};

}  // namespace zhizao
