// The early warnings in the narrative's "值得关注的问题" / "Points to watch": the red and orange
// warnings of the report (src/warnings) with their reasons.
#pragma once

#include <string>

#include "base/language.h"
#include "engine/report_data.h"

namespace zhizao::detail {

// "本期一级（红色）预警N条：…；…。二级（橙色）预警M条：…。" (at most kListedWarnings reasons per
// level, then "等"); empty without red or orange warnings.
std::string warnings_watch_zh(const ReportData& report);

// The same in English: "Red warnings (level 1), N: …; …. Orange warnings (level 2), M: …."
std::string warnings_watch_en(const ReportData& report);

}  // namespace zhizao::detail
