#include "engine/trend.h"

#include "engine/indexed_dataset.h"
#include "engine/report_sets.h"
#include "engine/scoped_enterprises.h"

namespace zhizao {

namespace {

// Only the headline sets per month: the same figures as compute_report (the test checks it) at a
// fraction of the work.
Result<std::vector<TrendPoint>> trend_of(const detail::IndexedDataset& data,
                                         const ReportRequest& request, int months) {
  std::vector<TrendPoint> points;
  for (int back = months - 1; back >= 0; --back) {
    ReportRequest month_request = request;
    month_request.period = request.period.plus_months(-back);
    if (month_request.period.month == 1) continue;  // released with February as 1–2月
    Result<detail::ScopedEnterprises> scoped = detail::scoped_enterprises(data, month_request);
    if (!scoped) return fail(scoped.error());
    detail::HeadlineFigures headline = detail::headline_figures(data, *scoped, scoped->figures);
    points.push_back({month_request.period, headline.industry.value_added_growth,
                      headline.manufacturing.value_added_growth,
                      headline.industry.two_year_average_growth,
                      headline.industry.electricity_growth, headline.industry.output_growth});
  }
  return points;
}

}  // namespace

Result<std::vector<TrendPoint>> compute_trend(const Dataset& dataset, const ReportRequest& request,
                                              int months) {
  return trend_of(detail::IndexedDataset(dataset), request, months);
}

Result<std::vector<TrendPoint>> compute_trend(const ColumnarData& data,
                                              const ReportRequest& request, int months) {
  return trend_of(detail::IndexedDataset(data.tables, data.columns), request, months);
}

}  // namespace zhizao
