// enterprises.csv and monthly.csv of the national-scale dataset, streamed in one pass over the
// enterprises: each enterprise's plan, then its row and its months.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "demo/scale_csv_sink.h"
#include "demo/scale_internal.h"
#include "demo/scale_plan.h"
#include "domain/industry.h"
#include "domain/region.h"

namespace zhizao::detail {
namespace {

constexpr int64_t kMissing = -1;

// A month's figures in tenths of their unit; kMissing where not reported.
struct MonthFigures {
  bool exists = false;
  int64_t output = kMissing;
  int64_t value_added = kMissing;
  int64_t electricity = kMissing;
};

int64_t to_tenths(double value) { return std::max<int64_t>(1, std::llround(value * 10.0)); }

void optional_tenths(CsvSink& sink, int64_t value) {
  sink.ch(',');
  if (value != kMissing) sink.tenths(value);
}

// The figures the firm would have reported in month offset t (t may precede the range: the
// previous-year figures of the range's first year).
MonthFigures draw_figures(const ScaleFirm& firm, DemoRandom& random, int t, int month,
                          bool in_final_year) {
  MonthFigures figures;
  figures.exists = true;
  const double output = scale_level(firm, t, month, in_final_year) * random.between(0.96, 1.04);
  figures.output = to_tenths(output);
  const double va_noise = random.between(0.98, 1.02);
  if (firm.reports_value_added) figures.value_added = to_tenths(output * firm.va_ratio * va_noise);
  const double kwh_noise = random.between(0.95, 1.05);
  const bool electricity_gap = random.chance(0.01);
  if (firm.electricity > 0 && !electricity_gap) {
    figures.electricity = to_tenths(output * firm.electricity * kwh_noise);
  }
  return figures;
}

void write_enterprise(CsvSink& sink, const ScaleFirm& firm, int64_t index,
                      const std::string& uscc) {
  sink.text(uscc);
  sink.text(",演示规上企业");
  sink.integer(index);
  sink.ch(',');
  sink.text(industrial_divisions()[firm.division].code);
  sink.ch(',');
  sink.text(county_regions()[firm.county].code);
  sink.ch(',');
  if (firm.park != 0) sink.text(fmt::format("P{:04}", firm.park));
  sink.ch(',');
  if (firm.chain_a != 0) sink.text(fmt::format("C{:02}", firm.chain_a));
  if (firm.chain_b != 0) sink.text(fmt::format(";C{:02}", firm.chain_b));
  sink.text(firm.key ? ",1" : ",0");
  sink.end_row();
}

}  // namespace

Status write_enterprises_and_monthly(const ScaleOptions& options, const std::string& dir,
                                     ScaleSummary& summary) {
  CsvSink enterprises;
  CsvSink monthly;
  if (Status s = enterprises.open(dir + "/enterprises.csv"); !s.is_ok()) return s;
  if (Status s = monthly.open(dir + "/monthly.csv"); !s.is_ok()) return s;
  enterprises.text("uscc,name,industry,region,park,chains,key");
  enterprises.end_row();
  monthly.text(
      "uscc,period,output,value_added,electricity,output_prev,value_added_prev,"
      "electricity_prev,in_scope");
  monthly.end_row();

  const int months = options.to.index() - options.from.index() + 1;
  std::vector<std::string> periods;
  for (int t = 0; t < months; ++t) periods.push_back(options.from.plus_months(t).to_string());
  const int64_t parks = scale_park_count(options.enterprises);

  for (int64_t index = 0; index < options.enterprises; ++index) {
    const ScaleFirm firm = plan_scale_firm(options.seed, index, months, options.from.month, parks);
    const std::string uscc = scale_uscc(firm, index);
    write_enterprise(enterprises, firm, index, uscc);
    DemoRandom random = scale_month_random(options.seed, index);
    std::array<MonthFigures, 12> year_ago{};  // by t mod 12: the figures of t − 12
    for (int t = firm.first; t <= firm.last; ++t) {
      const YearMonth period = options.from.plus_months(t);
      const bool final_year = period.year == options.to.year;
      const MonthFigures now = draw_figures(firm, random, t, period.month, final_year);
      MonthFigures& slot = year_ago[static_cast<size_t>(t % 12)];
      // 上年同期: the row of t − 12 when there is one; before the range the enterprise existed
      // (unless it is a new entrant) and reports what it had then.
      MonthFigures prev = slot;
      if (!prev.exists && firm.first == 0) {
        prev = draw_figures(firm, random, t - 12, period.month, false);
      }
      slot = now;
      ++summary.monthly_rows;
      monthly.text(uscc);
      monthly.ch(',');
      monthly.text(periods[static_cast<size_t>(t)]);
      monthly.ch(',');
      monthly.tenths(now.output);
      optional_tenths(monthly, now.value_added);
      optional_tenths(monthly, now.electricity);
      const bool has_prev = prev.exists && firm.prev != PrevReporting::kNone;
      optional_tenths(monthly, has_prev ? prev.output : kMissing);
      const bool all_prev = has_prev && firm.prev == PrevReporting::kAll;
      optional_tenths(monthly, all_prev ? prev.value_added : kMissing);
      optional_tenths(monthly, all_prev ? prev.electricity : kMissing);
      monthly.text(t >= firm.out_first && t <= firm.out_last ? ",0" : ",1");
      monthly.end_row();
    }
  }
  summary.enterprises = options.enterprises;
  if (Status s = enterprises.close(); !s.is_ok()) return s;
  return monthly.close();
}

}  // namespace zhizao::detail
