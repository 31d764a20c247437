#include "columnar/v2_figures_assembly.h"

#include "products/product_figures.h"
#include "service/service_figures.h"
#include "steering/steering.h"
#include "warnings/compute_warnings.h"

namespace zhizao {

Status complete_v2_figures(const detail::IndexedDataset& records, const ReportRequest& request,
                           ReportData& report) {
  (void)records;
  (void)request;
  (void)report;
  // Order matters: the warnings read the figures the modules above them filled in.
  // products (src/products): report.products
  ZHIZAO_RETURN_IF_ERROR(complete_product_figures(records, request, report));
  // steering (src/steering): report.campaigns, report.targets, report.projects.lagging
  ZHIZAO_RETURN_IF_ERROR(complete_steering_figures(records, request, report));
  // service (src/service, 五每): report.service
  ZHIZAO_RETURN_IF_ERROR(complete_service_figures(records, request, report));
  // warnings (src/warnings): report.warnings, last
  ZHIZAO_RETURN_IF_ERROR(complete_warnings(records, request, report));
  return Status::ok();
}

}  // namespace zhizao
