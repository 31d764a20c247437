#include "cli/exit_code.h"
#include "cli/explain_product.h"
#include "report/product_explanation.h"

namespace zhizao {

int run_explain_product(const ReportOptions& options, const std::string& code) {
  auto request = options.request();
  if (!request) return report_failure(request.error());
  auto input = open_report_input(options.db, options.no_snapshot);
  if (!input) return report_failure(input.error());
  auto explanation = input->explain_product(*request, code);
  if (!explanation) return report_failure(explanation.error());
  std::string text =
      render_product_explanation(*explanation, options.report_format(), options.language());
  Status written = write_output(options.output, text);
  return written.is_ok() ? kExitDone : report_failure(written);
}

}  // namespace zhizao
