// `zhizao explain --product CODE`: a product's figures traced to the enterprises behind them
// (src/products explain_product), as text, Markdown or JSON like the other explanations.
#pragma once

#include <string>

#include "cli/report_options.h"

namespace zhizao {

// Writes the explanation of product `code` for `options`' period, window and scope; returns the
// exit code (1 for a January period, an unknown scope or an unknown product code).
int run_explain_product(const ReportOptions& options, const std::string& code);

}  // namespace zhizao
