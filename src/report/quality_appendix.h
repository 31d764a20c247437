// The report's appendix of data-quality findings still to verify (附录：数据质量待核实事项), from
// ReportData::quality_findings (filled by the CLI and the server where the report is made, see
// server/quality_service.h). Pure functions, thread-safe.
#pragma once

#include "base/language.h"
#include "engine/report_data.h"
#include "report/table_writer.h"

namespace zhizao::detail {

// The table: enterprise, credit code, check, months, why (worded as something to verify); no rows
// when there is no open finding (the table is then left out).
Table quality_appendix_table(const ReportData& report, Language language);

}  // namespace zhizao::detail
