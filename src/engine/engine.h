// The indicator engine: from a Dataset to ReportData, exactly per the data contract's
// definitions (docs/methodology.md). Pure functions of their inputs; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "domain/dataset.h"
#include "engine/monthly_columns.h"
#include "engine/report_data.h"

namespace zhizao {

struct ReportRequest {
  YearMonth period;
  WindowKind window = WindowKind::kCumulative;
  std::string scope;  // a region code of any level or a region group id; empty for all data
};

// Computes every figure of the report for `request`.
// Errors: kUsage when the period is January (released only with February as 1–2月), or when
// `scope` is neither a known region nor a group of the dataset.
Result<ReportData> compute_report(const Dataset& dataset, const ReportRequest& request);

// The data of an engine call given as columns (issue 3, the columnar snapshot): every table of
// `tables` except its monthly rows, which are not read, and the monthly records in `columns`,
// whose enterprise e is tables.enterprises[e]. Both are borrowed for the call.
struct ColumnarData {
  const Dataset& tables;
  const MonthlyColumns& columns;
};

// As compute_report(Dataset) over the same records: the same figures, bit for bit.
Result<ReportData> compute_report(const ColumnarData& data, const ReportRequest& request);

// What a figure is traced down to: a division, region, park, chain, or the key enterprises.
enum class ExplainKind {
  kIndustry,
  kManufacturing,
  kDivision,
  kRegion,
  kPark,
  kChain,
  kKeyEnterprises
};

struct ExplainTarget {
  ExplainKind kind = ExplainKind::kIndustry;
  std::string code;  // division code, region code, park or chain id; empty for the others
};

// One enterprise's part in a set's figure.
struct EnterpriseShare {
  std::string uscc;
  std::string name;
  std::string division;
  std::string region;
  double current = 0;   // Σ cva over its comparable pairs (output for key enterprises)
  double previous = 0;  // Σ prev over the same pairs
  long pairs = 0;
  std::optional<double> growth;
  std::optional<double> contribution;  // 100 × increase / set's increase
  std::optional<double> pull;          // 100 × increase / set's Σ previous
  int months_in_scope = 0;             // months of the window with an in-scope record
  std::string note;                    // why it has no pairs, e.g. "no previous-year figures"
};

struct Explanation {
  ExplainTarget target;
  std::string name;
  std::string measure;  // "value_added" or "output" (key enterprises)
  SetFigures totals;
  std::vector<EnterpriseShare> enterprises;  // by increase, largest first; non-comparable last
};

// Traces the set's growth down to its enterprises: their sums add up to `totals`.
// Errors: kUsage as for compute_report; kNotFound when the target code is unknown.
Result<Explanation> explain(const Dataset& dataset, const ReportRequest& request,
                            const ExplainTarget& target);

// As explain(Dataset) over the same records.
Result<Explanation> explain(const ColumnarData& data, const ReportRequest& request,
                            const ExplainTarget& target);

}  // namespace zhizao
