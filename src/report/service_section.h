// The report's "企业服务" (enterprise service, 五每) part: visit coverage and the enterprises
// nobody visited in month M, the cases resolved in the window, and the cases open and overdue at
// the month's last day, from ReportData::service (data contract v2, "Enterprise service"). Pure
// functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "engine/report_data.h"

namespace zhizao::detail {

// At most this many enterprises or cases are named in a sentence; the rest are counted ("等N家").
inline constexpr std::size_t kServiceNamedItems = 10;

// The paragraphs on visits and on cases, in that order; empty when the report has no service
// figures. `area` names the report's area ("全市").
std::vector<std::string> service_paragraphs_zh(const ReportData& report, const std::string& area);

// The same in English (`area` e.g. "the city").
std::vector<std::string> service_paragraphs_en(const ReportData& report, const std::string& area);

}  // namespace zhizao::detail
