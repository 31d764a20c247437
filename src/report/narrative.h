// The narrative of the monthly analysis (工业经济运行分析): a title and numbered sections of
// paragraphs, every sentence generated from the figures of ReportData. One builder per
// language; both follow ../shared/glossary.md "The register of a monthly analysis". Pure
// functions, thread-safe.
#pragma once

#include <string>
#include <vector>

#include "engine/report_data.h"

namespace zhizao::detail {

struct NarrativeSection {
  std::string heading;  // e.g. "一、总体情况" / "1. Overview"
  std::vector<std::string> paragraphs;
};

struct Narrative {
  std::string title;
  std::vector<NarrativeSection> sections;  // sections without a paragraph are left out
};

// Chinese narrative: "2021年1—4月全市工业经济运行情况", headline, sections, divisions,
// electricity and key enterprises, counties/parks/chains, projects, 值得关注.
Narrative narrative_zh(const ReportData& report);

// The same content in the plain register of an official English release.
Narrative narrative_en(const ReportData& report);

// Joins `parts` with `separator`.
std::string join(const std::vector<std::string>& parts, const std::string& separator);

// Returns "一".."十" for 1..10, the decimal number otherwise (section and item numbering).
std::string chinese_ordinal(int number);

}  // namespace zhizao::detail
