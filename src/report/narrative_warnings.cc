#include "report/narrative_warnings.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <vector>

namespace zhizao::detail {
namespace {

constexpr std::size_t kListedWarnings = 8;

std::vector<const Warning*> of_level(const ReportData& report, WarningLevel level) {
  std::vector<const Warning*> out;
  for (const Warning& w : report.warnings) {
    if (w.level == level) out.push_back(&w);
  }
  return out;
}

std::string listed(const std::vector<const Warning*>& warnings, Language language) {
  std::string out;
  std::size_t shown = std::min(warnings.size(), kListedWarnings);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i > 0) out += language == Language::kZh ? "；" : "; ";
    out += language == Language::kZh ? warnings[i]->reason : warnings[i]->reason_en;
  }
  if (warnings.size() > shown) out += language == Language::kZh ? "等" : "; and others";
  return out;
}

}  // namespace

std::string warnings_watch_zh(const ReportData& report) {
  std::string out;
  auto red = of_level(report, WarningLevel::kRed);
  auto orange = of_level(report, WarningLevel::kOrange);
  if (!red.empty()) {
    out += fmt::format("本期一级（红色）预警{}条：{}。", red.size(), listed(red, Language::kZh));
  }
  if (!orange.empty()) {
    out += fmt::format("{}二级（橙色）预警{}条：{}。", red.empty() ? "本期" : "", orange.size(),
                       listed(orange, Language::kZh));
  }
  return out;
}

std::string warnings_watch_en(const ReportData& report) {
  std::vector<std::string> parts;
  auto red = of_level(report, WarningLevel::kRed);
  auto orange = of_level(report, WarningLevel::kOrange);
  if (!red.empty()) {
    parts.push_back(
        fmt::format("Red warnings (level 1), {}: {}.", red.size(), listed(red, Language::kEn)));
  }
  if (!orange.empty()) {
    parts.push_back(fmt::format("Orange warnings (level 2), {}: {}.", orange.size(),
                                listed(orange, Language::kEn)));
  }
  return fmt::format("{}", fmt::join(parts, " "));
}

}  // namespace zhizao::detail
