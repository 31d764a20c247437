// Chinese phrases shared by the parts of the Chinese narrative. Every phrase that carries a
// figure decides its verb from the displayed value (number_format.h). Pure, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/report_data.h"

namespace zhizao::detail {

// "增长12.7%" / "下降3.2%" (magnitude) / "持平", decided on the value at `decimals`.
std::string trend_zh(double value, int decimals);

// "{subject}同比增长12.7%", or "{subject}无可比数据" when the figure is null.
std::string figure_zh(const std::string& subject, const std::optional<double>& value, int decimals);

// ",增速比1—3月加快0.5个百分点" / "回落" / ",增速与1—3月持平", from the unrounded difference;
// empty when either figure is null or the period has no predecessor (1—2月).
std::string change_clause_zh(const ReportData& report, const std::optional<double>& current,
                             const std::optional<double>& previous);

// "拉动全市规上工业增长2.1个百分点" / "拉低全市规上工业增速0.3个百分点"; with an empty `area`
// the short form "拉动2.1个百分点"; empty when the pull is null or displays as zero.
std::string pull_clause_zh(const std::optional<double>& pull, const std::string& area);

// The projects paragraph: investment in 亿元, starts and completions against plan.
std::string projects_paragraph_zh(const ReportData& report, const std::string& area);

// "值得关注的是,一是…;二是…。": declines and lagging items; a reassurance when there are none.
std::string watch_paragraph_zh(const ReportData& report, const std::string& area);

}  // namespace zhizao::detail
