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

}  // namespace zhizao
