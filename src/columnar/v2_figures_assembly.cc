#include "columnar/v2_figures_assembly.h"

namespace zhizao {

Status complete_v2_figures(const detail::IndexedDataset& records, const ReportRequest& request,
                           ReportData& report) {
  (void)records;
  (void)request;
  (void)report;
  // Order matters: the warnings read the figures the modules above them filled in.
  // products (src/products): report.products
  // steering (src/steering): report.campaigns, report.targets, report.projects.lagging
  // warnings (src/warnings): report.warnings, last
  return Status::ok();
}

}  // namespace zhizao
