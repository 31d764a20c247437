// The tables of the report and of an explanation, language-aware, as plain Table values for
// table_writer. Null figures show as "—"; divisions valued at current prices are marked "*"
// with a footnote. Pure functions, thread-safe.
#pragma once

#include <vector>

#include "base/language.h"
#include "engine/engine.h"
#include "engine/report_data.h"
#include "report/table_writer.h"

namespace zhizao::detail {

// Returns, in order, the tables that have rows: headline figures, divisions ranked by growth,
// counties, parks, chains, key enterprises that pulled up / down most (10 each), projects.
std::vector<Table> report_tables(const ReportData& report, Language language);

// Returns the explanation's table of enterprises with a totals row.
Table explanation_table(const Explanation& explanation, Language language);

// Returns the explanation's one-line header, e.g.
// "34 通用设备制造业: 增加值同比增长 25.1%, 12 家企业, 可比企业 10 家".
std::string explanation_header(const Explanation& explanation, Language language);

}  // namespace zhizao::detail
