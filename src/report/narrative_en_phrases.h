// English phrases shared by the parts of the English narrative, in the plain register of an
// official English release ("grew 12.7% year on year"). Verbs are decided on the displayed
// value, as in Chinese. Pure, thread-safe.
#pragma once

#include <optional>
#include <string>

#include "engine/report_data.h"

namespace zhizao::detail {

// "grew 12.7%" / "fell 3.2%" / "was flat", decided on the value at `decimals`.
std::string trend_en(double value, int decimals);

// "{subject} grew 12.7% year on year" / "{subject} was flat year on year", or
// "{subject} had no comparable data" when null.
std::string figure_en(const std::string& subject, const std::optional<double>& value, int decimals);

// "; growth was 0.5 percentage points lower than in January–March" / "higher" / "; growth was
// the same as in …"; empty when a figure is null or the period has no predecessor.
std::string change_clause_en(const ReportData& report, const std::optional<double>& current,
                             const std::optional<double>& previous);

// "adding 2.1 percentage points to growth" / "taking 0.3 percentage points off growth"; empty
// when the pull is null or displays as zero.
std::string pull_clause_en(const std::optional<double>& pull);

// "1 division" / "4 divisions".
std::string count_en(long count, const std::string& singular, const std::string& plural);

// Returns `text` with its first ASCII letter in upper case.
std::string capitalize(std::string text);

std::string projects_paragraph_en(const ReportData& report, const std::string& area);
std::string watch_paragraph_en(const ReportData& report, const std::string& area);

}  // namespace zhizao::detail
