// ReportInput::explain_product: the products' explanation over either path, the records indexed
// as for the report's v2 figures.
#include "columnar/report_input.h"

namespace zhizao {

Result<ProductExplanation> ReportInput::explain_product(const ReportRequest& request,
                                                        std::string_view code) const {
  if (snapshot_ != nullptr) {
    return zhizao::explain_product(
        detail::IndexedDataset(snapshot_->tables(), snapshot_->data().columns), request, code);
  }
  return zhizao::explain_product(detail::IndexedDataset(*dataset_), request, code);
}

}  // namespace zhizao
