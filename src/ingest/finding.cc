#include "ingest/finding.h"

#include <fmt/format.h>

namespace zhizao::detail {

std::string format_finding(std::string_view file, const Finding& finding) {
  return fmt::format("{}:{}: {}: {}", file, finding.line, finding.column, finding.reason);
}

}  // namespace zhizao::detail
