#include "engine/trend.h"

namespace zhizao {

Result<std::vector<TrendPoint>> compute_trend(const Dataset& dataset, const ReportRequest& request,
                                              int months) {
  std::vector<TrendPoint> points;
  for (int back = months - 1; back >= 0; --back) {
    ReportRequest month_request = request;
    month_request.period = request.period.plus_months(-back);
    if (month_request.period.month == 1) continue;  // released with February as 1–2月
    Result<ReportData> report = compute_report(dataset, month_request);
    if (!report) return fail(report.error());
    points.push_back({month_request.period, report->industry.value_added_growth,
                      report->manufacturing.value_added_growth,
                      report->industry.two_year_average_growth, report->industry.electricity_growth,
                      report->industry.output_growth});
  }
  return points;
}

}  // namespace zhizao
